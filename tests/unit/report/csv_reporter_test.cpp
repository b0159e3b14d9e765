// CSV: BOM, CRLF, header in the report's language, RFC 4180 quoting (checked by python3's csv module),
// and formula-looking cells defused for Excel.
#include <catch2/catch.hpp>

#include "unit/report/sample_report.hpp"

using namespace perf_check;

TEST_CASE("csv: BOM, CRLF, Chinese header, one row per finding and per unreadable file", "[report][csv]") {
    const std::string out = test::render(test::sample_report(), "csv");
    REQUIRE(out.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(out.substr(3).rfind("文件,行,单元格,级别,规则,单位代码,项目,指标,值,问题,修改建议\r\n", 0) == 0);
    CHECK(out.find("\r\nbroken.csv,,,错误,unreadable-file,,,,,无法读取文件：broken.csv: 文件不是表格 & <无法读取>,\r\n") !=
          std::string::npos);
    // The nasty message: quoted, inner quotes doubled, newline kept inside the quotes.
    CHECK(out.find("\r\ndata/局 A/targets.csv,5,H5,错误,cost-breakdown,301001,部分军退人员岗位补贴资金,"
                   "成本指标/经济成本指标/项目总成本,≥50个,\"合计<842.07> & \"\"多\"\" 'x' 100% a:b, c|d\n第二行\","
                   "请修改成本指标/经济成本指标/项目总成本\r\n") != std::string::npos);
    CHECK(out.find("\r\nb.xlsx,12,Sheet1!C12,警告,unit-missing,302002,") != std::string::npos);
    Report en = test::sample_report();
    en.lang = Lang::en;
    CHECK(test::render(en, "csv").substr(3).rfind("file,row,cell,level,rule,unit code,project,indicator,value,problem,fix\r\n", 0) == 0);
}

TEST_CASE("csv: parses back with python's csv module to the same fields", "[report][csv]") {
    test::TempDir dir;
    Report report = test::sample_report();
    report.with_summary = false;  // the summary's rows are the next test's
    const std::string file = dir.write("out.csv", test::render(report, "csv"));
    const std::string script = dir.write("check.py", R"(import csv, sys
with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:
    rows = list(csv.reader(f))
print(len(rows), set(len(r) for r in rows))
print(rows[1][9] == '合计<842.07> & "多" \'x\' 100% a:b, c|d\n第二行')
print(rows[-1][0], rows[-1][4])
)");
    const std::string result = dir.path("result.txt");
    REQUIRE(test::run_command("/usr/bin/python3 " + test::shell_quote(script) + " " + test::shell_quote(file) + " >" +
                              test::shell_quote(result) + " 2>&1") == 0);
    // Findings first, in report order; the unreadable file after them.
    CHECK(test::slurp(result) == "7 {11}\nTrue\nbroken.csv unreadable-file\n");
}

TEST_CASE("csv: cells Excel would evaluate as formulas are marked as text", "[report][csv]") {
    Report r = test::sample_report();
    r.files.clear();
    r.findings.resize(1);
    r.findings[0].message = {"m", "m"};
    r.findings[0].hint = {"h", "h"};
    auto value_cell = [&](const std::string& value) {
        r.findings[0].value = value;
        const std::string out = test::render(r, "csv");
        const auto start = out.find("项目总成本,") + std::string("项目总成本,").size();
        return out.substr(start, out.find(",m,h") - start);
    };
    CHECK(value_cell("=8个") == "'=8个");
    CHECK(value_cell("@SUM(A1)") == "'@SUM(A1)");
    CHECK(value_cell("+1+1") == "'+1+1");
    CHECK(value_cell("-2") == "-2");      // a plain number is left alone
    CHECK(value_cell("-") == "-");        // so is the placeholder dash
    CHECK(value_cell("≥50个") == "≥50个");
    CHECK(value_cell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
}

TEST_CASE("csv: a score run's scores follow the findings in the same columns, with the working", "[report][csv]") {
    // A finance user who asks `score -f csv` filters on the rule column: "score" rows per indicator,
    // "score-total" per project; before, the CSV held no score at all.
    const std::string out = test::render(test::sample_report(true), "csv");
    const std::string indicator_row =
        "\r\ndata/局 "
        "A/targets.csv,5,G5,得分,score,301001,部分军退人员岗位补贴资金,成本指标/经济成本指标/项目总成本,18.00,"
        "\"超出目标：855 − 842.07 = 12.93万元\n本项得分：18分\",\r\n";
    const std::string total_row =
        "\r\ndata/局 A/targets.csv,5,,得分,score-total,301001,部分军退人员岗位补贴资金,,87.50,"
        "总分87.50（良），其中预算执行率得分10.00,\r\n";
    const std::string execution_row =
        "\r\ndata/局 A/targets.csv,5,,得分,score,301001,部分军退人员岗位补贴资金,预算执行率,10.00,"
        "全年执行数855万元 ÷ 全年预算数842.07万元 = 101.54%（超过100%按100%计） × 分值10 = 10分,";
    REQUIRE(out.find(indicator_row) != std::string::npos);
    REQUIRE(out.find(total_row) != std::string::npos);
    CHECK(out.find(execution_row) < out.find(total_row));
    CHECK(out.rfind(",unit-missing,") < out.find(indicator_row));                // after every finding
    CHECK(out.find(total_row) < out.find("broken.csv,,,错误,unreadable-file"));  // before the unreadable files
    Report en = test::sample_report(true);
    en.lang = Lang::en;
    CHECK_THAT(test::render(en, "csv"), Catch::Contains(",score,301001,") &&
                                            Catch::Contains("total 87.50 (良), of which budget execution 10.00"));
    // A check run has no score rows.
    CHECK(test::render(test::sample_report(), "csv").find(",score,") == std::string::npos);
}

TEST_CASE("csv: --summary follows the findings as rows of the same columns: files, units, key projects, review, total",
          "[report][csv]") {
    // `-f csv --summary` dropped the summary and the key-evaluation list without a word.
    Report r = test::sample_report();
    report::finalize(r,
                     {{0, test::k_file_a, "301001", test::k_project_1, Decimal::from_raw(842'070000)},
                      {0, test::k_file_a, "301001", test::k_project_2, std::nullopt, 0, "待定"},
                      {1, test::k_file_b, "302002", test::k_project_3, Decimal::from_int(50)}},
                     Decimal::from_int(100));
    const std::string out = test::render(r, "csv");
    const std::string file_row =
        "\r\ndata/局 A/targets.csv,,,汇总,summary-file,,,,2,2 个项目，20 条指标：错误 2，警告 1，提示 1,\r\n";
    const std::string unit_row =
        "\r\n,,,汇总,summary-unit,301001,,,842.07,2 个项目，资金总额（万元）842.07（另有 1 "
        "个项目的资金总额缺失或无效，未计入）"
        "：错误 2，警告 1，提示 1,\r\n";
    const std::string key_row =
        "\r\ndata/局 A/targets.csv,,,汇总,key-project,301001,部分军退人员岗位补贴资金,,842.07,"
        "重点评价项目：资金总额 842.07 万元（≥ 100 万元），问题 3 条,\r\n";
    const std::string review_row =
        "\r\ndata/局 A/targets.csv,,,汇总,funds-to-review,301001,养老保险补助,,待定,"
        "资金总额“待定”缺失或无效，需人工核定是否纳入重点评价（≥ 100 万元）；问题 1 条,\r\n";
    REQUIRE(out.find(file_row) != std::string::npos);
    CHECK(out.find("\r\nbroken.csv,,,汇总,summary-file,,,,,无法读取文件：") != std::string::npos);
    REQUIRE(out.find(unit_row) != std::string::npos);
    REQUIRE(out.find(key_row) != std::string::npos);
    REQUIRE(out.find(review_row) != std::string::npos);
    CHECK(out.find(",汇总,summary-total,,,,,共 4 个文件（其中 1 个无法读取），3 个项目：错误 2，警告 2，提示 1；") !=
          std::string::npos);
    // After every finding and unreadable file, in the order file, unit, key projects, review, total.
    CHECK(out.rfind(",unreadable-file,") < out.find(file_row));
    CHECK(out.find(file_row) < out.find(unit_row));
    CHECK(out.find(unit_row) < out.find(key_row));
    CHECK(out.find(key_row) < out.find(review_row));
    // Every row keeps the header's 11 columns (tools parse the findings table by them).
    const std::string py =
        "import csv,sys\nrows=list(csv.reader(open(sys.argv[1],encoding='utf-8-sig'),strict=True))\n"
        "sys.exit(0 if all(len(x)==11 for x in rows) else 1)\n";
    test::TempDir dir;
    const std::string path = dir.write("r.csv", out);
    const std::string script = dir.write("check.py", py);
    CHECK(test::run_command("python3 " + test::shell_quote(script) + " " + test::shell_quote(path)) == 0);
    // Without --summary: none of it.
    r.with_summary = false;
    CHECK(test::render(r, "csv").find(",汇总,") == std::string::npos);
}
