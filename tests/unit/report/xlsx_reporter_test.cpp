// Tests of the xlsx report, read back by an independent reader (python3-openpyxl) as JSON.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "config/rule_set_loader.hpp"
#include "io/zip_archive.hpp"
#include "pipeline/pipeline.hpp"
#include "report/build.hpp"
#include "report/monitor_sections.hpp"
#include "report/reporters.hpp"
#include "report/xlsx_reporter.hpp"
#include "rules/active.hpp"
#include "support/full_disk.hpp"
#include "support/paths.hpp"

using namespace perf_check;
using nlohmann::json;

namespace {

std::string python() {
    // Debian's interpreter, which has python3-openpyxl; a pyenv/venv python3 earlier on PATH may not.
    return std::ifstream("/usr/bin/python3").good() ? "/usr/bin/python3" : "python3";
}

/// The workbook at `path` as dump_workbook.py prints it.
json dump(const std::string& path, const test::TempDir& dir) {
    const std::string out = dir.path("dump.json");
    const std::string cmd = python() + " '" + test::source_path("tests/data/xlsx/dump_workbook.py") + "' '" + path +
                            "' > '" + out + "' 2> '" + dir.path("dump.err") + "'";
    const int status = std::system(cmd.c_str());
    INFO(test::slurp(dir.path("dump.err")));
    REQUIRE(status != -1);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);  // needs python3-openpyxl (scripts/setup.sh installs it)
    return json::parse(test::slurp(out));
}

const json& sheet(const json& doc, const std::string& name) {
    for (const auto& s : doc["sheets"]) {
        if (s["name"] == name) return s;
    }
    FAIL("no sheet " << name);
    throw std::logic_error("unreachable");
}

Finding finding(const std::string& rule, Severity sev, const std::string& file, const std::string& sheet, int row,
                int column, const std::string& code, const std::string& project, const std::string& indicator,
                const std::string& value, const std::string& zh, const std::string& en) {
    Finding f;
    f.rule = rule;
    f.severity = sev;
    f.loc.file = file;
    f.loc.sheet = sheet;
    f.loc.row = row;
    f.loc.column = column;
    f.project_code = code;
    f.project = project;
    f.indicator = indicator;
    f.value = value;
    f.message = {zh, en};
    f.hint = {"请修改：" + rule, "Fix: " + rule};
    return f;
}

const std::string k_p1 = "部分军退人员岗位补贴资金";
const std::string k_p2 = "设备购置";
const std::string k_cost = "成本指标/经济成本指标/项目总成本";

/// Two files and an unreadable one; three findings (error, warning, info); one scored project.
Report sample(bool scores) {
    Report r;
    r.files.push_back({"targets.xlsx", "", 2, 22, std::nullopt});
    r.files.push_back({"局 B/b.csv", "GB18030", 1, 11, std::nullopt});
    r.files.push_back({"broken.xlsx", "", 0, 0, std::string("broken.xlsx: 文件已损坏")});
    r.findings.push_back(finding("cost-breakdown", Severity::error, "targets.xlsx", "项目支出绩效目标表", 5, 8, "301001",
                                 k_p1, k_cost, "842.07", "经济成本未细化测算：项目“部分军退人员岗位补贴资金”只有一项。",
                                 "Cost not itemised."));
    r.findings.push_back(finding("comparator-direction", Severity::warning, "targets.xlsx", "项目支出绩效目标表", 8, 12,
                                 "301001", k_p1, "产出指标/数量指标/享受补贴人数", "<", "数量指标应为≥",
                                 "Quantity should be ≥"));
    r.findings.push_back(finding("deduction-discretionary", Severity::info, "局 B/b.csv", "", 16, 10, "302002", k_p2,
                                 "产出指标/质量指标/验收合格率", "视情况扣分", "仅“视情况扣分”", "Only discretionary"));
    if (scores) {
        ProjectScore s;
        s.file = "targets.xlsx";
        s.project_code = "301001";
        s.project = k_p1;
        s.row = 5;
        s.total = Decimal::from_raw(87'500000);
        s.grade = "良";
        s.budget_execution.weight = Decimal::from_int(10);
        s.budget_execution.budget = Decimal::from_raw(842'070000);
        s.budget_execution.spent = Decimal::from_raw(757'863000);
        s.budget_execution.rate = Decimal::from_raw(900000);
        s.budget_execution.score = Decimal::from_int(9);
        IndicatorScore i;
        i.indicator = k_cost;
        i.loc.row = 5;
        i.weight = Decimal::from_int(20);
        i.target = "≤842.07万元";
        i.actual = "855";
        i.score = Decimal::from_raw(18'500000);
        i.formula = "step(over 5 万元, -1)";
        i.steps = {{"超出 12.93 万元，2 个整步", "12.93 over, 2 full steps"}, {"20 − 2 = 18", "20 − 2 = 18"}};
        s.indicators.push_back(i);
        r.scores.push_back(s);
    }
    std::vector<report::ProjectStat> projects = {{0, "targets.xlsx", "301001", k_p1, Decimal::from_raw(842'070000)},
                                                 {0, "targets.xlsx", "301001", "养老保险补助", Decimal::from_int(50)},
                                                 {1, "局 B/b.csv", "302002", k_p2, Decimal::from_int(120)}};
    // The workbook's projects are on the sheet their findings are (a project is keyed by file, sheet, code, name).
    projects[0].sheet = projects[1].sheet = "项目支出绩效目标表";
    report::finalize(r, std::move(projects), Decimal::from_int(100));
    return r;
}

json write_and_dump(const Report& r, const test::TempDir& dir, std::string* bytes = nullptr) {
    std::ostringstream out;
    report::make_xlsx_reporter()->write(r, out);
    REQUIRE(out.good());
    REQUIRE(out.str().rfind("PK\x03\x04", 0) == 0);  // a zip
    if (bytes) *bytes = out.str();
    return dump(dir.write("report.xlsx", out.str()), dir);
}

/// The XML of worksheet `name` of the workbook at `path`, as written. libxlsxwriter names the parts
/// sheet1.xml, sheet2.xml… in the order xl/workbook.xml lists the sheets.
std::string sheet_xml(const std::string& path, const std::string& name) {
    auto archive = io::ZipArchive::open(path);
    REQUIRE(archive);
    auto read = [&](const std::string& part) {
        auto entry = (*archive)->open_entry(part, std::uint64_t{1} << 26);
        REQUIRE(entry);
        std::string text;
        std::array<char, 65536> buf{};
        for (;;) {
            const auto n = (*entry)->read(buf.data(), buf.size());
            REQUIRE(n);
            if (*n == 0) return text;
            text.append(buf.data(), *n);
        }
    };
    const std::string workbook = read("xl/workbook.xml");
    const std::size_t at = workbook.find("<sheet name=\"" + name + "\"");
    REQUIRE(at != std::string::npos);
    int index = 0;
    for (std::size_t pos = 0; (pos = workbook.find("<sheet ", pos)) <= at; ++pos) ++index;
    return read("xl/worksheets/sheet" + std::to_string(index) + ".xml");
}

/// Each cell of a sheet's XML by reference ("C5"), with its text as written (the <v> of a number, the
/// <t> of an inline string), "" for a cell that has a style and no value: <c r="B5" s="5"/>.
std::map<std::string, std::string> xml_cells(const std::string& xml) {
    std::map<std::string, std::string> cells;
    const std::string open = "<c r=\"";
    for (std::size_t pos = 0; (pos = xml.find(open, pos)) != std::string::npos;) {
        const std::size_t ref_end = xml.find('"', pos + open.size());
        const std::size_t tag_end = xml.find('>', ref_end);
        REQUIRE(tag_end != std::string::npos);
        std::string text;
        if (xml[tag_end - 1] != '/') {
            const std::size_t close = xml.find("</c>", tag_end);
            REQUIRE(close != std::string::npos);
            bool in_tag = false;
            for (std::size_t i = tag_end + 1; i < close; ++i) {
                if (xml[i] == '<' || xml[i] == '>') {
                    in_tag = xml[i] == '<';
                } else if (!in_tag) {
                    text += xml[i];
                }
            }
        }
        cells[xml.substr(pos + open.size(), ref_end - pos - open.size())] = text;
        pos = tag_end;
    }
    return cells;
}

std::string write_xlsx(const Report& r, const test::TempDir& dir) {
    std::ostringstream out;
    report::make_xlsx_reporter()->write(r, out);
    REQUIRE(out.good());
    return dir.write("report.xlsx", out.str());
}

}  // namespace

TEST_CASE("the xlsx report holds the findings sheet, filterable, frozen, coloured", "[xlsx-report]") {
    test::TempDir dir;
    const json doc = write_and_dump(sample(false), dir);
    REQUIRE(doc["sheets"].size() == 2);  // no scores → no 评分结果
    CHECK(doc["sheets"][0]["name"] == "问题清单");
    CHECK(doc["sheets"][1]["name"] == "汇总");
    const json& s = sheet(doc, "问题清单");
    CHECK(s["freeze"] == "A2");
    CHECK(s["autofilter"] == "A1:K4");
    const json& rows = s["rows"];
    REQUIRE(rows.size() == 4);
    CHECK(rows[0] == json::array({"级别", "规则", "文件", "行", "单元格", "单位代码", "项目", "指标", "值", "问题说明",
                                  "修改建议"}));
    CHECK(rows[1][0] == "错误");
    CHECK(rows[1][1] == "cost-breakdown");
    CHECK(rows[1][2] == "targets.xlsx");
    CHECK(rows[1][3].is_number_integer());
    CHECK(rows[1][3] == 5);
    CHECK(rows[1][4] == "项目支出绩效目标表!H5");
    CHECK(rows[1][5] == "301001");  // a code stays text (no lost leading zeros)
    CHECK(rows[1][6] == k_p1);
    CHECK(rows[1][7] == k_cost);
    CHECK(rows[1][8] == "842.07");
    CHECK(rows[1][9] == "经济成本未细化测算：项目“部分军退人员岗位补贴资金”只有一项。");
    CHECK(rows[1][10] == "请修改：cost-breakdown");
    CHECK(rows[2][0] == "警告");
    CHECK(rows[2][4] == "项目支出绩效目标表!L8");
    CHECK(rows[3][0] == "提示");
    CHECK(rows[3][2] == "局 B/b.csv");
    CHECK(rows[3][4] == "J16");  // CSV: no sheet
    // Severity by colour: error red, warning amber, info blue; nothing else filled but the header.
    CHECK(s["fills"]["A2"] == "FFFFC7CE");
    CHECK(s["fills"]["A3"] == "FFFFEB9C");
    CHECK(s["fills"]["A4"] == "FFDDEBF7");
    CHECK_FALSE(s["fills"].contains("B2"));
    CHECK(s["fills"]["A1"] == "FFD9E1F2");
    // Widths fit CJK text: 单元格 "项目支出绩效目标表!H5" is 9 CJK + 3 ASCII = 21 columns wide, +2.
    // (The file stores each width plus Excel's 5-pixel cell padding, 0.7109375 of a character.)
    constexpr double pad = 0.7109375;
    CHECK(s["widths"]["E"] == Approx(23 + pad));
    CHECK(s["widths"]["B"] == Approx(25 + pad));  // "deduction-discretionary" (23) + 2
    CHECK(s["widths"]["J"].get<double>() <= 70 + pad);  // prose wraps instead of growing without end
    CHECK(s["widths"]["D"] == Approx(6 + pad));  // the minimum
}

TEST_CASE("an xlsx report cut short by a full disk marks its output failed", "[xlsx-report]") {
    // The workbook is assembled in a temporary file and copied to the output: a copy the disk refuses
    // part-way must not leave the output looking whole (the run would exit 1 with a workbook no program
    // opens). The run then fails on it (pipeline::written_whole: exit 2, naming the report).
    std::ostringstream whole;
    report::make_xlsx_reporter()->write(sample(true), whole);
    REQUIRE(whole.good());
    for (const std::size_t capacity : {std::size_t{0}, std::size_t{1000}, whole.str().size() - 1}) {
        INFO("capacity " << capacity);
        test::FullDisk disk(capacity);
        std::ostream out(&disk);
        report::make_xlsx_reporter()->write(sample(true), out);
        CHECK_FALSE(out.good());
        CHECK(disk.str() == whole.str().substr(0, capacity));
    }
    test::FullDisk roomy(whole.str().size());
    std::ostream out(&roomy);
    report::make_xlsx_reporter()->write(sample(true), out);
    CHECK(out.good());
    CHECK(roomy.str() == whole.str());
}

TEST_CASE("findings beyond a worksheet's rows go on over 问题清单 (2), (3)…, none lost", "[xlsx-report]") {
    // Three rows a sheet (header + two findings) stand for Excel's 1,048,576.
    test::TempDir dir;
    Report r = sample(false);
    const Finding extra = r.findings.back();
    for (int i = 0; i < 2; ++i) r.findings.push_back(extra);  // five findings: 2 + 2 + 1
    std::ostringstream out;
    report::make_xlsx_reporter_with_rows_per_sheet(3)->write(r, out);
    REQUIRE(out.good());
    const json doc = dump(dir.write("report.xlsx", out.str()), dir);
    REQUIRE(doc["sheets"].size() == 4);
    CHECK(doc["sheets"][0]["name"] == "问题清单");
    CHECK(doc["sheets"][1]["name"] == "问题清单 (2)");
    CHECK(doc["sheets"][2]["name"] == "问题清单 (3)");
    CHECK(doc["sheets"][3]["name"] == "汇总");
    std::size_t findings = 0;
    for (int k = 0; k < 3; ++k) {
        const json& s = doc["sheets"][k];
        INFO("sheet " << k);
        CHECK(s["rows"][0][0] == "级别");  // every part has the header, frozen and filterable
        CHECK(s["freeze"] == "A2");
        CHECK(s["rows"].size() == (k < 2 ? 3U : 2U));
        findings += s["rows"].size() - 1;
    }
    CHECK(findings == r.findings.size());
    CHECK(doc["sheets"][0]["rows"][1][1] == "cost-breakdown");
    CHECK(doc["sheets"][2]["rows"][1][1] == extra.rule);
}

TEST_CASE("the xlsx report's summary counts per file and per unit, with numbers as numbers", "[xlsx-report]") {
    test::TempDir dir;
    const json doc = write_and_dump(sample(false), dir);
    const json& s = sheet(doc, "汇总");
    CHECK(s["freeze"] == "A2");
    CHECK(s["autofilter"] == "A1:H4");
    const json& rows = s["rows"];
    CHECK(rows[0] == json::array({"文件", "编码", "项目数", "指标数", "错误", "警告", "提示", "无法读取的原因"}));
    CHECK(rows[1] == json::array({"targets.xlsx", nullptr, 2, 22, 1, 1, 0, nullptr}));
    CHECK(rows[2] == json::array({"局 B/b.csv", "GB18030", 1, 11, 0, 0, 1, nullptr}));
    CHECK(rows[3] == json::array({"broken.xlsx", nullptr, 0, 0, 0, 0, 0, "broken.xlsx: 文件已损坏"}));
    // The unreadable file is no finding: the total row says it is there.
    CHECK(rows[4] == json::array({"合计", nullptr, 3, 33, 1, 1, 1, "1 个文件无法读取"}));
    CHECK(rows[6][0] == "按单位汇总（问题多的在前）");
    CHECK(rows[7][2] == "资金总额（万元）");
    CHECK(rows[7][7] == "重复报送的项目数（只计一次）");  // as every other summary format says it
    CHECK(rows[8][7] == 0);
    CHECK(rows[8][0] == "301001");
    CHECK(rows[8][1] == 2);
    CHECK(rows[8][2].is_number());
    CHECK(rows[8][2].get<double>() == Approx(892.07));
    CHECK(rows[8][3] == 1);
    CHECK(rows[9][0] == "302002");
    CHECK(rows[9][2] == 120);
    // The units' total: the projects counted once, and the funds of all (a review found no sheet giving them).
    CHECK(rows[10][0] == "合计");
    CHECK(rows[10][1] == 3);
    CHECK(rows[10][2].get<double>() == Approx(1012.07));
    CHECK(rows[10][3] == 1);
    CHECK(rows[10][7] == 0);
    CHECK(rows[12][0] == "重点评价项目（资金总额 ≥ 100 万元）");
    CHECK(rows[14][2] == k_p1);  // 842.07 万元 first (sorted by funds, descending)
    CHECK(rows[14][3].get<double>() == Approx(842.07));
    CHECK(rows[14][4] == 2);
    CHECK(rows[15][2] == "设备购置");
    CHECK(rows[15][3] == 120);
    CHECK(rows[15][4] == 1);
    CHECK(rows.size() == 16);  // 养老保险补助 (50 万元) is below the threshold

    // Projects given again: the files' 合计 is every project read, and says how many are repeats, counted once
    // below (a review found 16 there against the 5 projects every other format gave).
    Report again = sample(false);
    again.summary.units[0].repeated = 2;
    again.summary.units[1].repeated = 1;
    const json doc2 = write_and_dump(again, dir);
    const json& rows2 = sheet(doc2, "汇总")["rows"];
    CHECK(rows2[4][7] == "1 个文件无法读取；其中 3 个是重复报送，按单位汇总只计一次（共 3 个项目）");
    CHECK(rows2[10][7] == 3);
}

TEST_CASE("the xlsx report's score sheet has one row per indicator and the project total", "[xlsx-report]") {
    test::TempDir dir;
    const json doc = write_and_dump(sample(true), dir);
    REQUIRE(doc["sheets"].size() == 3);
    CHECK(doc["sheets"][1]["name"] == "评分结果");
    const json& s = sheet(doc, "评分结果");
    CHECK(s["freeze"] == "A2");
    CHECK(s["autofilter"] == "A1:L4");
    const json& rows = s["rows"];
    REQUIRE(rows.size() == 4);
    CHECK(rows[0] == json::array({"文件", "单位代码", "项目", "行", "指标", "分值", "指标值", "实际完成值", "得分", "等级",
                                  "计算公式", "计算过程"}));
    CHECK(rows[1][4] == k_cost);
    CHECK(rows[1][5] == 20);
    CHECK(rows[1][6] == "≤842.07万元");
    CHECK(rows[1][7] == "855");  // the actual as written
    CHECK(rows[1][8].is_number_float());
    CHECK(rows[1][8] == 18.5);
    CHECK(rows[1][11] == "超出 12.93 万元，2 个整步\n20 − 2 = 18");
    CHECK(rows[2][4] == "预算执行率");
    CHECK(rows[2][5] == 10);
    CHECK(rows[2][6].get<double>() == Approx(842.07));
    CHECK(rows[2][7].get<double>() == Approx(757.863));
    CHECK(rows[2][8] == 9);
    CHECK(rows[2][11] == 0.9);  // the rate, a number shown as 90.00%
    CHECK(rows[3][4] == "项目合计");
    CHECK(rows[3][5] == 30);  // weights shown: 20 + 10
    CHECK(rows[3][8] == 87.5);
    CHECK(rows[3][9] == "良");
    CHECK(std::find(s["bold"].begin(), s["bold"].end(), "I4") != s["bold"].end());
}

TEST_CASE("the 合计 and 项目合计 rows hold each total under its own header, cell by cell as written", "[xlsx-report]") {
    // Read from the XML by cell reference. An empty styled cell is self-closing (<c r="B5" s="5"/>): a
    // reader that takes it for an opening tag runs it into the next cell and sees every total one
    // column to the left (the project count under 编码, the score under 指标值).
    test::TempDir dir;
    const std::string path = write_xlsx(sample(true), dir);

    auto summary = xml_cells(sheet_xml(path, "汇总"));
    CHECK(summary["B1"] == "编码");
    CHECK(summary["C1"] == "项目数");
    CHECK(summary["A5"] == "合计");
    CHECK(summary.count("B5") == 1);
    CHECK(summary["B5"].empty());  // 编码: a bordered blank
    CHECK(summary["C5"] == "3");   // 项目数
    CHECK(summary["D5"] == "33");  // 指标数
    CHECK(summary["E5"] == "1");   // 错误
    CHECK(summary["F5"] == "1");   // 警告
    CHECK(summary["G5"] == "1");   // 提示
    CHECK(summary["H5"] == "1 个文件无法读取");

    auto scores = xml_cells(sheet_xml(path, "评分结果"));
    CHECK(scores["G1"] == "指标值");
    CHECK(scores["I1"] == "得分");
    CHECK(scores["E4"] == "项目合计");
    CHECK(scores["F4"] == "30");  // 分值
    CHECK(scores.count("G4") == 1);
    CHECK(scores["G4"].empty());    // 指标值
    CHECK(scores["H4"].empty());    // 实际完成值
    CHECK(scores["I4"] == "87.5");  // 得分
    CHECK(scores["J4"] == "良");
}

TEST_CASE("scores beyond a worksheet's rows go on over 评分结果 (2), a project's rows never split", "[xlsx-report]") {
    // Each project takes three rows (one indicator, budget execution, total); six rows a sheet hold
    // the header and one project, since two would need seven.
    test::TempDir dir;
    Report r = sample(true);
    r.scores.push_back(r.scores[0]);
    r.scores.back().project = "第二个项目";
    std::ostringstream out;
    report::make_xlsx_reporter_with_rows_per_sheet(6)->write(r, out);
    REQUIRE(out.good());
    const json doc = dump(dir.write("report.xlsx", out.str()), dir);
    const json& first = sheet(doc, "评分结果");
    const json& second = sheet(doc, "评分结果 (2)");
    REQUIRE(first["rows"].size() == 4);
    REQUIRE(second["rows"].size() == 4);
    CHECK(second["rows"][0][0] == "文件");
    CHECK(first["rows"][3][4] == "项目合计");
    CHECK(second["rows"][1][2] == "第二个项目");
    CHECK(second["rows"][3][8] == 87.5);
    CHECK(second["autofilter"] == "A1:L4");
}

TEST_CASE("the xlsx report speaks English with --lang en", "[xlsx-report]") {
    test::TempDir dir;
    Report r = sample(true);
    r.lang = Lang::en;
    const json doc = write_and_dump(r, dir);
    REQUIRE(doc["sheets"].size() == 3);
    CHECK(doc["sheets"][0]["name"] == "Findings");
    CHECK(doc["sheets"][1]["name"] == "Scores");
    CHECK(doc["sheets"][2]["name"] == "Summary");
    const json& rows = sheet(doc, "Findings")["rows"];
    CHECK(rows[0][0] == "Severity");
    CHECK(rows[1][0] == "error");
    CHECK(rows[1][9] == "Cost not itemised.");
    CHECK(rows[1][10] == "Fix: cost-breakdown");
    CHECK(sheet(doc, "Scores")["rows"][1][11] == "12.93 over, 2 full steps\n20 − 2 = 18");
}

TEST_CASE("the xlsx report is deterministic and survives text Excel would reject", "[xlsx-report]") {
    test::TempDir dir;
    Report r = sample(false);
    r.findings[0].value = std::string("bad \xff\xfe bytes \x01 and a very long value ") + std::string(40000, 'x');
    std::string first;
    std::string second;
    const json doc = write_and_dump(r, dir, &first);
    write_and_dump(r, dir, &second);
    CHECK(first == second);  // no wall-clock time inside
    const std::string value = sheet(doc, "问题清单")["rows"][1][8];
    CHECK(value.rfind("bad \xEF\xBF\xBD\xEF\xBF\xBD bytes  and", 0) == 0);  // invalid bytes → U+FFFD, control dropped
    CHECK(value.size() < 33000);
    CHECK_THAT(value, Catch::EndsWith("…"));
}

TEST_CASE("a monitoring run's tables become sheets, numbers and percentages stored as numbers", "[xlsx-report]") {
    Report r = sample(false);
    r.as_of = "2024-07-31";
    ProjectProgress p;
    p.file = "targets.xlsx";
    p.project_code = "301001";
    p.project = k_p1;
    p.row = 5;
    p.funds = Decimal::from_raw(842'070000);
    p.budget = Decimal::from_raw(842'070000);
    p.spent = Decimal::from_int(300);
    p.execution_rate = Decimal::from_raw(356265);
    p.time_progress = Decimal::from_raw(580822);
    p.gap_points = Decimal::from_raw(22'460000);
    p.catch_up = Decimal::from_raw(189'090000);
    p.tolerance_points = Decimal::from_int(10);
    p.behind = true;
    p.problems = {{"预算执行进度滞后", "Budget execution behind"}};
    p.suggestions = {{"加快预算执行进度", "Speed up budget execution"}};
    IndicatorProgress ip;
    ip.indicator = "产出指标/数量指标/享受补贴人数";
    ip.loc.row = 8;
    ip.target = "136";
    ip.to_date = "60";
    ip.comparator = "≥";
    ip.target_value = Decimal::from_int(136);
    ip.value = Decimal::from_int(60);
    ip.unit = "人";
    ip.cumulative = true;
    ip.projected = Decimal::from_raw(103'300000);
    ip.at_risk = true;
    ip.shortfall = Decimal::from_raw(32'700000);
    p.indicators.push_back(ip);
    p.indicators_at_risk = 1;
    r.progress.push_back(p);
    const auto expected = report::monitor_sheets(r);
    REQUIRE_FALSE(expected.empty());

    test::TempDir dir;
    const json doc = write_and_dump(r, dir);
    REQUIRE(doc["sheets"].size() == 2 + expected.size());
    CHECK(doc["sheets"][0]["name"] == "问题清单");
    CHECK(doc["sheets"][doc["sheets"].size() - 1]["name"] == "汇总");
    int numbers = 0;
    int percents = 0;
    for (std::size_t k = 0; k < expected.size(); ++k) {
        const auto& ms = expected[k];
        const json& s = doc["sheets"][1 + k];
        INFO("sheet " << ms.name);
        CHECK(s["name"] == ms.name);
        CHECK(s["freeze"] == "A2");
        REQUIRE(s["rows"].size() == ms.rows.size() + 1);
        CHECK(s["rows"][0] == json(ms.headers));
        for (std::size_t i = 0; i < ms.rows.size(); ++i) {
            for (std::size_t c = 0; c < ms.rows[i].size(); ++c) {
                const auto& cell = ms.rows[i][c];
                const json& got = s["rows"][i + 1][c];
                INFO("row " << i + 2 << " column " << c + 1 << ": " << cell.text);
                if (cell.number) {
                    REQUIRE(got.is_number());
                    CHECK(got.get<double>() == Approx(cell.number->to_double()));
                    ++numbers;
                    if (cell.percent) ++percents;
                } else if (cell.text.empty()) {
                    CHECK(got.is_null());
                } else {
                    CHECK(got == cell.text);
                }
            }
        }
        if (ms.total_last_row) {
            // The 合计 row is bold and outside the filter range.
            const std::string last = std::to_string(ms.rows.size() + 1);
            CHECK(std::find(s["bold"].begin(), s["bold"].end(), "A" + last) != s["bold"].end());
            CHECK_THAT(s["autofilter"].get<std::string>(), Catch::EndsWith(std::to_string(ms.rows.size())));
        }
    }
    CHECK(numbers > 0);
    CHECK(percents > 0);
}

TEST_CASE("the xlsx report of the seed holds the same findings as the JSON report", "[xlsx-report][seed]") {
    const RuleSet& rules = config::default_rule_set();
    auto active = rules::build_active_rules(rules);
    REQUIRE(active);
    RunOptions opts;
    opts.paths = {test::source_path("samples/targets-2024.xlsx"), test::source_path("samples/targets-2024.csv")};
    opts.summary = true;
    const Report r = pipeline::check_inputs(opts, rules, *active);
    const auto* entry = report::find_reporter("json");
    REQUIRE(entry);
    std::ostringstream js;
    entry->factory(report::ReporterOptions{})->write(r, js);
    const json expected = json::parse(js.str());

    test::TempDir dir;
    const json doc = write_and_dump(r, dir);
    const json& rows = sheet(doc, "问题清单")["rows"];
    const json& findings = expected["findings"];
    REQUIRE(findings.size() >= 16);  // the seed's findings, twice
    REQUIRE(rows.size() == findings.size() + 1);
    const std::map<std::string, std::string> severity = {{"error", "错误"}, {"warning", "警告"}, {"info", "提示"}};
    for (std::size_t i = 0; i < findings.size(); ++i) {
        const json& f = findings[i];
        const json& row = rows[i + 1];
        INFO("finding " << i << ": " << f.dump());
        CHECK(row[0] == severity.at(f["severity"]));
        CHECK(row[1] == f["rule"]);
        CHECK(row[2] == f["file"]);
        CHECK(row[3] == f["row"]);
        CHECK(row[4] == f["cell"]);
        CHECK(row[5] == f["project_code"]);
        CHECK(row[6] == f["project"]);
        CHECK(row[7] == f["indicator"]);
        CHECK((row[8].is_null() ? json("") : row[8]) == f["value"]);
        CHECK(row[9] == f["message"]);
        CHECK(row[10] == f["hint"]);
    }
    // The workbook's findings carry sheet references; the CSV's plain ones.
    CHECK_THAT(rows[1][4].get<std::string>(), Catch::StartsWith("项目支出绩效目标表!"));
    const json& summary = sheet(doc, "汇总")["rows"];
    CHECK(summary[3][0] == "合计");
    CHECK(summary[3][4] == expected["summary"]["errors"]);
    CHECK(summary[3][5] == expected["summary"]["warnings"]);
    CHECK(summary[3][6] == expected["summary"]["infos"]);
}

TEST_CASE("xlsx_cell_text and ColumnWidths", "[xlsx-report]") {
    CHECK(report::xlsx_cell_text("正常 text\n第二行\t") == "正常 text\n第二行\t");
    CHECK(report::xlsx_cell_text("a\x07" "b") == "ab");
    CHECK(report::xlsx_cell_text("\xC3(") == "\xEF\xBF\xBD(");
    report::ColumnWidths w(6, 50);
    w.fit(0, "项目");
    CHECK(w.width(0) == 6);  // 4 + 2 below the minimum
    w.fit(1, "项目支出绩效目标表");
    CHECK(w.width(1) == 20);
    w.fit(1, "短\n一行很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长");
    CHECK(w.width(1) == 50);
    w.cap(1, 30);
    CHECK(w.width(1) == 30);
    CHECK(w.width(7) == 6);
}
