// Tests of Placeholders::match: the tokens as written, around spaces, full-width and in any ASCII case,
// and the first-byte table giving the answer without trimming or folding.
#include <catch2/catch.hpp>

#include "perf_check/ruleset.hpp"

using namespace perf_check;

namespace {
const Placeholders& tokens() {
    static const Placeholders p(std::vector<std::string>{"无", "暂无", "/", "-", "——", "N/A", "NA", "null"});
    return p;
}
}  // namespace

TEST_CASE("Placeholders: tokens and empty text match", "[placeholders]") {
    for (const char* t : {"", "无", "暂无", "/", "-", "——", "N/A", "NA", "null"}) {
        INFO(t);
        CHECK(tokens().match(t));
    }
    CHECK(tokens().match("   "));
    CHECK(tokens().match("\u3000"));
}

TEST_CASE("Placeholders: spaces around, full width and ASCII case do not hide a token", "[placeholders]") {
    CHECK(tokens().match(" 无 "));
    CHECK(tokens().match("\u3000无"));
    CHECK(tokens().match("\xC2\xA0/"));
    CHECK(tokens().match("\tNA\r"));
    CHECK(tokens().match("na"));
    CHECK(tokens().match("Null"));
    CHECK(tokens().match("NULL"));
    CHECK(tokens().match("n/a"));
    CHECK(tokens().match("／"));    // U+FF0F folds to '/'
    CHECK(tokens().match("ＮＡ"));  // full-width letters fold, then any case
    CHECK(tokens().match("ｎｕｌｌ"));
    CHECK(tokens().match("\u3000 Ｎ／Ａ \u3000"));  // folded space, then trimmed
}

TEST_CASE("Placeholders: a full stop or comma after a token does not hide it", "[placeholders]") {
    // 无。 filled a required slot as an indicator named 无。 (four confusing findings, no placeholder-required).
    for (const char* t : {"无。", "无.", "无．", "无，", "暂无。 ", "N/A.", "无。。", "无；", "无、", "。", " . "}) {
        INFO(t);
        CHECK(tokens().match(t));
    }
    for (const char* t : {"无效。", "无此项。", "。无", "10分。", "无 无。"}) {
        INFO(t);
        CHECK_FALSE(tokens().match(t));
    }
}

TEST_CASE("Placeholders: other text does not match", "[placeholders]") {
    for (const char* t :
         {"无效", "项目实施成本", "10分", "≥", "95%", "nan", "--", "N", "—", "无 无", "／／", "ＮＡＮ", "暂无数据"}) {
        INFO(t);
        CHECK_FALSE(tokens().match(t));
    }
    // Longer than three times the longest token (6 bytes) even if folding shrank it.
    CHECK_FALSE(tokens().match(std::string(100, 'N')));
}

TEST_CASE("Placeholders: no tokens match only empty text", "[placeholders]") {
    const Placeholders none;
    CHECK(none.match(""));
    CHECK(none.match("  "));
    CHECK_FALSE(none.match("无"));
    CHECK(none.tokens().empty());
    const Placeholders letters(std::vector<std::string>{"x"});
    CHECK(letters.match("X"));
    CHECK(letters.match("ｘ"));
    CHECK_FALSE(letters.match("y"));
}
