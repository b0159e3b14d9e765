// The text report written as results arrive: sections follow the rows, a file's line heads its
// findings, and a file with more findings than the stream keeps in memory is written whole.
#include <catch2/catch.hpp>

#include "unit/report/sample_report.hpp"

using namespace perf_check;

namespace {

std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("text: a project's findings form one section; a project listed twice apart is two, in row order",
          "[report][text]") {
    Report r = test::sample_report();
    // Project 1 again below project 2 (a duplicated listing further down the same file).
    r.findings.insert(r.findings.begin() + 4, test::sample_finding("goal-missing", Severity::error, test::k_file_a, 30,
                                                                   3, "301001", test::k_project_1, "", "绩效目标为空"));
    const std::string text = test::render(r, "text");
    const std::string p1 = "■ 301001 " + test::k_project_1;
    const std::string p2 = "■ 301001 " + test::k_project_2;
    REQUIRE(count_of(text, p1) == 2);
    CHECK(text.find(p1) < text.find(p2));
    CHECK(text.find(p2) < text.rfind(p1));
    CHECK(text.rfind(p1) < text.find("绩效目标为空"));
    // The file's line comes before its sections, the unreadable file's reason after the first file's.
    CHECK(text.find("data/局 A/targets.csv：UTF-8，2 个项目，20 条指标") < text.find(p1));
    CHECK(text.find(test::k_file_a) < text.find("broken.csv：无法读取"));
    CHECK(text.find("clean.csv：UTF-8，0 个项目，0 条指标\n  未发现问题。") != std::string::npos);
}

TEST_CASE("text: a workbook's line names no encoding (it has none), in place of a bare '-'", "[report][text]") {
    Report r = test::sample_report();
    r.files.push_back({"book.xlsx", "", 3, 30, std::nullopt});
    CHECK_THAT(test::render(r, "text"), Catch::Contains("\nbook.xlsx：3 个项目，30 条指标\n"));
    r.lang = Lang::en;
    CHECK_THAT(test::render(r, "text"), Catch::Contains("\nbook.xlsx: projects: 3, indicators: 30\n"));
}

TEST_CASE("text: the actuals and progress files say what they are, not '0 projects'", "[report][text]") {
    Report r = test::sample_report();
    r.files.push_back({"act.csv", "", 0, 0, std::nullopt, FileRole::actuals});
    r.files.push_back({"p.csv", "", 0, 0, std::nullopt, FileRole::progress});
    const std::string zh = test::render(r, "text");
    CHECK_THAT(zh, Catch::Contains("\nact.csv：实际完成值文件（按单位代码、项目名称、三级指标并入评分）\n"));
    CHECK_THAT(zh, Catch::Contains("\np.csv：进度文件（按单位代码、项目名称、三级指标并入监控）\n"));
    CHECK(zh.find("act.csv：0 个项目") == std::string::npos);
    r.lang = Lang::en;
    CHECK_THAT(
        test::render(r, "text"),
        Catch::Contains("\nact.csv: actuals file (joined into the scores by unit code, project and indicator)\n"));
}

TEST_CASE("text: English output has English punctuation and no '1 projects'", "[report][text]") {
    Report r = test::sample_report(true);
    r.lang = Lang::en;
    const std::string text = test::render(r, "text");
    CHECK_THAT(text, Catch::Contains("broken.csv: cannot be read\n"));
    CHECK_THAT(
        text, Catch::Contains("■ Score: 301001 部分军退人员岗位补贴资金 (data/局 A/targets.csv) — total 87.50 (良)\n"));
    CHECK_THAT(text, Catch::Contains("Files: 4 (1 cannot be read), projects: 3; errors: 2, warnings: 2, infos: 1."));
}

TEST_CASE("text: --summary lists projects whose funds cannot be read for review; a unit's total says it lacks them",
          "[report][text]") {
    Report r = test::sample_report();
    const std::vector<report::ProjectStat> projects = {
        {0, test::k_file_a, "301001", test::k_project_1, Decimal::from_raw(842'070000)},
        {0, test::k_file_a, "301001", test::k_project_2, std::nullopt, 0, "待定"},
    };
    report::finalize(r, projects, Decimal::from_int(100));
    const std::string zh = test::render(r, "text");
    CHECK_THAT(zh, Catch::Contains("842.07（另有 1 个项目的资金总额缺失或无效，未计入）"));
    CHECK_THAT(zh, Catch::Contains("\n资金总额缺失或无效、需人工核定是否纳入重点评价（≥ 100 万元）的项目（1 个）：\n"
                                   "  资金总额（原文）  问题数  单位代码  项目          文件\n"
                                   "  待定              1       301001    养老保险补助  data/局 A/targets.csv\n"));
    r.lang = Lang::en;
    const std::string en = test::render(r, "text");
    CHECK_THAT(en, Catch::Contains("842.07 (funds of 1 project(s) missing or invalid, not counted)"));
    CHECK_THAT(en,
               Catch::Contains("Projects whose funds are missing or invalid, to decide by hand for key evaluation"));
}

TEST_CASE("text: the last line counts the files that could not be read (no findings, yet the run failed)",
          "[report][text]") {
    // Two broken CSVs in a directory used to end "共 2 个文件，0 个项目：错误 0，警告 0，提示 0。", a clean batch to
    // anyone reading the last line, though the run exits 2.
    Report r;
    r.files.push_back({"d/a.csv", "", 0, 0, std::string("d/a.csv:1: binary data")});
    r.files.push_back({"d/b.csv", "", 0, 0, std::string("d/b.csv:1: binary data")});
    report::finalize(r, {}, Decimal::from_int(100));
    CHECK(r.summary.unreadable_files == 2);
    const std::string zh = test::render(r, "text");
    CHECK_THAT(zh, Catch::EndsWith("\n共 2 个文件（其中 2 个无法读取），0 个项目：错误 0，警告 0，提示 0。\n"));
    r.with_summary = true;
    CHECK_THAT(test::render(r, "text"),
               Catch::EndsWith("共 2 个文件（其中 2 个无法读取），0 个项目：错误 0，警告 0，提示 0。\n"));
    r.lang = Lang::en;
    CHECK_THAT(test::render(r, "text"),
               Catch::EndsWith("\nFiles: 2 (2 cannot be read), projects: 0; errors: 0, warnings: 0, infos: 0.\n"));
    // Every file read: the line as it always was.
    Report clean;
    clean.files.push_back({"d/c.csv", "UTF-8", 1, 12, std::nullopt});
    report::finalize(clean, {}, Decimal::from_int(100));
    CHECK_THAT(test::render(clean, "text"), Catch::EndsWith("\n共 1 个文件，0 个项目：错误 0，警告 0，提示 0。\n"));
}

TEST_CASE("text: a file with megabytes of findings is written whole and in order", "[report][text]") {
    Report r = test::sample_report();
    const Finding model = r.findings[0];
    r.findings.erase(r.findings.begin(), r.findings.begin() + 4);  // keep b.xlsx's finding only
    // 6,000 projects of one finding each in file a, over the stream's 1 MiB kept in memory.
    std::vector<Finding> many;
    for (int i = 0; i < 6000; ++i) {
        Finding f = model;
        f.loc.row = 10 + i;
        f.project = "项目" + std::to_string(i);
        many.push_back(f);
    }
    r.findings.insert(r.findings.begin(), many.begin(), many.end());
    const std::string text = test::render(r, "text");
    CHECK(text.size() > (1U << 20));
    CHECK(count_of(text, "■ 301001 项目") == 6000);
    CHECK(text.find("■ 301001 项目5999") < text.find("b.xlsx："));
    CHECK(text.find(test::k_file_a + "：UTF-8") < text.find("■ 301001 项目0\n"));
}

TEST_CASE("text: after cells with line breaks the row is the one the cell names, with the file's line",
          "[report][text]") {
    // A review read "行 11  单元格 H9" as a contradiction.
    Report r = test::sample_report();
    r.findings[0].loc.sheet_row = r.findings[0].loc.row - 2;
    REQUIRE_FALSE(r.findings[0].loc.cell_ref().empty());
    const std::string text = test::render(r, "text");
    const std::string expected_row =
        std::to_string(r.findings[0].loc.row - 2) + "（文件第" + std::to_string(r.findings[0].loc.row) + "行）";
    CHECK_THAT(text, Catch::Contains(expected_row + "  " + r.findings[0].loc.cell_ref()));
    const std::string markdown = test::render(r, "markdown");
    CHECK_THAT(markdown, Catch::Contains("| " + expected_row + " | " + r.findings[0].loc.cell_ref() + " |"));
}

TEST_CASE("text: a cell's line breaks show as ↵, keeping each finding on its own lines", "[report][text]") {
    Report r = test::sample_report();
    Finding f = test::sample_finding("goal-missing", Severity::error, test::k_file_a, 30, 3, "301001",
                                     test::k_project_1, "", "绩效目标“完成\n道路”只有4个字");
    f.value = "完成\r\n道路\r第三行";
    r.findings.insert(r.findings.begin() + 4, f);
    const std::string text = test::render(r, "text");
    CHECK_THAT(text, Catch::Contains("        绩效目标“完成↵道路”只有4个字\n"));
    CHECK_THAT(text, Catch::Contains("        值：完成↵道路↵第三行\n"));
    CHECK(text.find("完成\n道路") == std::string::npos);
}
