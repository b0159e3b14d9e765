// Tests of the template workbook: read back by perf-check itself and by openpyxl (layout, dropdowns, hints).
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "config/rule_set_loader.hpp"
#include "io/open_table.hpp"
#include "pipeline/pipeline.hpp"
#include "report/template_xlsx.hpp"
#include "support/paths.hpp"

using namespace perf_check;
using nlohmann::json;

namespace {

std::string python() { return std::ifstream("/usr/bin/python3").good() ? "/usr/bin/python3" : "python3"; }

// Runs a script of tests/data/xlsx with arguments; its stdout. Needs python3-openpyxl.
std::string run_script(const std::string& script, const std::vector<std::string>& args, const test::TempDir& dir) {
    std::string cmd = python() + " '" + test::source_path("tests/data/xlsx/" + script) + "'";
    for (const auto& a : args) cmd += " '" + a + "'";
    cmd += " > '" + dir.path("out.txt") + "' 2> '" + dir.path("err.txt") + "'";
    const int status = std::system(cmd.c_str());
    INFO(cmd << "\n" << test::slurp(dir.path("err.txt")));
    REQUIRE(status != -1);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    return test::slurp(dir.path("out.txt"));
}

std::string make_template(const test::TempDir& dir) {
    const std::string path = dir.path("绩效目标表模板.xlsx");
    auto ok = report::write_template(path, config::default_rule_set());
    if (!ok) FAIL(ok.error().render());
    return path;
}

Report check(const std::string& path) {
    const RuleSet& rules = config::default_rule_set();
    auto active = rules::build_active_rules(rules);
    REQUIRE(active);
    RunOptions opts;
    opts.paths = {path};
    return pipeline::check_inputs(opts, rules, *active);
}

const json* validation(const json& sheet, const std::string& sqref) {
    for (const auto& v : sheet["validations"]) {
        if (v["sqref"] == sqref) return &v;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("the template reads back as one good example project", "[template]") {
    test::TempDir dir;
    const std::string path = make_template(dir);
    auto src = io::open_table(path, {}, config::default_rule_set());
    if (!src) FAIL(src.error().render());
    const TableInfo& info = (*src)->table();
    CHECK(info.sheet == "项目支出绩效目标表");
    CHECK(info.header_row == 4);
    CHECK(info.money_unit == MoneyUnit::wan_yuan);
    CHECK(info.missing_columns.empty());
    Project p;
    auto got = (*src)->next(p);
    REQUIRE(got);
    REQUIRE(*got);
    CHECK(p.code.text == "000000");  // no unit's code: left in, it is counted under no real unit
    CHECK(p.name.text == "(示例)社区卫生服务中心诊疗设备购置");
    CHECK(p.funds_wan == Decimal::from_int(120));
    CHECK(p.first_row == 5);
    CHECK(p.last_row == 16);
    std::vector<std::string> paths;
    Decimal weights;
    for (const auto& ind : p.indicators) {
        paths.push_back(ind.path());
        if (ind.weight_points) weights += *ind.weight_points;
    }
    CHECK(paths == std::vector<std::string>{
                       "成本指标/经济成本指标/设备购置成本", "成本指标/经济成本指标/安装调试及培训成本",
                       "成本指标/社会成本指标/无", "成本指标/生态环境成本指标/无", "产出指标/数量指标/购置诊疗设备数量",
                       "产出指标/质量指标/设备验收合格率", "产出指标/时效指标/设备安装完成时间",
                       "效益指标/经济效益指标/无", "效益指标/社会效益指标/年服务居民人次", "效益指标/生态效益指标/无",
                       "效益指标/可持续影响指标/无", "满意度指标/服务对象满意度指标/就诊居民满意度"});
    CHECK(weights == Decimal::from_int(90));
    CHECK(p.indicators[4].comparator == Comparator::ge);
    CHECK(p.indicators[4].value.number == Decimal::from_int(20));
    CHECK(p.indicators[4].unit.text == "台");
    CHECK(p.indicators[0].comparator == Comparator::le);
    auto end = (*src)->next(p);
    REQUIRE(end);
    CHECK_FALSE(*end);  // the 1000 input rows below hold dropdowns, not projects
}

TEST_CASE("the unchanged template gives one finding, its example left in; emptied, it is an empty table",
          "[template][pipeline]") {
    test::TempDir dir;
    const std::string path = make_template(dir);
    const Report r = check(path);
    REQUIRE(r.files.size() == 1);
    CHECK_FALSE(r.files[0].error);
    CHECK(r.files[0].projects == 1);
    CHECK(r.files[0].indicators == 12);
    for (const auto& f : r.findings) INFO(f.rule << " " << f.loc.cell_ref() << " " << f.message.zh);
    std::vector<std::string> rules;
    for (const auto& f : r.findings) rules.push_back(f.rule + " " + f.loc.cell_ref() + " " + f.message.zh);
    // A good example by every rule, but an example: template-example says to delete it before submitting
    // (a review found it submitted as the unit's 120万 key-evaluation project).
    CHECK(rules ==
          std::vector<std::string>{"template-example 项目支出绩效目标表!B5 项目“（示例）社区卫生服务中心诊疗设备购置”"
                                   "是模板自带的示例项目，不是本单位的项目：它会被计入资金总额和重点评价清单。"});

    const std::string empty = dir.path("empty.xlsx");
    run_script("fill_template.py", {path, empty}, dir);
    const Report e = check(empty);
    // A header and no projects is nothing to submit: an error naming the header row, and no findings.
    REQUIRE(e.files[0].error);
    CHECK_THAT(*e.files[0].error, Catch::Contains("no project rows below the header"));
    CHECK(e.files[0].projects == 0);
    CHECK(e.findings.empty());
}

TEST_CASE("the template filled with the seed's first project gives that project's findings", "[template][pipeline][seed]") {
    test::TempDir dir;
    const std::string path = make_template(dir);
    const std::string filled = dir.path("filled.xlsx");
    const std::string seed = test::source_path("samples/targets-2024.csv");
    run_script("fill_template.py", {path, filled, seed, "5", "15"}, dir);
    const Report from_template = check(filled);
    const Report from_csv = check(seed);
    REQUIRE_FALSE(from_template.files[0].error);
    CHECK(from_template.files[0].projects == 1);
    CHECK(from_template.files[0].indicators == 11);
    using Key = std::tuple<std::string, int, std::string, std::string, std::string>;
    std::vector<Key> expected;
    for (const auto& f : from_csv.findings) {
        if (f.project == "部分军退人员岗位补贴资金") expected.emplace_back(f.rule, f.loc.row, f.indicator, f.value, f.message.zh);
    }
    std::vector<Key> got;
    for (const auto& f : from_template.findings) got.emplace_back(f.rule, f.loc.row, f.indicator, f.value, f.message.zh);
    REQUIRE(expected.size() >= 4);  // cost-breakdown, comparator-wording, comparator-direction, …
    CHECK(got == expected);
    for (const auto& f : from_template.findings) CHECK_THAT(f.loc.cell_ref(), Catch::StartsWith("项目支出绩效目标表!"));
}

TEST_CASE("the template's layout, dropdowns and hints, as openpyxl sees them", "[template]") {
    test::TempDir dir;
    const std::string path = make_template(dir);
    const json doc = json::parse(run_script("dump_workbook.py", {path}, dir));
    REQUIRE(doc["sheets"].size() == 1);
    const json& s = doc["sheets"][0];
    CHECK(s["name"] == "项目支出绩效目标表");
    CHECK(s["freeze"] == "A5");
    const json& rows = s["rows"];
    CHECK(rows[0][0] == "项目支出绩效目标表");
    CHECK(rows[1][12] == "金额单位：万元");
    CHECK(rows[2] == json::array({"单位代码", "单位（专项）名称", "资金总额", "实施期绩效目标", "绩效指标", nullptr, nullptr,
                                  nullptr, nullptr, nullptr, nullptr, nullptr, nullptr}));
    CHECK(rows[3] == json::array({nullptr, nullptr, nullptr, nullptr, "一级指标", "二级指标", "三级指标", "指标值",
                                  "指标值内容", "评（扣分标准）", "度量单位", "指标值类型", "备注"}));
    CHECK(rows[4][2] == 120);  // 资金总额 is a number
    // Merged as in the seed: the title, the two-row header, 绩效指标 over E:M, the project's cells and its 一级.
    const std::vector<std::string> merged = s["merged"];
    for (const char* m : {"A1:M1", "A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:M3", "A5:A16", "B5:B16", "C5:C16",
                          "D5:D16", "E5:E8", "E9:E11", "E12:E15"}) {
        CHECK(std::find(merged.begin(), merged.end(), m) != merged.end());
    }
    CHECK(merged.size() == 13);  // 满意度指标 is one row: not merged

    const json* level1 = validation(s, "E5:E1004");
    REQUIRE(level1);
    CHECK((*level1)["type"] == "list");
    CHECK((*level1)["formula1"] == "\"成本指标,产出指标,效益指标,满意度指标\"");
    const json* level2 = validation(s, "F5:F1004");
    REQUIRE(level2);
    CHECK((*level2)["formula1"] ==
          "\"经济成本指标,社会成本指标,生态环境成本指标,数量指标,质量指标,时效指标,成本指标,成本控制数,经济效益指标,"
          "社会效益指标,生态效益指标,可持续影响指标,服务对象满意度指标\"");
    const json* type = validation(s, "L5:L1004");
    REQUIRE(type);
    CHECK((*type)["formula1"] == "\"≥,≤,>,<,=,定性\"");
    const json* unit = validation(s, "K5:K1004");
    REQUIRE(unit);
    CHECK((*unit)["formula1"] == "\"万元,元,%,个,人,次,项,天,月,年\"");
    // Every column A–M shows an input hint.
    int hinted = 0;
    for (char c = 'A'; c <= 'M'; ++c) {
        const std::string ref = std::string(1, c) + "5:" + std::string(1, c) + "1004";
        const json* v = validation(s, ref);
        INFO(ref);
        REQUIRE(v);
        CHECK((*v)["show_input"] == true);
        CHECK_FALSE((*v)["prompt"].get<std::string>().empty());
        CHECK_FALSE((*v)["prompt_title"].get<std::string>().empty());
        ++hinted;
    }
    CHECK(hinted == 13);
    CHECK_THAT((*validation(s, "M5:M1004"))["prompt"].get<std::string>(), Catch::Contains("90 分") && Catch::Contains("10 分"));
    CHECK((*validation(s, "A5:A1004"))["type"] == nullptr);  // any value: a hint only
}

TEST_CASE("a rule set whose lists exceed Excel's 255-character limit gets them from a hidden sheet", "[template]") {
    RuleSet rules = config::default_rule_set();
    Level1 big;
    big.name = "扩展指标";
    for (int i = 0; i < 40; ++i) big.children.push_back("扩展二级指标" + std::to_string(i));
    rules.framework.levels.push_back(big);
    test::TempDir dir;
    const std::string path = dir.path("big.xlsx");
    REQUIRE(report::write_template(path, rules));
    const json doc = json::parse(run_script("dump_workbook.py", {path}, dir));
    REQUIRE(doc["sheets"].size() == 2);
    const json& lists = doc["sheets"][1];
    CHECK(lists["name"] == "选项");
    CHECK(lists["state"] == "hidden");
    const json* level2 = validation(doc["sheets"][0], "F5:F1004");
    REQUIRE(level2);
    CHECK((*level2)["formula1"] == "'选项'!$A$1:$A$53");
    CHECK(lists["rows"][0][0] == "经济成本指标");
    CHECK(lists["rows"][52][0] == "扩展二级指标39");
    // The short 一级 list stays literal.
    CHECK((*validation(doc["sheets"][0], "E5:E1004"))["formula1"] == "\"成本指标,产出指标,效益指标,满意度指标,扩展指标\"");
}

TEST_CASE("an unwritable template path is an error naming it", "[template]") {
    auto r = report::write_template("/nonexistent-dir/模板.xlsx", config::default_rule_set());
    REQUIRE_FALSE(r);
    CHECK_THAT(r.error().render(), Catch::StartsWith("/nonexistent-dir/模板.xlsx: ") && Catch::Contains("模板"));
}
