// HTML report: self-contained, escaped, and rendered in a real browser (headless Chromium) for the seed
// plus a generated batch of 94 department files: no console errors, the expected counts in the DOM, and
// the filter/sort script working.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <regex>
#include <set>

#include "unit/report/sample_report.hpp"
#include "util/text.hpp"

using namespace perf_check;

namespace {

int count(const std::string& haystack, const std::string& needle) {
    int n = 0;
    for (auto pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1)) ++n;
    return n;
}

// The value of attribute `attr` on the element with id `id` in serialised HTML ("" if absent).
std::string attribute_of(const std::string& html, const std::string& id, const std::string& attr) {
    const std::regex element("<[a-z]+[^>]*\\bid=\"" + id + "\"[^>]*>");
    std::smatch m;
    if (!std::regex_search(html, m, element)) return "";
    const std::string tag = m.str();
    const std::regex value("\\b" + attr + "=\"([^\"]*)\"");
    std::smatch v;
    return std::regex_search(tag, v, value) ? v[1].str() : "";
}

// The text between the element with id `id` and its closing `</close>`.
std::string element_body(const std::string& html, const std::string& id, const std::string& close) {
    const auto start = html.find("id=\"" + id + "\"");
    if (start == std::string::npos) return "";
    const auto end = html.find("</" + close + ">", start);
    return html.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

// A batch like the bureau's: 94 department files made from the seed with their own unit codes; every
// third one has the unit-echoes-value problem fixed, every fifth has its first project's funds doubled.
std::vector<std::string> generate_batch(const test::TempDir& dir) {
    const std::string seed = test::slurp(test::source_path("samples/targets-2024.csv"));
    std::vector<std::string> paths;
    for (int i = 0; i < 94; ++i) {
        const std::string code = std::to_string(310001 + i);
        std::string text = util::replace_all(seed, "301001", code);
        if (i % 3 == 0) text = util::replace_all(text, ",视情况，扣分，扣完为止,每月按时发放,定性,15分", ",视情况，扣分，扣完为止,月,定性,15分");
        if (i % 5 == 0) text = util::replace_all(text, ",842.07,保障", ",1684.14,保障");
        char name[64];
        std::snprintf(name, sizeof name, "batch/部门%02d-targets.csv", i + 1);
        paths.push_back(dir.write(name, text));
    }
    dir.write("batch/损坏.xlsx", "this is not a zip file");
    return paths;
}

}  // namespace

TEST_CASE("html: self-contained, every text escaped", "[report][html]") {
    const std::string html = test::render(test::sample_report(true), "html");
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"zh-CN\">", 0) == 0);
    // Nothing to fetch: no external scripts, styles, images, fonts or imports.
    CHECK(html.find(" src=") == std::string::npos);
    CHECK(count(html, " href=") == 1);
    CHECK(html.find("<link rel=\"icon\" href=\"data:,\">") != std::string::npos);
    CHECK(html.find("url(") == std::string::npos);
    CHECK(html.find("@import") == std::string::npos);
    // The nasty message appears only escaped.
    CHECK(html.find("<842.07>") == std::string::npos);
    CHECK(html.find("合计&lt;842.07&gt; &amp; &quot;多&quot; &#39;x&#39; 100% a:b, c|d\n第二行") != std::string::npos);
    CHECK(html.find("broken.csv: 文件不是表格 &amp; &lt;无法读取&gt;") != std::string::npos);
    // Totals, charts, key projects, scores, units (--summary), findings and files are all there.
    CHECK(attribute_of(html, "total-errors", "data-count") == "2");
    CHECK(attribute_of(html, "total-warnings", "data-count") == "2");
    CHECK(attribute_of(html, "total-infos", "data-count") == "1");
    CHECK(attribute_of(html, "total-unreadable", "data-count") == "1");
    CHECK(attribute_of(html, "total-key", "data-count") == "2");
    CHECK(attribute_of(html, "total-funds", "data-count") == "1050.00");
    CHECK(count(element_body(html, "chart-rules", "svg"), "<g class=\"bar\"") == 5);
    CHECK(count(element_body(html, "chart-units", "svg"), "<g class=\"bar\"") == 2);
    CHECK(count(element_body(html, "key-projects", "table"), "<tr") == 3);  // header + 2
    CHECK(element_body(html, "key-projects", "table").find("<td class=\"num\">842.07</td><td class=\"num\">3</td>") !=
          std::string::npos);
    CHECK(element_body(html, "scores", "table").find("<td class=\"num\">87.50</td><td class=\"grade\" data-grade=\"良\">良</td>") !=
          std::string::npos);
    CHECK(count(element_body(html, "units", "table"), "<tr>") == 3);
    CHECK(count(element_body(html, "findings", "table"), "<tr data-i=") == 5);
    CHECK(count(element_body(html, "files", "table"), "<tr class=\"unreadable\">") == 1);
    // Without --summary the per-unit table goes, the charts and key-evaluation list stay.
    Report plain = test::sample_report();
    plain.with_summary = false;
    const std::string without = test::render(plain, "html");
    CHECK(without.find("id=\"units\"") == std::string::npos);
    CHECK(without.find("id=\"key-projects\"") != std::string::npos);
    CHECK(without.find("id=\"scores\"") == std::string::npos);
    CHECK(without.find("id=\"funds-to-review\"") == std::string::npos);  // every project's funds were read
    // A project whose funds cannot be read: listed for review under the key-evaluation list, the totals say so.
    Report tbd = test::sample_report();
    report::finalize(tbd,
                     {{0, test::k_file_a, "301001", test::k_project_1, Decimal::from_raw(842'070000)},
                      {0, test::k_file_a, "301001", test::k_project_2, std::nullopt, 0, "待定"}},
                     Decimal::from_int(100));
    const std::string review = test::render(tbd, "html");
    CHECK(count(element_body(review, "funds-to-review", "table"), "<tr") == 2);  // header + 1
    CHECK(element_body(review, "funds-to-review", "table").find("<td>待定</td>") != std::string::npos);
    CHECK(element_body(review, "units", "table").find("842.07（另有 1 个项目的资金总额缺失或无效，未计入）") !=
          std::string::npos);
    CHECK(review.find("<small class=\"note\">1 个项目的资金总额缺失或无效，未计入</small>") != std::string::npos);
    // English labels.
    plain.lang = Lang::en;
    CHECK(test::render(plain, "html").find("<html lang=\"en\">") != std::string::npos);
}

TEST_CASE("html: the seed plus 94 generated files render in headless Chromium without errors", "[report][html][browser]") {
    test::TempDir dir;
    const auto batch = generate_batch(dir);
    const Report seed_only = test::pipeline_report({test::source_path("samples/targets-2024.csv")});
    const Report r = test::pipeline_report({test::source_path("samples/targets-2024.csv"), dir.path("batch")});
    REQUIRE(r.files.size() == 96);
    // Per-unit totals add up to the per-file ones (every finding of these tables names its project).
    int unit_total = 0;
    for (const auto& u : r.summary.units) unit_total += u.errors + u.warnings + u.infos;
    CHECK(unit_total == static_cast<int>(r.findings.size()));
    CHECK(r.summary.units.size() == 95);
    CHECK(r.summary.errors == 95 * seed_only.summary.errors);
    CHECK(r.summary.warnings == 95 * seed_only.summary.warnings - 32);  // 32 files had unit-echoes-value fixed

    const std::string html_path = dir.write("report.html", test::render(r, "html"));
    const int expected_rules = static_cast<int>(std::count_if(r.findings.begin(), r.findings.end(),
                                                              [](const Finding& f) { return f.rule == "cost-breakdown"; }));
    // Sorted by row, descending: the first row is the first finding with the largest row.
    std::size_t first = 0;
    for (std::size_t i = 0; i < r.findings.size(); ++i) {
        if (r.findings[i].loc.row > r.findings[first].loc.row) first = i;
    }
    const auto started = std::chrono::steady_clock::now();
    const int rc = test::run_command("bash " + test::shell_quote(test::source_path("tests/html/render.sh")) + " " +
                                     test::shell_quote(html_path) + " " + test::shell_quote(dir.path("")) +
                                     " 'rule=cost-breakdown&sort=1&dir=desc'");
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (rc == 3) FAIL("chromium is not installed: run scripts/setup.sh (installs Debian's chromium) — the HTML report must be tested in a browser");
    REQUIRE(rc == 0);
    // About 5 s on an idle machine; the budget allows for a loaded CI runner.
    CHECK(seconds < 120);
    const std::string dom = test::slurp(dir.path("dom.html"));
    const std::string log = test::slurp(dir.path("chromium.log"));
    INFO("chromium log:\n" << log);
    // No console message at all (our script logs nothing) and no uncaught error.
    CHECK(log.find("Uncaught") == std::string::npos);
    CHECK(log.find(":CONSOLE") == std::string::npos);
    // The script ran to its end, saw every finding, applied the filter and the sort from the URL.
    REQUIRE(dom.find("id=\"report-ready\"") != std::string::npos);
    CHECK(attribute_of(dom, "report-ready", "data-rows") == std::to_string(r.findings.size()));
    CHECK(attribute_of(dom, "report-ready", "data-shown") == std::to_string(expected_rules));
    CHECK(attribute_of(dom, "report-ready", "data-first") == std::to_string(first));
    CHECK(expected_rules == 95 * 4);
    // What a person sees: the totals, both charts, the key-evaluation list, the unreadable file.
    CHECK(attribute_of(dom, "total-files", "data-count") == "96");
    CHECK(attribute_of(dom, "total-errors", "data-count") == std::to_string(r.summary.errors));
    CHECK(attribute_of(dom, "total-unreadable", "data-count") == "1");
    CHECK(count(element_body(dom, "chart-units", "svg"), "<g class=\"bar\"") == 20);
    std::set<std::string> rule_ids;
    for (const auto& f : r.findings) rule_ids.insert(f.rule);
    CHECK(count(element_body(dom, "chart-rules", "svg"), "<g class=\"bar\"") == static_cast<int>(rule_ids.size()));
    CHECK(count(element_body(dom, "key-projects", "table"), "<tr") == 1 + static_cast<int>(r.summary.key_projects.size()));
    CHECK(r.summary.key_projects.size() == 95 * 4);  // every seed project is ≥ 100万元
    CHECK(dom.find("损坏.xlsx") != std::string::npos);
}

TEST_CASE("html: each project's score row folds out its indicators' scores and working", "[report][html]") {
    const std::string html = test::render(test::sample_report(true), "html");
    const auto detail = html.find("<tr class=\"score-detail\"><td colspan=\"6\"><details><summary>逐项得分和计算过程");
    REQUIRE(detail != std::string::npos);
    CHECK(html.find(
              "<td>成本指标/经济成本指标/项目总成本</td><td class=\"num\">20</td><td>≤842.07万元</td><td>855</td>"
              "<td class=\"num\">18.00</td><td class=\"msg\">超出目标：855 − 842.07 = 12.93万元<br>本项得分：18分</td>",
              detail) != std::string::npos);
    // Inside the scores table, which closes after it.
    CHECK(html.find("</details></td></tr>", detail) < html.find("</tbody></table></div>\n</section>", detail));
    CHECK(html.rfind("<table id=\"scores\">", detail) != std::string::npos);
}

TEST_CASE("html: a monitor run carries the monitoring section and its styles", "[report][html]") {
    Report r = test::sample_report();
    const std::string plain = test::render(r, "html");
    CHECK(plain.find("id=\"monitoring\"") == std::string::npos);
    r.as_of = "2024-07-31";
    const std::string html = test::render(r, "html");
    CHECK(count(html, "id=\"monitoring\"") == 1);
    CHECK(html.find(".monitoring") < html.find("</style>"));
    CHECK(html.find("id=\"monitoring\"") < html.find("id=\"findings-section\""));
    // The page is the monitoring report: titled so, and its report before the charts and the key list (a
    // review found it titled 绩效目标表检查报告 and opening with the key-evaluation list).
    CHECK_THAT(html,
               Catch::Contains("<title>绩效运行监控报告</title>") && Catch::Contains("<h1>绩效运行监控报告</h1>"));
    CHECK_THAT(plain, Catch::Contains("<title>绩效目标表检查报告</title>"));
    CHECK(html.find("id=\"monitoring\"") < html.find("id=\"by-rule\""));
    CHECK(html.find("id=\"monitoring\"") < html.find("id=\"key-evaluation\""));
}
