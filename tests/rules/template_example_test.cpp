// Tests of rule template-example: the template's example project left in the table.
#include <catch2/catch.hpp>

#include "support/builders.hpp"

using namespace perf_check;

namespace {

Project named(const std::string& name) {
    return test::project("000000", name, "120", "保障我区内六类军退人员被妥善安置，依法享受各类社保权利及生活补贴。",
                         test::seed_rows());
}

}  // namespace

TEST_CASE("template-example finds the template's example project", "[template-example]") {
    for (const char* name : {"（示例）社区卫生服务中心诊疗设备购置", "(示例)设备购置", "【示例】设备购置"}) {
        INFO(name);
        const auto findings = test::run_rule("template-example", named(name));
        REQUIRE(findings.size() == 1);
        CHECK(findings[0].rule == "template-example");
        CHECK(findings[0].loc.column == 2);
        CHECK_THAT(findings[0].message.zh, Catch::Contains("是模板自带的示例项目"));
        CHECK_THAT(findings[0].hint.zh, Catch::Contains("删除示例项目"));
    }
}

TEST_CASE("template-example does not over-find", "[template-example]") {
    for (const char* name : {"社区卫生服务中心诊疗设备购置", "示范社区建设（示例推广）", "", "示例"}) {
        INFO(name);
        CHECK(test::run_rule("template-example", named(name)).empty());
    }
}

TEST_CASE("template-example rejects parameters", "[template-example]") {
    const auto* entry = rules::find_rule("template-example");
    REQUIRE(entry != nullptr);
    const auto rule = entry->factory(config::default_rule_set(), Params({{"marks", Param{{"示例"}, true, 7}}}));
    REQUIRE_FALSE(rule.has_value());
    CHECK(rule.error().line == 7);
    CHECK_THAT(rule.error().message, Catch::Contains("'marks'"));
}
