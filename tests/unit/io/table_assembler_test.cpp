// Unit tests of table assembly through open_csv_text: header detection, fill-down, projects, totals.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "config/rule_set_loader.hpp"
#include "io/csv_reader.hpp"
#include "io/open_table.hpp"
#include "io/table_assembler.hpp"
#include "pipeline/pipeline.hpp"
#include "rules/catalog.hpp"
#include "support/paths.hpp"
#include "support/utf16.hpp"

using namespace perf_check;
using namespace perf_check::io;
using perf_check::test::to_utf16;

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    std::ostringstream buf;
    buf << in.rdbuf();
    return buf.str();
}

struct Table {
    TableInfo info;
    std::vector<Project> projects;
};

Table read_table(const std::string& text, const ReadOptions& options = {}) {
    auto src = open_csv_text(text, "t.csv", options, config::default_rule_set());
    if (!src) FAIL(src.error().render());
    Table t;
    t.info = (*src)->table();
    for (int guard = 0; guard < 10000; ++guard) {
        Project p;
        auto got = (*src)->next(p);
        if (!got) FAIL(got.error().render());
        if (!*got) return t;
        t.projects.push_back(std::move(p));
    }
    FAIL("source did not stop");
    return t;
}

Decimal dec(const char* text) { return *Decimal::parse(text); }

std::vector<std::string> names(const Project& p) {
    std::vector<std::string> out;
    for (const auto& ind : p.indicators) out.push_back(ind.name.text);
    return out;
}

const std::string k_header =
    "单位代码,单位（专项）名称,资金总额,实施期绩效目标,一级指标,二级指标,三级指标,指标值,指标值内容,评（扣分标准）,"
    "度量单位,指标值类型,备注\n";

std::string header_with_funds(const std::string& funds_header) {
    std::string h = k_header;
    const std::string from = "资金总额";
    h.replace(h.find(from), from.size(), funds_header);
    return h;
}

// The whole check of `path` with `jobs` threads (the draft path of -j 2 carries what a row could not read).
Report check_with_jobs(const std::string& path, int jobs) {
    RunOptions opts;
    opts.paths = {path};
    opts.jobs = jobs;
    const RuleSet& rules = config::default_rule_set();
    auto active = rules::build_active_rules(rules);
    REQUIRE(active);
    return pipeline::check_inputs(opts, rules, *active);
}

}  // namespace

TEST_CASE("assembler: the seed table", "[assembler]") {
    const Table t = read_table(read_file(PERF_CHECK_SOURCE_DIR "/samples/targets-2024.csv"));
    CHECK(t.info.file == "t.csv");
    CHECK(t.info.encoding == "UTF-8");
    CHECK(t.info.header_row == 4);
    CHECK(t.info.money_unit == MoneyUnit::wan_yuan);
    CHECK(t.info.missing_columns.empty());
    CHECK(t.info.header_separator.empty());
    CHECK_FALSE(t.info.self_evaluation);

    REQUIRE(t.projects.size() == 4);
    const std::vector<int> first_rows = {5, 16, 27, 38};
    const std::vector<int> last_rows = {15, 26, 37, 48};
    const std::vector<const char*> funds = {"842.07", "4500", "232", "158.62"};
    const std::vector<std::string> project_names = {"部分军退人员岗位补贴资金", "机关事业单位养老保险财政预留补助",
                                                    "社区及改制企业人员养老金补差", "同级财政对城乡居民养老保险的补助"};
    for (std::size_t i = 0; i < 4; ++i) {
        const Project& p = t.projects[i];
        INFO(i);
        CHECK(p.file == "t.csv");
        CHECK(p.first_row == first_rows[i]);
        CHECK(p.last_row == last_rows[i]);
        CHECK(p.code.text == "301001");
        CHECK(p.code.raw == "  301001");
        CHECK(p.name.text == project_names[i]);
        REQUIRE(p.funds_wan);
        CHECK(*p.funds_wan == dec(funds[i]));
        REQUIRE(p.indicators.size() == 11);
        CHECK(p.indicators.front().row == first_rows[i]);
        CHECK(p.indicators.back().row == last_rows[i]);
        CHECK(p.totals.empty());
        for (const auto& ind : p.indicators) {
            CHECK_FALSE(ind.level1.empty());
            CHECK_FALSE(ind.level2.empty());
        }
    }
    CHECK(t.projects[1].funds.text == "4,500.00");

    const Project& p = t.projects[0];
    // 一级指标 is written on rows 5, 8, 11, 15 and filled down in between.
    CHECK(p.indicators[0].level1.text == "成本指标");
    CHECK_FALSE(p.indicators[0].level1.filled);
    CHECK(p.indicators[1].level1.text == "成本指标");
    CHECK(p.indicators[1].level1.filled);
    CHECK(p.indicators[1].level1.loc.row == 6);     // where it was filled, not where it was written
    CHECK(p.indicators[1].level1.loc.column == 5);
    CHECK(p.indicators[1].level1.loc.cell_ref() == "E6");
    CHECK(p.indicators[3].level1.text == "产出指标");
    CHECK_FALSE(p.indicators[3].level1.filled);
    CHECK(p.indicators[4].level1.text == "产出指标");
    CHECK(p.indicators[6].level1.text == "效益指标");  // "效益指标 " trimmed
    CHECK(p.indicators[6].level1.raw == "效益指标 ");
    CHECK(p.indicators[9].level1.text == "效益指标");
    CHECK(p.indicators[10].level1.text == "满意度指标");
    CHECK(p.indicators[10].path() == "满意度指标/服务对象满意度指标/享受补贴对象满意度");

    // Indicator cells and their derived values.
    const Indicator& cost = p.indicators[0];
    CHECK(cost.name.text == "项目总成本");
    CHECK(cost.name.loc.cell_ref() == "G5");
    CHECK(cost.target.text == "842.07");
    CHECK(cost.deduction.raw == "每超过5万元，扣1分，扣完为止");
    CHECK(cost.deduction.text == "每超过5万元,扣1分,扣完为止");  // full-width commas fold too
    CHECK(cost.unit.text == "万元");  // header " 度量单位" matched
    CHECK(cost.type.text == "≤");
    CHECK(cost.weight.text == "20分");
    CHECK(cost.weight_points == dec("20"));
    CHECK(cost.comparator == Comparator::le);
    CHECK(p.indicators[1].placeholder);

    // Project cells carry their location.
    CHECK(p.funds.loc.cell_ref() == "C5");
    CHECK(p.goal.text.rfind("保障我区内六类军退人员", 0) == 0);

    std::vector<std::string> last_names = names(t.projects[3]);
    CHECK(last_names[4] == "基础养老金发放到位率");
    CHECK(last_names[6] == "城乡居民养老保险预算执行率");
}

TEST_CASE("assembler: the GB18030 seed reads the same", "[assembler]") {
    const Table utf8 = read_table(read_file(PERF_CHECK_SOURCE_DIR "/samples/targets-2024.csv"));
    const Table gb = read_table(read_file(PERF_CHECK_SOURCE_DIR "/samples/targets-2024.gb18030.csv"));
    CHECK(gb.info.encoding == "GB18030");
    CHECK(gb.info.header_row == 4);
    REQUIRE(gb.projects.size() == utf8.projects.size());
    for (std::size_t i = 0; i < gb.projects.size(); ++i) {
        CHECK(gb.projects[i].name.text == utf8.projects[i].name.text);
        CHECK(gb.projects[i].funds_wan == utf8.projects[i].funds_wan);
        CHECK(names(gb.projects[i]) == names(utf8.projects[i]));
    }
}

TEST_CASE("assembler: UTF-16 text (Excel's Unicode 文本, tab-separated) reads the same", "[assembler][utf16]") {
    // It used to be refused as "binary data (NUL byte …)".
    const std::string csv = read_file(PERF_CHECK_SOURCE_DIR "/samples/targets-2024.csv");
    const Table utf8 = read_table(csv);
    // The same table as Excel saves it: tabs between cells (the seed's cells hold no tab), UTF-16LE.
    std::string tsv;
    bool quoted = false;
    for (char c : csv) {
        if (c == '"') quoted = !quoted;
        tsv += c == ',' && !quoted ? '\t' : c;
    }
    for (const auto order : {Utf16::le, Utf16::be}) {
        for (const std::string& text : {tsv, csv}) {
            const Table t = read_table(to_utf16(text, order));
            CHECK(t.info.encoding == utf16_name(order));
            CHECK(t.info.header_row == 4);
            REQUIRE(t.projects.size() == utf8.projects.size());
            for (std::size_t i = 0; i < t.projects.size(); ++i) {
                CHECK(t.projects[i].name.text == utf8.projects[i].name.text);
                CHECK(t.projects[i].funds_wan == utf8.projects[i].funds_wan);
                CHECK(t.projects[i].first_row == utf8.projects[i].first_row);
                CHECK(names(t.projects[i]) == names(utf8.projects[i]));
            }
        }
    }
    // The byte-order mark decides: a forced --encoding cannot make it GB18030.
    ReadOptions options;
    options.encoding = Encoding::gb18030;
    const Table forced = read_table(to_utf16(csv, Utf16::le), options);
    CHECK(forced.info.encoding == "UTF-16LE");
    CHECK(forced.projects.size() == utf8.projects.size());
}

TEST_CASE("assembler: a two-row header under a title", "[assembler]") {
    const Table t = read_table(
        "项目支出绩效目标表,,,,,,,,,,,,\n"
        "单位代码,单位（专项）名称,资金总额（元）,实施期绩效目标,绩效指标,,,,,,,,\n"
        ",,,,一级指标,二级指标,三级指标,指标值,指标值内容,评(扣)分标准,计量单位,指标性质,权重\n"
        "301001,项目,2000000,目标,产出指标,数量指标,人数,≥50人,,视情况扣分,,,90\n");
    CHECK(t.info.header_row == 3);
    CHECK(t.info.missing_columns.empty());
    CHECK(t.info.money_unit == MoneyUnit::yuan);
    REQUIRE(t.projects.size() == 1);
    const Project& p = t.projects[0];
    CHECK(p.first_row == 4);
    CHECK(p.funds_wan == dec("200"));
    REQUIRE(p.indicators.size() == 1);
    CHECK(p.indicators[0].level1.loc.column == 5);
    CHECK(p.indicators[0].weight.loc.column == 13);
    CHECK(p.indicators[0].weight_points == dec("90"));
    CHECK(p.indicators[0].comparator == Comparator::ge);
    CHECK(p.indicators[0].value.unit == "人");
}

TEST_CASE("assembler: 二级指标 fills down within its 一级指标 only", "[assembler]") {
    const Table t = read_table(k_header +
                               "301001,项目,100,目标,产出指标,数量指标,人数,10,,视情况扣分,人,≥,10分\n"
                               ",,,,,,户数,5,,视情况扣分,户,≥,10分\n"
                               ",,,,,质量指标,合格率,90,,视情况扣分,%,≥,10分\n"
                               ",,,,效益指标,,满意率,95,,视情况扣分,%,≥,10分\n"
                               ",,,,,,增收,1,,视情况扣分,万元,≥,10分\n");
    REQUIRE(t.projects.size() == 1);
    const auto& inds = t.projects[0].indicators;
    REQUIRE(inds.size() == 5);
    CHECK(inds[1].level1.text == "产出指标");
    CHECK(inds[1].level2.text == "数量指标");
    CHECK(inds[1].level2.filled);
    CHECK(inds[2].level2.text == "质量指标");
    CHECK_FALSE(inds[2].level2.filled);
    // A new 一级 starts with no 二级: nothing is carried over from 产出指标/质量指标.
    CHECK(inds[3].level1.text == "效益指标");
    CHECK(inds[3].level2.text.empty());
    CHECK_FALSE(inds[3].level2.filled);
    CHECK(inds[4].level1.text == "效益指标");
    CHECK(inds[4].level2.text.empty());
    CHECK(inds[4].path() == "效益指标//增收");
}

TEST_CASE("assembler: the same 一级 on the next row keeps its 二级 filling down", "[assembler]") {
    // An XLSX merged 一级 arrives filled on every row it spans, as does an export that repeats it: the
    // blank 二级 of the second cost row is still 经济成本指标, not an indicator without a 二级.
    const Table t = read_table(k_header +
                               "301001,项目,100,目标,成本指标,经济成本指标,补贴,96,,视情况扣分,万元,≤,10分\n"
                               ",,,,成本指标,,评估费,4,,视情况扣分,万元,≤,10分\n"
                               ",,,,成本指标,社会成本指标,无,无,无,无,无,无,\n"
                               ",,,,产出指标,,人数,10,,视情况扣分,人,≥,10分\n");
    REQUIRE(t.projects.size() == 1);
    const auto& inds = t.projects[0].indicators;
    REQUIRE(inds.size() == 4);
    CHECK(inds[1].path() == "成本指标/经济成本指标/评估费");
    CHECK(inds[1].level2.filled);
    CHECK(inds[2].path() == "成本指标/社会成本指标/无");
    // Another 一级 still starts afresh.
    CHECK(inds[3].path() == "产出指标//人数");
}

TEST_CASE("assembler: fill-down does not cross projects", "[assembler]") {
    const Table t = read_table(k_header +
                               "301001,项目甲,100,目标,产出指标,数量指标,人数,10,,视情况扣分,人,≥,10分\n"
                               "301002,项目乙,50,目标,,,户数,5,,视情况扣分,户,≥,10分\n");
    REQUIRE(t.projects.size() == 2);
    CHECK(t.projects[1].indicators[0].level1.text.empty());
    CHECK(t.projects[1].indicators[0].level2.text.empty());
    CHECK(t.projects[0].last_row == 2);
    CHECK(t.projects[1].first_row == 3);
}

TEST_CASE("assembler: a single-row header with aliases", "[assembler]") {
    const Table t = read_table(
        "项目代码,项目名称,项目资金,绩效目标,一级指标,二级指标,三级指标,指标值,指标值内容,评分标准,计量单位,指标性质,分值\n"
        "405012,农村公路养护补助,50,完成养护,产出指标,数量指标,养护公路里程,≥120公里,里程,每少于1公里扣1分,公里,,20\n"
        ",,,,,质量指标,路面完好率,≥90%,完好率,每低于1个百分点扣1分,%,,15\n");
    CHECK(t.info.header_row == 1);
    CHECK(t.info.missing_columns.empty());
    REQUIRE(t.projects.size() == 1);
    const Project& p = t.projects[0];
    CHECK(p.first_row == 2);
    CHECK(p.code.text == "405012");
    CHECK(p.name.text == "农村公路养护补助");
    CHECK(p.funds_wan == dec("50"));
    REQUIRE(p.indicators.size() == 2);
    CHECK(p.indicators[0].weight_points == dec("20"));
    CHECK(p.indicators[0].comparator == Comparator::ge);  // from the value cell
    CHECK(p.indicators[0].value.unit == "公里");
    CHECK(p.indicators[1].weight_points == dec("15"));
    CHECK(p.indicators[1].level2.text == "质量指标");
    CHECK(p.indicators[1].level1.text == "产出指标");
    CHECK(p.indicators[1].deduction.text == "每低于1个百分点扣1分");
}

TEST_CASE("assembler: the older 2022 sample with a BOM-prefixed title row", "[assembler]") {
    const Table t = read_table(read_file(PERF_CHECK_SOURCE_DIR "/samples/old-style-2022.csv"));
    CHECK(t.info.header_row == 2);
    CHECK(t.info.missing_columns.empty());
    REQUIRE_FALSE(t.projects.empty());
    CHECK(t.projects[0].code.text == "405012");
    CHECK(t.projects[0].first_row == 3);
}

TEST_CASE("assembler: money in 元", "[assembler]") {
    SECTION("from the title row") {
        const Table t = read_table("项目支出绩效目标表\n金额单位：元\n" + k_header +
                                   "301001,项目,\"8,420,700.00\",目标,成本指标,经济成本指标,总成本,8420700,,每超过1万元扣1分,元,≤,20分\n");
        CHECK(t.info.money_unit == MoneyUnit::yuan);
        CHECK(t.info.header_row == 3);
        REQUIRE(t.projects.size() == 1);
        CHECK(t.projects[0].money_unit == MoneyUnit::yuan);
        REQUIRE(t.projects[0].funds_wan);
        CHECK(t.projects[0].funds_wan->str() == "842.07");
    }
    SECTION("from the funds header, which wins over the title") {
        const Table t = read_table("金额单位：万元\n" + header_with_funds("资金总额（元）") +
                                   "301001,项目,1000000,目标,成本指标,经济成本指标,总成本,100,,视情况扣分,万元,≤,20分\n");
        CHECK(t.info.money_unit == MoneyUnit::yuan);
        REQUIRE(t.projects.size() == 1);
        CHECK(t.projects[0].funds_wan == dec("100"));
    }
    SECTION("千元 from the title row, the cost items in 千元 too") {
        const Table t = read_table("金额单位：千元\n" + k_header +
                                   "301001,项目,1500,目标,成本指标,经济成本指标,总成本,1500,,扣分,千元,≤,20分\n");
        CHECK(t.info.money_unit == MoneyUnit::qian_yuan);
        CHECK(t.info.money_unit_stated);
        REQUIRE(t.projects.size() == 1);
        CHECK(t.projects[0].funds_wan == dec("150"));
        CHECK(model::money_wan("1500千元", MoneyUnit::wan_yuan) == dec("150"));
        CHECK(model::money_unit_name(MoneyUnit::qian_yuan) == "千元");
    }
    SECTION("万元 by default") {
        const Table t = read_table(k_header + "301001,项目,100,目标,成本指标,经济成本指标,总成本,100,,扣分,万元,≤,20分\n");
        CHECK(t.info.money_unit == MoneyUnit::wan_yuan);
        CHECK(t.projects[0].funds_wan == dec("100"));
    }
}

TEST_CASE("assembler: a 合计 row becomes a TotalRow, not an indicator", "[assembler]") {
    const Table t = read_table(k_header +
                               "301001,项目甲,100,目标,产出指标,数量指标,人数,10,,视情况扣分,人,≥,50分\n"
                               ",,,,,质量指标,合格率,90,,视情况扣分,%,≥,40分\n"
                               "合计,,100,,,,,,,,,,90分\n"
                               "301002,项目乙,50,目标,产出指标,数量指标,户数,5,,视情况扣分,户,≥,90分\n"
                               ",,,,总 计,,,,,,,,90\n");
    REQUIRE(t.projects.size() == 2);
    const Project& a = t.projects[0];
    REQUIRE(a.indicators.size() == 2);
    CHECK(names(a) == std::vector<std::string>{"人数", "合格率"});
    REQUIRE(a.totals.size() == 1);
    CHECK(a.totals[0].label == "合计");
    CHECK(a.totals[0].row == 4);
    CHECK(a.totals[0].funds.text == "100");
    CHECK(a.totals[0].funds.loc.cell_ref() == "C4");
    CHECK(a.totals[0].weight.text == "90分");
    CHECK(a.last_row == 4);
    CHECK(a.code.text == "301001");  // the 合计 in the code column does not rename the project

    const Project& b = t.projects[1];
    CHECK(b.first_row == 5);
    REQUIRE(b.indicators.size() == 1);
    REQUIRE(b.totals.size() == 1);
    CHECK(b.totals[0].label == "总计");  // spaces inside the label are ignored
    CHECK(b.totals[0].row == 6);
    CHECK(b.totals[0].weight.text == "90");
    CHECK(b.totals[0].funds.text.empty());
}

TEST_CASE("assembler: a 合计 row above the first project is the table's, handed to the last project", "[assembler]") {
    const Table t = read_table(k_header + "合计,,150,,,,,,,,,,\n" +
                               "301001,项目甲,100,目标,产出指标,数量指标,人数,10,,视情况扣分,人,≥,90分\n"
                               "301002,项目乙,50,目标,产出指标,数量指标,户数,5,,视情况扣分,户,≥,90分\n");
    REQUIRE(t.projects.size() == 2);  // it used to start a project named 合计
    CHECK(t.projects[0].code.text == "301001");
    CHECK(t.projects[0].totals.empty());
    const Project& last = t.projects[1];
    CHECK(last.first_row == 4);
    CHECK(last.last_row == 4);  // the total's row (2) does not move the project's span
    REQUIRE(last.totals.size() == 1);
    CHECK(last.totals[0].row == 2);
    CHECK(last.totals[0].funds.text == "150");
    CHECK(last.totals[0].grand);  // it states both projects' funds (model::GrandTotals)
    CHECK(last.totals[0].table_projects == 2);
    CHECK(last.totals[0].table_funds.str() == "150");
}

TEST_CASE("assembler: a table with no header", "[assembler]") {
    const Table t = read_table("项目支出绩效目标表\n301001,项目,100,目标,产出指标,数量指标,人数,10\n");
    CHECK(t.info.header_row == 0);
    CHECK(t.info.missing_columns ==
          std::vector<std::string>{"单位代码", "单位（专项）名称", "资金总额", "实施期绩效目标", "一级指标", "二级指标",
                                   "三级指标", "指标值", "评（扣分标准）", "备注"});
    CHECK(t.projects.empty());
    CHECK(t.info.header_separator.empty());
}

TEST_CASE("assembler: missing columns are listed, the rest is still read", "[assembler]") {
    const Table t = read_table("单位代码,单位（专项）名称,资金总额,一级指标,二级指标,三级指标,指标值,评（扣分标准）\n"
                               "301001,项目,100,产出指标,数量指标,人数,10,视情况扣分\n");
    CHECK(t.info.header_row == 1);
    CHECK(t.info.missing_columns == std::vector<std::string>{"实施期绩效目标", "备注"});
    REQUIRE(t.projects.size() == 1);
    CHECK(t.projects[0].goal.text.empty());
    CHECK(t.projects[0].goal.loc.column == 0);
    CHECK(t.projects[0].indicators[0].weight.text.empty());
}

TEST_CASE("assembler: a header typed with full-width commas", "[assembler]") {
    const Table t = read_table("单位代码，单位（专项）名称，资金总额，实施期绩效目标，一级指标，二级指标，三级指标，指标值，"
                               "评（扣分标准），备注\n"
                               "301001，项目，100，目标，产出指标，数量指标，人数，10，视情况扣分，10分\n");
    CHECK(t.info.header_separator == "，");
    CHECK(t.info.header_separator_row == 1);
    CHECK(t.info.header_row == 0);
    CHECK(t.info.missing_columns.size() == 10);
    CHECK(t.projects.empty());

    // A title row with one full-width comma is not a header.
    const Table title = read_table("项目支出绩效目标表，2024年\n" + k_header);
    CHECK(title.info.header_separator.empty());
    CHECK(title.info.header_row == 2);

    // Semicolons, under a title and a unit line: the header's own row (the title's was named).
    const Table semicolons = read_table(
        "项目支出绩效目标表;;;\n金额单位：万元;;;\n单位代码;单位（专项）名称;资金总额;实施期绩效目标;一级指标;二级指标;"
        "三级指标;指标值;评（扣分标准）;备注\n301001;项目;100;目标;产出指标;数量指标;人数;10;视情况扣分;10分\n");
    CHECK(semicolons.info.header_separator == ";");
    CHECK(semicolons.info.header_separator_row == 3);

    // A note above a header that is found, listing column names with 、, is no header split wrongly.
    const Table note = read_table("说明：单位代码、单位（专项）名称、资金总额、三级指标均须填写\n" + k_header +
                                  "301001,项目,100,目标,产出指标,数量指标,人数,10,,视情况扣分,人,≥,10分\n");
    CHECK(note.info.header_row == 2);
    CHECK(note.info.header_separator.empty());
}

TEST_CASE("assembler: code and name repeated on every row form one project", "[assembler]") {
    const Table t = read_table(k_header +
                               "301001,项目,100,目标,产出指标,数量指标,人数,10,,视情况扣分,人,≥,50分\n"
                               "301001,项目,100,目标,产出指标,质量指标,合格率,90,,视情况扣分,%,≥,30分\n"
                               "301001,项目,100,目标,满意度指标,服务对象满意度指标,满意度,90,,视情况扣分,%,≥,10分\n"
                               "301001,项目丙,80,目标,产出指标,数量指标,户数,5,,视情况扣分,户,≥,90分\n");
    REQUIRE(t.projects.size() == 2);
    CHECK(t.projects[0].indicators.size() == 3);
    CHECK(t.projects[0].first_row == 2);
    CHECK(t.projects[0].last_row == 4);
    CHECK(t.projects[0].funds_wan == dec("100"));
    CHECK(t.projects[1].name.text == "项目丙");
    CHECK(t.projects[1].first_row == 5);
    CHECK(t.projects[1].funds_wan == dec("80"));
}

TEST_CASE("assembler: a blank code or name on a later row does not start a project", "[assembler]") {
    // 单位代码 on every row, 名称 only on each project's first: two projects (it made four, each later
    // project's second row a project of its own named by the code).
    const Table t = read_table(k_header +
                               "302005,社区养老,120,目标,产出指标,数量指标,人数,800,,视情况扣分,人,≥,50分\n"
                               "302005,,,,,质量指标,合格率,95,,视情况扣分,%,≥,40分\n"
                               "302005,老年助餐,80,目标,产出指标,数量指标,人数,600,,视情况扣分,人,≥,50分\n"
                               "302005,,,,,质量指标,合格率,95,,视情况扣分,%,≥,40分\n"
                               // The name on every row and the code once: one project too.
                               ",老年助餐,,,,时效指标,及时率,100,,视情况扣分,%,≥,10分\n"
                               // A code beside the name completes a project that had none.
                               ",无码项目,50,目标,产出指标,数量指标,户数,5,,视情况扣分,户,≥,90分\n"
                               "302006,无码项目,,,,质量指标,合格率,90,,视情况扣分,%,≥,10分\n"
                               // Another code alone is another project (its name missing).
                               "302007,,30,目标,产出指标,数量指标,户数,5,,视情况扣分,户,≥,90分\n");
    REQUIRE(t.projects.size() == 4);
    CHECK(t.projects[0].name.text == "社区养老");
    CHECK(t.projects[0].indicators.size() == 2);
    CHECK(t.projects[1].name.text == "老年助餐");
    CHECK(t.projects[1].indicators.size() == 3);
    CHECK(t.projects[2].name.text == "无码项目");
    CHECK(t.projects[2].code.text == "302006");  // completed, not left empty (unit-code-format said so)
    CHECK(t.projects[2].indicators.size() == 2);
    CHECK(t.projects[3].code.text == "302007");
    CHECK(t.projects[3].name.text.empty());
}

TEST_CASE("assembler: the project's code without a name, beside funds of its own, starts a project", "[assembler]") {
    // A review found a project whose name was left out merged into the one above, its 4,500万元 counted there (and
    // missing from the key-evaluation list), with no project-name-missing.
    const Table t = read_table(k_header +
                               "301001,养老补助,100,目标甲,产出指标,数量指标,人数,800,,视情况扣分,人,≥,50分\n"
                               // The same code and funds on a later row: the same project (an unmerged export).
                               "301001,,100,,,质量指标,合格率,95,,视情况扣分,%,≥,40分\n"
                               "301001,,4500,目标乙,产出指标,数量指标,户数,600,,视情况扣分,户,≥,50分\n"
                               ",,,,,质量指标,合格率,95,,视情况扣分,%,≥,40分\n"
                               // Only the goal: its goal running on over a second row (a review found such a row
                               // split the project), not another project; nor the funds written otherwise.
                               "301001,,,目标乙（续）,产出指标,数量指标,次数,6,,视情况扣分,次,≥,10分\n"
                               "301001,,\"4,500.00\",,,时效指标,及时率,100,,视情况扣分,%,≥,10分\n");
    REQUIRE(t.projects.size() == 2);
    CHECK(t.projects[0].name.text == "养老补助");
    CHECK(t.projects[0].indicators.size() == 2);
    CHECK(t.projects[0].funds_wan == dec("100"));
    CHECK(t.projects[1].name.text.empty());
    CHECK(t.projects[1].code.text == "301001");
    CHECK(t.projects[1].first_row == 4);
    CHECK(t.projects[1].funds_wan == dec("4500"));
    CHECK(t.projects[1].indicators.size() == 4);
    CHECK(t.projects[1].goal.text == "目标乙");
}

TEST_CASE("assembler: signature lines, notes and section headings belong to no project", "[assembler]") {
    // A review found each such row read as a project of its own (单位负责人：张三 a project with a dozen errors).
    const std::string first = "301001,养老补助,100,目标甲,产出指标,数量指标,人数,800,,视情况扣分,人,≥,90分\n";
    const std::string second = "301002,医疗救助,50,目标乙,产出指标,数量指标,人次,300,,视情况扣分,人次,≥,90分\n";
    const Table t = read_table(k_header + "一、社会保障类,,,,,,,,,,,,\n" + first + "（二）医疗类\n" + second +
                               "注：1.指标值类型填写≥、≤、=或定性；2.分值合计90分。,,,,,,,,,,,,\n"
                               "注1.金额单位为万元\n"
                               "单位负责人：张三,,填表人：李四,,联系电话：0734-1234567,,,,,,,,\n"
                               "填报日期:2024年1月5日\n");
    REQUIRE(t.projects.size() == 2);
    CHECK(t.projects[0].name.text == "养老补助");
    CHECK(t.projects[0].indicators.size() == 1);
    CHECK(t.projects[1].name.text == "医疗救助");
    CHECK(t.projects[1].indicators.size() == 1);
    CHECK(t.projects[1].last_row == 5);
    // What only looks like one is read as written: a project named 注…, a numbered heading with more on its
    // row, and a line with a colon that names an indicator.
    const Table kept =
        read_table(k_header + "301003,注册登记补助,10,目标,产出指标,数量指标,户数,5,,视情况扣分,户,≥,90分\n" +
                   "一、社会保障类,项目丁,20,目标,产出指标,数量指标,户数,5,,视情况扣分,户,≥,90分\n" +
                   "说明：另列,,,,产出指标,质量指标,合格率,95,,视情况扣分,%,≥,10分\n");
    REQUIRE(kept.projects.size() == 3);
    CHECK(kept.projects[0].name.text == "注册登记补助");
    CHECK(kept.projects[1].code.text == "一、社会保障类");
    CHECK(kept.projects[2].code.text == "说明:另列");  // folded
    // A numbered 一级指标 on a row of its own heads the indicators below it, which fill down from it.
    const Table levels =
        read_table(k_header + "301004,项目戊,10,目标,一、产出指标,数量指标,户数,5,,视情况扣分,户,≥,50分\n" +
                   ",,,,二、满意度指标,,,,,,,,\n" + ",,,,,服务对象满意度指标,满意度,90,,视情况扣分,%,≥,40分\n");
    REQUIRE(levels.projects.size() == 1);
    REQUIRE(levels.projects[0].indicators.size() == 3);  // the heading's row is one too, as it always was
    CHECK(levels.projects[0].indicators[2].level1.text == "二、满意度指标");
    // A signature line with its labels in any columns, and a note merged across the row (its text in every
    // cell): no project's either.
    const Table merged = read_table(k_header + first + "填报单位：某局,,,,,,填表人：李四,,联系电话：123,,,,\n" +
                                    "注：分值合计90分。,注：分值合计90分。,注：分值合计90分。,注：分值合计90分。,"
                                    "注：分值合计90分。,注：分值合计90分。,注：分值合计90分。,注：分值合计90分。,"
                                    "注：分值合计90分。,注：分值合计90分。,注：分值合计90分。,注：分值合计90分。,"
                                    "注：分值合计90分。\n");
    REQUIRE(merged.projects.size() == 1);
    CHECK(merged.projects[0].indicators.size() == 1);
}

TEST_CASE("assembler: 单位名称 and 备注 yield to 项目名称 and 分值 on the same header", "[assembler]") {
    // A review found the department's name read as every project's (four projects one, weights adding to 360),
    // and remarks read as weights (25 bad cells), because the first matching column won.
    const std::string header =
        "单位代码,单位名称,项目名称,资金总额,实施期绩效目标,一级指标,二级指标,三级指标,指标值,评（扣分标准）,度量单位,"
        "指标值类型,备注,分值\n";
    const Table t =
        read_table(header +
                   "301001,人社局,养老补助,100,目标,产出指标,数量指标,人数,800,视情况扣分,人,≥,已沟通,90分\n"
                   "301001,人社局,医疗救助,50,目标,产出指标,数量指标,人次,300,视情况扣分,人次,≥,,90分\n");
    REQUIRE(t.projects.size() == 2);
    CHECK(t.projects[0].name.text == "养老补助");
    CHECK(t.projects[1].name.text == "医疗救助");
    REQUIRE(t.projects[0].indicators.size() == 1);
    CHECK(t.projects[0].indicators[0].weight.text == "90分");
    // In the other order too; and alone each still names its column.
    const Table reversed = read_table(
        "单位代码,项目名称,单位名称,资金总额,实施期绩效目标,一级指标,二级指标,三级指标,指标值,评（扣分标准）,度量单位,"
        "指标值类型,分值,备注\n"
        "301001,养老补助,人社局,100,目标,产出指标,数量指标,人数,800,视情况扣分,人,≥,90分,已沟通\n");
    REQUIRE(reversed.projects.size() == 1);
    CHECK(reversed.projects[0].name.text == "养老补助");
    CHECK(reversed.projects[0].indicators[0].weight.text == "90分");
    const Table alone = read_table(
        "单位代码,单位名称,资金总额,实施期绩效目标,一级指标,二级指标,三级指标,指标值,评（扣分标准）,度量单位,"
        "指标值类型,备注\n"
        "301001,养老补助,100,目标,产出指标,数量指标,人数,800,视情况扣分,人,≥,90分\n");
    REQUIRE(alone.projects.size() == 1);
    CHECK(alone.projects[0].name.text == "养老补助");
    CHECK(alone.projects[0].indicators[0].weight.text == "90分");
}

TEST_CASE("assembler: of 实施期绩效目标 and 年度绩效目标, the goal is the one filled", "[assembler]") {
    // A review found 年度绩效目标 filled and 实施期绩效目标 blank give goal-missing on every project.
    const std::string header =
        "单位代码,单位（专项）名称,资金总额,实施期绩效目标,年度绩效目标,一级指标,二级指标,三级指标,指标值,"
        "评（扣分标准）,"
        "度量单位,指标值类型,分值\n";
    const Table t = read_table(header +
                               "301001,甲,100,,年度目标甲,产出指标,数量指标,人数,800,视情况扣分,人,≥,90分\n"
                               "301002,乙,100,实施期目标乙,,产出指标,数量指标,人数,800,视情况扣分,人,≥,90分\n"
                               "301003,丙,100,实施期目标丙,年度目标丙,产出指标,数量指标,人数,800,视情况扣分,人,≥,90分\n"
                               // On a later row of the project, as any project cell.
                               "301004,丁,100,,,产出指标,数量指标,人数,800,视情况扣分,人,≥,50分\n"
                               ",,,,年度目标丁,,质量指标,合格率,95,视情况扣分,%,≥,40分\n");
    REQUIRE(t.projects.size() == 4);
    CHECK(t.projects[0].goal.text == "年度目标甲");
    CHECK(t.projects[0].goal.loc.column == 5);
    CHECK(t.projects[1].goal.text == "实施期目标乙");
    CHECK(t.projects[2].goal.text == "实施期目标丙");
    CHECK(t.projects[3].goal.text == "年度目标丁");
    CHECK(t.projects[3].goal.loc.row == 6);
}

TEST_CASE("assembler: project cells written on a later row fill gaps", "[assembler]") {
    const Table t = read_table(k_header +
                               "301001,项目,,,产出指标,数量指标,人数,10,,视情况扣分,人,≥,50分\n"
                               ",,100,保障目标,,质量指标,合格率,90,,视情况扣分,%,≥,40分\n");
    REQUIRE(t.projects.size() == 1);
    CHECK(t.projects[0].funds_wan == dec("100"));
    CHECK(t.projects[0].funds.loc.row == 3);
    CHECK(t.projects[0].goal.text == "保障目标");
}

TEST_CASE("assembler: blank lines are ignored", "[assembler]") {
    const Table t = read_table("\n\n项目支出绩效目标表\n\n" + k_header + "\n,,,,,,,,,,,,\n" +
                               "301001,项目,100,目标,产出指标,数量指标,人数,10,,视情况扣分,人,≥,50分\n"
                               "\n , ,\u3000,\n"
                               ",,,,,质量指标,合格率,90,,视情况扣分,%,≥,40分\n\n\n");
    CHECK(t.info.header_row == 5);
    REQUIRE(t.projects.size() == 1);
    const Project& p = t.projects[0];
    CHECK(p.first_row == 8);
    REQUIRE(p.indicators.size() == 2);
    CHECK(p.indicators[0].row == 8);
    CHECK(p.indicators[1].row == 11);
    CHECK(p.indicators[1].level1.text == "产出指标");
    CHECK(p.last_row == 11);
}

TEST_CASE("assembler: quoted newlines keep physical row numbers", "[assembler]") {
    const Table t = read_table(k_header +
                               "301001,项目,100,\"第一行\n第二行\",产出指标,数量指标,人数,10,,视情况扣分,人,≥,50分\n"
                               ",,,,,质量指标,合格率,90,,视情况扣分,%,≥,40分\n");
    REQUIRE(t.projects.size() == 1);
    CHECK(t.projects[0].goal.text == "第一行\n第二行");
    CHECK(t.projects[0].indicators[1].row == 4);
    // The cell address is the row Excel shows, which counts records: the goal's line break is no row.
    const Cell& target = t.projects[0].indicators[1].target;
    CHECK(target.loc.row == 4);
    CHECK(target.loc.sheet_row == 3);
    CHECK(target.loc.cell_ref() == "H3");
    CHECK(t.projects[0].indicators[0].target.loc.cell_ref() == "H2");  // above the break: the same
    CHECK(t.projects[0].indicators[0].target.loc.sheet_row == 0);
}

TEST_CASE("assembler: a row with more fields than the header is noted; empty fields after it are not",
          "[assembler][bad-cell]") {
    for (const char sep : {',', '\t'}) {
        INFO("separator " << (sep == ',' ? "comma" : "tab"));
        std::string text = k_header +
                           // An unquoted comma inside 指标值内容: 14 fields, everything after it shifted.
                           "301001,项目甲,100,目标,产出指标,数量指标,人数,10,人数,含新增人员,视情况扣分,人,≥,90分\n"
                           // Empty fields beyond the header, as Excel exports them: no more than the header.
                           ",,,,,质量指标,合格率,95,,视情况扣分,%,≥,5分,,,\n";
        if (sep == '\t') std::replace(text.begin(), text.end(), ',', '\t');
        const Table t = read_table(text);
        REQUIRE(t.projects.size() == 1);
        const Project& p = t.projects[0];
        REQUIRE(p.indicators.size() == 2);
        CHECK(p.problems.empty());
        const auto extra = std::find_if(p.indicators[0].problems.begin(), p.indicators[0].problems.end(),
                                        [](const CellProblem& c) { return c.kind == CellProblem::Kind::extra_fields; });
        REQUIRE(extra != p.indicators[0].problems.end());
        CHECK(extra->fields == 14);
        CHECK(extra->header_columns == 13);
        CHECK(extra->separator == sep);
        CHECK(extra->cell.loc.row == 2);
        CHECK(extra->cell.loc.cell_ref() == "N2");
        CHECK(extra->cell.text == "90分");
        for (const auto& c : p.indicators[1].problems) CHECK(c.kind != CellProblem::Kind::extra_fields);
    }
}

TEST_CASE("assembler: a row with more fields than the header is one finding, its shifted cells none",
          "[assembler][bad-cell][pipeline]") {
    // Row 3's unquoted comma used to shift 评（扣分标准）into 度量单位, the unit into 指标值类型 and the
    // comparator into 备注: three findings on correct cells, and the weight in the 14th field dropped unsaid.
    test::TempDir dir;
    const std::string path = dir.write(
        "t.csv", k_header +
                     "301001,项目甲,100,保障项目顺利实施，按时足额发放补贴。,产出指标,数量指标,发放人数,10,发放人数,"
                     "含新增人员,未完成不得分,人,≥,90分\n"
                     ",,,,,质量指标,发放准确率,95,,未完成不得分,%,≥,,,\n");
    for (const int jobs : {1, 2}) {
        INFO("jobs " << jobs);
        const Report r = check_with_jobs(path, jobs);
        std::vector<const Finding*> on_row;
        for (const auto& f : r.findings) {
            if (f.loc.row == 2) on_row.push_back(&f);
        }
        REQUIRE(on_row.size() == 1);
        const Finding& f = *on_row[0];
        CHECK(f.rule == "bad-cell");
        CHECK(f.loc.cell_ref() == "N2");
        CHECK(f.value == "90分");
        CHECK_THAT(f.message.zh, Catch::StartsWith("第2行有14个字段，表头只有13列（可能有未加引号的逗号）"));
        CHECK_THAT(f.hint.zh, Catch::Contains("英文双引号") && Catch::Contains("全角“，”"));
        CHECK_THAT(f.message.en, Catch::StartsWith("Row 2 has 14 fields but the header has only 13 columns"));
        // Row 3, whose trailing fields are empty, is checked as ever (its missing weight is found).
        bool row3 = false;
        for (const auto& g : r.findings) row3 = row3 || (g.rule == "weight-missing" && g.loc.row == 3);
        CHECK(row3);
    }
}

TEST_CASE("assembler: a draft keeps its rows' unsaved formulas", "[assembler]") {
    ProjectDraft draft;
    RawRow a;
    a.row = 5;
    a.cells = {"301001", "", "842.07"};
    a.unsaved_formulas = {{1, "A5&\"项目\""}};
    RawRow b;
    b.row = 6;
    b.cells = {"", "x"};
    draft.add(a);
    draft.add(b);
    RawRow out;
    out.unsaved_formulas = {{9, "stale"}};
    draft.unpack(0, out);
    REQUIRE(out.unsaved_formulas.size() == 1);
    CHECK(out.unsaved_formulas[0].column == 1);
    CHECK(out.unsaved_formulas[0].formula == "A5&\"项目\"");
    draft.unpack(1, out);
    CHECK(out.unsaved_formulas.empty());
    // Each row gets its own formulas, all of them, whichever rows before and after have some.
    RawRow c;
    c.row = 7;
    c.cells = {"", "", "", ""};
    c.unsaved_formulas = {{2, "C6*2"}, {3, "SUM(D2:D6)"}};
    draft.add(b);
    draft.add(c);
    draft.add(a);
    draft.unpack(3, out);
    REQUIRE(out.unsaved_formulas.size() == 2);
    CHECK(out.unsaved_formulas[0].formula == "C6*2");
    CHECK(out.unsaved_formulas[1].formula == "SUM(D2:D6)");
    draft.unpack(2, out);
    CHECK(out.unsaved_formulas.empty());
    draft.unpack(4, out);
    REQUIRE(out.unsaved_formulas.size() == 1);
    CHECK(out.unsaved_formulas[0].formula == "A5&\"项目\"");
    draft.unpack(0, out);
    CHECK(out.unsaved_formulas.size() == 1);
}

TEST_CASE("assembler: a draft gives back every row's cells, whether they were one separator apart or not",
          "[assembler]") {
    // The CSV reader's rows view its buffer, cells one separator apart (copied at once, separators and
    // all); other rows' cells lie anywhere (copied one by one). Both come back as they went in.
    const std::string buffer = "301001,项目甲,,100\n,,x,\n";
    const std::string_view b(buffer);
    RawRow split;
    split.row = 2;
    split.cells = {b.substr(0, 6), b.substr(7, 9), b.substr(17, 0), b.substr(18, 3)};
    RawRow empties;  // only empty cells, one apart
    empties.cells = {b.substr(22, 0), b.substr(23, 0), b.substr(24, 1), b.substr(26, 0)};
    const std::string other_a = "甲";
    const std::string other_b = "乙乙";
    RawRow scattered;  // the same text twice, and cells of two strings
    scattered.cells = {b.substr(0, 6), b.substr(0, 6), other_b, other_a, b.substr(7, 9)};
    RawRow adjacent;  // back to back without a separator: not one apart
    adjacent.cells = {b.substr(0, 3), b.substr(3, 3)};
    RawRow prefix;  // one apart for two cells, then not: nothing of the first attempt may remain
    prefix.cells = {b.substr(0, 6), b.substr(7, 9), other_a};
    RawRow one;  // a single cell
    one.cells = {b.substr(18, 3)};
    RawRow null_cell;  // a cell that views nothing
    null_cell.cells = {std::string_view{}};
    RawRow none;
    ProjectDraft draft;
    const std::vector<const RawRow*> expected = {&split,  &scattered, &empties,   &none, &adjacent,
                                                 &prefix, &one,       &null_cell, &split};
    for (const RawRow* r : expected) draft.add(*r);
    REQUIRE(draft.rows() == expected.size());
    RawRow out;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        INFO("row " << i);
        draft.unpack(i, out);
        CHECK(std::vector<std::string>(out.cells.begin(), out.cells.end()) ==
              std::vector<std::string>(expected[i]->cells.begin(), expected[i]->cells.end()));
    }
    draft.unpack(0, out);
    CHECK(out.row == 2);
    CHECK(out.cells[1] == "项目甲");
}

TEST_CASE("assembler: a draft keeps which of its rows' cells the reader found plain", "[assembler]") {
    // One file at -j 2 is assembled from drafts: the reader's RawRow::plain must come through them.
    ProjectDraft draft;
    RawRow a;
    a.cells = {"项目", "每超过5万元，扣1分", "≥90%"};
    a.plain = 0b101;
    RawRow b;
    b.cells = {"x"};
    draft.add(a);
    draft.add(b);
    RawRow out;
    out.plain = ~std::uint64_t{0};
    draft.unpack(0, out);
    CHECK(out.plain == 0b101);
    CHECK(out.plain_cell(0));
    CHECK_FALSE(out.plain_cell(1));
    CHECK_FALSE(out.plain_cell(64));
    draft.unpack(1, out);
    CHECK(out.plain == 0);
    const RawRow copy = a;  // a copy too
    CHECK(copy.plain == 0b101);
}

TEST_CASE("assembler: a finding's cell address is the spreadsheet's row after a cell with line breaks",
          "[assembler][pipeline]") {
    // Through the threads too (-j 2 assembles from drafts): the draft keeps the record number.
    test::TempDir dir;
    std::string rows;
    for (int i = 0; i < 40; ++i) {
        rows +=
            "30100" + std::to_string(i % 10) + ",项目" + std::to_string(i) +
            ",100,\"目标第一行\n目标第二行，保障项目顺利实施。\",产出指标,数量指标,人数,较多,,视情况扣分,人,≥,90分\n";
    }
    const std::string path = dir.write("t.csv", k_header + rows);
    for (const int jobs : {1, 2}) {
        INFO("jobs " << jobs);
        const Report r = check_with_jobs(path, jobs);
        int seen = 0;
        for (const auto& f : r.findings) {
            if (f.rule != "value-not-numeric") continue;
            ++seen;
            // Project k (0-based) starts on line 2 + 2k and is row 2 + k of the spreadsheet.
            const int k = (f.loc.row - 2) / 2;
            CHECK(f.loc.cell_ref() == "H" + std::to_string(2 + k));
        }
        CHECK(seen == 40);
    }
}

TEST_CASE("assembler: self-evaluation columns", "[assembler]") {
    const Table t = read_table(
        "单位代码,单位（专项）名称,资金总额,实施期绩效目标,全年预算数,全年执行数,一级指标,二级指标,三级指标,指标值,"
        "评（扣分标准）,备注,实际完成值,得分,偏差原因分析及改进措施\n"
        "301001,项目,100,目标,100,95,产出指标,数量指标,人数,10,视情况扣分,10分,9,9,人员变动\n");
    CHECK(t.info.self_evaluation);
    REQUIRE(t.projects.size() == 1);
    const Project& p = t.projects[0];
    CHECK(p.budget.text == "100");
    CHECK(p.spent.text == "95");
    REQUIRE(p.indicators.size() == 1);
    CHECK(p.indicators[0].actual.text == "9");
    CHECK(p.indicators[0].score.text == "9");
    CHECK(p.indicators[0].deviation.text == "人员变动");
}

TEST_CASE("assembler: an actuals table needs only the key columns", "[assembler]") {
    ReadOptions options;
    options.kind = TableKind::actuals;
    const Table t = read_table("项目名称,三级指标,实际完成值\n项目,人数,9\n", options);
    CHECK(t.info.missing_columns.empty());
    CHECK(t.info.self_evaluation);

    const Table missing = read_table("单位代码,资金总额,实际完成值\n301001,100,9\n", options);
    CHECK(missing.info.missing_columns == std::vector<std::string>{"单位（专项）名称", "三级指标"});

    // Project figures only (a progress file of 预算数 and 1-7月执行数): whole without 三级指标 (a review found it
    // refused, its message saying 项目名称 was missing beside one that was not).
    const Table figures = read_table("单位代码,项目名称,预算数,1-7月执行数\n301001,项目,842.07,252.62\n", options);
    CHECK(figures.info.missing_columns.empty());
    REQUIRE(figures.projects.size() == 1);
    CHECK(figures.projects[0].spent.text == "252.62");
    // With values per indicator, 三级指标 is needed to place them.
    const Table values = read_table("项目名称,预算数,实际完成值\n项目,842.07,9\n", options);
    CHECK(values.info.missing_columns == std::vector<std::string>{"三级指标"});
}

TEST_CASE("assembler: reader errors surface as Errors", "[assembler]") {
    SECTION("bytes valid in no encoding") {
        auto src = open_csv_text(k_header + "301001,\xFF\n", "bad.csv", {}, config::default_rule_set());
        REQUIRE_FALSE(src);
        CHECK(src.error().file == "bad.csv");
        CHECK(src.error().line == 2);
    }
    SECTION("an unterminated quote after some projects") {
        auto src = open_csv_text(k_header +
                                     "301001,项目甲,100,目标,产出指标,数量指标,人数,10,,视情况扣分,人,≥,90分\n"
                                     "301002,项目乙,100,\"目标\n",
                                 "q.csv", {}, config::default_rule_set());
        REQUIRE(src);
        Project p;
        auto first = (*src)->next(p);
        // The first project ends where the second begins, so the error comes with the look-ahead.
        REQUIRE_FALSE(first);
        CHECK(first.error().line == 3);
        CHECK(first.error().file == "q.csv");
    }
    SECTION("a forced encoding that does not fit") {
        ReadOptions options;
        options.encoding = Encoding::utf8;
        auto src = open_csv_text(read_file(PERF_CHECK_SOURCE_DIR "/samples/targets-2024.gb18030.csv"), "gb.csv",
                                 options, config::default_rule_set());
        REQUIRE_FALSE(src);
        CHECK(src.error().line == 1);
    }
    SECTION("a forced GB18030 encoding reads the GB18030 seed") {
        ReadOptions options;
        options.encoding = Encoding::gb18030;
        const Table t = read_table(read_file(PERF_CHECK_SOURCE_DIR "/samples/targets-2024.gb18030.csv"), options);
        CHECK(t.projects.size() == 4);
        CHECK(t.info.encoding == "GB18030");
    }
}

TEST_CASE("assembler: TSV input", "[assembler]") {
    std::string tsv = k_header;
    std::replace(tsv.begin(), tsv.end(), ',', '\t');
    tsv += "301001\t项目\t4,500.00\t目标\t产出指标\t数量指标\t人数\t10\t\t视情况扣分\t人\t≥\t90分\n";
    const Table t = read_table(tsv);
    REQUIRE(t.projects.size() == 1);
    CHECK(t.projects[0].funds_wan == dec("4500"));
    CHECK(t.projects[0].indicators[0].weight_points == dec("90"));
}

TEST_CASE("assembler: TableProjectSource over a CsvRowSource directly", "[assembler]") {
    auto rows = std::make_unique<CsvRowSource>(
        std::make_unique<std::istringstream>(k_header + "301001,项目,100,目标,产出指标,数量指标,人数,10,,扣分,人,≥,90分\n"),
        Encoding::utf8, ',', "direct.csv");
    auto src = TableProjectSource::open(std::move(rows), config::default_rule_set(), "direct.csv", "UTF-8");
    REQUIRE(src);
    CHECK((*src)->columns()[Column::weight] == 12);
    CHECK((*src)->columns()[Column::budget] == -1);
    Project p;
    REQUIRE(*(*src)->next(p));
    CHECK(p.file == "direct.csv");
    CHECK(p.indicators.size() == 1);
    CHECK_FALSE(*(*src)->next(p));
    CHECK_FALSE(*(*src)->next(p));  // stays at the end
}

namespace {

// Every field of an indicator, to compare one read into a reused Project with one read fresh.
void same_cell(const Cell& a, const Cell& b) {
    CHECK(a.text == b.text);
    CHECK(a.raw == b.raw);
    CHECK(a.filled == b.filled);
    CHECK(a.loc.file == b.loc.file);
    CHECK(a.loc.sheet == b.loc.sheet);
    CHECK(a.loc.row == b.loc.row);
    CHECK(a.loc.column == b.loc.column);
}

// Every cell of an indicator.
constexpr std::array<Cell Indicator::*, 12> k_indicator_cells = {
    &Indicator::level1,  &Indicator::level2,    &Indicator::name,  &Indicator::target,
    &Indicator::content, &Indicator::deduction, &Indicator::unit,  &Indicator::type,
    &Indicator::weight,  &Indicator::actual,    &Indicator::score, &Indicator::deviation};

void same_indicator(const Indicator& a, const Indicator& b) {
    for (auto member : k_indicator_cells) same_cell(a.*member, b.*member);
    CHECK(a.comparator == b.comparator);
    CHECK(a.value.comparator == b.value.comparator);
    CHECK(a.value.number == b.value.number);
    CHECK(a.value.unit == b.value.unit);
    CHECK(a.value.text == b.value.text);
    CHECK(a.actual_value.comparator == b.actual_value.comparator);
    CHECK(a.actual_value.number == b.actual_value.number);
    CHECK(a.actual_value.unit == b.actual_value.unit);
    CHECK(a.actual_value.text == b.actual_value.text);
    CHECK(a.weight_points == b.weight_points);
    CHECK(a.placeholder == b.placeholder);
    CHECK(a.row == b.row);
    CHECK(a.level1_name == b.level1_name);
    CHECK(a.level2_name == b.level2_name);
    REQUIRE(a.problems.size() == b.problems.size());
    for (std::size_t i = 0; i < a.problems.size(); ++i) {
        CHECK(a.problems[i].column == b.problems[i].column);
        same_cell(a.problems[i].cell, b.problems[i].cell);
    }
}

}  // namespace

// The reader refills the indicators of the Project it is given (the pipeline passes the same one for
// every project) to reuse their strings: nothing of the previous project may show through.
TEST_CASE("assembler: a refilled indicator keeps nothing of the last project", "[assembler]") {
    const std::string text =
        "单位代码,单位（专项）名称,资金总额,实施期绩效目标,一级指标,二级指标,三级指标,指标值,指标值内容,评（扣分标准）,"
        "度量单位,指标值类型,备注,实际完成值,得分,偏差原因分析及改进措施\n"
        // Every cell full (full-width text keeps a raw), a bad 指标值类型 and weight (problems).
        "301001,甲,100,目标,成本指标,经济成本指标,总成本,＜＝８４２,内容,每超过5万元扣1分,万元,大约,200分,800,18,原因\n"
        ",,,,产出指标,数量指标,人数,≥136人,内容,视情况扣分,人,≥,10分,140,10,原因\n"
        ",,,,,质量指标,合格率,90%,内容,视情况扣分,%,≥,10分,95,10,原因\n"
        // Fewer indicators, mostly blank: placeholders, no 二级, no self-evaluation.
        "301002,乙,50,目标,效益指标,,无,无,,,,,,,,\n"
        ",,,,,,满意度\n"  // a short row: the cells past its end are blank
        // More indicators than the last project had slots for.
        "301003,丙,10,目标,满意度指标,服务对象满意度指标,满意率,95,,,%,定性,5,,,\n"
        ",,,,,,好评率,90,,,%,≥,5,,,\n"
        ",,,,,,投诉率,1,,,%,≤,5,,,\n";
    const Table fresh = read_table(text);
    REQUIRE(fresh.projects.size() == 3);

    auto src = open_csv_text(text, "t.csv", {}, config::default_rule_set());
    REQUIRE(src);
    Project reused;
    for (const auto& expected : fresh.projects) {
        auto got = (*src)->next(reused);
        REQUIRE(got);
        REQUIRE(*got);
        REQUIRE(reused.indicators.size() == expected.indicators.size());
        for (std::size_t i = 0; i < expected.indicators.size(); ++i) {
            INFO(expected.name.text << " indicator " << i);
            same_indicator(reused.indicators[i], expected.indicators[i]);
        }
    }
    // The first project's cells did leave something to show through.
    CHECK_FALSE(fresh.projects[0].indicators[0].target.raw.empty());
    CHECK_FALSE(fresh.projects[0].indicators[0].problems.empty());
    CHECK(fresh.projects[1].indicators[0].problems.empty());
    CHECK(fresh.projects[1].indicators[0].target.raw.empty());
}

namespace {

// Rows as an XLSX reader gives them, every cell of a sheet naming it: a CSV's rows, named a sheet. With
// `fail_after`, the rows after that many fail to read.
class SheetRows final : public RowSource {
public:
    SheetRows(const std::string& text, std::string sheet, int fail_after = -1)
        : m_rows(std::make_unique<std::istringstream>(text), Encoding::utf8, ',', "book.xlsx"),
          m_sheet(std::move(sheet)),
          m_left(fail_after) {}
    Expected<bool> next(RawRow& row) override {
        if (m_left == 0) return Error{"the sheet cannot be read further", "book.xlsx"};
        if (m_left > 0) --m_left;
        return m_rows.next(row);
    }
    [[nodiscard]] std::string sheet() const override { return m_sheet; }

private:
    CsvRowSource m_rows;
    std::string m_sheet;
    int m_left;
};

}  // namespace

// The reader refills the slots of the Project it is given: every cell must come out placed (its file and
// sheet) by the reader refilling it, as in a fresh Project, whatever filled the Project before: another
// reader, another sheet's, the actuals join, a reader that failed halfway. (Session 37 placed refilled
// cells once per slot, behind a mark on the Project, and undid it: these are the cases it had to get right.)
TEST_CASE("assembler: a refilled indicator's cells are placed by the reader refilling them", "[assembler]") {
    const std::string text = k_header +
                             "301001,甲,100,目标,产出指标,数量指标,人数,10,,视情况扣分,人,≥,50分\n"
                             ",,,,,质量指标,合格率,90%,,视情况扣分,%,≥,50分\n";
    // The same project, then another like it.
    const std::string two = text +
                            "301002,乙,100,目标,产出指标,数量指标,人数,10,,视情况扣分,人,≥,50分\n"
                            ",,,,,质量指标,合格率,90%,,视情况扣分,%,≥,50分\n";
    ReadOptions as_actuals;
    as_actuals.kind = TableKind::actuals;
    const auto read_into = [&](Project& p, const std::string& file, const ReadOptions& options) {
        auto src = open_csv_text(text, file, options, config::default_rule_set());
        REQUIRE(src);
        auto got = (*src)->next(p);
        REQUIRE(got);
        REQUIRE(*got);
    };
    Project fresh;
    read_into(fresh, "t.csv", {});
    REQUIRE(fresh.indicators.size() == 2);
    CHECK(fresh.indicators[1].name.loc.file.empty());  // the table's own cells name no file

    SECTION("after another reader's project") {
        Project reused;
        read_into(reused, "actuals.csv", as_actuals);
        CHECK(reused.indicators[1].name.loc.file == "actuals.csv");  // what must not show through
        read_into(reused, "t.csv", {});
        REQUIRE(reused.indicators.size() == 2);
        for (std::size_t i = 0; i < 2; ++i) same_indicator(reused.indicators[i], fresh.indicators[i]);
    }
    SECTION("more indicators than the same reader's project before") {
        // Slots the project did not have yet are new: placed too, after refilled ones.
        auto src = open_csv_text(k_header + "301000,丙,100,目标,产出指标,数量指标,人数,10,,视情况扣分,人,≥,50分\n" +
                                     text.substr(k_header.size()),
                                 "actuals.csv", as_actuals, config::default_rule_set());
        REQUIRE(src);
        Project reused;
        REQUIRE(*(*src)->next(reused));
        REQUIRE(reused.indicators.size() == 1);
        REQUIRE(*(*src)->next(reused));
        REQUIRE(reused.indicators.size() == 2);
        CHECK(reused.indicators[0].name.loc.file == "actuals.csv");
        CHECK(reused.indicators[1].name.loc.file == "actuals.csv");
        CHECK(reused.indicators[1].level2.loc.file == "actuals.csv");
    }
    SECTION("a sheet's reader after another sheet's") {
        const auto read_sheet = [&](Project& p, const std::string& rows, const std::string& sheet) {
            auto src = TableProjectSource::open(std::make_unique<SheetRows>(rows, sheet), config::default_rule_set(),
                                                "book.xlsx", "UTF-8");
            REQUIRE(src);
            while (*(*src)->next(p)) {
                for (const auto& ind : p.indicators) {
                    CHECK(ind.level1.loc.sheet == sheet);
                    CHECK(ind.name.loc.sheet == sheet);
                    CHECK(ind.deviation.loc.sheet == sheet);
                }
            }
        };
        Project reused;
        read_sheet(reused, text, "表一");
        // Two projects of one indicator, then one of two: a new slot after refilled ones.
        read_sheet(reused,
                   k_header + "301001,甲,100,目标,产出指标,数量指标,人数,10,,视情况扣分,人,≥,50分\n" +
                       "301002,乙,100,目标,产出指标,数量指标,人数,10,,视情况扣分,人,≥,50分\n" +
                       text.substr(k_header.size()),
                   "表二");
        CHECK(reused.indicators.size() == 2);
    }
    SECTION("a reader failing halfway through a project another reader had placed") {
        // Sheet 表一's reader places a project; 表二's refills part of it and fails; 表一's refills it again.
        auto first = TableProjectSource::open(std::make_unique<SheetRows>(two, "表一"), config::default_rule_set(),
                                              "book.xlsx", "UTF-8");
        // Its header and the first project's two rows read, then an error at the second project.
        auto failing = TableProjectSource::open(std::make_unique<SheetRows>(two, "表二", 3), config::default_rule_set(),
                                                "book.xlsx", "UTF-8");
        REQUIRE(first);
        REQUIRE(failing);
        Project reused;
        REQUIRE(*(*first)->next(reused));
        CHECK_FALSE((*failing)->next(reused));
        CHECK(reused.indicators[0].name.loc.sheet == "表二");  // what must not show through
        REQUIRE(*(*first)->next(reused));
        CHECK(reused.name.text == "乙");
        REQUIRE(reused.indicators.size() == 2);
        for (const auto& ind : reused.indicators) {
            CHECK(ind.level1.loc.sheet == "表一");
            CHECK(ind.name.loc.sheet == "表一");
        }
    }
    SECTION("after the same reader's project, its cells replaced from elsewhere") {
        auto src = open_csv_text(two, "t.csv", {}, config::default_rule_set());
        REQUIRE(src);
        Project reused;
        REQUIRE(*(*src)->next(reused));
        // What the actuals join does: a cell of another file.
        reused.indicators[1].actual.loc.file = "actuals.csv";
        reused.indicators[1].actual.loc.sheet = "实际";
        REQUIRE(*(*src)->next(reused));
        CHECK(reused.name.text == "乙");
        REQUIRE(reused.indicators.size() == 2);
        for (const auto& ind : reused.indicators) {
            for (auto member : k_indicator_cells) {
                CHECK((ind.*member).loc.file.empty());
                CHECK((ind.*member).loc.sheet.empty());
            }
        }
    }
}

namespace {

void same_project_cells(const Project& a, const Project& b) {
    for (auto member :
         {&Project::code, &Project::name, &Project::funds, &Project::goal, &Project::budget, &Project::spent}) {
        same_cell(a.*member, b.*member);
    }
    CHECK(a.funds_wan == b.funds_wan);
    CHECK(a.first_row == b.first_row);
    CHECK(a.last_row == b.last_row);
    CHECK(a.repeats_row == b.repeats_row);
    CHECK(a.file == b.file);
    CHECK(names(a) == names(b));
}

}  // namespace

// The reader keeps the cells it reads a project's 单位代码, 名称 and gaps into, and a draft's head, from
// project to project (their strings keep their room): nothing of one project may show in the next, read
// in turn (next) or as drafts for other threads (next_draft, assemble).
TEST_CASE("assembler: a project's own cells keep nothing of the project before", "[assembler]") {
    const std::string text =
        "单位代码,单位（专项）名称,资金总额,全年预算数,全年执行数,实施期绩效目标,一级指标,二级指标,三级指标,指标值,"
        "指标值内容,评（扣分标准）,度量单位,指标值类型,备注,实际完成值\n"
        // Every project cell full, one written with full-width digits (a raw as well as a text).
        "301001,甲项目的名称比十五个字节长,１００,100,90,保障甲项目顺利实施，提升服务质量,成本指标,经济成本指标,总成本,"
        "100,内容,每超过5万元扣1分,万元,≤,20分,95\n"
        ",,,,,,产出指标,数量指标,人数,10,,视情况扣分,人,≥,30分,10\n"
        // Named without a code, funds and goal only on its second row, no budget or spending.
        ",乙,,,,,产出指标,数量指标,人数,10,,视情况扣分,人,≥,50分,\n"
        ",,50,,,乙的目标,效益指标,社会效益指标,覆盖率,90,,视情况扣分,%,≥,50分,\n"
        // A code beside its name on its second row completes it.
        ",丙,10,,,,满意度指标,服务对象满意度指标,满意率,95,,视情况扣分,%,≥,100分,\n"
        "301003,丙,,,,,,,好评率,90,,视情况扣分,%,≥,0分,\n";
    const Table fresh = read_table(text);
    REQUIRE(fresh.projects.size() == 3);
    // What would show through if the cells were kept: the first project's.
    CHECK_FALSE(fresh.projects[0].funds.raw.empty());
    CHECK(fresh.projects[1].code.empty());
    CHECK(fresh.projects[1].funds.loc.row == 5);
    CHECK(fresh.projects[1].budget.empty());
    CHECK(fresh.projects[2].code.text == "301003");
    CHECK(fresh.projects[2].code.loc.row == 7);
    CHECK(fresh.projects[2].goal.empty());

    SECTION("read in turn into one project") {
        auto src = open_csv_text(text, "t.csv", {}, config::default_rule_set());
        REQUIRE(src);
        Project reused;
        for (const auto& expected : fresh.projects) {
            INFO(expected.name.text);
            auto got = (*src)->next(reused);
            REQUIRE(got);
            REQUIRE(*got);
            same_project_cells(reused, expected);
        }
    }
    SECTION("read as drafts into one draft, assembled into one project") {
        auto src = open_csv_text(text, "t.csv", {}, config::default_rule_set());
        REQUIRE(src);
        auto* table = dynamic_cast<TableProjectSource*>(src->get());
        REQUIRE(table != nullptr);
        ProjectDraft draft;
        Project reused;
        for (const auto& expected : fresh.projects) {
            INFO(expected.name.text);
            auto got = table->next_draft(draft);
            REQUIRE(got);
            REQUIRE(*got);
            table->assemble(draft, reused);
            same_project_cells(reused, expected);
        }
    }
}

namespace {
// The national self-evaluation form (财政部《项目支出绩效自评表》) as a CSV export: the project in label rows
// above the indicator header, a 总分 row below.
const std::string k_national_form =
    "项目支出绩效自评表,,,,,,,,,\n"
    "（2024年度）,,,,,,,,,\n"
    "项目名称,乡镇卫生院基本公共卫生服务补助,,,,,,,,\n"
    "主管部门,县卫生健康局,,,实施单位,县卫生健康局（本级）,,,,\n"
    "项目资金（万元）,,年初预算数,全年预算数,全年执行数,分值,执行率,得分,,\n"
    ",年度资金总额,320.00,350.00,336.00,10,96.00%,9.60,,\n"
    ",其中：当年财政拨款,320.00,350.00,336.00,—,—,—,,\n"
    "年度总体目标,预期目标,,,,实际完成情况,,,,\n"
    ",为辖区常住人口免费提供12类基本公共卫生服务。,,,,全年为辖区居民提供基本公共卫生服务。,,,,\n"
    "绩效指标,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因分析及改进措施,\n"
    ",产出指标,数量指标,居民电子健康档案建档率,≥90%,92.3%,50,50,,\n"
    ",,质量指标,高血压患者规范管理率,≥60%,63%,30,30,,\n"
    ",满意度指标,服务对象满意度指标,居民满意度,≥90%,93%,10,10,,\n"
    "总分,,,,,,100,99.60,,\n";
}  // namespace

TEST_CASE("assembler: the national self-evaluation form names its project above the indicators", "[assembler][form]") {
    const Table t = read_table(k_national_form);
    CHECK(t.info.header_row == 10);
    // No 单位代码, 名称, 资金总额, 绩效目标 or 评（扣分标准） column, and none missing: the form gives them.
    CHECK(t.info.missing_columns.empty());
    CHECK(t.info.self_evaluation);
    REQUIRE(t.projects.size() == 1);
    const Project& p = t.projects[0];
    CHECK(p.form);
    CHECK(p.code.empty());
    CHECK(p.name.text == "乡镇卫生院基本公共卫生服务补助");
    CHECK(p.name.loc.row == 3);
    CHECK(p.name.loc.column == 2);
    CHECK(p.budget.text == "350.00");
    CHECK(p.budget.loc.row == 6);
    CHECK(p.budget.loc.column == 4);
    CHECK(p.spent.text == "336.00");
    CHECK(p.funds.text == "350.00");  // the year's budget, which the targets were set on
    CHECK(p.funds_wan == dec("350"));
    CHECK(p.goal.text == "为辖区常住人口免费提供12类基本公共卫生服务。");
    CHECK(p.goal.loc.row == 9);
    CHECK(names(p) == std::vector<std::string>{"居民电子健康档案建档率", "高血压患者规范管理率", "居民满意度"});
    CHECK(p.indicators[1].level1.text == "产出指标");
    CHECK(p.indicators[0].actual.text == "92.3%");
    REQUIRE(p.totals.size() == 1);
    CHECK(p.totals[0].label == "总分");
    CHECK(p.totals[0].weight.text == "100");

    // Without 全年预算数 the funds are 年初预算数; a table with project columns is no form, whatever is above it.
    std::string initial_only = k_national_form;
    initial_only.replace(initial_only.find(",年度资金总额,320.00,350.00"),
                         std::string(",年度资金总额,320.00,350.00").size(), ",年度资金总额,320.00,");
    CHECK(read_table(initial_only).projects.at(0).funds.text == "320.00");
    const Table plain = read_table("项目名称,标题里的项目\n" + k_header +
                                   "301001,项目,100,目标,产出指标,数量指标,人数,≥50人,,视情况扣分,人,≥,10\n");
    REQUIRE(plain.projects.size() == 1);
    CHECK_FALSE(plain.projects[0].form);
    CHECK(plain.projects[0].name.text == "项目");
}

TEST_CASE("assembler: a form with its project name left blank is still the form, its name cell located",
          "[assembler][form]") {
    // It was read as a table of missing columns (单位代码, 资金总额, 评（扣分标准）…), its 全年预算数 and 全年执行数
    // said to be unfilled, and left out of a workbook's forms.
    std::string unnamed = k_national_form;
    unnamed.replace(unnamed.find("乡镇卫生院基本公共卫生服务补助"),
                    std::string("乡镇卫生院基本公共卫生服务补助").size(), "");
    const Table t = read_table(unnamed);
    REQUIRE(t.projects.size() == 1);
    CHECK(t.projects[0].form);
    CHECK(t.projects[0].name.empty());
    CHECK(t.projects[0].name.loc.cell_ref() == "B3");  // where project-name-missing asks for it
    CHECK(t.projects[0].spent.text == "336.00");
    CHECK(t.info.missing_columns.empty());
    // A table with project columns is no form, a blank 项目名称 line above it or not.
    const Table plain = read_table("项目名称,,\n" + k_header +
                                   "301001,项目,100,目标,产出指标,数量指标,人数,≥50人,,视情况扣分,人,≥,10\n");
    CHECK_FALSE(plain.projects.at(0).form);
}

TEST_CASE("assembler: forms as provinces write them", "[assembler][form]") {
    // Labels with a colon, a value in the label's own cell, a 项目编码 row.
    std::string colons = k_national_form;
    colons.replace(colons.find("项目名称,乡镇卫生院基本公共卫生服务补助"),
                   std::string("项目名称,乡镇卫生院基本公共卫生服务补助").size(),
                   "项目编码：,51000024T000001234567,,,,,,,,\n项目名称：乡镇卫生院基本公共卫生服务补助");
    const Table t = read_table(colons);
    REQUIRE(t.projects.size() == 1);
    CHECK(t.info.missing_columns.empty());
    CHECK(t.projects[0].name.text == "乡镇卫生院基本公共卫生服务补助");
    CHECK(t.projects[0].name.loc.column == 1);
    CHECK(t.projects[0].code.text == "51000024T000001234567");
    // A target form (申报表): 年度资金总额 with its amount and no 全年预算数 / 全年执行数; the goal beside its label.
    const Table declared = read_table(
        "项目支出绩效目标申报表,,,,,\n"
        "项目名称,中小学校舍维修改造,,,,\n"
        "项目资金（万元）,年度资金总额：,,200,,\n"
        ",其中：财政拨款,,200,,\n"
        "年度绩效目标：,完成12所中小学校舍维修改造。,,,,\n"
        "绩效指标,一级指标,二级指标,三级指标,指标值,评（扣分标准）,分值\n"
        ",产出指标,数量指标,维修改造学校数量,≥12所,每少1所扣2分,100\n");
    REQUIRE(declared.projects.size() == 1);
    CHECK(declared.projects[0].funds.text == "200");
    CHECK(declared.projects[0].goal.text == "完成12所中小学校舍维修改造。");
    CHECK(declared.info.missing_columns.empty());
}

TEST_CASE("assembler: a line labelling the header's columns ((A), (B), 原因分析) is no indicator",
          "[assembler][form]") {
    // The form's second header line named five false findings on an indicator with no level and a target of (A).
    for (const std::string labels : {",,,,（A）,（B）,,,原因分析,\n", ",,,,A,B,,B/A,,\n", ",,,,(A),(B),,,,\n"}) {
        std::string labelled = k_national_form;
        const std::string header = "偏差原因分析及改进措施,\n";
        labelled.insert(labelled.find(header) + header.size(), labels);
        const Table t = read_table(labelled);
        CHECK(t.info.header_row == 11);
        REQUIRE(t.projects.size() == 1);
        CHECK(names(t.projects[0]) ==
              std::vector<std::string>{"居民电子健康档案建档率", "高血压患者规范管理率", "居民满意度"});
        CHECK(t.projects[0].first_row == 12);
    }
    // A row of values is read as one, whatever its letters.
    std::string valued = k_national_form;
    const std::string header = "偏差原因分析及改进措施,\n";
    valued.insert(valued.find(header) + header.size(), ",产出指标,数量指标,A类对象覆盖率,A,B,10,10,,\n");
    CHECK(read_table(valued).projects.at(0).indicators.size() == 4);
}

TEST_CASE("assembler: forms stacked in one sheet are projects of their own", "[assembler][form]") {
    std::string second = k_national_form.substr(k_national_form.find("项目名称"));
    second.replace(second.find("乡镇卫生院基本公共卫生服务补助"), std::string("乡镇卫生院基本公共卫生服务补助").size(),
                   "家庭医生签约服务补助");
    const Table t = read_table(k_national_form + ",,,,,,,,,\n" + second);
    REQUIRE(t.projects.size() == 2);
    CHECK(t.projects[0].name.text == "乡镇卫生院基本公共卫生服务补助");
    CHECK(t.projects[0].indicators.size() == 3);
    CHECK(t.projects[0].totals.size() == 1);
    CHECK(t.projects[1].name.text == "家庭医生签约服务补助");
    CHECK(t.projects[1].form);
    CHECK(t.projects[1].spent.text == "336.00");
    CHECK(t.projects[1].first_row == 24);  // its first indicator, under its own header
    CHECK(names(t.projects[1]) ==
          std::vector<std::string>{"居民电子健康档案建档率", "高血压患者规范管理率", "居民满意度"});

    // The next form whole, title lines and all (merged across as a sheet exports them): they are no
    // indicators of the form above (they were, with four errors each).
    std::string whole = k_national_form;
    whole.replace(whole.find("项目支出绩效自评表,"), std::string("项目支出绩效自评表,").size(),
                  "项目支出绩效自评表,项目支出绩效自评表,");
    whole.replace(whole.find("乡镇卫生院基本公共卫生服务补助"), std::string("乡镇卫生院基本公共卫生服务补助").size(),
                  "家庭医生签约服务补助");
    std::string bare_year = whole;  // the year written without brackets
    bare_year.replace(bare_year.find("（2024年度）"), std::string("（2024年度）").size(), "2024年度");
    for (const std::string& next : {whole, bare_year})
        for (const std::string between : {std::string(), std::string(",,,,,,,,,\n")}) {
            const Table both = read_table(k_national_form + between + next);
            REQUIRE(both.projects.size() == 2);
            CHECK(names(both.projects[0]) ==
                  std::vector<std::string>{"居民电子健康档案建档率", "高血压患者规范管理率", "居民满意度"});
            CHECK(both.projects[1].name.text == "家庭医生签约服务补助");
            CHECK(both.projects[1].indicators.size() == 3);
        }
}

TEST_CASE("assembler: a 项目名称 row among a form's indicators with no header below is kept as a row",
          "[assembler][form]") {
    // Read ahead for the next form's header, the rows were dropped, the 总分 row with them.
    std::string noted = k_national_form;
    noted.insert(noted.find(",,质量指标"), "项目名称,说明行,,,,,,,,\n");
    const Table t = read_table(noted);
    REQUIRE(t.projects.size() == 1);
    CHECK(t.projects[0].indicators.size() == 4);
    CHECK(t.projects[0].indicators[2].name.text == "高血压患者规范管理率");
    CHECK(t.projects[0].totals.size() == 1);
}

TEST_CASE("assembler: a total row's label is no code for the project above", "[assembler]") {
    // convert --to csv writes a total's label in the first column, 单位代码's: read back, every form (which has
    // no code) took 总分 for its code.
    const Table t = read_table(k_header +
                               ",项目,100,目标,产出指标,数量指标,人数,≥50人,,视情况扣分,人,≥,100\n"
                               "总分,,,,,,,,,,,,100\n");
    REQUIRE(t.projects.size() == 1);
    CHECK(t.projects[0].code.empty());
    CHECK(t.projects[0].totals.size() == 1);
}
