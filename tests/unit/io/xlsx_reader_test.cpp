// Tests of the XLSX reader: cell values, merged ranges, sheet choice, the seed against its CSV, hostile files.
#include <catch2/catch.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "config/rule_set_loader.hpp"
#include "io/open_table.hpp"
#include "io/xlsx_reader.hpp"
#include "io/xlsx_sheet.hpp"
#include "io/xlsx_values.hpp"
#include "io/xlsx_workbook.hpp"
#include "pipeline/pipeline.hpp"
#include "support/paths.hpp"
#include "support/sheet_rows.hpp"

using namespace perf_check;
using namespace perf_check::io;

namespace {

std::string fixture(const std::string& name) { return test::source_path("tests/data/xlsx/" + name); }

using test::sheet_rows;

std::string at(const RawRow& row, std::size_t column) {
    return column - 1 < row.cells.size() ? std::string(row.cells[column - 1]) : std::string();
}

struct Read {
    TableInfo info;
    std::vector<Project> projects;
};

// Opens `path` and reads every project; the Error (rendered) when opening or reading fails.
Expected<Read> read_all(const std::string& path, const std::string& sheet = "", bool prefer_self_evaluation = false) {
    ReadOptions options;
    options.sheet = sheet;
    options.prefer_self_evaluation = prefer_self_evaluation;
    auto src = open_table(path, options, config::default_rule_set());
    if (!src) return src.error();
    Read r;
    r.info = (*src)->table();
    for (int guard = 0; guard < 10000; ++guard) {
        Project p;
        auto got = (*src)->next(p);
        if (!got) return got.error();
        if (!*got) break;
        r.projects.push_back(std::move(p));
    }
    return r;
}

// The rendered error of reading `path`, and how long it took to get it.
std::string error_of(const std::string& path, double& seconds) {
    const auto start = std::chrono::steady_clock::now();
    auto r = read_all(path);
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return r ? std::string() : r.error().render();
}

}  // namespace

TEST_CASE("numbers print with 15 significant digits and no float noise", "[xlsx]") {
    CHECK(format_number(274.65999999999997) == "274.66");
    CHECK(format_number(842.0700000000001) == "842.07");
    CHECK(format_number(4500) == "4500");
    CHECK(format_number(0.1 + 0.2) == "0.3");
    CHECK(format_number(-12.5) == "-12.5");
    CHECK(format_number(0) == "0");
    CHECK(format_number(1e-6) == "0.000001");
    CHECK(format_number(123456789012345.0) == "123456789012345");
    CHECK(format_number(1e20) == "100000000000000000000");
    CHECK(format_number(1e21) == "1E+21");
    CHECK(format_number(1.5e-16) == "1.5E-16");
    CHECK(format_number(1.0 / 3.0) == "0.333333333333333");
}

TEST_CASE("number formats: built-in and custom dates and percentages", "[xlsx]") {
    CHECK(builtin_number_style(14) == NumberStyle::date);
    CHECK(builtin_number_style(22) == NumberStyle::date);
    CHECK(builtin_number_style(9) == NumberStyle::percent);
    CHECK(builtin_number_style(0) == NumberStyle::general);
    CHECK(builtin_number_style(4) == NumberStyle::general);
    CHECK(builtin_number_style(45) == NumberStyle::general);  // mm:ss is a time, not a date
    CHECK(custom_number_style("yyyy\"年\"m\"月\"d\"日\"") == NumberStyle::date);
    CHECK(custom_number_style("[$-804]yyyy/mm/dd") == NumberStyle::date);
    CHECK(custom_number_style("mmm-yy") == NumberStyle::date);
    CHECK(custom_number_style("h:mm:ss") == NumberStyle::general);
    CHECK(custom_number_style("[h]:mm") == NumberStyle::general);
    CHECK(custom_number_style("0.00%") == NumberStyle::percent);
    CHECK(custom_number_style("#,##0.00_);[Red]\\(#,##0.00\\)") == NumberStyle::general);
    CHECK(custom_number_style("0.00\"天\"") == NumberStyle::general);  // quoted text is not a date part
    CHECK(custom_number_style("General") == NumberStyle::general);
}

TEST_CASE("number formats: the East Asian built-in dates, and the text a custom format writes", "[xlsx]") {
    // A review found 2024年10月31日 (built-in 31) read as 45596, and 1,700,000元 (#,##0"元") as 1700000万元: both
    // scored silently wrong. And a code 000012 (format 000000) lost its zeros.
    for (const int id : {27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58}) {
        INFO(id);
        CHECK(builtin_number_style(id) == NumberStyle::date);
    }
    for (const int id : {32, 33, 34, 35, 55, 56, 37, 44, 49}) {  // times of day, accounting, text
        INFO(id);
        CHECK(builtin_number_style(id) == NumberStyle::general);
    }
    CHECK(number_cell_text("45596", builtin_number_format(31), false) == "2024-10-31");
    // A date shown as its month is the month (a deadline of 2024年10月 runs to its end), not its first day.
    for (const int id : {17, 27, 36, 50, 52, 57}) {
        INFO(id);
        CHECK(number_cell_text("45566", builtin_number_format(id), false) == "2024-10");
    }
    CHECK(number_cell_text("45566", custom_number_format("yyyy\"年\"m\"月\""), false) == "2024-10");
    CHECK(number_cell_text("45566", custom_number_format("yyyy-mm"), false) == "2024-10");
    CHECK(number_cell_text("45566", custom_number_format("yyyy-mm-dd hh:mm"), false) == "2024-10-01");
    CHECK(number_cell_text("45566", custom_number_format("m\"月\"d\"日\""), false) == "2024-10-01");
    const auto text = [](const char* code, const char* v) {
        return number_cell_text(v, custom_number_format(code), false);
    };
    CHECK(text("#,##0\"元\"", "1700000") == "1700000元");
    CHECK(text("0.00\"万元\"", "842.0700000000001") == "842.07万元");
    CHECK(text("0\\人", "136") == "136人");
    CHECK(text("0元", "5") == "5元");  // unquoted, as WPS writes it
    CHECK(text("0\"分\"", "20") == "20分");
    CHECK(text("\"≥\"0%", "0.955") == "≥95.5%");
    CHECK(text("0.0\"%\"", "95") == "95%");  // a quoted % is text: nothing multiplied
    CHECK(text("000000", "12") == "000012");
    CHECK(text("000000", "1234567") == "1234567");
    CHECK(text("000000", "12.5") == "12.5");  // only whole numbers are padded
    CHECK(text("#,##0.00", "1200") == "1200");
    CHECK(text("0E+00", "5") == "5");  // the exponent's zeros pad nothing (a diff review found 005)
    CHECK(text("0.00E+00", "5") == "5");
    CHECK(text("0,000", "5") == "5");  // a thousands separator, not four digits
    CHECK(text("#,##0", "5") == "5");
    // Currency signs, spaces and fills, the negative section, colours: nothing added.
    CHECK(text("\"¥\"#,##0.00", "842.07") == "842.07");
    CHECK(text("_ \"¥\"* #,##0.00_ ;_ \"¥\"* \\-#,##0.00_ ;_ \"¥\"* \"-\"??_ ;_ @_ ", "842.07") == "842.07");
    CHECK(text("#,##0.00_);[Red]\\(#,##0.00\\)", "-5") == "-5");
    CHECK(text("0.00\" \"", "3") == "3");
    CHECK(text("@", "7") == "7");
    CHECK(text("G/通用格式", "842.0700000000001") == "842.07");  // Chinese Excel's General
    CHECK(text("G/通用格式\"元\"", "1700000") == "1700000元");
    CHECK(text("General\" 人\"", "136") == "136人");
    CHECK(text("yyyy\"年\"m\"月\"", "45596") == "2024-10");  // shown as the month: read as the month
}

TEST_CASE("date serials convert in both date systems", "[xlsx]") {
    CHECK(serial_to_date(45292, false) == "2024-01-01");
    CHECK(serial_to_date(45473.99, false) == "2024-06-30");
    CHECK(serial_to_date(1, false) == "1900-01-01");
    CHECK(serial_to_date(59, false) == "1900-02-28");
    CHECK(serial_to_date(60, false) == "1900-02-29");  // Excel's phantom leap day
    CHECK(serial_to_date(61, false) == "1900-03-01");
    CHECK(serial_to_date(2958465, false) == "9999-12-31");
    CHECK_FALSE(serial_to_date(2958466, false));
    CHECK_FALSE(serial_to_date(0.5, false));
    CHECK(serial_to_date(43830, true) == "2024-01-01");
    CHECK(serial_to_date(1, true) == "1904-01-02");
    CHECK(number_cell_text("0.9", NumberStyle::percent, false) == "90%");
    CHECK(number_cell_text("45292", NumberStyle::date, false) == "2024-01-01");
    CHECK(number_cell_text("-3", NumberStyle::date, false) == "-3");  // not a date: shown as the number
    CHECK(number_cell_text("abc", NumberStyle::general, false) == "abc");
}

TEST_CASE("cell references and part paths", "[xlsx]") {
    int col = 0, row = 0;
    CHECK(parse_cell_ref("C12", col, row));
    CHECK((col == 3 && row == 12));
    CHECK(parse_cell_ref("$AA$1", col, row));
    CHECK((col == 27 && row == 1));
    CHECK(parse_cell_ref("XFD1048576", col, row));
    CHECK((col == 16384 && row == 1048576));
    CHECK(parse_cell_ref("B", col, row));
    CHECK((col == 2 && row == 0));
    CHECK_FALSE(parse_cell_ref("XFE1", col, row));
    CHECK_FALSE(parse_cell_ref("A1048577", col, row));
    CHECK_FALSE(parse_cell_ref("A0", col, row));
    CHECK_FALSE(parse_cell_ref("1A", col, row));
    CHECK_FALSE(parse_cell_ref("", col, row));
    CHECK(resolve_part("xl/workbook.xml", "worksheets/sheet1.xml") == "xl/worksheets/sheet1.xml");
    CHECK(resolve_part("xl/workbook.xml", "/xl/worksheets/sheet1.xml") == "xl/worksheets/sheet1.xml");
    CHECK(resolve_part("xl/workbook.xml", "../xl/./sharedStrings.xml") == "xl/sharedStrings.xml");
    CHECK(resolve_part("", "xl/workbook.xml") == "xl/workbook.xml");
    CHECK(decode_ooxml_escapes("a_x000D_b") == "a\rb");
    CHECK(decode_ooxml_escapes("_x005F_x000D_") == "_x000D_");
    CHECK(decode_ooxml_escapes("_xZZZZ_") == "_xZZZZ_");
}

TEST_CASE("every kind of cell value reads as the text a person sees", "[xlsx]") {
    const auto rows = sheet_rows(fixture("cells.xlsx"));
    REQUIRE(rows.size() == 8);
    const RawRow& r1 = rows[0];
    CHECK(r1.row == 1);
    CHECK(at(r1, 1) == "共享");        // shared string
    CHECK(at(r1, 2) == "富文本");      // rich text runs joined
    CHECK(at(r1, 3) == "漢字");        // phonetic run left out
    CHECK(at(r1, 4) == "a\rb");        // _x000D_ escape
    CHECK(at(r1, 5) == "内联");        // inline string with runs
    CHECK(at(r1, 6) == "公式结果");    // t="str" formula result
    CHECK(at(r1, 7) == "TRUE");
    CHECK(at(r1, 8) == "#DIV/0!");
    CHECK(at(r1, 9) == "  301001");   // spaces kept: trimming is normalisation's job
    const RawRow& r2 = rows[1];
    CHECK(at(r2, 1) == "274.66");
    CHECK(at(r2, 2) == "842.07");
    CHECK(at(r2, 3) == "4500");
    CHECK(at(r2, 4) == "0.3");
    CHECK(at(r2, 5) == "-12.5");
    CHECK(at(r2, 6) == "1E+21");
    CHECK(at(r2, 7) == "0.000001");
    CHECK(at(r2, 8) == "4500");       // #,##0.00 is not a date or percentage
    CHECK(at(r2, 9) == "");           // formula without a cached value …
    CHECK(at(r2, 10) == "");          // a text formula whose saved result is "" (=IF(…,"",…))
    // I2 and K2 (an empty <v> of a number, as scripts write) are formulas without a result; J2 is not: a
    // code review found its "" reported as unsaved, which no re-save in Excel can clear.
    REQUIRE(r2.unsaved_formulas.size() == 2);  // … noted, with their formulas
    CHECK(r2.unsaved_formulas[0].column == 8);
    CHECK(r2.unsaved_formulas[0].formula == "SUM(A2:B2)");
    CHECK(r2.unsaved_formulas[1].column == 10);
    CHECK(r2.unsaved_formulas[1].formula == "A2*2");
    CHECK(r1.unsaved_formulas.empty());  // F1's formula has its result
    const RawRow& r3 = rows[2];
    CHECK(at(r3, 1) == "2024-01-01");  // built-in 14
    CHECK(at(r3, 2) == "2024-06-30");  // custom yyyy"年"m"月"d"日"
    CHECK(at(r3, 3) == "90%");         // built-in 9 (0%)
    CHECK(at(r3, 4) == "2024-01-01");  // built-in 22, time of day dropped
    CHECK(at(r3, 5) == "95.5%");       // custom 0.00%
    CHECK(at(r3, 6) == "1900-02-29");
    CHECK(at(r3, 7) == "共享");        // a date style on a string cell changes nothing
}

TEST_CASE("numbers read with the text their format writes: 元, zeros, a comparator, East Asian dates", "[xlsx]") {
    const auto rows = sheet_rows(fixture("formats.xlsx"));
    REQUIRE(rows.size() == 1);
    CHECK(at(rows[0], 1) == "2024-10-31");  // built-in 31, 2024年10月31日
    CHECK(at(rows[0], 2) == "1700000元");   // #,##0"元": an amount in 元, not 1700000 of the table's 万元
    CHECK(at(rows[0], 3) == "000012");      // 000000: a 单位代码 stored as a number keeps its zeros
    CHECK(at(rows[0], 4) == "≥95.5%");
    CHECK(at(rows[0], 5) == "842.07");  // accounting ¥: not kept
    CHECK(at(rows[0], 6) == "5元");     // unquoted, as WPS saves it
}

TEST_CASE("merged ranges are filled from their anchor, across and down", "[xlsx]") {
    const auto rows = sheet_rows(fixture("cells.xlsx"));
    REQUIRE(rows.size() == 8);
    std::vector<int> numbers;
    for (const auto& r : rows) numbers.push_back(r.row);
    // Rows 4 and 6 are omitted from the XML and not invented; row 9 is present but empty.
    CHECK(numbers == std::vector<int>{1, 2, 3, 5, 7, 8, 9, 10});
    const RawRow& r5 = rows[3];
    CHECK(at(r5, 1) == "项目A");
    CHECK(at(r5, 2) == "横向");
    CHECK(at(r5, 3) == "横向");  // B5:C5
    const RawRow& r7 = rows[4];
    CHECK(at(r7, 1) == "项目A");  // A5:A7 overrides the text Excel hides under the merge
    CHECK(at(r7, 4) == "");       // D6:D8 anchored in the omitted row 6: blank
    CHECK(at(r7, 5) == "块");
    CHECK(at(r7, 6) == "块");     // E7:F8
    const RawRow& r8 = rows[5];
    CHECK(at(r8, 1) == "");       // A5:A7 ended
    CHECK(at(r8, 2) == "8");
    CHECK(at(r8, 5) == "块");
    CHECK(at(r8, 6) == "块");
    CHECK(rows[6].cells.empty());
    const RawRow& r10 = rows[7];
    CHECK(at(r10, 1) == "1");  // cells without r="…" take the next column
    CHECK(at(r10, 2) == "2");
    CHECK(at(r10, 5) == "5");
    CHECK(at(r10, 6) == "6");
    CHECK(at(r10, 3) == "");
}

TEST_CASE("merged ranges are found across the scan's chunk boundary and in UTF-16 sheets", "[xlsx]") {
    for (std::size_t sheet = 0; sheet < 4; ++sheet) {
        INFO("sheet " << sheet + 1);
        const auto rows = sheet_rows(fixture("merge-scan.xlsx"), sheet);
        REQUIRE(rows.size() == 2);
        CHECK(at(rows[0], 1) == "锚");
        CHECK(at(rows[0], 2) == "锚");
        CHECK(at(rows[1], 1) == "锚");
        CHECK(at(rows[1], 2) == "锚");
        CHECK(at(rows[1], 3) == "2");
    }
}

TEST_CASE("the 1904 date system (in a workbook whose sheet target lacks its leading slash)", "[xlsx]") {
    const auto rows = sheet_rows(fixture("date1904.xlsx"));
    REQUIRE(rows.size() == 1);
    CHECK(at(rows[0], 1) == "2024-01-01");
    CHECK(at(rows[0], 2) == "1904-01-02");
}

TEST_CASE("the seed workbook reads as the same projects as the seed CSV", "[xlsx][seed]") {
    auto xlsx = read_all(test::source_path("samples/targets-2024.xlsx"));
    auto csv = read_all(test::source_path("samples/targets-2024.csv"));
    REQUIRE(xlsx);
    REQUIRE(csv);
    CHECK(xlsx->info.sheet == "项目支出绩效目标表");
    CHECK(xlsx->info.encoding.empty());
    CHECK(xlsx->info.header_row == 4);
    CHECK(xlsx->info.header_row == csv->info.header_row);
    CHECK(xlsx->info.money_unit == MoneyUnit::wan_yuan);
    CHECK(xlsx->info.missing_columns.empty());
    REQUIRE(xlsx->projects.size() == 4);
    REQUIRE(csv->projects.size() == 4);
    for (std::size_t i = 0; i < 4; ++i) {
        const Project& x = xlsx->projects[i];
        const Project& c = csv->projects[i];
        INFO("project " << i + 1 << " " << c.name.text);
        CHECK(x.code.text == c.code.text);
        CHECK(x.code.text == "301001");
        CHECK(x.name.text == c.name.text);
        CHECK(x.goal.text == c.goal.text);
        // The workbook stores 资金总额 as numbers (4500), the CSV as text ("4,500.00"): same money.
        REQUIRE(x.funds_wan);
        CHECK(x.funds_wan == c.funds_wan);
        CHECK(x.first_row == c.first_row);
        CHECK(x.last_row == c.last_row);
        CHECK(x.code.loc.cell_ref() == "项目支出绩效目标表!A" + std::to_string(c.first_row));
        REQUIRE(x.indicators.size() == c.indicators.size());
        for (std::size_t k = 0; k < c.indicators.size(); ++k) {
            const Indicator& xi = x.indicators[k];
            const Indicator& ci = c.indicators[k];
            INFO("indicator row " << ci.row);
            CHECK(xi.row == ci.row);
            CHECK(xi.path() == ci.path());
            for (auto member : {&Indicator::level1, &Indicator::level2, &Indicator::name, &Indicator::target,
                                &Indicator::content, &Indicator::deduction, &Indicator::unit, &Indicator::type,
                                &Indicator::weight}) {
                CHECK((xi.*member).text == (ci.*member).text);
                CHECK((xi.*member).loc.row == (ci.*member).loc.row);
                CHECK((xi.*member).loc.column == (ci.*member).loc.column);
                CHECK((xi.*member).loc.sheet == "项目支出绩效目标表");
            }
            CHECK(xi.weight_points == ci.weight_points);
            CHECK(xi.comparator == ci.comparator);
        }
    }
    CHECK(xlsx->projects[1].funds_wan == Decimal::from_int(4500));
    CHECK(xlsx->projects[0].funds.text == "842.07");  // stored as 842.0700000000001
}

TEST_CASE("the seed workbook gives the same findings as the CSV, located by row and cell", "[xlsx][seed][pipeline]") {
    const RuleSet& rules = config::default_rule_set();
    auto active = rules::build_active_rules(rules);
    REQUIRE(active);
    RunOptions opts;
    opts.paths = {test::source_path("samples/targets-2024.csv")};
    const Report csv = pipeline::check_inputs(opts, rules, *active);
    opts.paths = {test::source_path("samples/targets-2024.xlsx")};
    const Report xlsx = pipeline::check_inputs(opts, rules, *active);
    REQUIRE(xlsx.files.size() == 1);
    INFO(xlsx.files[0].error.value_or(""));
    CHECK_FALSE(xlsx.files[0].error);
    CHECK(xlsx.files[0].projects == 4);
    CHECK(xlsx.files[0].indicators == csv.files[0].indicators);
    REQUIRE_FALSE(csv.findings.empty());
    REQUIRE(xlsx.findings.size() == csv.findings.size());
    for (std::size_t i = 0; i < csv.findings.size(); ++i) {
        const Finding& c = csv.findings[i];
        const Finding& x = xlsx.findings[i];
        INFO(c.rule << " at " << c.loc.cell_ref() << ": " << c.message.zh);
        CHECK(x.rule == c.rule);
        CHECK(x.severity == c.severity);
        CHECK(x.loc.row == c.loc.row);
        CHECK(x.project == c.project);
        CHECK(x.indicator == c.indicator);
        CHECK(x.message.en == c.message.en);
        // Only where the CSV has text and the workbook a number may the value differ ("4,500.00" vs 4500).
        if (c.value != "4,500.00" && c.value != "232.00") CHECK(x.value == c.value);
        if (!c.loc.cell_ref().empty()) CHECK(x.loc.cell_ref() == "项目支出绩效目标表!" + c.loc.cell_ref());
    }
    // One exact finding, to know the comparison is not vacuous.
    bool found = false;
    for (const auto& f : xlsx.findings) {
        if (f.rule == "comparator-direction" && f.loc.row == 8) {
            found = true;
            CHECK(f.loc.cell_ref() == "项目支出绩效目标表!L8");
        }
    }
    CHECK(found);
}

TEST_CASE("a formula saved without its result is one bad-cell finding naming it, not an empty cell",
          "[xlsx][bad-cell][pipeline]") {
    // H5 (the cost target) is =C5 with no <v>: it read as empty, and the user was told “指标值为空”.
    const RuleSet& rules = config::default_rule_set();
    auto active = rules::build_active_rules(rules);
    REQUIRE(active);
    RunOptions opts;
    opts.paths = {fixture("formula-nocache.xlsx")};
    const Report report = pipeline::check_inputs(opts, rules, *active);
    REQUIRE(report.files.size() == 1);
    CHECK_FALSE(report.files[0].error);
    std::vector<const Finding*> at_h5;
    for (const auto& f : report.findings) {
        if (f.loc.cell_ref() == "绩效目标表!H5") at_h5.push_back(&f);
    }
    REQUIRE(at_h5.size() == 1);  // not value-not-numeric as well
    const Finding& f = *at_h5[0];
    CHECK(f.rule == "bad-cell");
    CHECK(f.value == "=C5");
    CHECK(f.indicator == "成本指标/经济成本指标/项目总成本");
    CHECK_THAT(f.message.zh, Catch::Contains("“指标值”列（绩效目标表!H5）是公式“=C5”，文件中没有保存它的计算结果"));
    CHECK_THAT(f.message.en, Catch::Contains("the formula “=C5” saved without its result"));
    CHECK_THAT(f.hint.zh, Catch::StartsWith("用 Excel 或 WPS 打开这个文件并保存"));
    // The rule disabled, nothing explains the cell: the other rules' findings are not dropped unsaid.
    RuleSet without = rules;
    for (auto& [id, settings] : without.rules) {
        if (id == "bad-cell") settings.enabled = false;
    }
    auto fewer = rules::build_active_rules(without);
    REQUIRE(fewer);
    const Report plain = pipeline::check_inputs(opts, without, *fewer);
    bool empty_target = false;
    for (const auto& g : plain.findings)
        empty_target = empty_target || (g.rule == "value-not-numeric" && g.loc.row == 5);
    CHECK(empty_target);
}

TEST_CASE("the first visible sheet that looks like a table is read, or the one --sheet names", "[xlsx][sheet]") {
    const std::string path = fixture("sheets.xlsx");
    auto first = read_all(path);
    REQUIRE(first);
    CHECK(first->info.sheet == "表A");  // not 说明 (no header), not 隐藏表 (hidden)
    REQUIRE(first->projects.size() == 1);
    CHECK(first->projects[0].name.text == "部分军退人员岗位补贴资金");
    CHECK(first->projects[0].indicators.size() == 11);
    CHECK(first->projects[0].first_row == 5);
    // The other tables are named for sheet-not-checked: the visible one, then the hidden one.
    CHECK(first->info.other_table_sheets == std::vector<std::string>{"表B", "隐藏表"});

    auto by_name = read_all(path, "表B");
    REQUIRE(by_name);
    CHECK(by_name->info.sheet == "表B");
    CHECK(by_name->info.other_table_sheets.empty());  // --sheet chose: nothing else is due
    REQUIRE(by_name->projects.size() == 1);
    CHECK(by_name->projects[0].name.text == "机关事业单位养老保险财政预留补助");
    CHECK(by_name->projects[0].funds_wan == Decimal::from_int(4500));

    auto by_number = read_all(path, "4");
    REQUIRE(by_number);
    CHECK(by_number->info.sheet == "表B");

    auto hidden = read_all(path, "2");  // a hidden sheet is read when asked for
    REQUIRE(hidden);
    CHECK(hidden->info.sheet == "隐藏表");
    REQUIRE(hidden->projects.size() == 1);
    CHECK(hidden->projects[0].name.text == "社区及改制企业人员养老金补差");

    auto notes = read_all(path, "1");  // asked for: read, even though it is no table
    REQUIRE(notes);
    CHECK(notes->info.sheet == "说明");
    CHECK(notes->info.header_row == 0);
    CHECK(notes->projects.empty());

    for (const std::string& bad : {std::string("9"), std::string("0"), std::string("表C")}) {
        auto missing = read_all(path, bad);
        REQUIRE_FALSE(missing);
        const std::string msg = missing.error().render();
        CHECK_THAT(msg, Catch::Contains(path) && Catch::Contains("\"" + bad + "\"") && Catch::Contains("1 \"说明\"") &&
                            Catch::Contains("4 \"表B\"") && Catch::Contains("--sheet"));
    }
}

TEST_CASE("a whole table is read before a 汇总表 that looks like one; score reads the self-evaluation",
          "[xlsx][sheet]") {
    // A review found the 汇总表 (单位代码, 项目名称, 年初预算数, 绩效目标) checked: missing columns and goal-missing
    // about it, the real table only named as not checked. And score of a workbook of 目标表 then 自评表 failed
    // with "no 实际完成值 column".
    auto checked = read_all(fixture("summary-first.xlsx"));
    REQUIRE(checked);
    CHECK(checked->info.sheet == "绩效目标表");
    CHECK(checked->info.missing_columns.empty());
    REQUIRE(checked->projects.size() == 1);
    CHECK(checked->projects[0].name.text == "部分军退人员岗位补贴资金");
    // The self-evaluation is a whole table too, not checked: named. The 汇总表 is no table: not named.
    CHECK(checked->info.other_table_sheets == std::vector<std::string>{"绩效自评表"});

    auto scored = read_all(fixture("summary-first.xlsx"), "", true);
    REQUIRE(scored);
    CHECK(scored->info.sheet == "绩效自评表");
    CHECK(scored->info.self_evaluation);
    CHECK(scored->projects.size() == 5);
    CHECK(scored->info.other_table_sheets == std::vector<std::string>{"绩效目标表"});

    // Asked for, the 汇总表 is read as it is.
    auto asked = read_all(fixture("summary-first.xlsx"), "汇总表");
    REQUIRE(asked);
    CHECK_FALSE(asked->info.missing_columns.empty());
}

TEST_CASE("a workbook of self-evaluation forms is read whole, one project a sheet", "[xlsx][sheet][form]") {
    // A county's health bureau collects its centres' 项目支出绩效自评表, one a sheet. Only the first was read
    // and the other two named as not checked: --summary counted 150万 of 350万.
    for (const bool prefer_self_evaluation : {false, true}) {
        auto r = read_all(fixture("forms.xlsx"), "", prefer_self_evaluation);
        REQUIRE(r);
        CHECK(r->info.sheet == "城关镇卫生院");
        CHECK(r->info.more_sheets == std::vector<std::string>{"河口乡卫生院", "白云乡卫生院"});
        // Forms unlike them are still named: the 申报表 (no 实际完成值), then the hidden old form. The blank form
        // holds no project.
        CHECK(r->info.other_table_sheets == std::vector<std::string>{"2025年申报", "2023年旧表"});
        REQUIRE(r->projects.size() == 3);
        const std::vector<std::tuple<std::string, std::string, std::string>> expected = {
            {"城关镇卫生院", "基本公共卫生服务补助", "150"},
            {"河口乡卫生院", "基本公共卫生服务补助", "120"},
            {"白云乡卫生院", "家庭医生签约服务补助", "80"}};
        for (std::size_t i = 0; i < expected.size(); ++i) {
            const Project& p = r->projects[i];
            const auto& [sheet, name, funds] = expected[i];
            CHECK(p.form);
            CHECK(p.sheet == sheet);
            CHECK(p.name.text == name);
            CHECK(p.name.loc.sheet == sheet);
            REQUIRE(p.funds_wan);
            CHECK(p.funds_wan->str() == funds);
            REQUIRE(p.indicators.size() == 5);
            CHECK(p.indicators[1].weight.loc.sheet == sheet);
            CHECK(p.indicators[1].weight.loc.cell_ref() == sheet + "!G12");
            REQUIRE(p.totals.size() == 1);
            CHECK(p.totals[0].score.loc.sheet == sheet);
        }
    }
    // A first form without its 分值 header: check and score read the same two whole forms after it (score read the
    // first alone, 10 points).
    for (const bool prefer_self_evaluation : {false, true}) {
        auto r = read_all(fixture("forms-first-lacks.xlsx"), "", prefer_self_evaluation);
        REQUIRE(r);
        CHECK(r->info.sheet == "乙卫生院");
        CHECK(r->info.more_sheets == std::vector<std::string>{"丙卫生院"});
        CHECK(r->info.other_table_sheets == std::vector<std::string>{"甲卫生院"});
        CHECK(r->info.other_table_missing == std::vector<std::string>{"分值（备注）"});
    }
    // A damaged sheet among them is named with why, and the others are read.
    auto broken = read_all(fixture("forms-broken.xlsx"));
    REQUIRE(broken);
    REQUIRE(broken->projects.size() == 3);
    CHECK(broken->info.more_sheets == std::vector<std::string>{"丙卫生院", "丁卫生院"});
    CHECK(broken->projects[2].funds_wan == Decimal::from_int(120));  // its sheet's 元
    REQUIRE(broken->info.unreadable_sheets.size() == 1);
    CHECK(broken->info.unreadable_sheets[0].name == "乙卫生院");
    CHECK_THAT(broken->info.unreadable_sheets[0].why_zh, Catch::Contains("sheet2.xml") && Catch::Contains("损坏"));
    CHECK_THAT(broken->info.unreadable_sheets[0].why_en, Catch::Contains("sheet2.xml") && !Catch::Contains("损坏"));
    // --sheet reads the one sheet it names.
    auto one = read_all(fixture("forms.xlsx"), "河口乡卫生院");
    REQUIRE(one);
    CHECK(one->info.more_sheets.empty());
    CHECK(one->info.other_table_sheets.empty());
    REQUIRE(one->projects.size() == 1);
    CHECK(one->projects[0].sheet == "河口乡卫生院");
}

TEST_CASE("an instructions sheet with an example row is passed over for the table after it", "[xlsx][sheet]") {
    // 填表说明 repeats the header and gives an example row: it looks like a table of one project. It used
    // to be checked (a dozen errors about the example) and the real table reported as not checked.
    auto r = read_all(fixture("instructions.xlsx"));
    REQUIRE(r);
    CHECK(r->info.sheet == "绩效目标表");
    REQUIRE(r->projects.size() == 1);
    CHECK(r->projects[0].name.text == "部分军退人员岗位补贴资金");
    // The 示例 sheet after it is no table left unchecked either.
    CHECK(r->info.other_table_sheets.empty());

    auto asked = read_all(fixture("instructions.xlsx"), "填表说明");  // --sheet still reads it
    REQUIRE(asked);
    CHECK(asked->info.sheet == "填表说明");
    REQUIRE(asked->projects.size() == 1);
    CHECK(asked->projects[0].name.text == "填项目全称");

    // A workbook whose one table-like sheet is named as instructions: that sheet is the table.
    auto only = read_all(fixture("instructions-only.xlsx"));
    REQUIRE(only);
    CHECK(only->info.sheet == "填报说明");
    REQUIRE(only->projects.size() == 1);
    CHECK(only->projects[0].name.text == "机关事业单位养老保险财政预留补助");
}

TEST_CASE("a workbook with no table-like sheet reads its first sheet, so missing columns are reported", "[xlsx][sheet]") {
    auto r = read_all(fixture("no-table.xlsx"));
    REQUIRE(r);
    CHECK(r->info.sheet == "杂项");
    CHECK(r->info.header_row == 0);
    CHECK(r->projects.empty());
    CHECK(r->info.missing_columns.size() >= 5);
}

TEST_CASE("damaged and hostile workbooks are errors naming the file and the part, quickly", "[xlsx][errors]") {
    struct Case {
        const char* file;
        std::vector<const char*> says;
    };
    const std::vector<Case> cases = {
        {"corrupt.xlsx", {"xl/worksheets/sheet1.xml", "damaged", "已损坏"}},
        {"truncated.xlsx", {"not a zip archive", "truncated", "不完整"}},
        {"bomb.xlsx", {"xl/worksheets/sheet1.xml", "zip bomb", "30.0 MB", "压缩炸弹"}},
        {"lying-size.xlsx", {"xl/worksheets/sheet1.xml", "more data than its zip header declares"}},
        {"huge-declared.xlsx", {"would expand to more than 1.0 GB", "压缩炸弹"}},
        {"big-strings.xlsx", {"xl/sharedStrings.xml is 300.0 MB when unpacked", "limit of 256.0 MB"}},
        {"not-workbook.xlsx", {"not an Excel workbook", "xl/workbook.xml"}},
        {"missing-sheet.xlsx", {"xl/worksheets/sheet1.xml is missing", "缺少部件"}},
        {"malformed.xlsx", {"malformed XML", "xl/worksheets/sheet1.xml", "line 3", "mismatched tag"}},
        {"doctype.xlsx", {"xl/worksheets/sheet1.xml", "DOCTYPE"}},
        {"bad-index.xlsx", {"cell C3 refers to shared string 7", "has 1", "共享字符串编号越界"}},
        {"legacy.xls", {".xls", "另存为"}},
    };
    for (const auto& c : cases) {
        const std::string path = fixture(c.file);
        double seconds = 0;
        const std::string msg = error_of(path, seconds);
        INFO(c.file << ": " << msg);
        REQUIRE_FALSE(msg.empty());
        CHECK_THAT(msg, Catch::StartsWith(path + ": "));
        for (const char* s : c.says) CHECK_THAT(msg, Catch::Contains(s));
        CHECK(seconds < 1.0);
    }
}

TEST_CASE("a legacy .xls renamed to .xlsx still gets the save-as message", "[xlsx][errors]") {
    test::TempDir dir;
    const std::string path = dir.write("old.xlsx", test::slurp(fixture("legacy.xls")));
    auto src = open_xlsx(path, ReadOptions{}, config::default_rule_set());
    REQUIRE_FALSE(src);
    CHECK_THAT(src.error().render(), Catch::Contains(path) && Catch::Contains("另存为") && Catch::Contains(".xlsx"));
}

TEST_CASE("text saved under a spreadsheet's name: a table is read as text, a web page is said", "[xlsx][errors]") {
    // A review found a CSV named .xlsx refused as "not a zip archive" while an XLSX named .csv is read.
    test::TempDir dir;
    const std::string csv = test::slurp(test::source_path("samples/clean-2024.csv"));
    for (const char* name : {"t.xlsx", "t.xls"}) {
        INFO(name);
        auto src = open_table(dir.write(name, csv), ReadOptions{}, config::default_rule_set());
        REQUIRE(src);
        CHECK((*src)->table().encoding == "UTF-8");
        CHECK((*src)->table().missing_columns.empty());
    }
    // Budget systems export HTML tables named .xls / .xlsx: the fix is Excel's 另存为.
    for (const char* name : {"h.xlsx", "h.xls"}) {
        INFO(name);
        const std::string path = dir.write(name, "<HTML><body><table><tr><td>单位代码</td></tr></table></body></HTML>");
        auto src = open_table(path, ReadOptions{}, config::default_rule_set());
        REQUIRE_FALSE(src);
        CHECK_THAT(src.error().render(), Catch::Contains("网页表格（HTML）") && Catch::Contains("另存为"));
    }
    // Other text named .xlsx is still a broken workbook.
    auto junk = open_table(dir.write("j.xlsx", "this is not a zip file"), ReadOptions{}, config::default_rule_set());
    REQUIRE_FALSE(junk);
    CHECK_THAT(junk.error().render(), Catch::Contains("not a zip archive"));
}

TEST_CASE("reading stops at the limits: cell size and columns", "[xlsx][errors]") {
    auto wb = XlsxWorkbook::open(fixture("lying-size.xlsx"), ReadLimits{});
    REQUIRE(wb);  // the workbook parts are fine; the sheet is what lies
    auto rows = XlsxRowSource::open(*wb, 0);
    REQUIRE_FALSE(rows);
    ReadLimits small;
    small.max_cell_bytes = 4;
    auto strings = XlsxWorkbook::open(fixture("cells.xlsx"), small);
    REQUIRE_FALSE(strings);  // "共享" is 6 bytes
    CHECK_THAT(strings.error().render(),
               Catch::Contains("xl/sharedStrings.xml") && Catch::Contains("shared string is larger than 4 bytes"));
    auto dates = XlsxWorkbook::open(fixture("date1904.xlsx"), small);
    REQUIRE(dates);
    auto src = XlsxRowSource::open(*dates, 0);
    REQUIRE(src);
    RawRow row;
    auto got = (*src)->next(row);  // A1 holds "43830"
    REQUIRE_FALSE(got);
    CHECK_THAT(got.error().render(), Catch::Contains("cell A1 is larger than 4 bytes") && Catch::Contains("date1904.xlsx"));
    ReadLimits narrow;
    narrow.max_columns = 5;
    auto cells2 = XlsxWorkbook::open(fixture("cells.xlsx"), narrow);
    REQUIRE(cells2);
    auto src2 = XlsxRowSource::open(*cells2, 0);
    REQUIRE(src2);
    auto got2 = (*src2)->next(row);
    REQUIRE_FALSE(got2);
    CHECK_THAT(got2.error().render(), Catch::Contains("more than 5 columns"));
}
