// Tests of the rules' shared helpers: where an indicator sits in the framework.
#include <catch2/catch.hpp>

#include "rules/rule_util.hpp"
#include "support/builders.hpp"
#include "util/text.hpp"

using namespace perf_check;

namespace {
Indicator at(const std::string& level1, const std::string& level2) {
    const Project p = test::project("301001", "测试项目", "100", "目标",
                                    {{level1, level2, "资金到位率", "90", "", "", "%", "≥", "10分"}});
    return p.indicators.front();
}
}  // namespace

TEST_CASE("under matches levels with or without the 指标 suffix, and nothing else", "[rule-util]") {
    // Same length: equal or not; lengths apart by the suffix: one has it; any other difference: never.
    CHECK(rules::under(at("成本指标", "经济成本指标"), "成本指标/经济成本指标"));
    CHECK(rules::under(at("成本", "经济成本"), "成本指标/经济成本指标"));
    CHECK(rules::under(at("成本指标", "经济成本指标"), "成本/经济成本"));
    CHECK(rules::under(at("产出指标", "数量"), "产出指标"));
    CHECK(rules::under(at(" 效益 指标 ", "社会效益指标"), "效益指标/社会效益指标"));  // spaces are not part of a name
    CHECK_FALSE(rules::under(at("成本指标", "社会成本指标"), "成本指标/经济成本指标"));  // same length, different
    CHECK_FALSE(rules::under(at("成本费用", "经济成本指标"), "成本指标/经济成本指标"));
    CHECK_FALSE(rules::under(at("产出指标", "数量指标"), "成本指标"));
    CHECK_FALSE(rules::under(at("成本指标指标", "经济成本指标"), "成本指标"));  // only one suffix comes off
    CHECK(rules::under(at("成本指标指标", "经济成本指标"), "成本指标指标"));
    CHECK_FALSE(rules::under(at("指标", "经济成本指标"), ""));  // "指标" alone keeps its text
    CHECK(rules::under(at("指标", "经济成本指标"), "指标"));
    CHECK_FALSE(rules::under(at("", ""), "成本指标"));
}

TEST_CASE("under gives the same answer for a path split once, and for indicators with or without level names",
          "[rule-util]") {
    const std::vector<std::pair<std::string, std::string>> levels = {{"成本指标", "经济成本指标"},
                                                                     {"成本", "经济成本"},
                                                                     {" 效益 指标 ", "社会效益指标"},
                                                                     {"成本指标", "社会成本指标"},
                                                                     {"产出指标", "数量指标"},
                                                                     {"成本指标指标", "经济成本指标"},
                                                                     {"指标", "经济成本指标"},
                                                                     {"", ""},
                                                                     {"满意度指标", ""}};
    const std::vector<std::string> paths = {"成本指标/经济成本指标",
                                            "成本/经济成本",
                                            "产出指标",
                                            "成本指标",
                                            "效益指标/社会效益指标",
                                            "指标",
                                            "",
                                            "满意度指标",
                                            "满意度指标/",
                                            "成本指标指标",
                                            "产出指标/数量"};
    for (const auto& [l1, l2] : levels) {
        Indicator derived = at(l1, l2);
        derived.level1_name.clear();  // as an indicator that did not go through normalisation
        derived.level2_name.clear();
        Indicator named = derived;  // as normalisation leaves it
        named.level1_name = util::strip_spaces(l1);
        named.level2_name = util::strip_spaces(l2);
        for (const auto& path : paths) {
            CAPTURE(l1, l2, path);
            const bool expected = rules::under(derived, path);
            CHECK(rules::under(named, path) == expected);
            CHECK(rules::under(derived, rules::LevelPath(path)) == expected);
            CHECK(rules::under(named, rules::LevelPath(path)) == expected);
        }
    }
    CHECK(rules::under(at("产出指标", "数量指标"), rules::LevelPath("产出/数量")));
    CHECK_FALSE(rules::under(at("产出指标", "质量指标"), rules::LevelPath("产出/数量")));
}
