// Tests of rule funds-invalid: 资金总额 must be a positive number.
#include <catch2/catch.hpp>

#include "support/builders.hpp"

using namespace perf_check;

namespace {

Project with_funds(const std::string& funds) {
    return test::project("301001", "部分军退人员岗位补贴资金", funds,
                         "保障我区内六类军退人员被妥善安置，依法享受各类社保权利及生活补贴。", test::seed_rows());
}

}  // namespace

TEST_CASE("funds-invalid finds funds that are not a number", "[funds-invalid]") {
    const auto findings = test::run_rule("funds-invalid", with_funds("约842万"));
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].rule == "funds-invalid");
    CHECK(findings[0].loc.row == 5);
    CHECK(findings[0].loc.column == 3);
    CHECK(findings[0].value == "约842万");
    CHECK(findings[0].message.zh == "项目“部分军退人员岗位补贴资金”的资金总额“约842万”不是数字。");
    CHECK_THAT(findings[0].hint.zh, Catch::Contains("（万元）"));
}

TEST_CASE("funds-invalid says a number too large to read is too large, not 'not a number'", "[funds-invalid]") {
    for (const char* funds : {"99999999999999999999999", "1e308", "1,000,000,000,000,000,000,000.5"}) {
        INFO(funds);
        const auto findings = test::run_rule("funds-invalid", with_funds(funds));
        REQUIRE(findings.size() == 1);
        CHECK_THAT(findings[0].message.zh, Catch::Contains("数值过大") && !Catch::Contains("不是数字"));
        CHECK_THAT(findings[0].message.en, Catch::Contains("too large"));
    }
    for (const char* bad : {"1e", "1,2,3x", "约1e20"}) {
        INFO(bad);
        CHECK_THAT(test::run_rule("funds-invalid", with_funds(bad))[0].message.zh, Catch::Contains("不是数字"));
    }
}

TEST_CASE("funds-invalid finds empty, zero and negative funds", "[funds-invalid]") {
    const auto empty = test::run_rule("funds-invalid", with_funds(""));
    REQUIRE(empty.size() == 1);
    CHECK(empty[0].message.zh == "项目“部分军退人员岗位补贴资金”的资金总额为空。");

    const auto zero = test::run_rule("funds-invalid", with_funds("0.00"));
    REQUIRE(zero.size() == 1);
    CHECK(zero[0].value == "0.00");
    CHECK(zero[0].message.zh == "项目“部分军退人员岗位补贴资金”的资金总额为0，项目资金应大于0。");

    const auto negative = test::run_rule("funds-invalid", with_funds("-5"));
    REQUIRE(negative.size() == 1);
    CHECK(negative[0].message.zh == "项目“部分军退人员岗位补贴资金”的资金总额“-5”是负数，项目资金应大于0。");
}

TEST_CASE("funds-invalid does not over-find", "[funds-invalid]") {
    CHECK(test::run_rule("funds-invalid", with_funds("842.07")).empty());
    CHECK(test::run_rule("funds-invalid", with_funds("4,500.00")).empty());
    CHECK(test::run_rule("funds-invalid", with_funds("２３２．００")).empty());
    CHECK(test::run_rule("funds-invalid", with_funds("0.01")).empty());
    // Amounts with their unit: 1.2亿 and 1.5亿 were "不是数字" while 120万 was read.
    for (const char* funds : {"120万", "120万元", "1.2亿", "1.5亿", "1.5亿元", "8420700元"}) {
        INFO(funds);
        CHECK(test::run_rule("funds-invalid", with_funds(funds)).empty());
    }
}

TEST_CASE("funds-invalid rejects parameters", "[funds-invalid]") {
    const auto rule = rules::find_rule("funds-invalid")
                          ->factory(config::default_rule_set(), Params({{"min", Param{{"0"}, false, 5}}}));
    REQUIRE_FALSE(rule.has_value());
    CHECK(rule.error().line == 5);
    CHECK_THAT(rule.error().message, Catch::Contains("'min'"));
}
