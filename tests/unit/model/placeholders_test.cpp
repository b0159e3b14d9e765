// Tests of Placeholders::match: the tokens as written, around spaces, full-width and in any ASCII case,
// and the first-byte table giving the answer without trimming or folding.
#include <catch2/catch.hpp>

#include "perf_check/ruleset.hpp"
#include "util/text.hpp"

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
    // Full width from the third byte on, after two bytes as the token has them: the third-byte table
    // must let folded characters through, not only the token's own third byte.
    CHECK(tokens().match("N/Ａ"));
    CHECK(tokens().match("nuＬＬ"));
    CHECK(tokens().match("NuＬl"));
}

TEST_CASE("Placeholders: a full stop or comma after a token does not hide it", "[placeholders]") {
    // 无。 filled a required slot as an indicator named 无。 (four confusing findings, no placeholder-required).
    for (const char* t :
         {"无。", "无.", "无．", "无，", "暂无。 ", "N/A.", "无。。", "无；", "无、", "。", " . ", ".", ";"}) {
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

namespace {
std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}
// What match() means, without its shortcuts (the first-byte and first-two-bytes tables, the length
// bitmask, comparing unfolded text): trim and fold, then a token in any ASCII case, with or without
// stops after it.
bool reference_match(const std::vector<std::string>& toks, std::string_view text) {
    const std::string folded = util::fold(text);
    const auto is_token = [&](std::string_view t) {
        for (const auto& tok : toks) {
            if (ascii_lower(tok) == ascii_lower(t)) return true;
        }
        return false;
    };
    if (folded.empty() || is_token(folded)) return true;
    std::string_view bare = folded;
    for (bool more = true; more;) {
        more = false;
        for (const std::string_view stop : {"。", "、", ".", ",", ";"}) {
            if (bare.size() >= stop.size() && bare.substr(bare.size() - stop.size()) == stop) {
                bare.remove_suffix(stop.size());
                more = true;
            }
        }
    }
    bare = util::trim_view(bare);
    return bare.size() != folded.size() && (bare.empty() || is_token(bare));
}
}  // namespace

TEST_CASE("Placeholders: a token that folding changes is compared as the folded text is", "[placeholders]") {
    // A rule set may list a token with spaces or full-width characters of its own. Text is trimmed and
    // folded before it is compared, so the shortcut that finds a token as written must not find such a
    // token where the full comparison would not.
    const std::vector<std::string> toks = {"－", "Ｘ", " 无 "};
    const Placeholders p(toks);
    for (const char* t : {"－", "Ｘ", " 无 ", "无", "-", "X", "x", "－。"}) {
        INFO(t);
        CHECK(p.match(t) == reference_match(toks, t));
    }
}

TEST_CASE("Placeholders: the byte tables never turn away text that matches", "[placeholders]") {
    const std::vector<std::string> toks = {"无", "暂无", "/", "-", "——", "N/A", "NA", "null", "不适用", "略"};
    const Placeholders p(toks);
    // Pieces: tokens' own characters, characters sharing their first byte (E6: 无 暂 效; E4: 不 中), their
    // full-width and spaced forms, stops.
    const std::vector<std::string> pieces = {"无", "暂", "效", "不", "中", "适", "用", "略", "/", "-", "—", "N", "n",
                                             "A", "a", "u", "l", "／", "Ｎ", "ａ", " ", "\u3000", "。", ".", "，",
                                             // 万 and 个 share 不's first two bytes (E4 B8), not its third;
                                             // ｕ Ｌ and ／ fold in third place.
                                             "万", "个", "元", "ｕ", "Ｌ", "L", "U", "\u00a0"};
    std::uint32_t seed = 12345;
    for (int n = 0; n < 20000; ++n) {
        std::string s;
        seed = seed * 1664525U + 1013904223U;
        const int len = 1 + static_cast<int>((seed >> 16) % 5);
        for (int k = 0; k < len; ++k) {
            seed = seed * 1664525U + 1013904223U;
            s += pieces[(seed >> 16) % pieces.size()];
        }
        INFO(s);
        REQUIRE(p.match(s) == reference_match(toks, s));
    }
}
