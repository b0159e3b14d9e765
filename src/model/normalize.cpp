// Normalisation of cell text into typed values: numbers as people write them, comparators, units, weights.
#include "model/normalize.hpp"

#include <array>
#include <cstdint>
#include <utility>

#include "model/dates.hpp"
#include "util/text.hpp"
#include "util/text_memo.hpp"

namespace perf_check::model {

namespace {

struct Word {
    std::string_view text;
    Comparator comparator;
};

// Comparator spellings at the start of a value cell or as a whole 指标值类型 cell. Longest first, so
// "大于等于" wins over "大于" and ">=" over ">".
constexpr std::array k_comparator_words = {
    Word{"大于等于", Comparator::ge},
    Word{"小于等于", Comparator::le},
    Word{"不低于", Comparator::ge},
    Word{"不少于", Comparator::ge},
    Word{"不小于", Comparator::ge},
    Word{"至少", Comparator::ge},
    Word{"不高于", Comparator::le},
    Word{"不超过", Comparator::le},
    Word{"不大于", Comparator::le},
    Word{"不多于", Comparator::le},
    Word{"正向指标", Comparator::ge},
    Word{"反向指标", Comparator::le},
    Word{"正向", Comparator::ge},
    Word{"反向", Comparator::le},
    Word{"大于", Comparator::gt},
    Word{"高于", Comparator::gt},
    Word{"超过", Comparator::gt},
    Word{"小于", Comparator::lt},
    Word{"低于", Comparator::lt},
    Word{"等于", Comparator::eq},
    Word{">=", Comparator::ge},
    Word{"<=", Comparator::le},
    Word{"=>", Comparator::ge},
    Word{"=<", Comparator::le},
    Word{"≥", Comparator::ge},
    Word{"≧", Comparator::ge},
    Word{"≤", Comparator::le},
    Word{"≦", Comparator::le},
    Word{">", Comparator::gt},
    Word{"<", Comparator::lt},
    Word{"=", Comparator::eq},
    Word{"定性", Comparator::qualitative},
    Word{"定性指标", Comparator::qualitative},
};

// A 指标性质 column's 定量 says the indicator is quantitative and no more: its comparator is the value's.
bool says_quantitative(std::string_view type) {
    const std::string t = util::strip_spaces(type);
    return t == "定量" || t == "定量指标";
}

// The first character (its bytes, up to three, packed) of `s`: the key of the filter below.
constexpr std::uint32_t first_char_key(std::string_view s) {
    if (s.empty()) return 0;
    const auto b0 = static_cast<unsigned char>(s[0]);
    const std::size_t n = b0 < 0x80 ? 1 : (b0 >= 0xE0 ? 3 : 2);
    std::uint32_t key = 0;
    for (std::size_t i = 0; i < n && i < s.size(); ++i) key = (key << 8) | static_cast<unsigned char>(s[i]);
    return key;
}

// Whether some comparator spelling starts with the first character of `s`: most value cells ("有效保障",
// "无", "2024年") start with none, and skip the scan of every spelling.
bool may_start_comparator(std::string_view s) {
    static constexpr auto k_firsts = [] {
        std::array<std::uint32_t, k_comparator_words.size()> keys{};
        for (std::size_t i = 0; i < keys.size(); ++i) keys[i] = first_char_key(k_comparator_words[i].text);
        return keys;
    }();
    const std::uint32_t key = first_char_key(s);
    for (const std::uint32_t k : k_firsts) {
        if (k == key) return true;
    }
    return false;
}

// Units written after a number that mean the same thing as a canonical unit. A bare 万 or 亿 after an
// amount is money ("120万", "1.2亿" in a 资金总额 cell); after a count of something else the scorer reads
// it as that unit's 万 / 亿 (scoring::read_actual).
constexpr std::array<std::pair<std::string_view, std::string_view>, 12> k_unit_synonyms = {{
    {"百分比", "%"},
    {"个百分点", "%"},
    {"百分点", "%"},
    {"%", "%"},
    {"‰", "‰"},
    {"万", "万元"},
    {"亿", "亿元"},
    {"人/次", "人次"},  // as some tables write 人次 (a step in 人次 then applies)
    {"人·次", "人次"},
    {"个工作日", "工作日"},  // as the deduction texts' steps count them (每超过1个工作日)
    {"个月", "月"},
    {"个小时", "小时"},
}};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// True when exactly three digits follow the comma at `i` ("4,500" but not "4,50" or "4,5000").
bool three_digits_follow(std::string_view s, std::size_t i) {
    if (i + 4 > s.size()) return false;
    if (!is_digit(s[i + 1]) || !is_digit(s[i + 2]) || !is_digit(s[i + 3])) return false;
    return i + 4 == s.size() || !is_digit(s[i + 4]);
}

// Reads "4,500.00" / "-12.5" / "1e3" at the start of `s`. Grouping commas are accepted only between
// groups of exactly three digits, so "1,2,3" is not a number. Returns the plain ASCII number text and
// the length consumed, or an empty string.
std::pair<std::string, std::size_t> leading_number(std::string_view s) {
    std::string out;
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) out += s[i++];
    const std::size_t int_start = i;
    std::size_t group = 0;
    bool grouped = false;
    while (i < s.size()) {
        if (is_digit(s[i])) {
            out += s[i++];
            ++group;
        } else if (s[i] == ',' && i > int_start && three_digits_follow(s, i) && (!grouped ? group <= 3 : group == 3)) {
            grouped = true;
            group = 0;
            ++i;
        } else {
            break;
        }
    }
    if (i == int_start) return {"", 0};
    if (grouped && group != 3) return {"", 0};
    if (i < s.size() && s[i] == '.' && i + 1 < s.size() && is_digit(s[i + 1])) {
        out += s[i++];
        while (i < s.size() && is_digit(s[i])) out += s[i++];
    }
    if (!grouped && i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        std::size_t j = i + 1;
        if (j < s.size() && (s[j] == '-' || s[j] == '+')) ++j;
        if (j < s.size() && is_digit(s[j])) {
            out += s.substr(i, j - i);
            i = j;
            while (i < s.size() && is_digit(s[i])) out += s[i++];
        }
    }
    return {out, i};
}

bool has_digit(std::string_view s) {
    for (char c : s) {
        if (is_digit(c)) return true;
    }
    return false;
}

std::size_t code_points(std::string_view s) {
    std::size_t n = 0;
    std::size_t p = 0;
    while (p < s.size()) {
        util::next_code_point(s, p);
        ++n;
    }
    return n;
}

}  // namespace

namespace {
std::string canonical_unit_uncached(std::string_view unit) {
    std::string u = util::strip_spaces(util::fold(unit));
    for (const auto& [from, to] : k_unit_synonyms) {
        if (u == from) return std::string(to);
    }
    return u;
}
}  // namespace

// Cached: every indicator's 度量单位 is read (by normalisation, and again by the scorer's readings of
// actuals), and a table has a few dozen units.
std::string canonical_unit(std::string_view unit) {
    thread_local util::TextMemo<std::string> memo;
    return memo.get(unit, canonical_unit_uncached);
}

namespace {

Comparator read_comparator_uncached(std::string_view text) {
    const std::string t = util::strip_spaces(util::fold(text));
    if (t.empty()) return Comparator::none;
    for (const auto& w : k_comparator_words) {
        if (t == w.text) return w.comparator;
    }
    return Comparator::none;
}

Quantity read_quantity_uncached(std::string_view text) {
    Quantity q;
    q.text = util::fold(text);
    std::string_view rest = q.text;
    // No comparator spelling starts with a digit, and most values do: skip the scan for them.
    const bool may_start_with_word = !rest.empty() && !is_digit(rest.front()) && may_start_comparator(rest);
    for (const auto& w : k_comparator_words) {
        if (!may_start_with_word) break;
        if (w.comparator != Comparator::qualitative && util::starts_with(rest, w.text)) {
            q.comparator = w.comparator;
            rest.remove_prefix(w.text.size());
            break;
        }
    }
    // Words that lead a target without being a comparator: 达到98% (at least), 控制在120万元以内 (at most, as
    // 以内 says too); 保持在 / 维持在 say no direction (保持在95%以上: the words after it do). They count only
    // before a number: 达到预期效果 is a 定性 target.
    Comparator lead = Comparator::none;
    if (q.comparator == Comparator::none && !rest.empty() && !is_digit(rest.front())) {
        constexpr std::array<std::pair<std::string_view, Comparator>, 4> k_lead_words = {
            {{"达到", Comparator::ge},
             {"控制在", Comparator::le},
             {"保持在", Comparator::none},
             {"维持在", Comparator::none}}};
        for (const auto& [word, cmp] : k_lead_words) {
            if (util::starts_with(rest, word)) {
                lead = cmp;
                rest.remove_prefix(word.size());
                break;
            }
        }
    }
    const std::string_view body = util::trim_view(rest);
    // A date is no number with a unit: 2024年底 is not 2024 of 年底 (时效指标 state deadlines).
    if (auto date = read_date(body)) {
        q.date = date;
        return q;
    }
    const auto [number_text, used] = leading_number(body);
    if (number_text.empty()) return q;
    std::string unit(util::trim_view(body.substr(used)));
    // Trailing words that restate the comparator: "100以上", "5万元以内".
    // Longest first: with "以上" first, "95%及以上" kept "%及" as its unit.
    constexpr std::array<std::pair<std::string_view, Comparator>, 5> k_trailing = {{
        {"及以上", Comparator::ge}, {"及以下", Comparator::le}, {"以上", Comparator::ge}, {"以下", Comparator::le},
        {"以内", Comparator::le}}};
    for (const auto& [word, cmp] : k_trailing) {
        if (util::ends_with(unit, word)) {
            unit = util::trim(std::string_view(unit).substr(0, unit.size() - word.size()));
            if (q.comparator == Comparator::none) q.comparator = cmp;
            break;
        }
    }
    // A number followed by more than a short unit ("2024年1-12月", "3个工作日内完成") is text, not a number.
    if (has_digit(unit) || code_points(unit) > 6) return q;
    const auto number = Decimal::parse(number_text);
    if (!number) return q;
    q.number = number;
    q.unit = canonical_unit(unit);
    if (q.comparator == Comparator::none) q.comparator = lead;
    return q;
}

}  // namespace

// Cached: normalisation, several rules and the scorer read the same cells.
Comparator read_comparator(std::string_view text) {
    thread_local util::TextMemo<Comparator> memo;
    return memo.get(text, read_comparator_uncached);
}

namespace {
// Digits, with at most one '.' between digits ("842.07", "10"): read_quantity_uncached reads such a text
// as itself, a bare number without comparator or unit.
bool plain_decimal(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size() && is_digit(text[i])) ++i;
    if (i == 0) return false;
    if (i == text.size()) return true;
    if (text[i] != '.' || i + 1 == text.size()) return false;
    for (++i; i < text.size(); ++i) {
        if (!is_digit(text[i])) return false;
    }
    return true;
}
}  // namespace

const Quantity& read_quantity(std::string_view text) {
    // A plain number is read directly, not remembered: it costs less to parse than to look up, and the
    // amounts and actuals that are most of them are seen once (17% of the readings of the benchmark's
    // table missed the memo, and all those were plain numbers, each evicting a text that repeats).
    if (plain_decimal(text)) {
        thread_local Quantity plain;
        plain.comparator = Comparator::none;
        plain.number = Decimal::parse(text);
        plain.unit.clear();
        plain.text.assign(text);
        plain.date.reset();
        return plain;
    }
    thread_local util::TextMemo<Quantity> memo;
    return memo.get(text, read_quantity_uncached);
}

std::string_view bare_multiple(const Quantity& q) {
    if (q.text.find("元") != std::string::npos) return {};
    if (q.unit == "万元") return "万";
    if (q.unit == "亿元") return "亿";
    return {};
}

void set_text(Cell& cell, std::string_view read) {
    if (read.empty()) {  // merged-cell blanks and empty columns: a third of a table's cells
        cell.text.clear();
        cell.raw.clear();
        return;
    }
    util::fold_into(read, cell.text);
    // Folding only removes bytes (trims, and writes three- and two-byte characters as one), so the text
    // changed exactly when its length did: no comparison of every cell with what was read.
    if (cell.text.size() != read.size())
        cell.raw.assign(read);
    else cell.raw.clear();
}

void set_plain_text(Cell& cell, std::string_view read) {
    if (!util::fold_keeps_plain(read)) {
        set_text(cell, read);
        return;
    }
    cell.text.assign(read);
    cell.raw.clear();
}

std::optional<Decimal> money_wan(std::string_view text, MoneyUnit unit) {
    const Quantity& q = read_quantity(text);
    if (!q.number || q.comparator != Comparator::none) return std::nullopt;
    if (q.unit.empty()) return to_wan(*q.number, unit);
    if (q.unit == "元" || q.unit == "千元" || q.unit == "万元") return to_wan(*q.number, money_unit_named(q.unit));
    if (q.unit == "亿元") return *q.number * Decimal::from_int(10000);
    return std::nullopt;
}

std::string_view money_unit_name(MoneyUnit unit) {
    switch (unit) {
        case MoneyUnit::yuan:
            return "元";
        case MoneyUnit::qian_yuan:
            return "千元";
        case MoneyUnit::wan_yuan:
            break;
    }
    return "万元";
}

MoneyUnit money_unit_named(std::string_view name) {
    if (name == "元") return MoneyUnit::yuan;
    if (name == "千元") return MoneyUnit::qian_yuan;
    return MoneyUnit::wan_yuan;
}

Decimal to_wan(Decimal amount, MoneyUnit unit) {
    switch (unit) {
        case MoneyUnit::yuan:
            return amount / Decimal::from_int(10000);
        case MoneyUnit::qian_yuan:
            return amount / Decimal::from_int(10);
        case MoneyUnit::wan_yuan:
            break;
    }
    return amount;
}

GrandTotals::Running GrandTotals::add(const std::optional<Decimal>& funds_wan) {
    ++m_running.projects;
    if (funds_wan) {
        m_running.funds_sum += *funds_wan;
    } else {
        m_running.complete = false;
    }
    return m_running;
}

void GrandTotals::mark(Project& project, const Running& with_it) {
    for (auto& total : project.totals) {
        total.table_funds = with_it.funds_sum;
        total.table_projects = with_it.complete ? with_it.projects : 0;
    }
    if (with_it.projects < 2) return;
    const Decimal tolerance = Decimal::from_raw(10000);  // 0.01 万元
    for (auto& total : project.totals) {
        const auto stated = money_wan(total.funds.text, project.money_unit);
        if (!stated) continue;
        const Decimal off_table = (*stated - with_it.funds_sum).abs();
        if (project.funds_wan) {
            const Decimal off_own = (*stated - *project.funds_wan).abs();
            if (off_own <= tolerance) continue;  // its own total
            // Far nearer the table's sum than the project's funds: the table's total, mistyped or right
            // (5832.69 after projects of 5732.69 together, the last 158.62). Between the two it stays the
            // project's.
            if (off_table * Decimal::from_int(4) < off_own) total.grand = true;
        } else if (off_table <= tolerance) {
            total.grand = true;
        }
    }
}

namespace {
std::optional<Decimal> read_weight_uncached(std::string_view text) {
    std::string t = util::strip_spaces(util::fold(text));
    for (std::string_view suffix : {"分", "%", "％"}) {
        if (util::ends_with(t, suffix)) {
            t.resize(t.size() - suffix.size());
            break;
        }
    }
    const auto [number_text, used] = leading_number(t);
    if (number_text.empty() || used != t.size()) return std::nullopt;
    return Decimal::parse(number_text);
}
}  // namespace

std::optional<Decimal> read_weight(std::string_view text) {
    // A table's weights are a handful of values (10分, 15分, 20分) written thousands of times.
    thread_local util::TextMemo<std::optional<Decimal>> memo(256);
    return memo.get(text, read_weight_uncached);
}

namespace {

// Points written at the end of a level's name (spaces already removed): 产出指标（40分）, 产出指标(40分),
// 产出指标40分. Taken off the name; nullopt (the name untouched) when it ends otherwise: 数量指标(1) numbers
// the level, it states no points.
std::optional<Decimal> take_level_points(std::string& name) {
    if (name.empty()) return std::nullopt;
    const char last = name.back();
    // Most names end in 标 (指标): one byte tells them apart from ")", "）" (…BC89) and "分" (…86).
    if (last != ')' && last != '\x89' && last != '\x86') return std::nullopt;
    std::string_view rest = name;
    bool bracketed = false;
    if (util::ends_with(rest, ")") || util::ends_with(rest, "）")) {
        rest.remove_suffix(util::ends_with(rest, ")") ? 1 : 3);
        bracketed = true;
    }
    if (!util::ends_with(rest, "分")) return std::nullopt;
    rest.remove_suffix(3);
    std::size_t start = rest.size();
    while (start > 0 && (is_digit(rest[start - 1]) || rest[start - 1] == '.')) --start;
    if (start == rest.size()) return std::nullopt;
    const auto points = Decimal::parse(rest.substr(start));
    rest = rest.substr(0, start);
    if (bracketed) {
        if (util::ends_with(rest, "(")) {
            rest.remove_suffix(1);
        } else if (util::ends_with(rest, "（")) {
            rest.remove_suffix(3);
        } else {
            return std::nullopt;
        }
    }
    if (!points || rest.empty()) return std::nullopt;
    name.resize(rest.size());
    return points;
}

void normalize_funds(Project& project) { project.funds_wan = money_wan(project.funds.text, project.money_unit); }

void normalize_indicator(Indicator& ind, const RuleSet& rules) {
    ind.problems.clear();
    // Rules ask for the level names many times per indicator (is it a cost? under 产出指标?): once here.
    // Assigned, not replaced: a refilled indicator keeps its strings' capacity (names rarely hold spaces).
    const auto set_name = [](std::string& name, const std::string& text) {
        if (util::has_spaces(text))
            name = util::strip_spaces(text);
        else
            name.assign(text);
    };
    set_name(ind.level1_name, ind.level1.text);
    set_name(ind.level2_name, ind.level2.text);
    ind.level1_points = take_level_points(ind.level1_name);
    ind.level2_points = take_level_points(ind.level2_name);
    // 满意度指标 merged across the 一级 and 二级 columns (it has one 二级 only): the 二级 is that one, not
    // 满意度指标 again, which indicator-level and placeholder-required reported as two errors.
    if (!ind.level2_name.empty() && ind.level2_name == ind.level1_name) {
        for (const auto& level : rules.framework.levels) {
            if (level.name == ind.level1_name && level.children.size() == 1) ind.level2_name = level.children[0];
        }
    }
    ind.placeholder = rules.is_placeholder(ind.name.text) && rules.is_placeholder(ind.target.text);
    ind.value = read_quantity(ind.target.text);
    const Comparator stated = read_comparator(ind.type.text);
    ind.comparator = stated == Comparator::none ? ind.value.comparator : stated;
    if (!ind.type.empty() && stated == Comparator::none && !rules.is_placeholder(ind.type.text) &&
        !says_quantitative(ind.type.text)) {
        ind.problems.push_back({"指标值类型", ind.type, "≥ ≤ > < =、定性，或 定量（比较符写在指标值中）"});
        ind.problems.back().expected_en = "≥ ≤ > < =, 定性 (qualitative), or 定量 (with the comparator in the target)";
    }
    if (ind.value.unit.empty() && !rules.is_placeholder(ind.unit.text)) {
        ind.value.unit = canonical_unit(ind.unit.text);
    } else if (const std::string_view multiple = bare_multiple(ind.value);
               !multiple.empty() && !rules.is_placeholder(ind.unit.text)) {
        // A bare 万/亿 (1.2万) is money only when 度量单位 says so: against 人次 it is 1.2万人次. Read as 万元,
        // a step in 人次 did not apply and the score fell back to the default formula.
        // Any unit naming 元 (元/人, 千元, 人民币元) is money. The column's own 万/亿 gives way to the
        // value's: 1.2亿 against 万人次 is 1.2亿人次.
        const std::string column = canonical_unit(ind.unit.text);
        if (!column.empty() && column.find("元") == std::string::npos && column != "%" && column != "‰") {
            std::string_view base = column;
            if (util::starts_with(base, "万") || util::starts_with(base, "亿"))
                base.remove_prefix(std::string_view("万").size());
            if (!base.empty()) ind.value.unit = std::string(multiple) + std::string(base);
        }
    }
    if (ind.actual.empty())
        ind.actual_value = Quantity{};
    else
        ind.actual_value = read_quantity(ind.actual.text);
    ind.weight_points.reset();
    if (!rules.is_placeholder(ind.weight.text)) {
        ind.weight_points = read_weight(ind.weight.text);
        if (!ind.weight_points) {
            ind.problems.push_back({"备注（分值）", ind.weight, "分值数字，如“20分”或“20”"});
            ind.problems.back().expected_en = "a weight in points, such as “20分” or “20”";
            return;
        }
        // "-5分" or "200分" read as numbers, but no indicator can weigh less than nothing or more than
        // all indicators together: scoring with it would give negative or >100 totals. Such a weight is
        // treated like an unreadable one (bad-cell here, weight-missing from its rule), never used.
        Decimal most = rules.weight_total - rules.budget_execution_weight;
        if (most <= Decimal{}) most = rules.weight_total;
        if (*ind.weight_points < Decimal{} || *ind.weight_points > most) {
            ind.problems.push_back({"备注（分值）", ind.weight, "0 到 " + most.str() + " 之间的分值"});
            ind.problems.back().expected_en = "a weight between 0 and " + most.str() + " points";
            ind.weight_points.reset();
        }
    }
}

}  // namespace

void normalize_project(Project& project, const RuleSet& rules) {
    project.problems.clear();
    normalize_funds(project);
    for (auto& ind : project.indicators) normalize_indicator(ind, rules);
}

}  // namespace perf_check::model
