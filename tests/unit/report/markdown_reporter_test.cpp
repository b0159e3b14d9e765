// Markdown output: totals, a findings table per file with cells escaped, scores, and the --summary
// tables (per file, per unit, key-evaluation list).
#include <catch2/catch.hpp>

#include "report/formats.hpp"
#include "unit/report/sample_report.hpp"
#include "util/text.hpp"

using namespace perf_check;

namespace {

int count(const std::string& haystack, const std::string& needle) {
    int n = 0;
    for (auto pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("markdown: totals, one section per file, findings rows with escaped cells", "[report][markdown]") {
    const std::string out = test::render(test::sample_report(true), "markdown");
    // broken.csv is no finding: the headline names it beside the counts, which say nothing of it.
    CHECK(out.rfind(
              "# perf-check 检查报告\n\n共 4 个文件（**其中 1 个无法读取**）、3 个项目：**错误 2**，警告 2，提示 1。"
              "资金总额 1050.00 万元。\n",
              0) == 0);
    CHECK(out.find("\n## data/局 A/targets.csv\n\n| 行 | 单元格 | 级别 | 规则 | 项目 | 指标 | 问题 | 修改建议 |\n"
                   "|---|---|---|---|---|---|---|---|\n") != std::string::npos);
    // The | of the message does not split the cell; markup is inert; the newline stays inside the cell.
    CHECK(out.find("| 5 | H5 | 错误 | cost-breakdown | 301001 部分军退人员岗位补贴资金 | 成本指标/经济成本指标/项目总成本 | "
                   "合计&lt;842.07&gt; &amp; \"多\" 'x' 100% a:b, c\\|d<br>第二行<br>值：≥50个 | "
                   "请修改成本指标/经济成本指标/项目总成本 |\n") != std::string::npos);
    CHECK(out.find("| 12 | Sheet1!C12 | 警告 | unit-missing | 302002 设备购置 | 产出指标/质量指标/验收合格率 |") !=
          std::string::npos);
    CHECK(out.find("\n## broken.csv\n\n**无法读取**：broken.csv: 文件不是表格 &amp; &lt;无法读取&gt;\n") != std::string::npos);
    CHECK(out.find("\n## clean.csv\n\n未发现问题。\n") != std::string::npos);
    // Every findings row has the same number of cell separators as the header (8 cells → 9 bars).
    for (const auto& line : util::split(out, '\n')) {
        if (line.rfind("| 5 |", 0) == 0 || line.rfind("| 8 |", 0) == 0) CHECK(count(line, "|") - count(line, "\\|") == 9);
    }
    CHECK(out.find("\n## 评分\n\n| 文件 | 单位代码 | 项目 | 总分 | 等级 | 预算执行率得分 |\n|---|---|---|---|---|---|\n"
                   "| data/局 A/targets.csv | 301001 | 部分军退人员岗位补贴资金 | 87.50 | 良 | 10.00 |\n") != std::string::npos);
}

TEST_CASE("markdown: --summary adds per-file, per-unit and key-evaluation tables", "[report][markdown]") {
    Report r = test::sample_report();
    const std::string out = test::render(r, "markdown");
    CHECK(out.find("\n## 汇总\n\n### 按文件\n\n| 文件 | 项目数 | 指标数 | 错误 | 警告 | 提示 | 状态 |\n|---|---|---|---|---|---|---|\n"
                   "| data/局 A/targets.csv | 2 | 20 | 2 | 1 | 1 |  |\n"
                   "| b.xlsx | 1 | 8 | 0 | 1 | 0 |  |\n"
                   "| broken.csv | 0 | 0 | 0 | 0 | 0 | 无法读取：broken.csv: 文件不是表格 &amp; &lt;无法读取&gt; |\n"
                   "| clean.csv | 0 | 0 | 0 | 0 | 0 |  |\n") != std::string::npos);
    CHECK(out.find("\n### 按单位（问题多的在前）\n\n| 单位代码 | 项目数 | 资金总额（万元） | 错误 | 警告 | 提示 "
                   "|\n|---|---|---|---|---|---|\n"
                   "| 301001 | 2 | 1000.00 | 2 | 1 | 1 |\n"
                   "| 302002 | 1 | 50.00 | 0 | 1 | 0 |\n") != std::string::npos);
    CHECK(out.find("\n### 重点评价项目（资金总额 ≥ 100 万元）\n\n| 资金总额（万元） | 问题数 | 单位代码 | 项目 | 文件 |\n|---|---|---|---|---|\n"
                   "| 842.07 | 3 | 301001 | 部分军退人员岗位补贴资金 | data/局 A/targets.csv |\n"
                   "| 157.93 | 1 | 301001 | 养老保险补助 | data/局 A/targets.csv |\n") != std::string::npos);
    CHECK(out.find("## 评分") == std::string::npos);  // no scores, no scores section
    // Without --summary: none of it.
    r.with_summary = false;
    const std::string plain = test::render(r, "markdown");
    CHECK(plain.find("## 汇总") == std::string::npos);
    CHECK(plain.find("重点评价项目") == std::string::npos);
    // The compact form (GitHub step summary) has the summary and no findings.
    const std::string compact = report::render_markdown(r, false);
    CHECK(compact.find("### 按单位") != std::string::npos);
    CHECK(compact.find("cost-breakdown") == std::string::npos);
}

TEST_CASE("markdown: funds that cannot be read are said in the headline, the unit's total and a review list",
          "[report][markdown]") {
    Report r = test::sample_report();
    const std::vector<report::ProjectStat> projects = {
        {0, test::k_file_a, "301001", test::k_project_1, Decimal::from_raw(842'070000)},
        {0, test::k_file_a, "301001", test::k_project_2, std::nullopt, 0, "待定"},
    };
    report::finalize(r, projects, Decimal::from_int(100));
    const std::string out = test::render(r, "markdown");
    CHECK_THAT(out, Catch::Contains("资金总额 842.07 万元。另有 1 个项目的资金总额缺失或无效，未计入。\n"));
    CHECK_THAT(out,
               Catch::Contains("| 301001 | 2 | 842.07（另有 1 个项目的资金总额缺失或无效，未计入） | 2 | 1 | 1 |\n"));
    CHECK_THAT(out,
               Catch::Contains("\n### 资金总额缺失或无效、需人工核定是否纳入重点评价（≥ 100 万元）的项目（1 个）\n\n"
                               "| 资金总额（原文） | 问题数 | 单位代码 | 项目 | 文件 |\n|---|---|---|---|---|\n"
                               "| 待定 | 1 | 301001 | 养老保险补助 | data/局 A/targets.csv |\n"));
}

TEST_CASE("markdown: English labels with --lang en", "[report][markdown]") {
    Report r = test::sample_report();
    r.lang = Lang::en;
    const std::string out = test::render(r, "markdown");
    CHECK(out.rfind("# perf-check report\n\nFiles: 4 (**1 cannot be read**), projects: 3; **errors: 2**, warnings: 2, "
                    "infos: 1.",
                    0) == 0);
    CHECK(out.find("| row | cell | level | rule | project | indicator | problem | fix |") != std::string::npos);
    CHECK(out.find("### Projects for key evaluation (funds ≥ 100 万元)") != std::string::npos);
    CHECK(out.find("**cannot be read**: broken.csv") != std::string::npos);
    Report scored = test::sample_report(true);
    scored.lang = Lang::en;
    CHECK(test::render(scored, "markdown")
              .find("### 301001 部分军退人员岗位补贴资金 — 87.50 (良) · data/局 A/targets.csv") != std::string::npos);
}

TEST_CASE("markdown: a monitor run carries the draft monitoring report below the title", "[report][markdown]") {
    Report r = test::sample_report();
    CHECK(test::render(r, "markdown").find("绩效运行监控综合报告") == std::string::npos);
    r.as_of = "2024-07-31";
    const std::string out = test::render(r, "markdown");
    const auto at = out.find("\n## 绩效运行监控综合报告");
    REQUIRE(at != std::string::npos);
    CHECK(at > out.find("\n## clean.csv"));  // after the findings
    CHECK(at < out.find("\n## 汇总"));      // before the summary
}

TEST_CASE("markdown: a score run explains each indicator's score under its project", "[report][markdown]") {
    const std::string md = test::render(test::sample_report(true), "markdown");
    const auto details = md.find("## 逐项得分");
    REQUIRE(details != std::string::npos);
    CHECK(md.find("## 评分") < details);
    CHECK(md.find("### 301001 部分军退人员岗位补贴资金 — 87.50（良）·data/局 A/targets.csv", details) !=
          std::string::npos);
    CHECK(md.find("| 成本指标/经济成本指标/项目总成本 | 20 | ≤842.07万元 | 855 | 18.00 | "
                  "超出目标：855 − 842.07 = 12.93万元<br>本项得分：18分 |",
                  details) != std::string::npos);
    // Budget execution shows its arithmetic too.
    CHECK(md.find("| 预算执行率 | 10 |  | 101.54% | 10.00 | 全年执行数855万元 ÷ 全年预算数842.07万元 = "
                  "101.54%（超过100%按100%计） × "
                  "分值10 = 10分 |",
                  details) != std::string::npos);
    CHECK(test::render(test::sample_report(), "markdown").find("逐项得分") == std::string::npos);
}
