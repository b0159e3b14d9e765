// Tests of rule duplicate-project: a project's block pasted again right below itself.
#include <catch2/catch.hpp>

#include "config/rule_set_loader.hpp"
#include "pipeline/pipeline.hpp"
#include "rules/catalog.hpp"
#include "support/builders.hpp"
#include "support/paths.hpp"

using namespace perf_check;

namespace {

const std::string k_header =
    "单位代码,单位（专项）名称,资金总额,实施期绩效目标,一级指标,二级指标,三级指标,指标值,指标值内容,评（扣分标准）,"
    "度量单位,指标值类型,备注\n";

// One project of a unit, merged-cell style: 90 points of indicators.
std::string block(const std::string& name) {
    return "302005," + name +
           ",120,为辖区内老年人提供上门服务，提升老年人生活质量。,成本指标,经济成本指标,补贴成本,≤120,,"
           "每超过1万元扣1分,万元,,30分\n"
           ",,,,产出指标,数量指标,服务人数,800,,每少10人扣1分,人,≥,30分\n"
           ",,,,满意度指标,服务对象满意度指标,满意度,90,,每低1个百分点扣1分,%,≥,30分\n";
}

Report check_text(const std::string& text) {
    test::TempDir dir;
    RunOptions opts;
    opts.paths = {dir.write("t.csv", text)};
    opts.jobs = 1;
    const RuleSet& rules = config::default_rule_set();
    auto active = rules::build_active_rules(rules);
    REQUIRE(active);
    return pipeline::check_inputs(opts, rules, *active);
}

// The run of `paths` with --summary.
Report summarise(const std::vector<std::string>& paths) {
    RunOptions opts;
    opts.paths = paths;
    opts.summary = true;
    const RuleSet& rules = config::default_rule_set();
    auto active = rules::build_active_rules(rules);
    REQUIRE(active);
    return pipeline::check_inputs(opts, rules, *active);
}

std::vector<Finding> of_rule(const Report& r, const std::string& id) {
    std::vector<Finding> out;
    for (const auto& f : r.findings) {
        if (f.rule == id) out.push_back(f);
    }
    return out;
}

}  // namespace

TEST_CASE("duplicate-project finds a project pasted twice, read as two projects", "[duplicate-project]") {
    // A review found the block read as one project of six indicators: weights 180, each indicator a
    // duplicate, and a hint to rebalance the weights that would make the table wrong.
    const Report r = check_text(k_header + block("社区养老") + block("社区养老"));
    REQUIRE(r.files.size() == 1);
    CHECK(r.files[0].projects == 2);
    const auto dup = of_rule(r, "duplicate-project");
    REQUIRE(dup.size() == 1);
    CHECK(dup[0].severity == Severity::error);
    CHECK(dup[0].loc.row == 5);
    CHECK(dup[0].loc.cell_ref() == "B5");
    CHECK(dup[0].message.zh ==
          "项目“社区养老”在第5行又从头出现一次（与第2行起的项目代码、名称相同，指标又从“成本指标/经济成本指标/"
          "补贴成本”开始），"
          "是同一项目重复粘贴；第5–7行按另一个项目检查。");
    CHECK(dup[0].hint.zh == "删除重复的第5–7行；若确是另一个项目，请改用它自己的名称。");
    CHECK(of_rule(r, "weight-total").empty());
    CHECK(of_rule(r, "duplicate-indicator").empty());
    // The summary counts the project once (two projects doubled the unit's funds and the key list).
    test::TempDir dir;
    const Report s = summarise({dir.write("t.csv", k_header + block("社区养老") + block("社区养老"))});
    REQUIRE(s.summary.units.size() == 1);
    CHECK(s.summary.units[0].projects == 1);
    CHECK(s.summary.units[0].funds_wan.str() == "120");
    CHECK(s.summary.units[0].repeated == 1);
    CHECK(s.summary.key_projects.size() == 1);

    // The first indicator is compared as written, spaces aside: a copy whose 三级 gained a space (or a
    // full-width one) is still the same block, and one whose 三级 differs is not.
    std::string spaced = block("社区养老");
    spaced.replace(spaced.find("补贴成本"), std::string("补贴成本").size(), "补贴\u3000成本 ");
    CHECK(of_rule(check_text(k_header + block("社区养老") + spaced), "duplicate-project").size() == 1);
    std::string other = block("社区养老");
    other.replace(other.find("补贴成本"), std::string("补贴成本").size(), "补贴费用");
    CHECK(of_rule(check_text(k_header + block("社区养老") + other), "duplicate-project").empty());
}

TEST_CASE("duplicate-project stays silent on exports that repeat the project on every row", "[duplicate-project]") {
    // Code, name and funds on every row, indicators differing: one project.
    std::string rows;
    rows += "302005,社区养老,120,目标写得足够长以免被判为过短。,产出指标,数量指标,服务人数,800,,视情况扣分,人,≥,45分\n";
    rows +=
        "302005,社区养老,120,目标写得足够长以免被判为过短。,满意度指标,服务对象满意度指标,满意度,90,,视情况扣分,%,≥,"
        "45分\n";
    const Report r = check_text(k_header + rows);
    CHECK(r.files[0].projects == 1);
    CHECK(of_rule(r, "duplicate-project").empty());
    // Another project of the unit is not a repeat.
    const Report two = check_text(k_header + block("社区养老") + block("老年助餐"));
    CHECK(two.files[0].projects == 2);
    CHECK(of_rule(two, "duplicate-project").empty());
}

TEST_CASE("duplicate-project reads Project::repeats_row", "[duplicate-project]") {
    Project p = test::project("302005", "社区养老", "120", "为辖区内老年人提供上门服务，提升老年人生活质量。",
                              test::seed_rows(), 17);
    CHECK(test::run_rule("duplicate-project", p).empty());
    p.repeats_row = 5;
    p.last_row = 28;
    const auto findings = test::run_rule("duplicate-project", p);
    REQUIRE(findings.size() == 1);
    CHECK(
        findings[0].message.en ==
        "Project “社区养老” starts again at row 17 (the code and name of the project from row 5, its indicators again "
        "from “" +
            p.indicators.front().path() +
            "”): the same project pasted twice. Rows 17–28 are checked as a "
            "project of their own.");
}

TEST_CASE("duplicate-project: a project whose first row holds no indicator, pasted twice", "[duplicate-project]") {
    // The project's own row (code, name, funds, goal) above its indicators: the pasted block starts at such a row.
    const std::string head = "302005,社区养老,120,为辖区内老年人提供上门服务，提升老年人生活质量。,,,,,,,,,\n";
    const std::string rows =
        ",,,,成本指标,经济成本指标,补贴成本,≤120,,每超过1万元扣1分,万元,≤,30分\n"
        ",,,,产出指标,数量指标,服务人数,800,,每少10人扣1分,人,≥,30分\n"
        ",,,,满意度指标,服务对象满意度指标,满意度,90,,每低1个百分点扣1分,%,≥,30分\n";
    const Report r = check_text(k_header + head + rows + head + rows);
    CHECK(r.files[0].projects == 2);
    const auto dup = of_rule(r, "duplicate-project");
    REQUIRE(dup.size() == 1);
    CHECK(dup[0].loc.row == 6);
    CHECK(of_rule(r, "weight-total").empty());
}

TEST_CASE("duplicate-project: the project's code and name again with other funds is a project of its own",
          "[duplicate-project]") {
    // A review found a 4,500万元 project under the name of the 120万元 one above merged into it: gone from the
    // unit's total and the key-evaluation list, with no word; and a block pasted with its amount changed called
    // a paste and counted once.
    std::string other = block("社区养老");
    other.replace(other.find(",120,"), 5, ",\"4,500.00\",");
    other.replace(other.find("补贴成本"), std::string("补贴成本").size(), "运营补助");
    const std::string goal = "为辖区内老年人提供上门服务，提升老年人生活质量。";
    other.replace(other.find(goal), goal.size(), "建设社区养老服务中心三处，运营补助按床位发放。");
    for (const std::string& second : {other, [] {
                                          std::string pasted = block("社区养老");  // the same block, 300 not 120
                                          pasted.replace(pasted.find(",120,"), 5, ",300,");
                                          return pasted;
                                      }()}) {
        const Report r = check_text(k_header + block("社区养老") + second);
        CHECK(r.files[0].projects == 2);
        const auto dup = of_rule(r, "duplicate-project");
        REQUIRE(dup.size() == 1);
        CHECK(dup[0].loc.row == 5);
        CHECK(dup[0].loc.cell_ref() == "C5");
        CHECK_THAT(
            dup[0].message.zh,
            Catch::StartsWith("项目“社区养老”在第5行又出现一次（单位代码、名称与第2行起的项目相同），资金总额却是“"));
        CHECK_THAT(dup[0].hint.zh, Catch::Contains("请删除第5–7行，并核对资金总额"));
        CHECK(of_rule(r, "weight-total").empty());  // two projects of 90 points, not one of 180
    }
    // The summary counts both, funds and all.
    test::TempDir dir;
    const Report s = summarise({dir.write("t.csv", k_header + block("社区养老") + other)});
    REQUIRE(s.summary.units.size() == 1);
    CHECK(s.summary.units[0].projects == 2);
    CHECK(s.summary.units[0].funds_wan.str() == "4620");
    CHECK(s.summary.units[0].repeated == 0);
    CHECK(s.summary.key_projects.size() == 2);
    // Another file giving the project again beside its namesake: the repeat counts once, the namesake counts
    // (a diff review found it taken for a second repeat, its 4,500万元 lost again).
    const Report both = summarise(
        {dir.write("a.csv", k_header + block("社区养老")), dir.write("b.csv", k_header + block("社区养老") + other)});
    REQUIRE(both.summary.units.size() == 1);
    CHECK(both.summary.units[0].projects == 2);
    CHECK(both.summary.units[0].funds_wan.str() == "4620");
    CHECK(both.summary.repeated.size() == 1);
    // The same amount written otherwise is the same project (an unmerged export repeating its cells).
    std::string written = block("社区养老");
    const std::string second_row = ",,,,产出指标";
    written.replace(written.find(second_row), second_row.size(), "302005,社区养老,120.00,,产出指标");
    const Report same = check_text(k_header + written);
    CHECK(same.files[0].projects == 1);
    CHECK(of_rule(same, "duplicate-project").empty());
    // Other amounts alone are no other project (a diff review found these split): a vertical breakdown of one
    // project's funds with its code, name and goal on every row, and text that is no amount ("—").
    for (const std::string& funds : {std::string("100"), std::string("—")}) {
        INFO(funds);
        std::string breakdown = block("社区养老");
        breakdown.replace(breakdown.find(second_row), second_row.size(),
                          "302005,社区养老," + funds + "," + goal + ",产出指标");
        const Report one = check_text(k_header + breakdown);
        CHECK(one.files[0].projects == 1);
        CHECK(of_rule(one, "duplicate-project").empty());
    }
}
