// Tests of rule project-name-missing: every project needs a name that is not a placeholder.
#include <catch2/catch.hpp>

#include "config/rule_set_loader.hpp"
#include "pipeline/pipeline.hpp"
#include "rules/catalog.hpp"
#include "support/builders.hpp"
#include "support/paths.hpp"

using namespace perf_check;

namespace {

Project named(const std::string& code, const std::string& name) {
    return test::project(code, name, "80", "为辖区内老年人提供助餐服务，解决老年人就餐难问题。", test::seed_rows(), 17);
}

}  // namespace

TEST_CASE("project-name-missing finds a project with a code and no name", "[project-name-missing]") {
    const auto findings = test::run_rule("project-name-missing", named("302006", ""));
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.rule == "project-name-missing");
    CHECK(f.loc.row == 17);
    CHECK(f.loc.column == 2);
    CHECK(f.value.empty());
    CHECK(f.message.zh == "第17行起的项目（单位代码“302006”）没有填写项目名称。");
    CHECK(f.message.en == "The project starting at row 17 (unit code 302006) has no name.");
    CHECK_THAT(f.hint.zh, Catch::Contains("“单位（专项）名称”列填写项目全称"));

    // A national form has no such column: its 项目名称 row is where the name goes.
    Project form = named("", "");
    form.form = true;
    const auto on_form = test::run_rule("project-name-missing", form);
    REQUIRE(on_form.size() == 1);
    CHECK_THAT(on_form[0].hint.zh, Catch::StartsWith("在表头“项目名称”一栏填写项目全称"));
    CHECK_THAT(on_form[0].hint.en, Catch::StartsWith("Fill in the project's full name in the form's 项目名称 row"));
}

TEST_CASE("project-name-missing finds a placeholder name, and not a real one", "[project-name-missing]") {
    const auto placeholder = test::run_rule("project-name-missing", named("", "无"));
    REQUIRE(placeholder.size() == 1);
    CHECK(placeholder[0].value == "无");
    CHECK(placeholder[0].message.zh == "第17行起的项目的项目名称只填了“无”。");
    CHECK(test::run_rule("project-name-missing", named("302006", "老年助餐补助")).empty());
}

TEST_CASE("project-name-missing on a whole table: the nameless project, once", "[project-name-missing]") {
    // As a user's file: 单位代码 on every row, the second project's name left out. It is a project of its own
    // (its code differs), reported at its name cell; the named projects are not.
    test::TempDir dir;
    const std::string header =
        "单位代码,单位（专项）名称,资金总额,实施期绩效目标,一级指标,二级指标,三级指标,指标值,指标值内容,评（扣分标准）,"
        "度量单位,指标值类型,备注\n";
    const std::string rows =
        "302005,社区养老,120,为辖区内老年人提供上门服务，提升生活质量。,产出指标,数量指标,人数,800,,视情况扣分,人,≥,"
        "10分\n"
        "302005,,,,,质量指标,合格率,95,,视情况扣分,%,≥,10分\n"
        "302006,,80,为辖区内老年人提供助餐服务，解决就餐难问题。,产出指标,数量指标,人数,600,,视情况扣分,人,≥,10分\n"
        "302006,,,,,质量指标,合格率,95,,视情况扣分,%,≥,10分\n";
    RunOptions opts;
    opts.paths = {dir.write("t.csv", header + rows)};
    opts.jobs = 1;
    const RuleSet& rules = config::default_rule_set();
    auto active = rules::build_active_rules(rules);
    REQUIRE(active);
    const Report report = pipeline::check_inputs(opts, rules, *active);
    std::vector<Finding> named;
    for (const auto& f : report.findings) {
        if (f.rule == "project-name-missing") named.push_back(f);
    }
    REQUIRE(named.size() == 1);
    CHECK(named[0].loc.row == 4);
    CHECK(named[0].loc.cell_ref() == "B4");
    CHECK(named[0].severity == Severity::error);  // the default rule set's
}
