// A streamed report (findings written as projects are checked: every format) must say exactly what the
// report built in memory says, in the same order, for every kind of run that streams.
#include <catch2/catch.hpp>

#include <sys/resource.h>

#include <csignal>
#include <cstdlib>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "pipeline/pipeline.hpp"
#include "support/paths.hpp"

using namespace perf_check;

namespace {

struct Run {
    int code = 0;
    std::string out;
    std::string err;
};

// The formats written as results arrive (Reporter::stream); reporters_test pins down that they do.
const std::vector<std::string> k_streamed = {"json",  "csv",      "gitlab", "sarif", "text",
                                             "junit", "markdown", "github", "html"};

Run run_format(RunOptions opts, bool stream, const std::string& format) {
    opts.stream = stream;
    opts.reports = {{format, ""}};
    std::ostringstream out;
    std::ostringstream err;
    Run r;
    r.code = pipeline::run(opts, out, err);
    r.out = out.str();
    r.err = err.str();
    return r;
}

int occurrences(const std::string& text, const std::string& what) {
    int n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

Run run_json(const RunOptions& opts, bool stream) {
    return run_format(opts, stream, "json");
}

constexpr const char* k_self_eval = "samples/self-eval/self-eval-2024.csv";

// A sample table (its path in the source tree) with its projects `copies` times over below its title,
// unit line and two header rows: a big table of real rows.
std::string repeated_sample(const char* sample_path, int copies) {
    const std::string sample = test::slurp(test::source_path(sample_path));
    std::size_t body = 0;
    for (int line = 0; line < 4; ++line) body = sample.find('\n', body) + 1;  // title, unit, two header rows
    std::string out = sample.substr(0, body);
    for (int i = 0; i < copies; ++i) out += sample.substr(body);
    return out;
}

// Both ways, byte for byte, in every streamed format; returns the parsed JSON report.
nlohmann::json same_both_ways(const RunOptions& opts) {
    for (const auto& format : k_streamed) {
        INFO("format " << format);
        const Run streamed = run_format(opts, true, format);
        const Run kept = run_format(opts, false, format);
        CHECK(streamed.code == kept.code);
        CHECK(streamed.err == kept.err);
        REQUIRE(streamed.out == kept.out);
        if (format == "json" || format == "gitlab" || format == "sarif")
            CHECK_NOTHROW(nlohmann::json::parse(streamed.out));
    }
    return nlohmann::json::parse(run_json(opts, true).out);
}

}  // namespace

TEST_CASE("streamed and in-memory JSON reports are identical on the seed", "[stream]") {
    RunOptions opts;
    opts.paths = {test::source_path("samples/targets-2024.csv")};
    const auto doc = same_both_ways(opts);
    CHECK(doc["summary"]["projects"] == 4);
    CHECK(doc["findings"].size() == doc["summary"]["errors"].get<std::size_t>() +
                                        doc["summary"]["warnings"].get<std::size_t>() +
                                        doc["summary"]["infos"].get<std::size_t>());
    CHECK(doc["files"][0]["indicators"] == 44);
    // Report order: rows ascending within the file.
    int last = 0;
    for (const auto& f : doc["findings"]) {
        CHECK(f["row"].get<int>() >= last);
        last = f["row"].get<int>();
    }
}

TEST_CASE("streamed and in-memory JSON agree on a batch checked in parallel, with a broken file", "[stream]") {
    test::TempDir dir;
    dir.write("a/1.csv", test::slurp(test::source_path("samples/targets-2024.csv")));
    dir.write("a/2.csv", std::string("\x01\x02\x00\x03 not a table", 17));
    dir.write("a/3.csv", test::slurp(test::source_path("samples/old-style-2022.csv")));
    dir.write("a/4.csv", test::slurp(test::source_path("samples/targets-2024.gb18030.csv")));
    RunOptions opts;
    opts.paths = {dir.path("a")};
    opts.jobs = 2;
    opts.summary = true;
    const auto doc = same_both_ways(opts);
    REQUIRE(doc["files"].size() == 4);
    CHECK(doc["files"][1]["error"].is_string());
    CHECK(doc["summary"]["unreadable_files"] == 1);
    CHECK(doc["files"][3]["projects"] == 4);
    // Files in input order, findings grouped by file in that order.
    std::vector<std::string> order;
    for (const auto& f : doc["findings"]) {
        if (order.empty() || order.back() != f["file"]) order.push_back(f["file"]);
    }
    CHECK(order == std::vector<std::string>{dir.path("a/1.csv"), dir.path("a/3.csv"), dir.path("a/4.csv")});
    CHECK(doc["summary"]["key_projects"].size() > 0);
}

TEST_CASE("streamed and in-memory reports agree when a file between others cannot even be opened", "[stream]") {
    // A missing file gives no project results at all, only its end: SARIF must still number it
    // (artifacts) before the next file's findings, as the in-memory report does.
    test::TempDir dir;
    dir.write("1.csv", test::slurp(test::source_path("samples/targets-2024.csv")));
    dir.write("3.csv", test::slurp(test::source_path("samples/old-style-2022.csv")));
    RunOptions opts;
    opts.paths = {dir.path("1.csv"), dir.path("2-missing.csv"), dir.path("3.csv")};
    for (const unsigned jobs : {1U, 2U}) {
        opts.jobs = jobs;
        const auto doc = same_both_ways(opts);
        REQUIRE(doc["files"].size() == 3);
        CHECK(doc["files"][1]["error"].is_string());
        const auto sarif = nlohmann::json::parse(run_format(opts, true, "sarif").out);
        const auto& results = sarif["runs"][0]["results"];
        REQUIRE_FALSE(results.empty());
        CHECK(results.back()["locations"][0]["physicalLocation"]["artifactLocation"]["index"] == 2);
    }
}

TEST_CASE("streamed and in-memory JSON agree when scoring with a separate actuals file", "[stream]") {
    RunOptions opts;
    opts.paths = {test::source_path("samples/self-eval/targets-2024.csv")};
    opts.actuals_path = test::source_path("samples/self-eval/actuals-2024.csv");
    opts.score = true;
    const auto doc = same_both_ways(opts);
    REQUIRE(doc["scores"].size() == 5);
    CHECK(doc["scores"][0]["total"] == 96.06);
    // The actuals file is listed last, and findings placed in it come after the table's.
    CHECK(doc["files"].back()["path"] == opts.actuals_path);
}

TEST_CASE("findings and scores rendered ahead by parallel workers match the in-memory report", "[stream]") {
    // Two workers render each project's findings and score in their own thread; the report must not
    // change, findings placed in the actuals file still come last, and the summary still counts them.
    test::TempDir dir;
    const std::string table = test::slurp(test::source_path("samples/self-eval/targets-2024.csv"));
    for (const char* name : {"b/1.csv", "b/2.csv", "b/3.csv"}) dir.write(name, table);
    RunOptions opts;
    opts.paths = {dir.path("b")};
    opts.actuals_path = test::source_path("samples/self-eval/actuals-2024.csv");
    opts.score = true;
    opts.summary = true;
    opts.jobs = 2;
    const auto doc = same_both_ways(opts);
    REQUIRE(doc["scores"].size() == 15);
    CHECK(doc["scores"][5]["file"] == dir.path("b/2.csv"));
    CHECK(doc["scores"][14]["total"] == doc["scores"][4]["total"]);
    CHECK(doc["findings"].size() == doc["summary"]["errors"].get<std::size_t>() +
                                        doc["summary"]["warnings"].get<std::size_t>() +
                                        doc["summary"]["infos"].get<std::size_t>());
    // The same run on one worker (written straight through) says the same.
    opts.jobs = 1;
    CHECK(nlohmann::json::parse(run_json(opts, true).out) == doc);
}

TEST_CASE("a score run's JSON leads with its scores, a check run's with its findings", "[stream]") {
    // A score run's scores are its bulk (every indicator's steps): they go straight to the output and
    // the findings wait in the spool, on one worker and on two (files rendered ahead), streamed or not.
    test::TempDir dir;
    const std::string table = test::slurp(test::source_path(k_self_eval));
    dir.write("e/1.csv", table);
    dir.write("e/2.csv", table);
    RunOptions opts;
    opts.paths = {dir.path("e")};
    const auto first_key = [](const std::string& out) {
        const auto scores = out.find("\n  \"scores\": [");
        const auto findings = out.find("\n  \"findings\": [");
        REQUIRE(scores != std::string::npos);
        REQUIRE(findings != std::string::npos);
        return scores < findings ? std::string("scores") : std::string("findings");
    };
    for (const bool score : {false, true}) {
        opts.score = score;
        for (const unsigned jobs : {1U, 2U}) {
            INFO("score " << score << ", -j " << jobs);
            opts.jobs = jobs;
            const Run streamed = run_json(opts, true);
            CHECK(streamed.out == run_json(opts, false).out);
            CHECK(first_key(streamed.out) == (score ? "scores" : "findings"));
            const auto doc = nlohmann::json::parse(streamed.out);
            CHECK_FALSE(doc["findings"].empty());
            CHECK(doc["scores"].size() == (score ? 2 * doc["files"][0]["projects"].get<std::size_t>() : 0));
            // Findings of both files, in file order, wherever the array stands.
            CHECK(doc["findings"].front()["file"] == dir.path("e/1.csv"));
            CHECK(doc["findings"].back()["file"] == dir.path("e/2.csv"));
        }
    }
}

namespace {
// Files this process writes stop growing at `bytes` (what a full $TMPDIR does to a temporary file), until
// the end of the scope. The write fails with EFBIG instead of the signal that would end the process.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        getrlimit(RLIMIT_FSIZE, &m_old);
        m_old_handler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = m_old;
        limit.rlim_cur = bytes;
        setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit() {
        setrlimit(RLIMIT_FSIZE, &m_old);
        std::signal(SIGXFSZ, m_old_handler);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

private:
    rlimit m_old{};
    void (*m_old_handler)(int) = nullptr;
};
}  // namespace

TEST_CASE("a score report loses nothing when the temporary file its findings wait in cannot grow", "[stream]") {
    // A score run writes its scores first; its findings wait, past 1 MiB in a temporary file. When the
    // disk refuses more (a full $TMPDIR; here a file size limit of 1.5 MiB), the rest waits in memory:
    // the report is the same. (It used to come out valid with every finding gone, and exit 1.)
    test::TempDir dir;
    dir.write("f/1.csv", repeated_sample(k_self_eval, 300));
    RunOptions opts;
    opts.paths = {dir.path("f/1.csv")};
    opts.score = true;
    opts.jobs = 1;
    const Run whole = run_json(opts, true);
    const auto doc = nlohmann::json::parse(whole.out);
    // Findings of several megabytes: one block fits under the limit, the rest does not.
    REQUIRE(doc["findings"].dump().size() > 3u << 20);
    Run limited;
    {
        const FileSizeLimit limit(3u << 19);
        limited = run_json(opts, true);
    }
    CHECK(limited.code == whole.code);
    CHECK(limited.err == whole.err);
    CHECK(limited.out == whole.out);
}

TEST_CASE("a file rendered ahead beyond one spool block still reports exactly what the in-memory run does", "[stream]") {
    // Workers spill what they render ahead in 1 MiB blocks: make each file's findings several blocks.
    const std::string big = repeated_sample("samples/targets-2024.csv", 150);
    test::TempDir dir;
    dir.write("c/1.csv", big);
    dir.write("c/2.csv", big);
    RunOptions opts;
    opts.paths = {dir.path("c")};
    opts.jobs = 2;
    const auto doc = same_both_ways(opts);
    REQUIRE(doc["files"].size() == 2);
    CHECK(doc["files"][1]["projects"] == 600);
    CHECK(doc.dump().size() > 4u << 20);
    CHECK(doc["findings"].back()["file"] == dir.path("c/2.csv"));
}

TEST_CASE("a file whose turn comes while it is checked writes what it spooled, then the rest straight through",
          "[stream][parallel]") {
    // Two workers: the second file's worker renders ahead into spools while the first file is checked;
    // once the first is done, its results go straight to the output, after what it spooled. The second
    // file is the longer, so its turn comes part-way (findings and scores alike).
    test::TempDir dir;
    for (const auto& [name, copies] : {std::pair{"d/1.csv", 40}, std::pair{"d/2.csv", 120}, std::pair{"d/3.csv", 20}})
        dir.write(name, repeated_sample(k_self_eval, copies));
    RunOptions opts;
    opts.paths = {dir.path("d")};
    opts.score = true;
    opts.jobs = 2;
    const auto doc = same_both_ways(opts);
    REQUIRE(doc["files"].size() == 3);
    CHECK(doc["files"][1]["projects"] == 600);
    CHECK(doc["scores"].size() == 900);
    CHECK(doc["scores"][200]["file"] == dir.path("d/2.csv"));
    CHECK(doc["scores"][899]["file"] == dir.path("d/3.csv"));
    opts.jobs = 1;
    CHECK(run_json(opts, true).out == run_json(opts, false).out);
    CHECK(nlohmann::json::parse(run_json(opts, true).out) == doc);
}

TEST_CASE("the exit code of a streamed run follows --fail-on like the in-memory one", "[stream]") {
    RunOptions opts;
    opts.paths = {test::source_path("samples/targets-2024.csv")};
    CHECK(run_json(opts, true).code == pipeline::k_exit_findings);
    opts.fail_on.reset();
    CHECK(run_json(opts, true).code == pipeline::k_exit_clean);
    opts.paths = {test::source_path("samples/clean-2024.csv")};
    opts.fail_on = Severity::info;
    const Run info = run_json(opts, true);
    const auto doc = nlohmann::json::parse(info.out);
    CHECK(info.code == (doc["findings"].empty() ? pipeline::k_exit_clean : pipeline::k_exit_findings));
}

TEST_CASE("the GitHub step summary is the same streamed or not, key-evaluation list included", "[stream]") {
    // Without --summary a streamed run keeps no key-evaluation list unless an output prints it: the
    // step summary's compact form does. The seed three times over is big enough to need the compact form
    // when the summary file is nearly full.
    test::TempDir dir;
    RunOptions opts;
    opts.paths = {test::source_path("samples/targets-2024.csv")};
    for (const std::size_t already : {std::size_t{0}, std::size_t{1024 * 1024 - 3000}}) {
        INFO("summary file already holds " << already << " bytes");
        std::string summaries[2];
        std::string annotations[2];
        for (const bool stream : {true, false}) {
            const std::string path = dir.write(stream ? "streamed.md" : "kept.md", std::string(already, '.'));
            ::setenv("GITHUB_STEP_SUMMARY", path.c_str(), 1);
            annotations[stream] = run_format(opts, stream, "github").out;
            ::unsetenv("GITHUB_STEP_SUMMARY");
            summaries[stream] = test::slurp(path).substr(already);
        }
        CHECK(annotations[true] == annotations[false]);
        REQUIRE(summaries[true] == summaries[false]);
        CHECK(summaries[true].find("# perf-check 检查报告") != std::string::npos);
        if (already > 0) {  // the compact form: summary tables instead of the findings
            CHECK(summaries[true].find("各文件的问题明细从略") != std::string::npos);
            CHECK(summaries[true].find("重点评价项目") != std::string::npos);
            CHECK(summaries[true].find("没有达到重点评价金额的项目") == std::string::npos);
        }
    }
}

TEST_CASE("an actuals file among the tables checked is the actuals file only, listed once", "[stream]") {
    // `score dir/ --actuals dir/b-actuals.csv`: the actuals file is not a target table to check (it
    // would give dozens of findings about columns it is not meant to have); the per-file lines must add
    // up to the totals.
    test::TempDir dir;
    dir.write("s/a-targets.csv", test::slurp(test::source_path("samples/self-eval/targets-2024.csv")));
    dir.write("s/b-actuals.csv", test::slurp(test::source_path("samples/self-eval/actuals-2024.csv")));
    RunOptions opts;
    opts.paths = {dir.path("s")};
    opts.actuals_path = dir.path("s/b-actuals.csv");
    opts.score = true;
    opts.summary = true;
    const auto doc = same_both_ways(opts);
    REQUIRE(doc["files"].size() == 2);
    CHECK(doc["files"][1]["path"] == opts.actuals_path);
    CHECK(doc["files"][1]["projects"] == 0);  // not read as a table
    // Named explicitly as well, it is still the actuals file only.
    RunOptions named = opts;
    named.paths = {dir.path("s/b-actuals.csv"), dir.path("s/a-targets.csv")};
    CHECK(nlohmann::json::parse(run_json(named, true).out)["files"] == doc["files"]);
    const std::string text = run_format(opts, true, "text").out;
    const auto from = text.find("按文件：");
    const auto to = text.find("按单位（问题多的在前）：");
    REQUIRE(from != std::string::npos);
    REQUIRE(to != std::string::npos);
    std::istringstream lines(text.substr(from, to - from));
    std::string line;
    std::getline(lines, line);  // the heading
    std::getline(lines, line);  // the column names
    CHECK(line.find("文件") != std::string::npos);
    CHECK(line.find("错误") != std::string::npos);
    long errors = 0;
    int rows = 0;
    while (std::getline(lines, line)) {
        std::istringstream cells(line);
        std::string path, projects, indicators;
        long e = 0;
        cells >> path >> projects >> indicators >> e;
        errors += e;
        ++rows;
    }
    CHECK(rows == 2);
    CHECK(errors == doc["summary"]["errors"].get<long>());
}

TEST_CASE("the xlsx workbook is the same streamed or not, scores and a broken file included", "[stream][xlsx]") {
    // The workbook is written row by row as results come (constant memory); scores arrive between a
    // project's findings when streamed and after all findings when replayed: the bytes must not care.
    test::TempDir dir;
    const std::string table = test::slurp(test::source_path("samples/self-eval/targets-2024.csv"));
    dir.write("x/1.csv", table);
    dir.write("x/2.csv", std::string("\x01\x02\x00\x03 not a table", 17));
    dir.write("x/3.csv", table);
    RunOptions opts;
    opts.paths = {dir.path("x")};
    opts.actuals_path = test::source_path("samples/self-eval/actuals-2024.csv");
    for (const bool score : {false, true}) {
        for (const unsigned jobs : {1U, 2U}) {
            INFO("score " << score << ", -j " << jobs);
            opts.score = score;
            opts.jobs = jobs;
            std::string bytes[2];
            int codes[2] = {0, 0};
            for (const bool stream : {true, false}) {
                const std::string path = dir.path(stream ? "streamed.xlsx" : "kept.xlsx");
                opts.stream = stream;
                opts.reports = {{"xlsx", path}};
                std::ostringstream out;
                std::ostringstream err;
                codes[stream] = pipeline::run(opts, out, err);
                bytes[stream] = test::slurp(path);
            }
            CHECK(codes[true] == codes[false]);
            REQUIRE(bytes[true].rfind("PK\x03\x04", 0) == 0);
            REQUIRE(bytes[true] == bytes[false]);
        }
    }
}

namespace {

// The self-evaluation sample's projects `copies` times over (about 150 projects, several chunks of
// read_in_chunks), then, when asked, a 合计 row stating `grand` (a table's grand total: telling it apart
// needs every project before it, read in order, whichever thread assembles the last one).
std::string repeated_table(int copies, const std::string& grand = "") {
    std::string out = repeated_sample(k_self_eval, copies);
    if (!grand.empty()) out += "合计,," + grand + ",,,,,,,,,,,,,,,\n";
    return out;
}

}  // namespace

TEST_CASE("one table checked on several threads gives the report one thread gives", "[stream][parallel]") {
    // A file alone with -j 3: this thread reads and groups rows, three others assemble and check
    // chunks of projects, results go on in read order. Every streamed format, streamed or kept,
    // checked and scored, must say byte for byte what -j 1 says.
    test::TempDir dir;
    RunOptions opts;
    opts.paths = {dir.write("t.csv", repeated_table(30))};
    opts.jobs = 1;
    const auto alone = nlohmann::json::parse(run_json(opts, true).out);
    REQUIRE(alone["summary"]["projects"] == 150);
    const std::string funds = alone["summary"]["funds_wan"].dump();
    opts.paths = {dir.write("t.csv", repeated_table(30, funds))};
    for (const bool score : {false, true}) {
        opts.score = score;
        for (const auto& format : k_streamed) {
            for (const bool stream : {true, false}) {
                INFO("score " << score << ", format " << format << ", streamed " << stream);
                opts.jobs = 1;
                const Run one = run_format(opts, stream, format);
                opts.jobs = 3;
                const Run three = run_format(opts, stream, format);
                CHECK(one.code == three.code);
                CHECK(one.err == three.err);
                REQUIRE(one.out == three.out);
            }
        }
    }
    // The 合计 row states every project's funds: the table's grand total, so it is compared with no
    // project's own funds (the last project would be 'total-mismatch' otherwise).
    opts.score = false;
    opts.jobs = 3;
    const auto doc = nlohmann::json::parse(run_json(opts, true).out);
    REQUIRE(doc["summary"]["projects"] == 150);
    for (const auto& f : doc["findings"]) CHECK(f["rule"] != "total-mismatch");
    // Stated wrongly, the same row is the last project's total and is reported.
    opts.paths = {dir.write("t.csv", repeated_table(30, "12.34"))};
    const auto wrong = nlohmann::json::parse(run_json(opts, true).out);
    int mismatches = 0;
    for (const auto& f : wrong["findings"]) mismatches += f["rule"] == "total-mismatch" ? 1 : 0;
    CHECK(mismatches == 1);
}

TEST_CASE("text and markdown list the findings of a file that breaks part-way, as the other formats do", "[stream]") {
    // They used to print only "无法读取" and drop the findings of the projects read before, while the
    // totals line under them counted those findings.
    test::TempDir dir;
    std::string table = repeated_table(2);
    table += "301999,坏项目," + std::string(2000, 'x') + "\n";
    RunOptions opts;
    opts.read.limits.max_cell_bytes = 1024;
    opts.paths = {dir.write("t.csv", table)};
    const auto doc = same_both_ways(opts);
    REQUIRE(doc["files"][0]["error"].is_string());
    std::map<std::string, int> in_json;
    for (const auto& f : doc["findings"]) ++in_json[f["rule"].get<std::string>()];
    REQUIRE_FALSE(in_json.empty());
    const std::string text = run_format(opts, true, "text").out;
    const std::string markdown = run_format(opts, true, "markdown").out;
    CHECK_THAT(text, Catch::Contains("无法读取") &&
                         Catch::Contains("读取中断前已检查的 " + std::to_string(doc["summary"]["projects"].get<int>()) +
                                         " 个项目中发现的问题"));
    for (const auto& [rule, count] : in_json) {
        INFO("rule " << rule);
        // A text row shows the rule between two-space gaps; a markdown row between bars.
        CHECK(occurrences(text, "  " + rule + "  ") + occurrences(text, "  " + rule + "\n") == count);
        CHECK(occurrences(markdown, "| " + rule + " |") == count);
    }
}

TEST_CASE("a table that breaks part-way reports the same projects on several threads", "[stream][parallel]") {
    // A cell over the size limit after 140 projects: the 139 before it are checked and reported (the
    // 140th is cut short: reading stops inside it, as with one thread), the file's error names the row,
    // and none of the rows after it count, with -j 1 as with -j 3.
    test::TempDir dir;
    std::string table = repeated_table(28);
    table += "301999,坏项目," + std::string(2000, 'x') + "\n";
    table += repeated_table(2).substr(repeated_table(0).size());
    RunOptions opts;
    opts.read.limits.max_cell_bytes = 1024;
    opts.paths = {dir.write("t.csv", table)};
    for (const auto& format : k_streamed) {
        INFO("format " << format);
        opts.jobs = 1;
        const Run one = run_format(opts, true, format);
        opts.jobs = 3;
        const Run three = run_format(opts, true, format);
        CHECK(one.code == 2);
        CHECK(three.code == 2);
        CHECK(one.err == three.err);
        REQUIRE(one.out == three.out);
    }
    const auto doc = nlohmann::json::parse(run_json(opts, true).out);
    CHECK(doc["summary"]["projects"] == 139);
    REQUIRE(doc["files"][0]["error"].is_string());
    CHECK(doc["files"][0]["error"].get<std::string>().find(":" + std::to_string(4 + 28 * 55 + 1) + ":") !=
          std::string::npos);
}
