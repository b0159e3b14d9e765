// Tests of rule unit-code-format: 单位代码 must be present and match the configured pattern.
#include <catch2/catch.hpp>

#include "support/builders.hpp"

using namespace perf_check;

namespace {

Project with_code(const std::string& code) {
    return test::project(code, "部分军退人员岗位补贴资金", "842.07",
                         "保障我区内六类军退人员被妥善安置，依法享受各类社保权利及生活补贴。", test::seed_rows());
}

RuleSet with_pattern(const std::string& pattern) {
    RuleSet rs = config::default_rule_set();
    rs.rules["unit-code-format"].params.set("pattern", Param{{pattern}, false, 21});
    return rs;
}

}  // namespace

TEST_CASE("unit-code-format finds a malformed code", "[unit-code-format]") {
    const auto findings = test::run_rule("unit-code-format", with_code("301-001"));
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].rule == "unit-code-format");
    CHECK(findings[0].loc.row == 5);
    CHECK(findings[0].loc.column == 1);
    CHECK(findings[0].value == "301-001");
    CHECK(findings[0].project == "部分军退人员岗位补贴资金");
    CHECK(findings[0].message.zh == "项目“部分军退人员岗位补贴资金”的单位代码“301-001”不符合规定格式。");
    CHECK_THAT(findings[0].hint.zh, Catch::Contains("3–20位数字或字母"));
    // Too short for the default 3–20.
    CHECK(test::run_rule("unit-code-format", with_code("30")).size() == 1);
}

TEST_CASE("unit-code-format finds an empty code", "[unit-code-format]") {
    const auto findings = test::run_rule("unit-code-format", with_code(""));
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message.zh == "项目“部分军退人员岗位补贴资金”没有填写单位代码。");
    CHECK(findings[0].loc.row == 5);
}

TEST_CASE("unit-code-format uses the configured pattern", "[unit-code-format]") {
    const RuleSet six_digits = with_pattern("^[0-9]{6}$");
    CHECK(test::run_rule("unit-code-format", with_code("301001"), &six_digits).empty());
    const auto findings = test::run_rule("unit-code-format", with_code("ABC123"), &six_digits);
    REQUIRE(findings.size() == 1);
    CHECK_THAT(findings[0].hint.zh, Catch::Contains("^[0-9]{6}$"));
    // Unanchored patterns must still match the whole code.
    const RuleSet unanchored = with_pattern("[0-9]{3}");
    CHECK(test::run_rule("unit-code-format", with_code("301001"), &unanchored).size() == 1);
    CHECK(test::run_rule("unit-code-format", with_code("301"), &unanchored).empty());
}

TEST_CASE("unit-code-format does not over-find", "[unit-code-format]") {
    CHECK(test::run_rule("unit-code-format", with_code("301001")).empty());
    CHECK(test::run_rule("unit-code-format", with_code("A01B02")).empty());
}

TEST_CASE("unit-code-format rejects a bad pattern and unknown parameters", "[unit-code-format]") {
    const auto* entry = rules::find_rule("unit-code-format");
    const auto bad = entry->factory(config::default_rule_set(), Params({{"pattern", Param{{"[0-9"}, false, 17}}}));
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().line == 17);
    CHECK_THAT(bad.error().message, Catch::Contains("not a valid regular expression"));
    CHECK_THAT(bad.error().message, Catch::Contains("[0-9"));

    const auto list = entry->factory(config::default_rule_set(), Params({{"pattern", Param{{"a", "b"}, true, 18}}}));
    REQUIRE_FALSE(list.has_value());
    CHECK(list.error().line == 18);

    const auto unknown = entry->factory(config::default_rule_set(), Params({{"patern", Param{{"^a$"}, false, 19}}}));
    REQUIRE_FALSE(unknown.has_value());
    CHECK(unknown.error().line == 19);
    CHECK_THAT(unknown.error().message, Catch::Contains("did you mean 'pattern'"));
}

TEST_CASE("unit-code-format's default pattern, matched by hand, agrees with std::regex", "[unit-code-format]") {
    // The same pattern without anchors goes through std::regex_match; the default is matched by hand.
    const RuleSet by_regex = with_pattern("[0-9A-Za-z]{3,20}");
    for (const std::string code :
         {"301", "30", "0123456789abcdefghij", "0123456789abcdefghijk", "AZaz09", "30/1", "30:1", "30@1", "30[1",
          "30`1", "30{1", "301 ", " 301", "301_001", "单位301", "３０１"}) {
        CAPTURE(code);
        CHECK(test::run_rule("unit-code-format", with_code(code)).size() ==
              test::run_rule("unit-code-format", with_code(code), &by_regex).size());
    }
    CHECK(test::run_rule("unit-code-format", with_code("0123456789abcdefghij")).empty());
    CHECK(test::run_rule("unit-code-format", with_code("30@1")).size() == 1);
}

TEST_CASE("unit-code-format asks no code of the national self-evaluation form, which names its project without one",
          "[unit-code-format][form]") {
    Project p = test::project("", "乡镇卫生院基本公共卫生服务补助", "350", "目标",
                              {{"产出指标", "数量指标", "建档率", "≥90%", "", "视情况扣分", "%", "≥", "50"}});
    REQUIRE(test::run_rule("unit-code-format", p).size() == 1);
    p.form = true;
    CHECK(test::run_rule("unit-code-format", p).empty());
    p.code = test::cell("51000024T000001234567", 4, 2);  // its 项目编码 is no unit code
    CHECK(test::run_rule("unit-code-format", p).empty());
}
