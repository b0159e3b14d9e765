// GitHub workflow commands: escaping per the workflow-command spec, the 10/10 cap with a closing notice,
// and the Markdown step summary kept under 1 MiB.
#include <catch2/catch.hpp>

#include <filesystem>

#include "report/formats.hpp"
#include "util/text.hpp"
#include "unit/report/sample_report.hpp"

using namespace perf_check;

TEST_CASE("github: data and property escaping of %, :, , and newlines", "[report][github]") {
    const std::string nasty = "100% a:b, c\nd\re";
    CHECK(report::github_escape_data(nasty) == "100%25 a:b, c%0Ad%0De");
    CHECK(report::github_escape_property(nasty) == "100%25 a%3Ab%2C c%0Ad%0De");
    // Escaping % first: an already escaped-looking text is escaped again, not passed through.
    CHECK(report::github_escape_data("%0A") == "%250A");
    CHECK(report::github_escape_property("a::b") == "a%3A%3Ab");
    CHECK(report::github_escape_data("无需转义") == "无需转义");
}

TEST_CASE("github: one command per finding, unreadable files first, severities mapped", "[report][github]") {
    const std::string out = test::render(test::sample_report(), "github");
    const std::string expected =
        "::error file=broken.csv,title=无法读取::broken.csv: 文件不是表格 & <无法读取>\n"
        "::error file=data/局 A/targets.csv,line=5,title=cost-breakdown · 部分军退人员岗位补贴资金 · 项目总成本::"
        "合计<842.07> & \"多\" 'x' 100%25 a:b, c|d%0A第二行%0A修改：请修改成本指标/经济成本指标/项目总成本\n"
        "::error file=data/局 A/targets.csv,line=5,title=comparator-wording · 部分军退人员岗位补贴资金 · 项目总成本::"
        "指标值类型“≤”与“不少于”矛盾%0A修改：请修改成本指标/经济成本指标/项目总成本\n"
        "::warning file=data/局 A/targets.csv,line=8,title=comparator-direction · 部分军退人员岗位补贴资金 · "
        "享受补贴人数::"
        "数量指标应为≥%0A修改：请修改产出指标/数量指标/享受补贴人数\n"
        "::warning file=b.xlsx,line=12,title=unit-missing · 设备购置 · 验收合格率 · Sheet1!C12::"
        "缺少度量单位%0A修改：请修改产出指标/质量指标/验收合格率\n"
        "::notice file=data/局 A/targets.csv,line=16,title=deduction-discretionary · 养老保险补助 · 享受补贴人数::"
        "仅“视情况扣分”%0A修改：请修改产出指标/数量指标/享受补贴人数\n";
    CHECK(out == expected);
}

TEST_CASE("github: a title with : and , is escaped as a property", "[report][github]") {
    Report r = test::sample_report();
    r.files.clear();
    r.findings.resize(1);
    r.findings[0].project = "项目:A,B";
    r.findings[0].loc.file = ".\\dir\\a,b.csv";
    const std::string out = test::render(r, "github");
    CHECK(out.rfind("::error file=dir/a%2Cb.csv,line=5,title=cost-breakdown · 项目%3AA%2CB · 项目总成本::", 0) == 0);
}

TEST_CASE("github: at most 10 errors, 10 warnings, 9 notices, then how many were left out", "[report][github]") {
    Report r = test::sample_report();
    r.files = {r.files[0]};
    const Finding error = r.findings[0], warning = r.findings[2], info = r.findings[3];
    r.findings.clear();
    // Warnings first in the file: errors must still come first in the output.
    for (int i = 0; i < 12; ++i) r.findings.push_back(warning);
    for (int i = 0; i < 25; ++i) r.findings.push_back(error);
    for (int i = 0; i < 15; ++i) r.findings.push_back(info);
    for (std::size_t i = 0; i < r.findings.size(); ++i) r.findings[i].loc.row = static_cast<int>(i) + 1;
    const std::string out = test::render(r, "github");
    std::vector<std::string> lines = util::split(out, '\n');
    if (!lines.empty() && lines.back().empty()) lines.pop_back();
    REQUIRE(lines.size() == 30);
    for (int i = 0; i < 10; ++i) CHECK(lines[i].rfind("::error ", 0) == 0);
    CHECK(lines[0].find(",line=13,") != std::string::npos);  // the first error of the file
    for (int i = 10; i < 20; ++i) CHECK(lines[i].rfind("::warning ", 0) == 0);
    CHECK(lines[10].find(",line=1,") != std::string::npos);
    for (int i = 20; i < 29; ++i) CHECK(lines[i].rfind("::notice file=", 0) == 0);
    CHECK(lines[29] == "::notice title=perf-check：还有更多问题::另有 23 条问题未显示为注释（错误 15、警告 2、提示 6）："
                       "GitHub 每一步最多显示 10 条错误和 10 条警告。完整结果请用 --report sarif 或 --report html 输出。");
    // Under the caps: no closing notice.
    r.findings.resize(3);
    CHECK(test::render(r, "github").find("还有更多问题") == std::string::npos);
}

TEST_CASE("github: the step summary is appended as Markdown and kept under 1 MiB", "[report][github]") {
    test::TempDir dir;
    const std::string path = dir.write("summary.md", "previous step\n");
    const Report r = test::sample_report();
    std::ostringstream out;
    report::make_github_reporter_with_summary(path)->write(r, out);
    const std::string text = test::slurp(path);
    CHECK(text.rfind("previous step\n# perf-check 检查报告\n", 0) == 0);
    CHECK(text.find("### 按单位（问题多的在前）") != std::string::npos);
    CHECK(text.size() == 14 + report::render_markdown(r, true).size());

    // A report far over 1 MiB: the compact form is written instead, and the file stays within the cap.
    Report big = r;
    const Finding f = big.findings[0];
    for (int i = 0; i < 6000; ++i) {
        big.findings.push_back(f);
        big.findings.back().message.zh = std::string(200, 'x') + std::to_string(i);
    }
    REQUIRE(report::render_markdown(big, true).size() > 1024 * 1024);
    const std::string big_path = dir.write("big.md", "");
    report::make_github_reporter_with_summary(big_path)->write(big, out);
    const auto size = std::filesystem::file_size(big_path);
    CHECK(size <= 1024 * 1024);
    CHECK(test::slurp(big_path) == report::render_markdown(big, false));

    // A file already at the cap gets nothing more.
    const std::string full_path = dir.write("full.md", std::string(1024 * 1024, 'a'));
    report::make_github_reporter_with_summary(full_path)->write(r, out);
    CHECK(std::filesystem::file_size(full_path) == 1024 * 1024);
    // Nearly full: cut at a line boundary with a note.
    const std::string near_path = dir.write("near.md", std::string(1024 * 1024 - 300, 'a') + "\n");
    report::make_github_reporter_with_summary(near_path)->write(big, out);
    const std::string near = test::slurp(near_path);
    CHECK(near.size() <= 1024 * 1024);
    CHECK(near.size() > 1024 * 1024 - 300);
    CHECK(util::ends_with(near, "（摘要超过 1 MiB，其余内容已截断。）\n"));
}

TEST_CASE("github: a workbook's finding names its sheet and cell in the title", "[report][github][form]") {
    // A line number in a workbook does not say which form: two health centres' forms put one project's
    // finding on line 11 of two sheets.
    const Report r = test::pipeline_report({test::source_path("tests/data/xlsx/forms.xlsx")});
    const std::string out = test::render(r, "github");
    CHECK_THAT(out, Catch::Contains("line=11,title=cost-breakdown · 基本公共卫生服务补助 · 城关镇卫生院!B11::"));
    CHECK_THAT(out, Catch::Contains("line=11,title=cost-breakdown · 基本公共卫生服务补助 · 河口乡卫生院!B11::"));
}
