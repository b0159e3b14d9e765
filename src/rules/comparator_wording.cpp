// Rule comparator-wording: the comparator (≥/≤) contradicts the direction stated in words
// (指标值内容, 三级指标 or 指标值), e.g. "≤" with "不少于500万元".
#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "rules/factories.hpp"
#include "rules/finding_text.hpp"
#include "rules/rule_util.hpp"
#include "util/text.hpp"

namespace perf_check::rules {
namespace {

/// Which side of the target a phrase bounds: `lower` = a floor (≥-ish), `upper` = a ceiling (≤-ish).
enum class Bound { lower, upper };

/// When a phrase counts as a statement about the target.
enum class Needs {
    nothing,        ///< always (negated comparatives such as 不少于, 至少, 控制在, ≥)
    number_after,   ///< only when a number follows (超过500万元, but not 超过期限)
    number_before,  ///< only when the target's own number precedes (90%以上, but not 65岁以上)
    ignore,         ///< consumed so that its parts do not count (每超过…, 未达到…)
};

struct Phrase {
    std::string text;
    Bound bound;
    Needs needs;
};

Bound flip(Bound b) {
    return b == Bound::lower ? Bound::upper : Bound::lower;
}

/// The phrase table, longest first so that a scan matches 不超过 before 超过 and 大于等于 before 大于.
const std::vector<Phrase>& phrases() {
    static const std::vector<Phrase> k_phrases = [] {
        std::vector<Phrase> out;
        // Bare comparatives: ambiguous alone ("超过期限天数"), a bound when a number follows.
        const std::vector<std::pair<std::string, Bound>> bare = {
            {"超过", Bound::lower}, {"超出", Bound::lower}, {"高于", Bound::lower}, {"多于", Bound::lower},
            {"大于", Bound::lower}, {"低于", Bound::upper}, {"少于", Bound::upper}, {"小于", Bound::upper},
        };
        // Negated, they are unambiguous: 不少于 is a floor, 不得超过 a ceiling.
        const std::vector<std::string> negators = {"不", "不得", "不能", "不应", "不宜", "不可", "不会", "未", "没有"};
        for (const auto& [word, bound] : bare) {
            out.push_back({word, bound, Needs::number_after});
            for (const auto& neg : negators) out.push_back({neg + word, flip(bound), Needs::nothing});
            // "每超过5万元扣1分" is a deduction step, not a target direction.
            out.push_back({"每" + word, bound, Needs::ignore});
        }
        const std::vector<Phrase> more = {
            {"达到", Bound::lower, Needs::number_after},  {"未达到", Bound::lower, Needs::ignore},
            {"不达到", Bound::lower, Needs::ignore},      {"没有达到", Bound::lower, Needs::ignore},
            {"每达到", Bound::lower, Needs::ignore},      {"至少", Bound::lower, Needs::nothing},
            {"最少", Bound::lower, Needs::number_after},  {"大于等于", Bound::lower, Needs::nothing},
            {"大于或等于", Bound::lower, Needs::nothing}, {"高于或等于", Bound::lower, Needs::nothing},
            {"≥", Bound::lower, Needs::nothing},          {">=", Bound::lower, Needs::nothing},
            {"控制在", Bound::upper, Needs::nothing},     {"最多", Bound::upper, Needs::number_after},
            {"至多", Bound::upper, Needs::number_after},  {"小于等于", Bound::upper, Needs::nothing},
            {"小于或等于", Bound::upper, Needs::nothing}, {"低于或等于", Bound::upper, Needs::nothing},
            {"≤", Bound::upper, Needs::nothing},          {"<=", Bound::upper, Needs::nothing},
            {"以上", Bound::lower, Needs::number_before}, {"以下", Bound::upper, Needs::number_before},
            {"以内", Bound::upper, Needs::number_before}, {"之内", Bound::upper, Needs::number_before},
        };
        out.insert(out.end(), more.begin(), more.end());
        std::stable_sort(out.begin(), out.end(),
                         [](const Phrase& a, const Phrase& b) { return a.text.size() > b.text.size(); });
        return out;
    }();
    return k_phrases;
}

/// The phrases by their first byte, each list still longest first: a scan tries only the few phrases
/// that can start where it stands.
const std::array<std::vector<const Phrase*>, 256>& phrases_by_first_byte() {
    static const auto k_index = [] {
        std::array<std::vector<const Phrase*>, 256> index;
        for (const auto& p : phrases()) index[static_cast<unsigned char>(p.text.front())].push_back(&p);
        return index;
    }();
    return k_index;
}

/// The first code points of all phrases (all in the BMP), as a bit set: most characters of a text start no
/// phrase, and this rejects them without trying the phrases that share their first byte.
const std::vector<bool>& phrase_starts() {
    static const auto k_starts = [] {
        std::vector<bool> starts(0x10000, false);
        for (const auto& p : phrases()) {
            std::size_t pos = 0;
            starts[util::next_code_point(p.text, pos) & 0xFFFF] = true;
        }
        return starts;
    }();
    return k_starts;
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

/// True when a number follows `pos` (after spaces or 了) and it is not an age ("低于18岁" describes people).
bool number_after(std::string_view t, std::size_t pos) {
    while (pos < t.size()) {
        if (t[pos] == ' ') {
            ++pos;
        } else if (t.substr(pos).starts_with("了")) {
            pos += std::string_view("了").size();
        } else {
            break;
        }
    }
    if (t.substr(pos).starts_with("百分之")) return true;
    if (pos >= t.size() || !is_digit(t[pos])) return false;
    while (pos < t.size() && (is_digit(t[pos]) || t[pos] == '.' || t[pos] == ',')) ++pos;
    const std::string_view rest = t.substr(pos);
    return !rest.starts_with("岁") && !rest.starts_with("周岁");
}

/// Start of the code point before `pos`.
std::size_t prev_code_point(std::string_view t, std::size_t pos) {
    if (pos == 0) return 0;
    --pos;
    while (pos > 0 && (static_cast<unsigned char>(t[pos]) & 0xC0) == 0x80) --pos;
    return pos;
}

/// The number written just before `pos`, skipping at most five unit characters ("500万元以下",
/// "3个工作日以内"), stopping at punctuation; nullopt when there is none.
std::optional<Decimal> number_before(std::string_view t, std::size_t pos) {
    static const std::vector<std::string_view> k_stops = {"，", "。", "；", "、", "：", ",", ";", ":",
                                                          " ",  "(",  ")",  "（", "）", "—", "-"};
    std::size_t end = pos;
    for (int skipped = 0; end > 0 && !is_digit(t[end - 1]); ++skipped) {
        if (skipped == 5) return std::nullopt;
        const std::size_t p = prev_code_point(t, end);
        const std::string_view ch = t.substr(p, end - p);
        for (const auto& s : k_stops) {
            if (ch == s) return std::nullopt;
        }
        end = p;
    }
    std::size_t begin = end;
    while (begin > 0 && (is_digit(t[begin - 1]) || t[begin - 1] == '.' || t[begin - 1] == ',')) --begin;
    if (begin == end) return std::nullopt;
    return Decimal::parse(util::replace_all(t.substr(begin, end - begin), ",", ""));
}

/// Every direction phrase in `text` that states a bound on the target (leftmost-longest matching), in
/// order, to `on_signal(Bound, phrase)`: nothing is gathered (most texts hold none, every row is asked).
template <class OnSignal>
void scan(std::string_view t, const std::optional<Decimal>& target, OnSignal&& on_signal) {
    const std::vector<bool>& starts = phrase_starts();
    const auto& by_first_byte = phrases_by_first_byte();
    std::size_t i = 0;
    while (i < t.size()) {
        std::size_t next = i;
        if (!starts[util::next_code_point(t, next) & 0xFFFF]) {
            i = next;
            continue;
        }
        const Phrase* hit = nullptr;
        for (const Phrase* p : by_first_byte[static_cast<unsigned char>(t[i])]) {
            if (t.substr(i).starts_with(p->text)) {
                hit = p;
                break;
            }
        }
        if (!hit) {
            i = next;
            continue;
        }
        bool counts = false;
        switch (hit->needs) {
            case Needs::nothing:
                counts = true;
                break;
            case Needs::number_after:
                counts = number_after(t, i + hit->text.size());
                break;
            case Needs::number_before: {
                // "65岁以上老年人" names a population; only "<target>以上" bounds the target itself.
                const auto n = number_before(t, i);
                counts = n && target && *n == *target;
                break;
            }
            case Needs::ignore:
                break;
        }
        if (counts) on_signal(hit->bound, std::string_view(hit->text));
        i += hit->text.size();
    }
}

std::optional<Bound> bound_of(Comparator c) {
    switch (c) {
        case Comparator::ge:
        case Comparator::gt:
            return Bound::lower;
        case Comparator::le:
        case Comparator::lt:
            return Bound::upper;
        default:
            break;
    }
    return std::nullopt;
}

/// The words of an indicator's 指标值 that can agree or disagree with its comparator: without the leading
/// symbol the comparator was read from (“≤842.07” with no 指标值类型), which is the comparator itself, not
/// wording about it (it made every contradiction of such a table agree).
std::string_view target_words(const Indicator& ind) {
    std::string_view t = ind.target.text;
    if (ind.value.comparator == Comparator::none || ind.value.comparator != ind.comparator) return t;
    for (const std::string_view sym : {">=", "<=", "≥", "≤", ">", "<", "="}) {
        if (t.substr(0, sym.size()) == sym) return t.substr(sym.size());
    }
    return t;
}

/// Flags indicators whose wording points only the other way than their comparator.
class ComparatorWording final : public Rule {
public:
    void check(const Project& project, FindingSink& sink) const override {
        const std::string_view pname = project_label(project);
        for (const auto& ind : project.indicators) {
            if (ind.placeholder) continue;
            // 定性, = and unstated comparators have no direction to contradict.
            const auto bound = bound_of(ind.comparator);
            if (!bound) continue;
            struct Field {
                const Cell* cell;
                const char* zh;
                const char* en;
            };
            const Field fields[] = {{&ind.content, "指标值内容", "description (指标值内容)"},
                                    {&ind.name, "三级指标", "indicator name"},
                                    {&ind.target, "指标值", "target"}};
            const Field* first_field = nullptr;
            std::string_view first_phrase;  // into the phrase table, which outlives the check
            bool agrees = false;
            for (const auto& field : fields) {
                const std::string_view words = field.cell == &ind.target ? target_words(ind) : field.cell->text;
                scan(words, ind.value.number, [&](Bound said, std::string_view phrase) {
                    if (said == *bound) {
                        agrees = true;
                    } else if (!first_field) {
                        first_field = &field;
                        first_phrase = phrase;
                    }
                });
            }
            // Mixed wording ("控制在90%以上") is ambiguous: only a clean contradiction is reported.
            if (agrees || !first_field) continue;
            const std::string sym = comparator_symbol(ind.comparator);
            const bool upper = *bound == Bound::upper;
            Finding f = make_finding(project, &ind, *first_field->cell);
            // Where the comparator was written: its own column, or (without one) the value cell.
            const bool in_value = ind.type.empty();
            const std::string stated =
                in_value ? fmt::format("指标值为“{}”", ind.target.shown()) : fmt::format("指标值类型为“{}”", sym);
            f.message = {
                fmt::format("项目“{}”的指标“{}”{}（{}），但{}“{}”中的“{}”表示{}，两者方向矛盾。", pname,
                            ind.name.shown(), stated, upper ? "上限，不超过目标值" : "下限，不低于目标值",
                            first_field->zh, first_field->cell->text, first_phrase,
                            upper ? "下限（应为“≥”）" : "上限（应为“≤”）"),
                fmt::format("Project “{}”, indicator “{}”: the comparator “{}” sets {} limit, but “{}” in the {} “{}” "
                            "sets {} limit.",
                            pname, ind.name.shown(), sym, upper ? "an upper" : "a lower", first_phrase, first_field->en,
                            first_field->cell->text, upper ? "a lower" : "an upper")};
            f.hint = {fmt::format("请核对指标方向：若目标是{}，把{}改为“{}”；否则改写{}，使文字与“{}”一致。",
                                  upper ? "不低于某值" : "不超过某值", in_value ? "指标值前的符号" : "指标值类型",
                                  upper ? "≥" : "≤", first_field->zh, sym),
                      fmt::format("Check the direction: if the target is {}, change the comparator to “{}”; otherwise "
                                  "reword the {} to agree with “{}”.",
                                  upper ? "a minimum" : "a maximum", upper ? "≥" : "≤", first_field->en, sym)};
            sink.add(std::move(f));
        }
    }
};

}  // namespace

Expected<std::unique_ptr<Rule>> make_comparator_wording(const RuleSet& rules, const Params& params) {
    (void)rules;
    if (auto err = reject_unknown(params, "comparator-wording", {})) return *err;
    return Expected<std::unique_ptr<Rule>>(std::make_unique<ComparatorWording>());
}

}  // namespace perf_check::rules
