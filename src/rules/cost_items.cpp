// Extraction of money amounts from prose and from cost indicators (see cost_items.hpp).
#include "rules/cost_items.hpp"

#include <algorithm>

#include "rules/rule_util.hpp"
#include "util/text.hpp"

namespace perf_check::rules {

namespace {

// The text is read a code point at a time from byte positions, never unpacked into a list: a goal
// cell may hold megabytes (a list of code points took twelve times the text's size).

// A code point of the text and the byte just past it. Full-width digits and point read as ASCII; the
// full-width comma stays a separator.
struct Glyph {
    char32_t cp;
    std::size_t end;
};

Glyph glyph_at(std::string_view text, std::size_t p) {
    char32_t cp = util::next_code_point(text, p);
    if (cp >= 0xFF10 && cp <= 0xFF19) cp = cp - 0xFF10 + U'0';
    if (cp == 0xFF0E) cp = U'.';
    return {cp, p};
}

bool is_digit(char32_t cp) {
    return cp >= U'0' && cp <= U'9';
}

bool digit_at(std::string_view text, std::size_t p) {
    return p < text.size() && is_digit(glyph_at(text, p).cp);
}

// True when the code points from byte `p` spell `word`; `end` then is the byte after them.
bool at(std::string_view text, std::size_t p, std::u32string_view word, std::size_t* end = nullptr) {
    for (const char32_t want : word) {
        if (p >= text.size()) return false;
        const Glyph g = glyph_at(text, p);
        if (g.cp != want) return false;
        p = g.end;
    }
    if (end) *end = p;
    return true;
}

std::size_t skip_spaces(std::string_view text, std::size_t p) {
    while (p < text.size()) {
        const Glyph g = glyph_at(text, p);
        if (!util::is_space(g.cp)) break;
        p = g.end;
    }
    return p;
}

// True when the ',' at byte `p` groups thousands: exactly three digits follow it.
bool grouping_comma(std::string_view text, std::size_t p) {
    if (p >= text.size() || text[p] != ',') return false;
    ++p;
    for (int k = 0; k < 3; ++k) {
        if (p >= text.size()) return false;
        const Glyph g = glyph_at(text, p);
        if (!is_digit(g.cp)) return false;
        p = g.end;
    }
    return !digit_at(text, p);
}

// Reads a number starting at byte `p` (a digit); returns its ASCII text without grouping commas and
// advances `p` past it.
std::string read_number(std::string_view text, std::size_t& p) {
    std::string digits;
    while (p < text.size()) {
        const Glyph g = glyph_at(text, p);
        if (is_digit(g.cp)) {
            digits += static_cast<char>(g.cp);
            p = g.end;
        } else if (grouping_comma(text, p)) {
            ++p;
        } else {
            break;
        }
    }
    if (p < text.size()) {
        const Glyph point = glyph_at(text, p);
        if (point.cp == U'.' && digit_at(text, point.end)) {
            digits += '.';
            p = point.end;
            while (p < text.size()) {
                const Glyph g = glyph_at(text, p);
                if (!is_digit(g.cp)) break;
                digits += static_cast<char>(g.cp);
                p = g.end;
            }
        }
    }
    return digits;
}

// The amounts in `text` from byte `from`, which must be where a scan from the start would stand: the
// start of a character that is neither a digit nor inside an amount (such as the lead byte of 其中).
// The scan moves only over whole characters, or one byte of a malformed one, so it reaches every such
// byte; starting there reads the same amounts after it.
void scan(std::string_view text, std::size_t from, std::vector<MoneyItem>& out) {
    std::size_t p = from;
    while (p < text.size()) {
        // Straight to the next byte that may start a digit: an ASCII one, or the lead byte 0xEF of a
        // full-width one. Neither occurs inside another code point's bytes, so this is a code point.
        const auto c = static_cast<unsigned char>(text[p]);
        if ((c < '0' || c > '9') && c != 0xEF) {
            ++p;
            continue;
        }
        const Glyph g = glyph_at(text, p);
        if (!is_digit(g.cp)) {
            p = g.end;
            continue;
        }
        const std::size_t start = p;
        const std::string number = read_number(text, p);
        const std::size_t u = skip_spaces(text, p);
        std::string_view unit;
        std::size_t after = u;
        if (at(text, u, U"亿元", &after)) {
            unit = "亿元";
        } else if (at(text, u, U"万元", &after)) {
            unit = "万元";
        } else if (at(text, u, U"元", &after)) {
            unit = "元";
        }
        if (unit.empty()) continue;
        // "5元/人", "3元每人" are rates, not amounts.
        if (after < text.size()) {
            const char32_t next = glyph_at(text, after).cp;
            if (next == U'/' || next == 0xFF0F || next == U'每') continue;
        }
        const auto value = Decimal::parse(number);
        if (!value) continue;
        const auto wan = to_wan(*value, unit);
        if (!wan) continue;
        MoneyItem& item = out.emplace_back();
        item.wan = *wan;
        item.text = std::string(text.substr(start, after - start));
        item.used_for = at(text, skip_spaces(text, after), U"用于");
        item.first_byte = start;
        p = after;
    }
}

// Where "其中" starts (its first byte begins a code point wherever it occurs: UTF-8 lead bytes never
// occur inside another code point's bytes).
std::size_t find_qizhong(std::string_view text) {
    return text.find("其中");
}

}  // namespace

std::vector<MoneyItem> money_in_text(std::string_view text) {
    std::vector<MoneyItem> out;
    scan(text, 0, out);
    return out;
}

std::vector<MoneyItem> goal_breakdown(std::string_view goal) {
    std::vector<MoneyItem> items;
    goal_breakdown(goal, items);
    return items;
}

void goal_breakdown(std::string_view goal, std::vector<MoneyItem>& items) {
    items.clear();
    const std::size_t qizhong = find_qizhong(goal);
    // Only amounts after 其中 count when there is one: the text before it is not read at all (in a goal
    // of a sentence or two, 其中 comes late: reading from it was most of this rule's work).
    scan(goal, qizhong == std::string_view::npos ? 0 : qizhong, items);
    const auto used = static_cast<std::size_t>(
        std::count_if(items.begin(), items.end(), [](const MoneyItem& it) { return it.used_for; }));
    if (used >= 2) {
        std::erase_if(items, [](const MoneyItem& it) { return !it.used_for; });
        return;
    }
    // Without 其中, plain amounts are the project total or context, never a breakdown.
    if (qizhong == std::string_view::npos) items.clear();
}

std::string target_unit(const Indicator& indicator) {
    if (!indicator.value.unit.empty()) return indicator.value.unit;
    return util::strip_spaces(util::fold(indicator.unit.text));
}

std::optional<Decimal> target_wan(const Indicator& indicator) {
    if (!indicator.value.number) return std::nullopt;
    return to_wan(*indicator.value.number, target_unit(indicator));
}

}  // namespace perf_check::rules
