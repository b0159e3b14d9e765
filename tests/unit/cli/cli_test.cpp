// The command line parsed without a process, and a few runs of the real binary for exit codes and streams.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "cli/cli.hpp"
#include "support/paths.hpp"
#include "util/text.hpp"

using namespace perf_check;

namespace {

cli::Parsed parse(std::vector<std::string> args) {
    args.insert(args.begin(), "perf-check");
    return cli::parse(args, false);
}

struct Run {
    int code;
    std::string out;
    std::string err;
};

Run run(std::vector<std::string> args) {
    std::ostringstream out;
    std::ostringstream err;
    const int code = cli::execute(parse(std::move(args)), out, err);
    return {code, out.str(), err.str()};
}

// Runs the built binary through the shell; returns exit status and stdout.
Run run_binary(const std::string& args) {
    const std::string cmd = std::string(PERF_CHECK_BINARY) + " " + args + " 2>/dev/null";
    FILE* pipe = popen(cmd.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string out;
    std::array<char, 4096> buf{};
    while (std::size_t n = fread(buf.data(), 1, buf.size(), pipe)) out.append(buf.data(), n);
    const int status = pclose(pipe);
    return {WEXITSTATUS(status), out, ""};
}

// The seed with the weight its last indicator lacks given (5分): weight-missing is fixed.
std::string with_missing_weight_given(std::string seed) {
    const std::string from = "百分比,≥,\r\n";
    const auto at = seed.find(from);
    REQUIRE(at != std::string::npos);
    seed.replace(at, from.size(), "百分比,≥,5分\r\n");
    return seed;
}

}  // namespace

TEST_CASE("a bare path means check", "[cli]") {
    const auto p = parse({"targets.csv", "more.csv"});
    CHECK(p.exit_code == -1);
    CHECK(p.command == cli::Command::check);
    CHECK(p.run.paths == std::vector<std::string>{"targets.csv", "more.csv"});
    REQUIRE(p.run.reports.size() == 1);
    CHECK(p.run.reports[0].format == "text");
    CHECK(p.run.lang == Lang::zh);
    REQUIRE(p.run.fail_on);
    CHECK(*p.run.fail_on == Severity::error);
}

TEST_CASE("options before the path still mean check", "[cli]") {
    const auto p = parse({"--format", "json", "-o", "r.json", "--lang", "en", "--fail-on", "never", "--summary", "dir/"});
    CHECK(p.exit_code == -1);
    CHECK(p.command == cli::Command::check);
    CHECK(p.run.reports[0].format == "json");
    CHECK(p.run.reports[0].path == "r.json");
    CHECK(p.run.lang == Lang::en);
    CHECK_FALSE(p.run.fail_on);
    CHECK(p.run.summary);
}

TEST_CASE("score reports a project without any actuals instead of a silent 0", "[cli][score]") {
    // The actuals file holds only the first project's rows: the other four have nothing to score.
    test::TempDir dir;
    const std::string all = test::slurp(test::source_path("samples/self-eval/actuals-2024.csv"));
    std::string first;
    std::size_t at = 0;
    while (at < all.size()) {
        std::size_t end = all.find('\n', at);
        end = end == std::string::npos ? all.size() : end + 1;
        const std::string line = all.substr(at, end - at);
        if (at == 0 || line.rfind("301001,部分军退人员岗位补贴资金,", 0) == 0) first += line;
        at = end;
    }
    const std::string actuals = dir.write("a.csv", first);
    const std::string targets = test::source_path("samples/self-eval/targets-2024.csv");
    const Run scored = run({"score", "-j", "1", targets, "--actuals", actuals, "-f", "csv"});
    CHECK(scored.code == 1);  // errors
    std::size_t unevaluated = 0;
    for (std::size_t p = 0; (p = scored.out.find("没有任何自评数据", p)) != std::string::npos; ++p) ++unevaluated;
    CHECK(unevaluated == 4);
    // A check of the same table does not ask for actuals.
    const Run checked = run({"check", "-j", "1", targets, "-f", "csv"});
    CHECK(checked.out.find("没有任何自评数据") == std::string::npos);
}

TEST_CASE("score takes --actuals; check does not", "[cli]") {
    const auto s = parse({"score", "t.csv", "--actuals", "a.csv"});
    CHECK(s.command == cli::Command::score);
    CHECK(s.run.score);
    CHECK(s.run.actuals_path == "a.csv");
    const auto c = parse({"check", "t.csv", "--actuals", "a.csv"});
    CHECK(c.exit_code == 2);
}

TEST_CASE("a command after the options is a usage error that says to put it first", "[cli]") {
    // Without this, `-j 2 score t.csv` checked a file named "score" ("file not found") and t.csv.
    for (const std::string cmd : {"score", "monitor", "check"}) {
        for (const auto& options :
             std::vector<std::vector<std::string>>{{"-j", "2"}, {"-j2"}, {"--jobs=2"}, {"-fjson"}, {"--summary"}}) {
            std::vector<std::string> args = options;
            args.push_back(cmd);
            args.push_back("t.csv");
            const auto p = parse(args);
            INFO(options.front() << " " << cmd);
            CHECK(p.exit_code == 2);
            CHECK_THAT(p.message, Catch::Contains("'" + cmd + "' is a command: put it first"));
        }
    }
    // An option's value, or an existing file, named like a command is still a value or a path.
    const auto out = parse({"-o", "score", "t.csv"});
    CHECK(out.exit_code == -1);
    CHECK(out.run.reports[0].path == "score");
    test::TempDir dir;
    dir.write("score", "x");
    const auto was = std::filesystem::current_path();
    std::filesystem::current_path(dir.path(""));
    const auto existing = parse({"--summary", "score", "t.csv"});
    std::filesystem::current_path(was);
    CHECK(existing.exit_code == -1);
    CHECK(existing.run.paths == std::vector<std::string>{"score", "t.csv"});
}

TEST_CASE("bad options are usage errors with exit 2", "[cli]") {
    CHECK(parse({"t.csv", "--format", "pdf"}).exit_code == 2);
    CHECK(parse({"t.csv", "--fail-on", "sometimes"}).exit_code == 2);
    CHECK(parse({"t.csv", "--encoding", "latin1"}).exit_code == 2);
    CHECK_THAT(parse({"t.csv", "--encoding", "latin1"}).message, Catch::Contains("latin1"));
    CHECK(parse({"check"}).exit_code == 2);  // no path
    // Said in Chinese first, CLI11's English kept in brackets; nothing at all says what to give.
    CHECK_THAT(parse({"t.csv", "--format", "pdf"}).message, Catch::StartsWith("perf-check: 命令行有误（"));
    const auto nothing = cli::parse({"perf-check"}, false);
    CHECK(nothing.exit_code == 2);
    CHECK_THAT(nothing.message, Catch::StartsWith("perf-check: 请指定要检查的表格文件或目录"));
    CHECK(parse({"convert", "t.csv"}).exit_code == 2);  // --to is required
}

TEST_CASE("help and version exit 0 and list the commands", "[cli]") {
    const auto h = parse({"--help"});
    CHECK(h.exit_code == 0);
    for (const char* word :
         {"check", "score", "explain", "rules", "convert", "template", "Exit codes", "perf-check check --help"}) {
        CHECK_THAT(h.message, Catch::Contains(word));
    }
    const auto v = parse({"--version"});
    CHECK(v.exit_code == 0);
    CHECK_THAT(v.message, Catch::StartsWith("perf-check "));
}

TEST_CASE("--report adds outputs; only one may go to standard output", "[cli]") {
    const auto p = parse({"t.csv", "--report", "json:out.json", "--report", "text"});
    REQUIRE(p.exit_code == -1);
    REQUIRE(p.run.reports.size() == 2);
    CHECK(p.run.reports[0].format == "json");
    CHECK(p.run.reports[0].path == "out.json");
    CHECK(p.run.reports[1].format == "text");
    CHECK(p.run.reports[1].path.empty());
    const auto both = parse({"t.csv", "-f", "text", "--report", "json:r.json"});
    REQUIRE(both.run.reports.size() == 2);
    CHECK(parse({"t.csv", "--report", "json", "--report", "text"}).exit_code == 2);
    CHECK(parse({"t.csv", "--report", "pdf:x.pdf"}).exit_code == 2);
}

TEST_CASE("a repeatable option takes one value each time: the files after it stay files", "[cli]") {
    const auto p = parse({"--limit", "cell-bytes=8MiB", "a.csv", "b.csv"});
    REQUIRE(p.exit_code == -1);
    CHECK(p.run.paths == std::vector<std::string>{"a.csv", "b.csv"});
    CHECK(p.run.read.limits.max_cell_bytes == std::size_t{8} << 20);
    const auto r = parse({"--report", "sarif:o.sarif", "a.csv", "b.csv"});
    REQUIRE(r.exit_code == -1);
    CHECK(r.run.paths == std::vector<std::string>{"a.csv", "b.csv"});
    REQUIRE(r.run.reports.size() == 1);
    CHECK(r.run.reports[0].format == "sarif");
    CHECK(r.run.reports[0].path == "o.sarif");
    const auto both = parse({"score", "--limit", "columns=100", "--limit", "cell-bytes=1KiB", "x.csv", "y.csv"});
    REQUIRE(both.exit_code == -1);
    CHECK(both.run.paths == std::vector<std::string>{"x.csv", "y.csv"});
    CHECK(both.run.read.limits.max_columns == 100);
    CHECK(both.run.read.limits.max_cell_bytes == 1024);
}

TEST_CASE("the help of explain, rules, convert and template gives their own exit codes and examples", "[cli]") {
    // They showed check's footer (--fail-on, exit 1 for findings, check's examples), which they do not have.
    for (const char* command : {"explain", "rules", "convert", "template"}) {
        INFO(command);
        const auto h = parse({command, "--help"});
        CHECK(h.exit_code == 0);
        CHECK_THAT(h.message, !Catch::Contains("--fail-on"));
        CHECK_THAT(h.message, Catch::Contains(std::string("perf-check ") + command));
    }
    CHECK_THAT(parse({"template", "--help"}).message, Catch::Contains("示例项目"));
    CHECK_THAT(parse({"check", "--help"}).message, Catch::Contains("--fail-on"));
}

TEST_CASE("help shows what each repeatable option takes, once per occurrence", "[cli]") {
    // CLI11 shows a list option as `TEXT ...`, which reads as "several values after one --limit": the
    // very mistake the option refuses.
    for (const char* command : {"check", "score", "convert"}) {
        const auto h = parse({command, "--help"});
        CHECK(h.exit_code == 0);
        CHECK_THAT(h.message, Catch::Contains("--limit NAME=VALUE"));
        CHECK_THAT(h.message, !Catch::Contains("--limit TEXT"));
    }
    CHECK_THAT(parse({"check", "--help"}).message, Catch::Contains("--report FORMAT[:PATH]"));
    const auto missing = parse({"check", "--limit"});
    CHECK(missing.exit_code == 2);
    CHECK_THAT(missing.message, Catch::Contains("NAME=VALUE"));
    // The names in the usage line are the limits there are.
    const auto unknown = parse({"--limit", "rows=5", "a.csv"});
    CHECK(unknown.exit_code == 2);
    CHECK_THAT(unknown.message, Catch::Contains("NAME one of cell-bytes, columns, xlsx-bytes"));
}

TEST_CASE("a limit or an output written without its option is a usage error that says which option", "[cli]") {
    const auto limit = parse({"--limit", "cell-bytes=8MiB", "columns=100", "a.csv"});
    CHECK(limit.exit_code == 2);
    CHECK(limit.message.find("'columns=100' is not a file: each limit takes its own --limit, e.g. --limit "
                             "columns=100") != std::string::npos);
    const auto report = parse({"score", "--report", "json:r.json", "sarif:r.sarif", "a.csv"});
    CHECK(report.exit_code == 2);
    CHECK(report.message.find("'sarif:r.sarif' is not a file: each output takes its own --report") !=
          std::string::npos);
    CHECK(parse({"--report", "json:r.json", "text", "a.csv"}).message.find("'text' is not a file") !=
          std::string::npos);
    // Only paths that are no file: a file may be named like anything.
    const std::string real = test::source_path("samples/targets-2024.csv");
    CHECK(parse({"--limit", "columns=100", real}).exit_code == -1);
    CHECK(parse({"columns", "a.csv"}).exit_code == -1);  // no '=': an ordinary missing file, reported later
    CHECK(parse({"a.csv", "notes:2024.csv"}).exit_code == -1);
}

TEST_CASE("--encoding forces the decoder", "[cli]") {
    const auto p = parse({"t.csv", "--encoding", "GBK"});
    REQUIRE(p.run.read.encoding);
    CHECK(*p.run.read.encoding == io::Encoding::gb18030);
}

TEST_CASE("rules lists every rule and shows one rule's doc", "[cli]") {
    const Run list = run({"rules"});
    CHECK(list.code == 0);
    CHECK_THAT(list.out, Catch::Contains("cost-breakdown") && Catch::Contains("weight-total"));
    const Run one = run({"rules", "cost-breakdown"});
    CHECK(one.code == 0);
    CHECK_THAT(one.out, Catch::Contains("cost-breakdown"));
    const Run bad = run({"rules", "cost-breakdwn"});
    CHECK(bad.code == 2);
    CHECK_THAT(bad.err, Catch::Contains("did you mean 'cost-breakdown'"));
}

TEST_CASE("check writes to -o and exits by the findings", "[cli]") {
    test::TempDir dir;
    const std::string out = dir.path("report.json");
    const Run r = run({test::source_path("samples/targets-2024.csv"), "-f", "json", "-o", out});
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK_THAT(test::slurp(out), Catch::Contains("\"version\": 1") && Catch::Contains("cost-breakdown"));
    CHECK(run({test::source_path("samples/clean-2024.csv")}).code == 0);
}

TEST_CASE("a broken rule set is exit 2 with file and line", "[cli]") {
    test::TempDir dir;
    const std::string rules = dir.write("my.yaml", "extends: default\nrules:\n  weight-total: {severty: error}\n");
    const Run r = run({test::source_path("samples/clean-2024.csv"), "--rules", rules});
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Catch::Contains("my.yaml:3") && Catch::Contains("did you mean 'severity'"));
    // What to do is said in Chinese too (the rule-set messages themselves are English).
    CHECK_THAT(r.err, Catch::Contains("规则集文件有误") && Catch::Contains("extends: default"));
    const Run listed = run({"rules", "--rules", rules});
    CHECK(listed.code == 2);
    CHECK_THAT(listed.err, Catch::Contains("规则集文件有误"));
}

TEST_CASE("the binary: exit codes, stdout, and no colour when piped", "[cli][process]") {
    const Run seed = run_binary(test::source_path("samples/targets-2024.csv"));
    CHECK(seed.code == 1);
    CHECK_THAT(seed.out, Catch::Contains("cost-breakdown"));
    CHECK(seed.out.find("\x1b[") == std::string::npos);
    CHECK(run_binary(test::source_path("samples/clean-2024.csv")).code == 0);
    CHECK(run_binary("/nonexistent/file.csv").code == 2);
    CHECK(run_binary("--format nope x.csv").code == 2);
    CHECK(run_binary(test::source_path("samples/targets-2024.csv") + " --fail-on never").code == 0);
}

TEST_CASE("template writes a workbook that reads back as one example project", "[cli][template]") {
    test::TempDir dir;
    const std::string path = dir.path("模板.xlsx");
    const Run r = run({"template", "-o", path});
    CHECK(r.code == 0);
    CHECK(test::slurp(path).rfind("PK", 0) == 0);
    // Checking the untouched template: its example project is good but an example, to delete: exit 1.
    const Run untouched = run({path});
    CHECK(untouched.code == 1);
    CHECK_THAT(untouched.out, Catch::Contains("template-example"));
    // A workbook under another name would not open as one: refused, nothing written.
    const Run csv = run({"template", "-o", dir.path("模板.csv")});
    CHECK(csv.code == 2);
    CHECK_THAT(csv.err, Catch::Contains("name the output *.xlsx"));
    CHECK_FALSE(std::filesystem::exists(dir.path("模板.csv")));
    CHECK(run({"template", "-o", dir.path("upper.XLSX")}).code == 0);
}

TEST_CASE("a baseline hides known findings; moving rows keeps them hidden; a fix is reported", "[cli][baseline]") {
    test::TempDir dir;
    const std::string seed = test::slurp(test::source_path("samples/targets-2024.csv"));
    const std::string table = dir.write("t.csv", seed);
    const std::string base = dir.path("baseline.json");
    CHECK(run({table, "--update-baseline", base}).code == 1);
    CHECK(run({table, "--baseline", base}).code == 0);
    // Two more title rows above the table: every row moves down, nothing is new.
    dir.write("t.csv", "说明：2024年度\n\n" + seed);
    CHECK(run({table, "--baseline", base}).code == 0);
    // Give the missing weight: weight-missing is fixed, and said so.
    dir.write("t.csv", with_missing_weight_given(seed));
    const Run after = run({table, "--baseline", base, "-f", "json"});
    CHECK_THAT(after.err, Catch::Contains("weight-missing"));
}

TEST_CASE("an output that is a file the run reads is refused before anything is written", "[cli][output]") {
    // -o used to open (and so empty) its file before the tables were read: `perf-check t.csv -f csv -o
    // t.csv` lost the table.
    test::TempDir dir;
    const std::string seed = test::slurp(test::source_path("samples/targets-2024.csv"));
    const std::string table = dir.write("t.csv", seed);
    std::filesystem::create_symlink(table, dir.path("link.csv"));
    const std::vector<std::vector<std::string>> refused = {
        {table, "-f", "csv", "-o", table},
        {dir.path("."), "-o", dir.path("./t.csv")},  // in a directory checked, another spelling
        {table, "-o", dir.path("link.csv")},         // through a link
        {"convert", table, "--to", "csv", "-o", table},
        {table, "--update-baseline", table},
        {"score", table, "--actuals", table, "-o", table},
        {table, "--baseline", dir.path("b.json"), "-o", dir.path("b.json")},
    };
    for (const auto& args : refused) {
        INFO(util::join(args, " "));
        const Run r = run(args);
        CHECK(r.code == 2);
        CHECK_THAT(r.err, Catch::Contains("would overwrite") && Catch::Contains("请换一个输出路径"));
        CHECK(test::slurp(table) == seed);
    }
    // Two outputs to one file.
    const Run twice = run({table, "-f", "json", "-o", dir.path("r.json"), "--report", "sarif:" + dir.path("./r.json")});
    CHECK(twice.code == 2);
    CHECK_THAT(twice.err, Catch::Contains("two outputs go to"));
    CHECK_FALSE(std::filesystem::exists(dir.path("r.json")));
    // Other paths are fine.
    CHECK(run({table, "-f", "json", "-o", dir.path("r.json"), "--report", "sarif:" + dir.path("r.sarif")}).code == 1);
}

TEST_CASE("an output with a table's name may not go into a directory being checked; others may", "[cli][output]") {
    // `perf-check d -o d/report.json` read its own emptied report as a table (exit 2, 'file is empty'),
    // and the next run was refused for overwriting it: refused from the first run, with what to do.
    test::TempDir dir;
    dir.write("d/t.csv", test::slurp(test::source_path("samples/targets-2024.csv")));
    for (const char* name : {"report.json", "sub/report.csv", "report.xlsx"}) {
        INFO(name);
        const Run r = run({dir.path("d"), "-f", "json", "-o", dir.path("d/") + name});
        CHECK(r.code == 2);
        CHECK_THAT(r.err, Catch::Contains("a directory being checked") && Catch::Contains("请写到该目录之外"));
        CHECK_FALSE(std::filesystem::exists(dir.path("d/") + name));
    }
    // A report that is no table, and a hidden baseline (directories skip dot files), are fine there.
    const Run sarif = run({dir.path("d"), "-f", "sarif", "-o", dir.path("d/report.sarif"), "--update-baseline",
                           dir.path("d/.baseline.json")});
    CHECK(sarif.code == 1);
    const Run again = run({dir.path("d"), "-f", "json", "--baseline", dir.path("d/.baseline.json")});
    CHECK(again.code == 0);
    CHECK_THAT(again.out, Catch::Contains("\"projects\": 4") && !Catch::Contains("report.sarif"));
}

TEST_CASE("--update-baseline may renew the --baseline file in place: the old one is applied first", "[cli][baseline]") {
    test::TempDir dir;
    const std::string seed = test::slurp(test::source_path("samples/targets-2024.csv"));
    const std::string table = dir.write("t.csv", seed);
    const std::string base = dir.path("baseline.json");
    CHECK(run({table, "--update-baseline", base}).code == 1);
    dir.write("t.csv", with_missing_weight_given(seed));
    // The fix is reported against the old baseline (it used to be written over first: nothing was ever
    // fixed or new), and the renewed baseline no longer holds it.
    // (The weight given makes the total 105: weight-total is new, exit 1.)
    const Run renewed = run({table, "--baseline", base, "--update-baseline", base, "-f", "json"});
    CHECK(renewed.code == 1);
    CHECK_THAT(renewed.err, Catch::Contains("weight-missing"));
    CHECK_THAT(renewed.out, Catch::Contains("weight-total") && !Catch::Contains("weight-missing"));
    CHECK(test::slurp(base).find("weight-missing") == std::string::npos);
    const Run again = run({table, "--baseline", base, "--update-baseline", base});
    CHECK(again.code == 0);
    CHECK_FALSE(util::contains(again.err, "weight-missing"));
}

TEST_CASE("convert of a directory says it takes one file; a bad progress file is called a progress file", "[cli]") {
    test::TempDir dir;
    const std::string seed = test::slurp(test::source_path("samples/targets-2024.csv"));
    dir.write("d/t.csv", seed);
    const Run convert = run({"convert", dir.path("d"), "--to", "json"});
    CHECK(convert.code == 2);
    // Not "a directory with no supported files": it holds one.
    CHECK_THAT(convert.err, Catch::Contains("convert takes one table file") && !Catch::Contains("no supported files"));
    const std::string progress = dir.write("p.csv", "a,b,c\n1,2,3\n");
    const Run monitor = run({"monitor", dir.path("d/t.csv"), "--progress", progress, "--as-of", "2024-07-31"});
    CHECK(monitor.code == 2);
    CHECK_THAT(monitor.err, Catch::Contains("progress file lacks the columns") && Catch::Contains("进度文件") &&
                                !Catch::Contains("actuals"));
    const Run score = run({"score", dir.path("d/t.csv"), "--actuals", progress});
    CHECK(score.code == 2);
    CHECK_THAT(score.err, Catch::Contains("actuals file lacks the columns"));
}

TEST_CASE("convert says what it leaves out: the workbook's other tables, formulas without a saved result", "[cli]") {
    // A review found both dropped without a word (exit 0): the converted file then checked clean of what the
    // workbook's own check reported.
    test::TempDir dir;
    const Run book = run(
        {"convert", test::source_path("tests/data/xlsx/summary-first.xlsx"), "--to", "json", "-o", dir.path("b.json")});
    CHECK(book.code == 0);
    CHECK_THAT(book.err, Catch::Contains("只转换了工作表“绩效目标表”；“绩效自评表”也像绩效目标表") &&
                             Catch::Contains("also looks like a target table"));
    const Run formulas = run(
        {"convert", test::source_path("tests/data/xlsx/formula-nocache.xlsx"), "--to", "csv", "-o", dir.path("f.csv")});
    CHECK(formulas.code == 0);
    CHECK_THAT(formulas.err,
               Catch::Contains("没有保存计算结果的公式，转换后为空") && Catch::Contains("formula-nocache.xlsx"));
    // A one-table file converts without a word.
    CHECK(run({"convert", test::source_path("samples/targets-2024.xlsx"), "--to", "csv", "-o", dir.path("t.csv")})
              .err.empty());
}

TEST_CASE("a converted table or a baseline that cannot be written whole fails with exit 2", "[cli][output]") {
    // /dev/full takes the open and refuses every byte, as a full disk does.
    if (!std::filesystem::exists("/dev/full")) {
        WARN("no /dev/full here: this test did not run");
        return;
    }
    const std::string table = test::source_path("samples/targets-2024.csv");
    const Run converted = run({"convert", table, "--to", "json", "-o", "/dev/full"});
    CHECK(converted.code == 2);
    CHECK_THAT(converted.err, Catch::Contains("cannot write /dev/full"));
    const Run baseline = run({"check", table, "--update-baseline", "/dev/full", "-f", "json"});
    CHECK(baseline.code == 2);
    CHECK_THAT(baseline.err, Catch::Contains("cannot write /dev/full"));
    // Written to a real file, both succeed.
    test::TempDir dir;
    CHECK(run({"convert", table, "--to", "json", "-o", dir.path("t.json")}).code == 0);
    CHECK(run({"check", table, "--update-baseline", dir.path("b.json"), "-f", "json"}).code != 2);
}

TEST_CASE("a progress file given to score, or a year's actuals to monitor, is read as asked and said on stderr",
          "[cli]") {
    const std::string targets = test::source_path("samples/targets-2024.csv");
    const std::string progress = test::source_path("samples/monitor/progress-2024.csv");
    const std::string actuals = test::source_path("samples/self-eval/actuals-2024.csv");
    test::TempDir dir;
    const Run scored = run({"score", targets, "--actuals", progress, "-f", "json", "-o", dir.path("s.json")});
    CHECK(scored.code == 1);
    CHECK_THAT(scored.err, Catch::Contains("progress-2024.csv") && Catch::Contains("“截至目前完成值”") &&
                               Catch::Contains("perf-check monitor"));
    CHECK(std::count(scored.err.begin(), scored.err.end(), '\n') == 1);
    CHECK(run({"score", test::source_path("samples/self-eval/targets-2024.csv"), "--actuals", actuals, "-f", "json",
               "-o", dir.path("s2.json")})
              .err.empty());
    const Run monitored = run(
        {"monitor", targets, "--progress", actuals, "--as-of", "2024-07-31", "-f", "json", "-o", dir.path("m.json")});
    CHECK_THAT(monitored.err, Catch::Contains("actuals-2024.csv") && Catch::Contains("“全年执行数”") &&
                                  Catch::Contains("perf-check score"));
    CHECK(run({"monitor", targets, "--progress", progress, "--as-of", "2024-07-31", "-f", "json", "-o",
               dir.path("m2.json")})
              .err.empty());
}

TEST_CASE("score of a workbook holding 目标表 and 自评表 scores the self-evaluation sheet", "[cli]") {
    const std::string book = test::source_path("tests/data/xlsx/summary-first.xlsx");
    test::TempDir dir;
    const Run scored = run({"score", book, "-f", "json", "-o", dir.path("s.json")});
    CHECK(scored.code == 1);  // scored, with findings: not "nothing to score" (2)
    CHECK_THAT(test::slurp(dir.path("s.json")), Catch::Contains("\"total\": 96.06"));
    // With an actuals file the target table is the one joined.
    const Run joined = run({"score", book, "--actuals", test::source_path("samples/self-eval/actuals-2024.csv"), "-f",
                            "json", "-o", dir.path("j.json")});
    CHECK(joined.code == 1);
    CHECK_THAT(test::slurp(dir.path("j.json")), Catch::Contains("绩效目标表!"));
}

TEST_CASE("score with only formats that hold no scores says so once on stderr, naming those that do", "[cli]") {
    // `score -f sarif` (junit, gitlab, github annotations alike) wrote the findings and dropped every score
    // without a word (a user-level review found it).
    const std::string table = test::source_path("samples/self-eval/self-eval-2024.csv");
    test::TempDir dir;
    const Run sarif =
        run({"score", table, "-f", "sarif", "-o", dir.path("r.sarif"), "--report", "junit:" + dir.path("r.xml")});
    CHECK(sarif.code == 1);
    CHECK_THAT(sarif.err, Catch::StartsWith("perf-check: score: the sarif, junit formats do not carry the scores"));
    CHECK_THAT(sarif.err, Catch::Contains("these do: text, json, markdown, csv, html, xlsx") &&
                              Catch::Contains("格式不含评分结果"));
    CHECK(std::count(sarif.err.begin(), sarif.err.end(), '\n') == 1);
    CHECK_THAT(run({"score", table, "-f", "gitlab", "-o", dir.path("r.json")}).err,
               Catch::Contains("the gitlab format does not carry the scores"));
    // With --summary too: one line for each part.
    const Run both = run({"score", table, "-f", "junit", "-o", dir.path("r2.xml"), "--summary"});
    CHECK_THAT(both.err, Catch::Contains("carry the summary") && Catch::Contains("carry the scores"));
    CHECK(std::count(both.err.begin(), both.err.end(), '\n') == 2);
    // A format that carries scores, in the run or beside one that does not: nothing said. check: nothing said.
    for (const char* format : {"text", "json", "csv", "markdown", "html"}) {
        INFO(format);
        CHECK(run({"score", table, "-f", format, "-o", dir.path(std::string("r.") + format)}).err.empty());
    }
    CHECK(run({"score", table, "-f", "sarif", "-o", dir.path("r3.sarif"), "--report", "json:" + dir.path("r.json")})
              .err.empty());
    CHECK(run({"check", table, "-f", "sarif", "-o", dir.path("r4.sarif")}).err.empty());
}

TEST_CASE("--summary with a format that cannot carry it says so once on stderr, naming those that can", "[cli]") {
    // `-f sarif --summary` (junit, gitlab alike) dropped the summary and the key-evaluation list unsaid.
    const std::string table = test::source_path("samples/clean-2024.csv");
    test::TempDir dir;
    const Run sarif = run({"check", table, "--summary", "-f", "sarif", "--report", "junit:" + dir.path("r.xml"),
                           "--report", "sarif:" + dir.path("r2.sarif")});
    CHECK(sarif.code == 0);
    CHECK_THAT(sarif.err,
               Catch::StartsWith("perf-check: --summary: the sarif, junit formats do not carry the summary"));
    CHECK_THAT(sarif.err, Catch::Contains("these do: text, json, markdown, csv, html, xlsx") &&
                              Catch::Contains("格式不含汇总和重点评价项目清单"));
    CHECK(std::count(sarif.err.begin(), sarif.err.end(), '\n') == 1);  // once, however many outputs
    CHECK_THAT(run({"check", table, "--summary", "-f", "gitlab"}).err, Catch::Contains("the gitlab format does not"));
    // Formats that carry it, or no --summary: nothing said.
    for (const char* format : {"text", "json", "csv", "markdown", "html"}) {
        INFO(format);
        CHECK(run({"check", table, "--summary", "-f", format}).err.empty());
    }
    CHECK(run({"check", table, "-f", "sarif"}).err.empty());
    // Another output of the run carries it: nothing to add (a code review found the note told to add one).
    CHECK(run({"check", table, "--summary", "-f", "junit", "-o", dir.path("r3.xml"), "--report",
               "json:" + dir.path("r.json")})
              .err.empty());
}
