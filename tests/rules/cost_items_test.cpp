// Tests of the money read from goal texts: goal_breakdown, which reads only from 其中 on, against the
// whole text's amounts.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "rules/cost_items.hpp"

using namespace perf_check;

namespace {

// goal_breakdown as it was first written: every amount of the whole text (money_in_text reads from its
// start), then those after the first 其中.
std::vector<rules::MoneyItem> reference_breakdown(std::string_view goal) {
    const std::size_t qizhong = goal.find("其中");
    std::vector<rules::MoneyItem> items;
    for (auto& it : rules::money_in_text(goal)) {
        if (qizhong == std::string_view::npos || it.first_byte > qizhong) items.push_back(it);
    }
    std::vector<rules::MoneyItem> used;
    for (const auto& it : items) {
        if (it.used_for) used.push_back(it);
    }
    if (used.size() >= 2) return used;
    if (qizhong == std::string_view::npos) return {};
    return items;
}

void check_same(const std::vector<rules::MoneyItem>& got, const std::vector<rules::MoneyItem>& want) {
    REQUIRE(got.size() == want.size());
    for (std::size_t k = 0; k < got.size(); ++k) {
        CHECK(got[k].text == want[k].text);
        CHECK(got[k].wan == want[k].wan);
        CHECK(got[k].used_for == want[k].used_for);
        CHECK(got[k].first_byte == want[k].first_byte);
    }
}

}  // namespace

TEST_CASE("money_in_text says where each amount starts", "[cost-items]") {
    const std::string text = "共12万元，其中：8万元用于A";
    const auto items = rules::money_in_text(text);
    REQUIRE(items.size() == 2);
    CHECK(text.substr(items[0].first_byte, items[0].text.size()) == "12万元");
    CHECK(text.substr(items[1].first_byte, items[1].text.size()) == "8万元");
    CHECK(items[1].used_for);
}

TEST_CASE("goal_breakdown reads from 其中 the amounts a reading of the whole text finds after it", "[cost-items]") {
    // Pieces that make and break amounts: digits (full-width too), grouping commas, points, units, rates,
    // spaces, 其中 (more than once), 用于, and malformed bytes (a lead byte cut short, a stray continuation).
    const std::vector<std::string> pieces = {
        "1",    "20",       "3.5",          "４",   "．",   ",",    ",000", "，",   "。",   "；",
        "：",   " ",        "\xE3\x80\x80", "万元", "元",   "亿元", "万",   "/",    "／",   "每",
        "人",   "用于",     "用",           "于",   "其中", "其",   "中",   "项目", "\xEF", "\xEF\xBC",
        "\xBC", "\xE5\x85", "\x90",         "0",    "9",    "千元", "A",
    };
    std::mt19937 rng(29);
    std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1);
    std::uniform_int_distribution<int> length(0, 24);
    for (int round = 0; round < 20000; ++round) {
        std::string goal;
        for (int n = length(rng); n > 0; --n) goal += pieces[piece(rng)];
        INFO(goal);
        check_same(rules::goal_breakdown(goal), reference_breakdown(goal));
    }
    // And the usual shapes.
    for (const std::string goal :
         {"项目资金42.5万元，其中：30万元用于培训；12.5万元用于设备购置。", "30万元用于A；12.5万元用于B，其中5万元",
          "其中其中：3万元用于A，4万元用于B", "5万元其中：3万元用于A", "人均补助5元/人，其中：8万元用于A"}) {
        INFO(goal);
        check_same(rules::goal_breakdown(goal), reference_breakdown(goal));
    }
}
