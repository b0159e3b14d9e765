// Tests of rule header-separator: a header line separated only by full-width commas.
#include <catch2/catch.hpp>

#include "support/builders.hpp"

using namespace perf_check;

TEST_CASE("header-separator finds a full-width comma header", "[header-separator]") {
    TableInfo t;
    t.file = "test.csv";
    t.header_separator = "，";
    t.header_separator_row = 3;
    const auto findings = test::run_rule("header-separator", test::seed_project(), nullptr, &t);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].rule == "header-separator");
    CHECK(findings[0].loc.row == 3);
    CHECK(findings[0].loc.file == "test.csv");
    CHECK(findings[0].message.zh ==
          "第3行的表头用全角逗号“，”分隔各列，而CSV要求半角逗号“,”：整行被读成一个单元格，各列都无法识别。");
    CHECK_THAT(findings[0].hint.zh, Catch::Contains("另存为 → CSV（逗号分隔）"));
    CHECK_THAT(findings[0].hint.en, Catch::Contains("re-save"));
    // Semicolons (a European Excel's CSV) are named as such.
    t.header_separator = ";";
    const auto semicolons = test::run_rule("header-separator", test::seed_project(), nullptr, &t);
    REQUIRE(semicolons.size() == 1);
    CHECK(semicolons[0].message.zh ==
          "第3行的表头用分号“;”分隔各列，而CSV要求半角逗号“,”：整行被读成一个单元格，各列都无法识别。");
}

TEST_CASE("header-separator does not over-find", "[header-separator]") {
    TableInfo t;
    t.file = "test.csv";
    t.header_row = 4;
    CHECK(test::run_rule("header-separator", test::seed_project(), nullptr, &t).empty());
    CHECK(test::run_rule("header-separator", test::seed_project()).empty());
}

TEST_CASE("header-separator rejects parameters", "[header-separator]") {
    const auto rule = rules::find_rule("header-separator")
                          ->factory(config::default_rule_set(), Params({{"strict", Param{{"true"}, false, 12}}}));
    REQUIRE_FALSE(rule.has_value());
    CHECK(rule.error().line == 12);
    CHECK_THAT(rule.error().message, Catch::Contains("'strict'"));
}
