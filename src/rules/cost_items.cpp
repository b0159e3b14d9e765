// Extraction of money amounts from prose and from cost indicators (see cost_items.hpp).
#include "rules/cost_items.hpp"

#include "rules/rule_util.hpp"
#include "util/text.hpp"

namespace perf_check::rules {

namespace {

// A code point of the text with the byte range it came from, so items keep their text as written.
struct Glyph {
    char32_t cp;
    std::size_t begin;
    std::size_t end;
};

std::vector<Glyph> glyphs(std::string_view text) {
    std::vector<Glyph> out;
    out.reserve(text.size() / 2);  // CJK prose: three bytes a glyph; digits and ASCII: one
    std::size_t p = 0;
    while (p < text.size()) {
        const std::size_t begin = p;
        char32_t cp = util::next_code_point(text, p);
        // Full-width digits and point read as ASCII; the full-width comma stays a separator.
        if (cp >= 0xFF10 && cp <= 0xFF19) cp = cp - 0xFF10 + U'0';
        if (cp == 0xFF0E) cp = U'.';
        out.push_back({cp, begin, p});
    }
    return out;
}

bool is_digit(char32_t cp) {
    return cp >= U'0' && cp <= U'9';
}

bool at(const std::vector<Glyph>& g, std::size_t i, std::u32string_view word) {
    if (i + word.size() > g.size()) return false;
    for (std::size_t k = 0; k < word.size(); ++k) {
        if (g[i + k].cp != word[k]) return false;
    }
    return true;
}

std::size_t skip_spaces(const std::vector<Glyph>& g, std::size_t i) {
    while (i < g.size() && util::is_space(g[i].cp)) ++i;
    return i;
}

// True when the ',' at g[i] groups thousands: exactly three digits follow it.
bool grouping_comma(const std::vector<Glyph>& g, std::size_t i) {
    if (g[i].cp != U',' || i + 3 >= g.size()) return false;
    for (std::size_t k = 1; k <= 3; ++k) {
        if (!is_digit(g[i + k].cp)) return false;
    }
    return i + 4 >= g.size() || !is_digit(g[i + 4].cp);
}

// Reads a number starting at g[i] (a digit); returns its ASCII text without grouping commas and
// advances i past it.
std::string read_number(const std::vector<Glyph>& g, std::size_t& i) {
    std::string digits;
    while (i < g.size()) {
        if (is_digit(g[i].cp)) {
            digits += static_cast<char>(g[i].cp);
            ++i;
        } else if (grouping_comma(g, i)) {
            ++i;
        } else {
            break;
        }
    }
    if (i + 1 < g.size() && g[i].cp == U'.' && is_digit(g[i + 1].cp)) {
        digits += '.';
        ++i;
        while (i < g.size() && is_digit(g[i].cp)) {
            digits += static_cast<char>(g[i].cp);
            ++i;
        }
    }
    return digits;
}

struct Found {
    MoneyItem item;
    std::size_t first_glyph;
};

// The amounts in `text`, whose glyphs are `g`.
std::vector<Found> scan(std::string_view text, const std::vector<Glyph>& g) {
    std::vector<Found> out;
    std::size_t i = 0;
    while (i < g.size()) {
        if (!is_digit(g[i].cp)) {
            ++i;
            continue;
        }
        const std::size_t start = i;
        const std::string number = read_number(g, i);
        std::size_t u = skip_spaces(g, i);
        std::string unit;
        std::size_t after = u;
        if (at(g, u, U"亿元")) {
            unit = "亿元";
            after = u + 2;
        } else if (at(g, u, U"万元")) {
            unit = "万元";
            after = u + 2;
        } else if (at(g, u, U"元")) {
            unit = "元";
            after = u + 1;
        }
        if (unit.empty()) continue;
        // "5元/人", "3元每人" are rates, not amounts.
        if (after < g.size() && (g[after].cp == U'/' || g[after].cp == 0xFF0F || g[after].cp == U'每')) continue;
        const auto value = Decimal::parse(number);
        if (!value) continue;
        const auto wan = to_wan(*value, unit);
        if (!wan) continue;
        Found f;
        f.item.wan = *wan;
        f.item.text = std::string(text.substr(g[start].begin, g[after - 1].end - g[start].begin));
        f.item.used_for = at(g, skip_spaces(g, after), U"用于");
        f.first_glyph = start;
        out.push_back(std::move(f));
        i = after;
    }
    return out;
}

std::size_t find_qizhong(const std::vector<Glyph>& g) {
    for (std::size_t i = 0; i < g.size(); ++i) {
        if (at(g, i, U"其中")) return i;
    }
    return std::string_view::npos;
}

std::vector<MoneyItem> used_for_only(const std::vector<MoneyItem>& items) {
    std::vector<MoneyItem> out;
    for (const auto& it : items) {
        if (it.used_for) out.push_back(it);
    }
    return out;
}

}  // namespace

std::vector<MoneyItem> money_in_text(std::string_view text) {
    std::vector<MoneyItem> out;
    for (auto& f : scan(text, glyphs(text))) out.push_back(std::move(f.item));
    return out;
}

std::vector<MoneyItem> goal_breakdown(std::string_view goal) {
    const std::vector<Glyph> g = glyphs(goal);
    const std::size_t qizhong = find_qizhong(g);
    std::vector<MoneyItem> items;
    for (auto& f : scan(goal, g)) {
        if (qizhong == std::string_view::npos || f.first_glyph > qizhong) items.push_back(std::move(f.item));
    }
    std::vector<MoneyItem> used = used_for_only(items);
    if (used.size() >= 2) return used;
    // Without 其中, plain amounts are the project total or context, never a breakdown.
    if (qizhong == std::string_view::npos) return {};
    return items;
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
