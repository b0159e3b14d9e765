// Tests of the rules' shared helpers: where an indicator sits in the framework.
#include <catch2/catch.hpp>

#include <random>

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
// The indicator under `level1`/`level2` twice: without the level names normalisation derives (as one
// that did not go through it), and with them.
std::pair<Indicator, Indicator> derived_and_named(const std::string& level1, const std::string& level2) {
    Indicator derived = at(level1, level2);
    derived.level1_name.clear();
    derived.level2_name.clear();
    Indicator named = derived;
    named.level1_name = util::strip_spaces(level1);
    named.level2_name = util::strip_spaces(level2);
    return {derived, named};
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
        const auto [derived, named] = derived_and_named(l1, l2);
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

namespace {
// under() as first written: the level names (without spaces) equal once one trailing 指标 is taken off
// each, when more than 指标 is left.
std::string_view without_suffix(std::string_view s) {
    constexpr std::string_view k_suffix = "指标";
    if (util::ends_with(s, k_suffix) && s.size() > k_suffix.size()) s.remove_suffix(k_suffix.size());
    return s;
}
bool reference_under(const Indicator& indicator, std::string_view path) {
    const std::size_t slash = path.find('/');
    const std::string l1 = util::strip_spaces(indicator.level1.text);
    const std::string l2 = util::strip_spaces(indicator.level2.text);
    if (without_suffix(l1) != without_suffix(path.substr(0, slash))) return false;
    return slash == std::string_view::npos || without_suffix(l2) == without_suffix(path.substr(slash + 1));
}
}  // namespace

TEST_CASE("under (inline, on stems) agrees with comparing names without one 指标, on random levels", "[rule-util]") {
    // Pieces that make names of one length, names a suffix apart, suffixes twice, and bare suffixes.
    const std::vector<std::string> pieces = {"指标", "成本", "产出", "效", "满意度", "经济", " ", "指", "标", "本成"};
    std::mt19937 rng(31);
    std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1);
    std::uniform_int_distribution<int> length(0, 4);
    const auto name = [&] {
        std::string s;
        for (int n = length(rng); n > 0; --n) s += pieces[piece(rng)];
        return s;
    };
    for (int round = 0; round < 3000; ++round) {
        const std::string l1 = name();
        const std::string l2 = name();
        std::string path = util::strip_spaces(name());
        if (rng() % 2 == 0) path += "/" + util::strip_spaces(name());
        const auto [derived, named] = derived_and_named(l1, l2);
        CAPTURE(l1, l2, path);
        const bool expected = reference_under(derived, path);
        CHECK(rules::under(derived, path) == expected);
        CHECK(rules::under(named, path) == expected);
        CHECK(rules::under(derived, rules::LevelPath(path)) == expected);
        CHECK(rules::under(named, rules::LevelPath(path)) == expected);
    }
}

TEST_CASE("level_stem takes one trailing 指标 off a name that is more than it", "[rule-util]") {
    CHECK(rules::level_stem("成本指标") == "成本");
    CHECK(rules::level_stem("成本") == "成本");
    CHECK(rules::level_stem("成本指标指标") == "成本指标");
    CHECK(rules::level_stem("指标") == "指标");
    CHECK(rules::level_stem("").empty());
}

TEST_CASE("is_cost and is_economic_cost: 成本指标 (economic: 经济成本), and the older 产出指标/成本 paths",
          "[rule-util]") {
    // What the two say, as under() of the paths they are documented to mean, on levels written every way.
    const std::vector<std::pair<std::string, std::string>> levels = {{"成本指标", "经济成本指标"},
                                                                     {"成本", "经济成本"},
                                                                     {"成本指标", "社会成本指标"},
                                                                     {"成本指标", ""},
                                                                     {"产出指标", "成本指标"},
                                                                     {"产出", "成本"},
                                                                     {"产出指标", "成本控制数"},
                                                                     {"产出指标", "数量指标"},
                                                                     {"产出指标", "成本控制数指标"},
                                                                     {"效益指标", "成本指标"},
                                                                     {"成本控制数", "成本指标"},
                                                                     {"", "经济成本指标"},
                                                                     {"满意度指标", ""},
                                                                     {" 成本 指标 ", "经济 成本"},
                                                                     {"产出 指标", " 成本控制数"}};
    for (const auto& [l1, l2] : levels) {
        INFO(l1 << " / " << l2);
        const auto [derived, named] = derived_and_named(l1, l2);
        for (const Indicator* ind : {&derived, &named}) {
            const bool output_cost =
                rules::under(*ind, "产出指标/成本指标") || rules::under(*ind, "产出指标/成本控制数");
            CHECK(rules::is_cost(*ind) == (rules::under(*ind, "成本指标") || output_cost));
            CHECK(rules::is_economic_cost(*ind) == (rules::under(*ind, "成本指标/经济成本指标") || output_cost));
        }
    }
    CHECK(rules::is_cost(at("成本指标", "社会成本指标")));
    CHECK_FALSE(rules::is_economic_cost(at("成本指标", "社会成本指标")));
    CHECK(rules::is_economic_cost(at("产出指标", "成本控制数")));
    CHECK(rules::is_economic_cost(at("产出", "成本")));
    CHECK_FALSE(rules::is_cost(at("产出指标", "数量指标")));
    CHECK_FALSE(rules::is_cost(at("效益指标", "成本指标")));
}
