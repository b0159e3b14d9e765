// Unit tests of the generic UTF-8 text helpers: folding, trimming, width, edit distance, splitting.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "util/text.hpp"

using namespace perf_check::util;

TEST_CASE("fold turns full-width ASCII into ASCII and trims U+3000/NBSP", "[text]") {
    CHECK(fold("＞＝９０％") == ">=90%");
    CHECK(fold("\u3000９０\u00A0") == "90");
    CHECK(fold("\u00A0\u3000 ＡＢＣ ｘｙｚ\u3000") == "ABC xyz");
    CHECK(fold("４，５００．００") == "4,500.00");
    CHECK(fold("！～") == "!~");             // U+FF01 and U+FF5E, the ends of the folded block
    CHECK(fold("≥50万元") == "≥50万元");      // ≥ and CJK are kept
    CHECK(fold("评（扣分标准）") == "评(扣分标准)");  // full-width brackets (U+FF08/U+FF09) fold too
}

TEST_CASE("fold keeps interior spaces, trims ASCII-only text", "[text]") {
    CHECK(fold("  a b  ") == "a b");
    CHECK(fold("a\u3000b") == "a b");
    CHECK(fold("") == "");
    CHECK(fold("\u3000\u00A0") == "");
}

TEST_CASE("trim removes every kind of space at both ends only", "[text]") {
    CHECK(trim("  x  ") == "x");
    CHECK(trim("\t x \r\n") == "x");
    CHECK(trim("\u3000资金\u00A0") == "资金");
    CHECK(trim("\uFEFF单位代码") == "单位代码");
    CHECK(trim("\u200Babc\u200B") == "abc");
    CHECK(trim("a  b") == "a  b");
    CHECK(trim("   ") == "");
    CHECK(trim("") == "");
    CHECK(trim("中") == "中");
}

TEST_CASE("strip_spaces removes spaces anywhere", "[text]") {
    CHECK(strip_spaces(" a b\u3000c\u00A0d ") == "abcd");
    CHECK(strip_spaces("单位 代码") == "单位代码");
    CHECK(strip_spaces("") == "");
    CHECK(strip_spaces("\u3000") == "");
}

TEST_CASE("append_without_spaces adds strip_spaces' text after what the string holds", "[text]") {
    std::string out = "一级\x1f";
    append_without_spaces(out, " 数量 指标\u3000");
    CHECK(out == "一级\x1f数量指标");
    append_without_spaces(out, "资金到位率");  // no space: appended as it is
    CHECK(out == "一级\x1f数量指标资金到位率");
    out.clear();
    append_without_spaces(out, "\u3000");
    CHECK(out.empty());
}

TEST_CASE("is_space covers the spaces real tables contain", "[text]") {
    CHECK(is_space(U' '));
    CHECK(is_space(U'\t'));
    CHECK(is_space(0xA0));
    CHECK(is_space(0x3000));
    CHECK(is_space(0xFEFF));
    CHECK_FALSE(is_space(U'a'));
    CHECK_FALSE(is_space(0x4E00));
    CHECK_FALSE(is_space(0xFFFD));
}

TEST_CASE("display_width counts CJK and full-width as two columns", "[text]") {
    CHECK(display_width("") == 0);
    CHECK(display_width("abc") == 3);
    CHECK(display_width("资金总额") == 8);
    CHECK(display_width("中文ab") == 6);
    CHECK(display_width("ＡＢ") == 4);
    CHECK(display_width("≥90%") == 4);
    CHECK(display_width("e\u0301") == 1);  // combining acute adds nothing
    CHECK(display_width("\u200B") == 0);
    CHECK(display_width("한") == 2);
    CHECK(display_width("\U0001F600") == 2);
    CHECK(display_width("，") == 2);  // full-width comma
}

TEST_CASE("edit_distance works on code points, not bytes", "[text]") {
    CHECK(edit_distance("kitten", "sitting") == 3);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("abc", "") == 3);
    CHECK(edit_distance("same", "same") == 0);
    CHECK(edit_distance("资金总额", "资金总") == 1);
    CHECK(edit_distance("一级指标", "二级指标") == 1);
    CHECK(edit_distance("ab", "ba") == 2);
}

TEST_CASE("did_you_mean suggests only plausible typos", "[text]") {
    const std::vector<std::string> keys = {"severity", "enabled", "params"};
    CHECK(did_you_mean("severty", keys) == "severity");
    CHECK(did_you_mean("enabld", keys) == "enabled");
    CHECK(did_you_mean("xyz", keys) == "");
    CHECK(did_you_mean("colour", keys) == "");
    CHECK(did_you_mean("severity", {}) == "");
    // Chinese: 3 code points allow a distance of 1.
    CHECK(did_you_mean("资金总", {"资金总额", "一级指标"}) == "资金总额");
    CHECK(did_you_mean("资金", {"资金总额"}) == "");  // distance 2 > limit 1
    // Length 6 → limit 2; distance 3 is too far.
    CHECK(did_you_mean("abcdef", {"abcxyz"}) == "");
    CHECK(did_you_mean("abcdef", {"abcdxy"}) == "abcdxy");
    // Ties keep the first candidate.
    CHECK(did_you_mean("ab", {"ac", "ad"}) == "ac");
}

TEST_CASE("contains, starts_with, ends_with", "[text]") {
    CHECK(contains("金额单位：万元", "万元"));
    CHECK_FALSE(contains("金额单位", "万元"));
    CHECK(contains("abc", ""));
    CHECK(starts_with("≥50个", "≥"));
    CHECK_FALSE(starts_with("≥", "≥50"));
    CHECK(ends_with("20分", "分"));
    CHECK_FALSE(ends_with("分", "20分"));
    CHECK(ends_with("x", ""));
}

TEST_CASE("split, join and replace_all", "[text]") {
    CHECK(split("a,,b", ',') == std::vector<std::string>{"a", "", "b"});
    CHECK(split("", ',') == std::vector<std::string>{""});
    CHECK(split("a,", ',') == std::vector<std::string>{"a", ""});
    CHECK(split("abc", ',') == std::vector<std::string>{"abc"});
    CHECK(join({"a", "b", "c"}, ", ") == "a, b, c");
    CHECK(join({}, ",") == "");
    CHECK(join({"x"}, ",") == "x");
    CHECK(join(split("一/二/三", '/'), "→") == "一→二→三");
    CHECK(replace_all("aaa", "a", "bb") == "bbbbbb");
    CHECK(replace_all("aaaa", "aa", "b") == "bb");
    CHECK(replace_all("abc", "", "x") == "abc");
    CHECK(replace_all("abc", "z", "x") == "abc");
    CHECK(replace_all("单位代码，名称，资金", "，", ",") == "单位代码,名称,资金");
    CHECK(replace_all("", "a", "b") == "");
}

TEST_CASE("hex_bytes prints upper-case, space-separated bytes", "[text]") {
    CHECK(hex_bytes("\xC3\x28") == "C3 28");
    CHECK(hex_bytes("") == "");
    CHECK(hex_bytes(std::string("\x00\xFF", 2)) == "00 FF");
    CHECK(hex_bytes("A") == "41");
}

TEST_CASE("next_code_point decodes valid UTF-8", "[text]") {
    std::size_t pos = 0;
    CHECK(next_code_point("a", pos) == U'a');
    CHECK(pos == 1);
    pos = 0;
    CHECK(next_code_point("中", pos) == 0x4E2D);
    CHECK(pos == 3);
    pos = 0;
    CHECK(next_code_point("é", pos) == 0xE9);
    CHECK(pos == 2);
    pos = 0;
    CHECK(next_code_point("\U0001F600", pos) == 0x1F600);
    CHECK(pos == 4);
}

TEST_CASE("next_code_point's inline decoding agrees with the general decoder on every 1- to 3-byte input", "[text]") {
    // Every lead byte with every pair of following bytes, whole and cut short: value and advance.
    std::size_t disagreements = 0;
    for (unsigned b0 = 0; b0 < 256; ++b0) {
        for (unsigned b1 = 0; b1 < 256; ++b1) {
            for (unsigned b2 = 0; b2 < 256; b2 += (b0 >= 0xE0 && b0 <= 0xEF) ? 1 : 255) {
                const char bytes[] = {static_cast<char>(b0), static_cast<char>(b1), static_cast<char>(b2)};
                for (std::size_t len = 1; len <= 3; ++len) {
                    const std::string_view s(bytes, len);
                    std::size_t inline_pos = 0;
                    std::size_t general_pos = 0;
                    if (next_code_point(s, inline_pos) != next_code_point_general(s, general_pos) ||
                        inline_pos != general_pos) {
                        ++disagreements;
                    }
                }
            }
        }
    }
    CHECK(disagreements == 0);
    std::size_t pos = 0;
    CHECK(next_code_point("\xEF\xBC\x8C", pos) == 0xFF0C);  // the full-width comma, decoded inline
    CHECK(pos == 3);
}

TEST_CASE("next_code_point yields U+FFFD and advances one byte on invalid bytes", "[text]") {
    const auto first = [](std::string_view s, std::size_t expect_pos) {
        std::size_t pos = 0;
        const char32_t cp = next_code_point(s, pos);
        CHECK(pos == expect_pos);
        return cp;
    };
    CHECK(first("\xC3\x28", 1) == 0xFFFD);        // lead byte without continuation
    CHECK(first("\xE4\xB8", 1) == 0xFFFD);        // truncated at end of text
    CHECK(first("\xFF", 1) == 0xFFFD);
    CHECK(first("\x80", 1) == 0xFFFD);            // lone continuation byte
    CHECK(first("\xF8\x88\x80\x80\x80", 1) == 0xFFFD);
    CHECK(first("\xC0\x80", 1) == 0xFFFD);        // overlong NUL
    CHECK(first("\xC1\xBF", 1) == 0xFFFD);        // overlong '?'
    CHECK(first("\xE0\x80\xAF", 1) == 0xFFFD);    // overlong '/'
    CHECK(first("\xED\xA0\x80", 1) == 0xFFFD);    // UTF-16 surrogate
    CHECK(first("\xF4\x90\x80\x80", 1) == 0xFFFD);  // above U+10FFFF

    // After the bad byte, decoding resumes at the next one.
    const std::string s = "\xC3(中";
    std::size_t pos = 0;
    CHECK(next_code_point(s, pos) == 0xFFFD);
    CHECK(next_code_point(s, pos) == U'(');
    CHECK(next_code_point(s, pos) == 0x4E2D);
    CHECK(pos == s.size());
}

TEST_CASE("append_utf8 round-trips through next_code_point", "[text]") {
    for (char32_t cp : {char32_t{0x41}, char32_t{0xE9}, char32_t{0x4E2D}, char32_t{0xFF05}, char32_t{0x1F600}}) {
        std::string s;
        append_utf8(s, cp);
        std::size_t pos = 0;
        CHECK(next_code_point(s, pos) == cp);
        CHECK(pos == s.size());
    }
    std::string s;
    append_utf8(s, 0x4E2D);
    CHECK(s == "中");
}

namespace {
// The definition trim() implements: drop is_space code points at both ends.
std::string reference_trim(std::string_view s) {
    std::vector<std::pair<std::size_t, std::size_t>> spans;  // [start, end) of each code point
    std::vector<bool> space;
    std::size_t p = 0;
    while (p < s.size()) {
        const std::size_t start = p;
        space.push_back(perf_check::util::is_space(perf_check::util::next_code_point(s, p)));
        spans.emplace_back(start, p);
    }
    std::size_t b = 0;
    std::size_t e = spans.size();
    while (b < e && space[b]) ++b;
    while (e > b && space[e - 1]) --e;
    if (b == e) return "";
    return std::string(s.substr(spans[b].first, spans[e - 1].second - spans[b].first));
}

// Fewer than `most` pieces picked at random (a linear congruential generator: the same text every run).
std::string random_text(const std::vector<std::string>& pieces, std::uint32_t most, std::uint32_t& seed) {
    std::string s;
    const std::uint32_t len = seed % most;
    for (std::uint32_t i = 0; i < len; ++i) {
        seed = seed * 1103515245U + 12345U;
        s += pieces[(seed >> 16) % pieces.size()];
    }
    seed = seed * 1103515245U + 12345U;
    return s;
}

// The definition fold() implements, decoding every code point: the byte-level fast paths must agree.
std::string reference_fold(std::string_view s) {
    std::string out;
    std::size_t p = 0;
    while (p < s.size()) {
        const char32_t cp = perf_check::util::next_code_point(s, p);
        if (cp >= 0xFF01 && cp <= 0xFF5E) out += static_cast<char>(cp - 0xFF01 + 0x21);
        else if (cp == 0x3000 || cp == 0xA0) out += ' ';
        else perf_check::util::append_utf8(out, cp);
    }
    return reference_trim(out);
}
}  // namespace

TEST_CASE("fold and trim_view agree with the code-point definition on mixed text", "[text]") {
    // Pieces chosen to hit every fast path and its edges: ASCII, CJK (E4–E9 leads), the lead bytes that
    // may start a space or a full-width form (C2, E2, E3, EF) without being one (≥ E2, 。 E3, ｟ EF BD 9F).
    const std::vector<std::string> pieces = {"a",      " ",      "\t",     "中",     "≥",      "。", "，",
                                             "（",     "）",     "９",     "Ａ",     "ｚ",     "～", "\u3000",
                                             "\u00A0", "\u200B", "\uFEFF", "\u2003", "\uFF5F", "©",  "万元",
                                             "%",      "\u2010", "\uFEC0", "\u00B0", "\u3001"};
    std::uint32_t seed = 12345;
    for (int n = 0; n < 5000; ++n) {
        const std::string s = random_text(pieces, 7, seed);
        INFO(s);
        REQUIRE(fold(s) == reference_fold(s));
        REQUIRE(trim_view(s) == reference_trim(s));
        REQUIRE(is_blank(s) == trim(s).empty());
        REQUIRE(strip_spaces(s).size() <= s.size());
        if (!has_spaces(s)) REQUIRE(strip_spaces(s) == s);
    }
    // trim_view also meets malformed text (the JSON model's strings are checked, a library caller's may
    // not be): stray continuation bytes and cut-off sequences are never spaces, at either end.
    const std::vector<std::string> broken = {"a", " ", "中", "。", "\u3000", "\x80", "\xE3", "\xE3\x80", "\xBF\xBF"};
    for (int n = 0; n < 5000; ++n) {
        const std::string s = random_text(broken, 6, seed);
        INFO(perf_check::util::hex_bytes(s));
        REQUIRE(trim_view(s) == reference_trim(s));
    }
    CHECK(trim_view("\u3000 中文\u00A0 ") == "中文");
    CHECK(trim_view("≥\u2003") == "≥");
    CHECK(fold("\uFF5F") == "\uFF5F");  // just past the folded block
}

TEST_CASE("fold_keeps_plain: text without a fold lead is its own fold when it says so", "[text]") {
    // is_fold_lead is exactly the leads of what fold() rewrites: NBSP, U+3000, the full-width forms.
    for (int b = 0; b < 256; ++b) {
        INFO(b);
        CHECK(is_fold_lead(static_cast<unsigned char>(b)) == (b == 0xC2 || b == 0xE3 || b == 0xEF));
    }
    // Text without those bytes: only its ends can change, by trimming a space, ASCII or E2 (U+2003,
    // U+200B); ≥ and “ start with E2 too without being spaces.
    const std::vector<std::string> pieces = {"a", " ",      "\t",     "\v",   "中", "≥",
                                             "“", "\u2003", "\u200B", "万元", "9",  "%"};
    std::uint32_t seed = 2026;
    int kept = 0;
    for (int n = 0; n < 5000; ++n) {
        const std::string s = random_text(pieces, 6, seed);
        INFO(s);
        REQUIRE(s.find_first_of("\xC2\xE3\xEF") == std::string::npos);
        if (!fold_keeps_plain(s)) continue;
        ++kept;
        REQUIRE(fold(s) == s);
    }
    CHECK(kept > 1000);  // most such text says so: the test of its ends is not a blanket no
    CHECK(fold_keeps_plain(""));
    CHECK(fold_keeps_plain("项目实施成本"));
    CHECK(fold_keeps_plain("90%"));
    CHECK_FALSE(fold_keeps_plain(" 90"));
    CHECK_FALSE(fold_keeps_plain("90\t"));
    CHECK_FALSE(fold_keeps_plain("\u2002中"));
    CHECK_FALSE(fold_keeps_plain("中\u2003"));
}

TEST_CASE("fold agrees with the code-point definition on cells longer than a block", "[text]") {
    // fold() looks sixteen bytes at a time for the leads of what it rewrites (C2, E3, EF), and passes
    // over the others in place (、。《》“” ≥, the quotes and dashes of Chinese prose): texts of up to 40
    // pieces put every kind at every offset around the block edges, folding or not.
    const std::vector<std::string> pieces = {"a",  " ",  "中",     "、",     "。",     "《", "》",     "“",
                                             "”",  "—",  "≥",      "，",     "：",     "（", "）",     "９",
                                             "ｚ", "～", "\u3000", "\u00A0", "\uFF5F", "©",  "\u2003", "万元"};
    std::uint32_t seed = 424242;
    for (int n = 0; n < 20000; ++n) {
        const std::string s = random_text(pieces, 40, seed);
        INFO(s);
        REQUIRE(fold(s) == reference_fold(s));
        std::string out = "previous cell";  // fold_into overwrites what the cell held
        perf_check::util::fold_into(s, out);
        REQUIRE(out == reference_fold(s));
    }
}

TEST_CASE("subst fills %s and %d in order and drops placeholders with no argument", "[text]") {
    CHECK(subst("%s：%s，%d 个项目", {"a.csv", "UTF-8", "4"}) == "a.csv：UTF-8，4 个项目");
    CHECK(subst("共 %s 条，另 %s 条", {"3"}) == "共 3 条，另  条");
    CHECK(subst("100% 完成", {}) == "100% 完成");  // a lone % is kept
    CHECK(subst("no placeholders", {"unused"}) == "no placeholders");
}

namespace {
bool any_of_bytes(std::string_view s, std::string_view bytes) {
    return s.find_first_of(bytes) != std::string_view::npos;
}

const std::string k_spaces("\x20\x09\x0A\x0B\x0C\x0D", 6);
const std::string k_wide_leads("\xC2\xE2\xE3\xEF", 4);
// Bytes next to those: none may count (0x08/0x0E beside the controls, 0x1F/0x21 beside the space,
// C1/C3 E1/E4 EE/F0 beside the leads; E4 B8 AD is 中).
const std::string k_near_misses("\x08\x0E\x1F\x21\xC1\xC3\xE1\xE4\xEE\xF0\xB8\xAD", 12);

// has_spaces and fold_keeps of `base` (which holds none of the bytes they look for) with each such byte,
// and each near miss, planted at every position.
void check_planted(const std::string& base) {
    REQUIRE_FALSE(has_spaces(base));
    REQUIRE(fold_keeps(base));
    for (const char planted : k_spaces + k_wide_leads + k_near_misses) {
        for (std::size_t at = 0; at < base.size(); ++at) {
            std::string s = base;
            s[at] = planted;
            INFO("length " << base.size() << " byte " << static_cast<int>(static_cast<unsigned char>(planted)) << " at "
                           << at);
            REQUIRE(has_spaces(s) == any_of_bytes(s, k_spaces + k_wide_leads));
            REQUIRE(fold_keeps(s) == !any_of_bytes(s, k_wide_leads));
        }
    }
}
}  // namespace

// has_spaces and fold_keeps test sixteen bytes at a time (SSE2) before the byte loop: each byte they
// look for, and near misses, planted at every offset of cells longer than two blocks.
TEST_CASE("space and fold byte tests at every offset of a long cell", "[text]") {
    for (const std::string pad : {std::string("a"), std::string("中"), k_near_misses}) {
        std::string base;
        while (base.size() < 40) base += pad;
        INFO("pad " << pad.size());
        check_planted(base);
    }
}

// The byte tests look sixteen bytes at a time, then at eight to fifteen left as one block of two
// overlapping halves, then at the rest one by one: each byte they look for, and
// near misses, planted at every position of texts of every length up to three blocks (most texts tested
// are shorter than one: names, units, figures), and a fold found from just past an earlier one.
TEST_CASE("space and fold byte tests at every position of texts of every length", "[text]") {
    for (std::size_t n = 0; n <= 48; ++n) {
        const std::string base(n, 'a');
        check_planted(base);
        // Two full-width letters: the second is found from just past the first, wherever both fall.
        for (std::size_t a = 0; a + 6 <= n; ++a) {
            for (std::size_t b = a + 3; b + 3 <= n; ++b) {
                std::string s = base;
                s.replace(a, 3, "Ａ");
                s.replace(b, 3, "Ｂ");
                INFO("length " << n << " at " << a << " and " << b);
                REQUIRE(fold(s) == reference_fold(s));
            }
        }
    }
}

TEST_CASE("is_valid_utf8 and to_valid_utf8 follow next_code_point's reading", "[text]") {
    CHECK(is_valid_utf8(""));
    CHECK(is_valid_utf8("plain ASCII longer than eight bytes"));
    CHECK(is_valid_utf8("资金总额 ≥ 100万元 \xF0\x9F\x98\x80 \xEF\xBF\xBD"));  // a real U+FFFD is valid
    // Invalid wherever it falls relative to the eight-byte ASCII skip.
    for (std::size_t at = 0; at < 20; ++at) {
        std::string s(20, 'a');
        s.insert(at, "\xB2\xE2");  // 测 in GBK
        CHECK_FALSE(is_valid_utf8(s));
        CHECK(to_valid_utf8(s) == std::string(at, 'a') + "\xEF\xBF\xBD\xEF\xBF\xBD" + std::string(20 - at, 'a'));
    }
    CHECK_FALSE(is_valid_utf8("\xC0\x80"));          // overlong NUL
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // a surrogate
    CHECK_FALSE(is_valid_utf8("\xE6\x88"));          // cut short
    CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
    // One U+FFFD per maximal subpart (Unicode's Table 3-8 examples, and nlohmann's replace).
    const std::string r = "\xEF\xBF\xBD";
    CHECK(to_valid_utf8("\xE6\x88") == r);
    CHECK(to_valid_utf8("\xE4\xB8"
                        "A") == r + "A");
    CHECK(to_valid_utf8("\xF0\x9F\x98"
                        "A") == r + "A");
    CHECK(to_valid_utf8("\xC3(") == r + "(");
    CHECK(to_valid_utf8("中\xFF文") == "中" + r + "文");
    CHECK(to_valid_utf8("\xED\xA0\x80") == r + r + r);  // a surrogate: no part of it starts a valid sequence
    CHECK(to_valid_utf8("\xE0\x80\xAF") == r + r + r);  // an overlong form likewise
    CHECK(to_valid_utf8("\xF4\x90\x80\x80") == r + r + r + r);
    CHECK(to_valid_utf8("\xC0\xAF\xE0\x80\xBF\xF0\x81\x82\x41") == r + r + r + r + r + r + r + r + "A");
    CHECK(to_valid_utf8("\xF1\x80\x80\xE1\x80\xC2\x41") == r + r + r + "A");
    // Every one- and two-byte input: valid exactly when decoding it never fails, and the repair is
    // always valid and leaves valid text as it is.
    for (int a = 0; a < 256; ++a) {
        for (int b = 0; b < 256; ++b) {
            const std::string s{static_cast<char>(a), static_cast<char>(b)};
            bool decodes = true;
            for (std::size_t i = 0; i < s.size();) {
                const std::size_t start = i;
                if (next_code_point(s, i) == 0xFFFD && i - start != 3) decodes = false;
            }
            REQUIRE(is_valid_utf8(s) == decodes);
            const std::string fixed = to_valid_utf8(s);
            REQUIRE(is_valid_utf8(fixed));
            if (decodes) REQUIRE(fixed == s);
        }
    }
}

TEST_CASE("is_valid_utf8's sixteen-byte blocks agree with decoding character by character", "[text]") {
    // Pieces that land anywhere relative to the blocks: the usual ones, the ones the blocks leave to
    // the scalar check, and broken ones.
    const std::vector<std::string> pieces = {"a",
                                             " 12.5%",
                                             "资",
                                             "金",
                                             "，",
                                             "\xC3\xA9",
                                             "\xE0\xA4\x85",
                                             "\xED\x9F\xBF",
                                             "\xF0\x9F\x98\x80",
                                             "\x80",
                                             "\xE6\x88",
                                             "\xED\xA0\x80",
                                             "\xC0\xAF",
                                             "\xFF"};
    std::mt19937 rng(11);
    for (int round = 0; round < 20000; ++round) {
        std::string s;
        const int n = static_cast<int>(rng() % 40);
        const bool broken_allowed = rng() % 4 == 0;
        for (int k = 0; k < n; ++k) {
            const std::size_t pick = rng() % (broken_allowed ? pieces.size() : 9);
            s += pieces[pick];
        }
        bool decodes = true;
        for (std::size_t i = 0; i < s.size();) {
            const std::size_t start = i;
            if (next_code_point(s, i) == 0xFFFD && i - start != 3) decodes = false;
        }
        INFO(hex_bytes(s));
        REQUIRE(is_valid_utf8(s) == decodes);
    }
}

namespace {
// The longest start of `s` made of ASCII (not a control, `a` or `b` when `stop`) and complete
// three-byte characters with leads E1–EC, EE–EF: what common_utf8_prefix(_until) must return.
std::size_t reference_common_prefix(std::string_view s, bool stop, char a = 0, char b = 0) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            if (stop && (c < 0x20 || s[i] == a || s[i] == b)) break;
            ++i;
            continue;
        }
        const bool lead = c >= 0xE1 && c <= 0xEF && c != 0xED;
        if (!lead || i + 2 >= s.size() || (static_cast<unsigned char>(s[i + 1]) & 0xC0) != 0x80 ||
            (static_cast<unsigned char>(s[i + 2]) & 0xC0) != 0x80)
            break;
        i += 3;
    }
    return i;
}
// What common_utf8_text_prefix must return: that, up to the first NUL.
std::size_t reference_text_prefix(std::string_view s) {
    return std::min(reference_common_prefix(s, false), std::min(s.find('\0'), s.size()));
}
}  // namespace

TEST_CASE("common_utf8_prefix and its _until form stop exactly at the first character they cannot vouch for",
          "[text]") {
    // Pieces that land anywhere relative to the sixteen-byte blocks: common ones, ones the blocks leave
    // to the scalar part (two- and four-byte characters, leads E0 and ED), broken ones, and the bytes
    // JSON escapes.
    const std::vector<std::string> pieces = {
        "a",    " 12.5%",   "资",   "金", "，", "\xC3\xA9", "\xE0\xA4\x85",       "\xED\x9F\xBF", "\xF0\x9F\x98\x80",
        "\x80", "\xE6\x88", "\xFF", "\"", "\\", "\n",       std::string(1, '\0'), "\x1F"};
    std::mt19937 rng(17);
    for (int round = 0; round < 20000; ++round) {
        std::string s;
        const int n = static_cast<int>(rng() % 48);
        // Mostly common text with a rare other piece, so that the prefix often spans several blocks.
        for (int k = 0; k < n; ++k) s += pieces[rng() % 8 == 0 ? rng() % pieces.size() : rng() % 5];
        INFO(hex_bytes(s));
        REQUIRE(common_utf8_prefix(s) == reference_common_prefix(s, false));
        REQUIRE(common_utf8_text_prefix(s) == reference_text_prefix(s));
        REQUIRE(common_utf8_prefix_until(s, '"', '\\') == reference_common_prefix(s, true, '"', '\\'));
    }
    CHECK(common_utf8_text_prefix(std::string(20, 'x') + std::string(1, '\0') + "资") == 20);
    CHECK(common_utf8_prefix("") == 0);
    CHECK(common_utf8_prefix(std::string(40, 'x') + "\xE6\x88") == 40);  // a character cut at the end
    CHECK(common_utf8_prefix_until("资金到位率资金到位率\"x", '"', '\\') == 30);
}

TEST_CASE("common_utf8_prefix: every place a character or a stop can fall near a block's end", "[text]") {
    // The last bytes (fewer than sixteen) are checked one character at a time after the blocks: a
    // character cut there, or carried over from the block before, and a stop or NUL just before or after
    // a block's end, must still end the prefix where the scalar definition says.
    const std::vector<std::string> tails = {"资",       "\xE8\xB5", "\xE8", "\"", "\n",
                                            "\xC3\xA9", "资金",     "a",    "",   std::string(1, '\0')};
    for (std::size_t lead = 0; lead <= 35; ++lead) {
        for (const auto& tail : tails) {
            for (const auto& more : {std::string(), std::string("x"), std::string("资")}) {
                const std::string s = std::string(lead, 'x') + tail + more;
                INFO(hex_bytes(s));
                REQUIRE(common_utf8_prefix(s) == reference_common_prefix(s, false));
                REQUIRE(common_utf8_text_prefix(s) == reference_text_prefix(s));
                REQUIRE(common_utf8_prefix_until(s, '"', '\\') == reference_common_prefix(s, true, '"', '\\'));
            }
        }
    }
}

TEST_CASE("fold changes a text exactly when it makes it shorter", "[text]") {
    // set_text relies on this to keep `raw` only when folding changed the cell, without comparing.
    const std::vector<std::string> pieces = {
        "a",        "资", "“",  "—",        "\xEF\xBC\x95", "\xEF\xBD\x81", "\xE3\x80\x80",
        "\xC2\xA0", " ",  "\t", "\xC2\xB7", "\xEF\xBF\xBD"};
    std::mt19937 rng(23);
    for (int round = 0; round < 20000; ++round) {
        std::string s;
        const int n = static_cast<int>(rng() % 12);
        for (int k = 0; k < n; ++k) s += pieces[rng() % pieces.size()];
        const std::string f = fold(s);
        INFO(hex_bytes(s));
        REQUIRE(f.size() <= s.size());
        REQUIRE((f != s) == (f.size() != s.size()));
    }
}

TEST_CASE("csv_quoted quotes a field only when it must, doubling its quotes", "[text][csv]") {
    CHECK(csv_quoted("") == "");
    CHECK(csv_quoted("项目实施成本") == "项目实施成本");
    CHECK(csv_quoted("=SUM(A1)") == "=SUM(A1)");  // formula guarding is the CSV report's business
    CHECK(csv_quoted("4,500.00") == "\"4,500.00\"");
    CHECK(csv_quoted("他说\"好\"") == "\"他说\"\"好\"\"\"");
    CHECK(csv_quoted("两行\r\n文字") == "\"两行\r\n文字\"");
    CHECK(csv_quoted("一行\n") == "\"一行\n\"");
    CHECK(csv_quoted("，全角逗号") == "，全角逗号");
}

TEST_CASE("count_byte counts a byte in blocks of sixteen and the rest", "[text]") {
    using perf_check::util::count_byte;
    CHECK(count_byte("", '\n') == 0);
    CHECK(count_byte("a\nb\n", '\n') == 2);
    std::string long_text;
    for (int i = 0; i < 100; ++i) long_text += i % 3 == 0 ? "行\n" : "项目实施成本,";
    CHECK(count_byte(long_text, '\n') == 34);
    CHECK(count_byte(long_text.substr(1), '\n') == 34);  // unaligned start
    CHECK(count_byte(std::string(33, '\n'), '\n') == 33);
    CHECK(count_byte(std::string(33, '\xE2'), '\xE2') == 33);  // bytes above 0x7F
    CHECK(count_byte(std::string(33, 'x'), '\n') == 0);
}

TEST_CASE("fold_into: a cell with nothing to trim or fold is copied as it is", "[text]") {
    std::string out = "previous contents that are longer";
    perf_check::util::fold_into("项目实施成本", out);
    CHECK(out == "项目实施成本");
    perf_check::util::fold_into("10分", out);
    CHECK(out == "10分");
    perf_check::util::fold_into(" 10分\u3000", out);
    CHECK(out == "10分");
    perf_check::util::fold_into("每超过5万元，扣1分", out);
    CHECK(out == "每超过5万元,扣1分");
    perf_check::util::fold_into("", out);
    CHECK(out.empty());
}

TEST_CASE("count_byte: more than 255 blocks of matches in every lane", "[text]") {
    // Each lane's counter holds 255: a longer run must be summed on the way.
    CHECK(perf_check::util::count_byte(std::string(16 * 600 + 7, '\n'), '\n') == 16 * 600 + 7);
    std::string mixed;
    for (int i = 0; i < 5000; ++i) mixed += i % 2 ? "\n" : "ab";
    CHECK(perf_check::util::count_byte(mixed, '\n') == 2500);
}

TEST_CASE("concat joins its parts in one string", "[text]") {
    CHECK(concat({}).empty());
    CHECK(concat({"目标：", "≥95%", "；分值：", "", "10", "分"}) == "目标：≥95%；分值：10分");
    const std::string long_part(100, 'x');
    const std::string joined = concat({long_part, "中", long_part});
    CHECK(joined.size() == 203);
    CHECK(joined.substr(100, 3) == "中");
}

TEST_CASE("copy_bytes copies exactly its bytes at every length", "[text]") {
    // Below 16 bytes it copies in overlapping pieces: every byte must arrive, and none past the end.
    std::string from;
    for (int i = 0; i < 40; ++i) from += static_cast<char>('A' + i);
    for (std::size_t n = 0; n <= from.size(); ++n) {
        std::string to(from.size() + 2, '.');
        perf_check::util::copy_bytes(to.data() + 1, from.data(), n);
        CHECK(to == "." + from.substr(0, n) + std::string(from.size() + 1 - n, '.'));
    }
}

TEST_CASE("concat_into writes over what the string held, shorter or longer", "[text]") {
    const std::string long_part(100, 'x');
    std::string out = "一段比下一段长的旧文本，超过十五个字节";
    const std::size_t room = out.capacity();
    perf_check::util::concat_into(out, {"得分：", "10", "分"});
    CHECK(out == "得分：10分");
    CHECK(out.capacity() == room);  // kept: a shorter text is written in place
    perf_check::util::concat_into(out, {long_part, "中", long_part});
    CHECK(out == concat({long_part, "中", long_part}));
    perf_check::util::concat_into(out, {});
    CHECK(out.empty());
}

TEST_CASE("same_text is a == b at every length and for a difference at every position", "[text]") {
    // Up to 16 bytes it compares overlapping words instead of calling memcmp: a byte that differs must
    // be seen wherever it is, and texts of different lengths are never the same.
    for (std::size_t n = 0; n <= 40; ++n) {
        std::string a;
        for (std::size_t i = 0; i < n; ++i) a += static_cast<char>('a' + i % 26);
        const std::string same = a;
        CHECK(perf_check::util::same_text(a, same));
        CHECK_FALSE(perf_check::util::same_text(a, a + "x"));
        for (std::size_t at = 0; at < n; ++at) {
            std::string b = a;
            b[at] = static_cast<char>(b[at] ^ 0x80);  // a high bit, as in the second byte of a CJK character
            INFO("length " << n << ", differs at " << at);
            CHECK_FALSE(perf_check::util::same_text(a, b));
        }
    }
    CHECK(perf_check::util::same_text("产出指标", std::string("产出指标")));
    CHECK_FALSE(perf_check::util::same_text("产出指标", "效益指标"));
}
