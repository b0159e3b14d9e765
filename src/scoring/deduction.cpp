// The deduction-text parser: a small recursive-descent reader over code points, one recogniser per
// phrase family (floor, cap, steps, proportional …), with everything it cannot place kept as text.
#include "scoring/deduction.hpp"

#include <algorithm>
#include <initializer_list>
#include <utility>

#include "util/text.hpp"
#include "util/text_memo.hpp"

namespace perf_check::scoring {

namespace {

using U = std::u32string;
using UV = std::u32string_view;
constexpr std::size_t k_no = std::u32string::npos;
// Real deduction texts are a sentence or two. Longer cells are read up to this many code points (the
// rest is one part not understood), and a condition's free text up to k_max_tail, so that a pathological
// cell cannot make parsing quadratic in its size.
constexpr std::size_t k_max_text = 1000;
constexpr std::size_t k_max_tail = 40;

U to_u32(std::string_view s) {
    U out;
    std::size_t pos = 0;
    while (pos < s.size()) out.push_back(util::next_code_point(s, pos));
    return out;
}

std::string to_utf8(UV s) {
    std::string out;
    for (const char32_t c : s) util::append_utf8(out, c);
    return out;
}

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

// How the value rows' points go with their values: full marks above any points, points off below full
// marks, 不得分 lowest; a single row of a value rises to full marks for meeting the target (`met_full`, or a
// label row of full marks). Label and catch-all rows have no value; points mixed with points off cannot be
// ordered (扣N分 is the weight less N, which the text does not give).
TierOrder order_of(const std::vector<Tier>& tiers, bool met_full) {
    const bool points = std::any_of(tiers.begin(), tiers.end(),
                                    [](const Tier& t) { return !t.full && !t.deduct && t.points > Decimal{}; });
    const bool off = std::any_of(tiers.begin(), tiers.end(), [](const Tier& t) { return t.deduct; });
    if (points && off) return TierOrder::none;
    const Decimal top = Decimal::from_int(1000000);
    std::vector<std::pair<Decimal, Decimal>> ladder;  // (the row's value, its score's rank)
    for (const Tier& t : tiers) {
        if (t.is_label() || t.other) continue;
        ladder.emplace_back(t.low ? *t.low : *t.high, t.full ? top : t.deduct ? top - t.points : t.points);
    }
    // One row of a value beside full marks for meeting the target (达到目标值得满分，完成90%得8分，其余不得分;
    // 完成得满分，完成90%得8分): a step below the target, which is above every step.
    const bool full_label =
        met_full || std::any_of(tiers.begin(), tiers.end(), [](const Tier& t) { return t.is_label() && t.full; });
    if (ladder.size() == 1 && full_label) return TierOrder::rises;
    std::sort(ladder.begin(), ladder.end());
    bool rises = true;
    bool falls = true;
    for (std::size_t i = 1; i < ladder.size(); ++i) {
        if (ladder[i].first == ladder[i - 1].first) continue;
        rises = rises && ladder[i].second >= ladder[i - 1].second;
        falls = falls && ladder[i].second <= ladder[i - 1].second;
    }
    if (rises == falls) return TierOrder::none;  // neither, or every row scores alike
    return rises ? TierOrder::rises : TierOrder::falls;
}

// A ladder's bare points (完成100%得10分，完成90%得8分，完成80%得6分，80%以下不得分) are its steps, not exact
// values: 95% reached the 90% step and scores 8 (read as exactly 90%, it matched no row and fell to the
// default formula). When the rows' points rise with the value, each bare point is the lower bound of a
// band up to the next bound above; when they fall with it (差错率0得满分，1%得5分，2%以上不得分), the upper
// bound of a band from the next bound below. Tables whose order is not known keep their exact points.
void read_points_as_ladder(std::vector<Tier>& tiers, TierOrder order) {
    if (order == TierOrder::none) return;
    const bool rises = order == TierOrder::rises;
    std::vector<Tier> read = tiers;
    for (std::size_t i = 0; i < read.size(); ++i) {
        Tier& t = read[i];
        if (t.other || !t.low || !t.high || *t.low != *t.high) continue;
        const Decimal at = *t.low;
        // The nearest bound of another row beyond the point, and whether that row holds it.
        std::optional<Decimal> next;
        bool next_held = true;
        for (std::size_t j = 0; j < tiers.size(); ++j) {
            const Tier& o = tiers[j];
            const std::optional<Decimal>& bound = rises ? o.low : o.high;
            if (j == i || o.other || !bound || (rises ? *bound <= at : *bound >= at)) continue;
            if (!next || (rises ? *bound < *next : *bound > *next)) {
                next = bound;
                next_held = rises ? o.low_inclusive : o.high_inclusive;
            }
        }
        (rises ? t.high : t.low) = next;
        (rises ? t.high_inclusive : t.low_inclusive) = next ? !next_held : true;
    }
    tiers = std::move(read);
}

// Punctuation that only separates clauses. '.' is handled by the caller (it is a decimal point between
// digits). '-' and '/' are kept: they take part in ranges and units.
bool is_separator(char32_t c) {
    switch (c) {
        case U',': case U';': case U':': case U'!': case U'?': case U'(': case U')': case U'[': case U']':
        case U'"': case U'\'': case U'、': case U'。': case U'“': case U'”': case U'‘': case U'’':
        case U'《': case U'》': case U'【': case U'】': case U'〔': case U'〕': case U'…': case U'～':
        case U'~': case U'｡': case U'､':
            return true;
        default:
            return false;
    }
}

// Where a (含) or (不含) stood in the normalised text, and which it was.
struct InclusionMark {
    std::size_t at;  ///< the position in the normalised text it was read out of
    bool inclusive;  ///< (含): the bound itself is past it; (不含): it is not
};

// A bracketed (含) / (不含) at `open` (the '('): (含), (不含), (包含), (不包含), (含本数), (含80%), spaces
// anywhere inside. Returns whether it includes, and the position of its ')'; nullopt for other brackets.
std::optional<std::pair<bool, std::size_t>> inclusion_mark(const U& text, std::size_t open) {
    std::size_t i = open + 1;
    const auto skip_spaces = [&] {
        while (i < text.size() && util::is_space(text[i])) ++i;
    };
    const auto word = [&](UV w) {
        skip_spaces();
        if (UV(text).substr(i, w.size()) != w) return false;
        i += w.size();
        return true;
    };
    const bool negated = word(U"不");
    word(U"包");
    if (!word(U"含")) return std::nullopt;
    // What it includes, if said: 本数, or the bound again (80%, 80分, 20万元) — a short run with a digit.
    if (!word(U"本数")) {
        const std::size_t from = i;
        bool digit = false;
        while (i < text.size() && text[i] != U')' && i - from < 12) {
            digit = digit || is_digit(text[i]);
            ++i;
        }
        if (i > from && !digit) return std::nullopt;
    }
    skip_spaces();
    if (i >= text.size() || text[i] != U')') return std::nullopt;
    return std::pair{!negated, i};
}

// A list's number at `i` (1. / 1、 / 1) / (1) / ① / 一、): its value and where it ends (spaces after it
// skipped), and whether what follows can start a clause (not a digit: 1.5分 may be a decimal).
struct ListNumber {
    int value = 0;
    std::size_t end = 0;
    bool clause_follows = false;
    bool circled = false;  ///< ①–⑳: never anything but a list's number
};

std::optional<ListNumber> list_number(const U& s, std::size_t i) {
    ListNumber n;
    std::size_t j = i;
    if (j >= s.size()) return std::nullopt;
    if (s[j] >= U'\u2460' && s[j] <= U'\u2473') {
        n.value = static_cast<int>(s[j] - U'\u2460') + 1;
        n.circled = true;
        ++j;
    } else if (s[j] == U'(') {
        std::size_t k = j + 1;
        while (k < s.size() && is_digit(s[k]) && k - j <= 3) n.value = n.value * 10 + static_cast<int>(s[k++] - U'0');
        if (k == j + 1 || k - j > 3 || k >= s.size() || s[k] != U')') return std::nullopt;
        j = k + 1;
    } else if (const auto at = UV(U"一二三四五六七八九十").find(s[j]); at != UV::npos) {
        if (j + 1 >= s.size() || s[j + 1] != U'、') return std::nullopt;
        n.value = static_cast<int>(at) + 1;
        j += 2;
    } else {
        std::size_t k = j;
        // At most three digits are read (a long run is no list's number, and its value would overflow).
        while (k < s.size() && is_digit(s[k]) && k - j < 3) n.value = n.value * 10 + static_cast<int>(s[k++] - U'0');
        if (k == j || k - j > 2 || k >= s.size() || (s[k] != U'.' && s[k] != U'、' && s[k] != U')')) {
            return std::nullopt;
        }
        j = k + 1;
    }
    while (j < s.size() && util::is_space(s[j])) ++j;
    if (j >= s.size() || is_separator(s[j])) return std::nullopt;
    n.end = j;
    // 1.2024年10月底前完成得满分: a year, not the decimal 1.2024.
    const bool year = j + 4 < s.size() && is_digit(s[j]) && is_digit(s[j + 1]) && is_digit(s[j + 2]) &&
                      is_digit(s[j + 3]) && s[j + 4] == U'年';
    n.clause_follows = year || (!is_digit(s[j]) && s[j] != U'.');
    return n;
}

// A lead-in naming the column (评分标准：…, 扣分标准：…) at `i`, before the text itself: where it ends; `i`
// when there is none.
std::size_t after_lead_in(const U& s, std::size_t i) {
    const UV at = UV(s).substr(i);
    for (const UV lead :
         {UV(U"评(扣)分标准"), UV(U"评(扣分标准)"), UV(U"评分标准"), UV(U"扣分标准"), UV(U"计分标准"), UV(U"评分细则"),
          UV(U"评分办法"), UV(U"计分方法"), UV(U"评分方法"), UV(U"按以下标准计分"), UV(U"按以下标准评分")}) {
        if (at.substr(0, lead.size()) == lead && at.size() > lead.size() &&
            (at[lead.size()] == U':' || at[lead.size()] == U'：')) {
            return i + lead.size() + 1;
        }
    }
    return i;
}

// Whether the line break at `i` ends the clause written so far (`out`): it ends with 分 or 止 (a row's
// points, 扣完为止) and the next line does not go on with it (满意度90分⏎以上得满分, 扣1分⏎为止).
bool clause_ends_at_break(const U& out, const U& s, std::size_t i) {
    if (out.empty() || (out.back() != U'分' && out.back() != U'止')) return false;
    std::size_t j = i;
    while (j < s.size() && util::is_space(s[j])) ++j;
    const UV next = UV(s).substr(j);
    for (const UV on : {UV(U"以上"), UV(U"以下"), UV(U"以内"), UV(U"及"), UV(U"的"), UV(U"得"), UV(U"扣"), UV(U"为止"),
                        UV(U"计"), UV(U"点"), UV(U"比"), UV(U"值"), UV(U"钟"), UV(U"("), UV(U")")}) {
        if (next.substr(0, on.size()) == on) return false;
    }
    return true;
}

U normalize_u32(std::string_view text, std::vector<InclusionMark>* marks = nullptr) {
    const U folded = to_u32(util::fold(text));
    U out;
    int next_number = 1;  // the list number a clause may start with: 1, then one more each
    for (std::size_t i = 0; i < folded.size(); ++i) {
        const char32_t c = folded[i];
        // A line break after a clause's end (…得8分, 扣完为止) ends the clause: a table a line a row. Elsewhere
        // it is a cell's wrapping (每超过5万⏎元扣1分, 80%以下不⏎得分) and nothing, as other spaces are; before a
        // list's number the number ends the clause.
        if ((c == U'\n' || c == U'\r') && clause_ends_at_break(out, folded, i) && out.back() != U',') {
            out.push_back(U',');
            continue;
        }
        if (util::is_space(c) || c == U'\t') continue;
        // A lead-in before the text, after a list's number too (1.评分标准：…): dropped.
        if (out.empty()) {
            if (const std::size_t after = after_lead_in(folded, i); after != i) {
                i = after - 1;
                continue;
            }
        }
        // A list's numbers (1.完成100%得10分；2.完成90%得8分) are no part of a clause: at a clause's start, or
        // after a space, the next number of the list (4.80%以下不得分 after 1. 2. 3.: not 4.8%), or a first one
        // when a clause follows (1.5%以内 is a decimal); ①–⑳ anywhere. (Normalising twice gives the same text,
        // which the parser relies on: every number a second pass would take as a list's is taken by the first.
        // A list may start again at 1.)
        const bool after_space = i > 0 && util::is_space(folded[i - 1]);  // a line break too
        const bool clause_start = out.empty() || out.back() == U',' || after_space;
        if (const auto n = list_number(folded, i);
            n && (n->circled || (clause_start && ((n->clause_follows && (n->value == 1 || n->value == next_number)) ||
                                                  (n->value == next_number && next_number > 1))))) {
            if (!out.empty() && out.back() != U',') out.push_back(U',');
            if (!n->circled) next_number = n->value + 1;
            i = n->end - 1;
            continue;
        }
        // (含) / (不含) after a bound only say whether it is inclusive: read out of the text (90%(含)以上
        // reads as 90%以上) and kept as marks, for the cut-off they stand in.
        if (c == U'(') {
            if (const auto mark = inclusion_mark(folded, i)) {
                if (marks) marks->push_back({out.size(), mark->first});
                i = mark->second;
                continue;
            }
        }
        // 80%~90%: a range, not two clauses.
        if ((c == U'~' || c == U'～') && !out.empty() && (is_digit(out.back()) || out.back() == U'%')) {
            std::size_t j = i + 1;
            while (j < folded.size() && util::is_space(folded[j])) ++j;
            if (j < folded.size() && is_digit(folded[j])) {
                out.push_back(U'-');
                continue;
            }
        }
        bool sep = is_separator(c);
        if (c == U'.') {
            // A decimal point sits between digits (spaces already skipped on the left).
            std::size_t j = i + 1;
            while (j < folded.size() && util::is_space(folded[j])) ++j;
            const bool digit_before = !out.empty() && is_digit(out.back());
            const bool digit_after = j < folded.size() && is_digit(folded[j]);
            sep = !(digit_before && digit_after);
        }
        if (sep) {
            if (!out.empty() && out.back() != U',') out.push_back(U',');
            continue;
        }
        out.push_back(c);
    }
    while (!out.empty() && out.back() == U',') out.pop_back();
    return out;
}

struct Unit {
    UV word;
    const char* canonical;
};

// Longest first within a shared prefix is handled by longest-match in unit_at().
constexpr Unit k_units[] = {
    {U"个百分点", "%"},
    {U"百分点", "%"},
    {U"百分比", "%"},
    {U"%", "%"},
    {U"万元", "万元"},
    {U"亿元", "亿元"},
    {U"千元", "千元"},
    {U"万", "万元"},
    {U"亿", "亿元"},
    {U"元", "元"},
    {U"个工作日", "工作日"},
    {U"工作日", "工作日"},
    {U"个自然日", "天"},
    {U"自然日", "天"},
    {U"个自然月", "月"},
    {U"自然月", "月"},
    {U"个星期", "周"},
    {U"星期", "周"},
    {U"个季度", "季度"},
    {U"季度", "季度"},
    {U"个月", "月"},
    {U"月", "月"},
    {U"天", "天"},
    {U"日", "天"},
    {U"周", "周"},
    {U"小时", "小时"},
    {U"分钟", "分钟"},
    {U"年", "年"},
    {U"岁", "岁"},
    {U"人次", "人次"},
    {U"人", "人"},
    {U"个", "个"},
    {U"项", "项"},
    {U"次", "次"},
    {U"户", "户"},
    {U"家", "家"},
    {U"所", "所"},
    {U"件", "件"},
    {U"台", "台"},
    {U"套", "套"},
    {U"份", "份"},
    {U"篇", "篇"},
    {U"处", "处"},
    {U"条", "条"},
    {U"名", "名"},
    {U"批", "批"},
    {U"场", "场"},
    {U"座", "座"},
    {U"辆", "辆"},
    {U"起", "起"},
    {U"例", "例"},
    {U"宗", "宗"},
    {U"吨", "吨"},
    {U"亩", "亩"},
    {U"公里", "公里"},
    {U"千米", "公里"},
    {U"平方米", "平方米"},
    {U"米", "米"},
    // Units model::convert_unit converts (a review found 每减少500公斤 and 1平方公里 not understood).
    {U"平方公里", "平方公里"},
    {U"公顷", "公顷"},
    {U"公斤", "公斤"},
    {U"千克", "千克"},
    {U"克", "克"},
    {U"厘米", "厘米"},
    {U"毫米", "毫米"},
    {U"人/次", "人次"},
};

// Units that can follow 每 directly, meaning one of them: 每项, 每人, 每次.
constexpr Unit k_item_units[] = {
    {U"个百分点", "%"}, {U"百分点", "%"}, {U"项", "项"}, {U"人次", "人次"}, {U"人", "人"}, {U"个", "个"},
    {U"次", "次"},      {U"处", "处"},    {U"件", "件"}, {U"户", "户"},     {U"家", "家"}, {U"条", "条"},
    {U"名", "名"},      {U"天", "天"},    {U"日", "天"}, {U"个月", "月"},   {U"月", "月"}, {U"批", "批"},
    {U"篇", "篇"},      {U"份", "份"},    {U"起", "起"}, {U"例", "例"},     {U"宗", "宗"},
};

struct Verb {
    UV word;
    StepDirection direction;
};

// Direction words after 每 (single characters included: 每超平均年龄1岁, 每少1人).
constexpr Verb k_step_verbs[] = {
    {U"超过", StepDirection::over},
    {U"超出", StepDirection::over},
    {U"超支", StepDirection::over},
    {U"高于", StepDirection::over},
    {U"多于", StepDirection::over},
    {U"增加", StepDirection::over},
    {U"超", StepDirection::over},
    {U"多", StepDirection::over},
    {U"低于", StepDirection::under},
    {U"少于", StepDirection::under},
    {U"减少", StepDirection::under},
    {U"降低", StepDirection::under},
    {U"下降", StepDirection::under},
    {U"不足", StepDirection::under},
    {U"缺少", StepDirection::under},
    {U"短缺", StepDirection::under},
    {U"缺", StepDirection::under},
    {U"少", StepDirection::under},
    {U"低", StepDirection::under},
    {U"延迟", StepDirection::delay},
    {U"延期", StepDirection::delay},
    {U"推迟", StepDirection::delay},
    {U"逾期", StepDirection::delay},
    {U"滞后", StepDirection::delay},
    {U"拖延", StepDirection::delay},
    {U"晚", StepDirection::delay},
    // 每发生1起扣5分 (safety indicators, target =0起): each occurrence counts over the target.
    {U"发生", StepDirection::over},
    {U"出现", StepDirection::over},
};

// Direction words that open a threshold or an implicit step without 每: 少于1%扣0.5分, 低于100%每1%….
constexpr Verb k_threshold_verbs[] = {
    {U"低于", StepDirection::under},
    {U"少于", StepDirection::under},
    {U"不足", StepDirection::under},
    {U"不到", StepDirection::under},
    {U"减少", StepDirection::under},
    {U"降低", StepDirection::under},
    {U"下降", StepDirection::under},
    {U"超过", StepDirection::over},
    {U"超出", StepDirection::over},
    {U"高于", StepDirection::over},
    {U"多于", StepDirection::over},
    {U"延迟", StepDirection::delay},
    {U"推迟", StepDirection::delay},
    {U"逾期", StepDirection::delay},
    {U"延期", StepDirection::delay},
    {U"超支", StepDirection::over},
    {U"小于", StepDirection::under},
    {U"大于", StepDirection::over},
    // The value itself included (r_threshold reads 等于 in the verb): 低于或等于80%不得分.
    {U"低于或等于", StepDirection::under},
    {U"少于或等于", StepDirection::under},
    {U"小于或等于", StepDirection::under},
    {U"小于等于", StepDirection::under},
    {U"高于或等于", StepDirection::over},
    {U"超过或等于", StepDirection::over},
    {U"大于或等于", StepDirection::over},
    {U"大于等于", StepDirection::over},
};

// Threshold verbs that name a gap rather than a bound: 减少10人以上 is 10 short of the target, not below 10.
constexpr UV k_gap_verbs[] = {U"减少", U"降低", U"下降", U"超支"};

// What the number after 低于/超过 and the words before it (`subject`) measure. A gap from the target: a gap verb
// (减少10人), a difference of percentages (低于目标20个百分点), or the target or budget named (超过预算20%,
// 低于目标值10%的) — unless the words make it a share of the target: 目标值的80% (the words end in 的), or a
// % too large for a gap (低于目标值80%: below 80% of it, not more than 80% under it). Otherwise a bound of the
// actual (低于80%).
struct BoundReading {
    bool gap = false;
    bool share_of_target = false;  ///< a % of the target: on a % indicator the completion rate, not the actual
};

BoundReading read_bound(UV verb, bool in_points, UV subject, const Decimal& value, const std::string& unit) {
    BoundReading r;
    const bool gap_verb = std::find(std::begin(k_gap_verbs), std::end(k_gap_verbs), verb) != std::end(k_gap_verbs);
    const bool names_target = subject.find(U"目标") != UV::npos || subject.find(U"指标值") != UV::npos;
    if (gap_verb || in_points) {
        r.gap = true;
        return r;
    }
    if (names_target && unit == "%" && (subject.ends_with(U"的") || value >= Decimal::from_int(50))) {
        r.share_of_target = true;
        return r;
    }
    r.gap = names_target || subject.find(U"预算") != UV::npos;
    return r;
}

struct Threshold {
    StepDirection direction;
    Decimal value;
    std::string unit;
    BoundReading reading;
};

class Parser {
public:
    explicit Parser(std::string_view text) : m_s(normalize_u32(text, &m_marks)) { m_f.text = to_utf8(m_s); }

    Formula run() {
        if (m_s.empty()) return m_f;
        m_step_text = has_step();
        if (!m_step_text && tier_table()) return m_f;
        if (whole_text_unsupported()) return m_f;
        const std::size_t n = std::min(m_s.size(), k_max_text);
        std::size_t i = 0;
        while (i < n) {
            if (m_s[i] == U',') {
                flush_unknown();
                m_adjacent = false;
                ++i;
                continue;
            }
            const std::size_t e = recognise(i);
            if (e != k_no) {
                i = e;
                m_adjacent = false;
                continue;
            }
            if (m_unknown.empty()) m_unknown_from = i;
            m_unknown.push_back(m_s[i]);
            m_adjacent = true;
            ++i;
        }
        flush_unknown();
        if (n < m_s.size()) {
            const std::size_t shown = std::min(m_s.size(), n + 30);
            m_f.pieces.push_back(Piece{PieceKind::unparsed, to_utf8(slice(n, shown)) + (shown < m_s.size() ? "…" : ""),
                                       -1, n, m_s.size()});
        }
        drop_dangling_conditions();
        return std::move(m_f);
    }

private:
    // ---- low-level matching -------------------------------------------------------------------
    [[nodiscard]] std::size_t lit(std::size_t p, UV w) const {
        if (p > m_s.size() || m_s.size() - p < w.size()) return k_no;
        return m_s.compare(p, w.size(), w) == 0 ? p + w.size() : k_no;
    }

    [[nodiscard]] std::size_t any(std::size_t p, std::initializer_list<UV> words) const {
        std::size_t best = k_no;
        for (const UV w : words) {
            const std::size_t e = lit(p, w);
            if (e != k_no && (best == k_no || e > best)) best = e;
        }
        return best;
    }

    struct Num {
        Decimal value;
        std::size_t end;
    };

    [[nodiscard]] std::optional<Num> number(std::size_t p) const {
        const std::size_t n = m_s.size();
        if (p >= n) return std::nullopt;
        if (is_digit(m_s[p])) {
            std::size_t q = p;
            std::string ascii;
            while (q < n && is_digit(m_s[q])) ascii += static_cast<char>(m_s[q++]);
            if (q + 1 < n && m_s[q] == U'.' && is_digit(m_s[q + 1])) {
                ascii += '.';
                ++q;
                while (q < n && is_digit(m_s[q])) ascii += static_cast<char>(m_s[q++]);
            }
            const auto d = Decimal::parse(ascii);
            if (!d) return std::nullopt;
            return Num{*d, q};
        }
        if (m_s[p] == U'半') return Num{Decimal::from_raw(500000), p + 1};
        // Small Chinese numerals: 一, 两, 十, 十五, 二十, 一百.
        std::int64_t total = 0;
        std::int64_t cur = 0;
        std::size_t q = p;
        for (; q < n; ++q) {
            const char32_t c = m_s[q];
            int d = -1;
            switch (c) {
                case U'零': case U'〇': d = 0; break;
                case U'一': d = 1; break;
                case U'二': case U'两': d = 2; break;
                case U'三': d = 3; break;
                case U'四': d = 4; break;
                case U'五': d = 5; break;
                case U'六': d = 6; break;
                case U'七': d = 7; break;
                case U'八': d = 8; break;
                case U'九': d = 9; break;
                default: break;
            }
            if (d >= 0) {
                cur = d;
            } else if (c == U'十') {
                total += (cur == 0 ? 1 : cur) * 10;
                cur = 0;
            } else if (c == U'百') {
                if (q == p) break;
                total += cur * 100;
                cur = 0;
            } else {
                break;
            }
        }
        if (q == p) return std::nullopt;
        return Num{Decimal::from_int(total + cur), q};
    }

    [[nodiscard]] std::size_t unit_at(std::size_t p, std::string& canonical, const Unit* begin,
                                      const Unit* end) const {
        std::size_t best = k_no;
        for (const Unit* u = begin; u != end; ++u) {
            const std::size_t e = lit(p, u->word);
            if (e != k_no && (best == k_no || e > best)) {
                best = e;
                canonical = u->canonical;
            }
        }
        return best;
    }
    // The unit after a number: a known one (k_units), else a measure word of its own (册, 盏, 课时); then a
    // rate's second unit after '/' (元/亩, 万元/公里, 人/班).
    std::size_t unit_at(std::size_t p, std::string& canonical) const {
        std::size_t e = single_unit_at(p, canonical);
        if (e == k_no || e >= m_s.size() || m_s[e] != U'/') return e;
        std::string per;
        if (const std::size_t f = single_unit_at(e + 1, per); f != k_no) {
            canonical += "/" + per;
            e = f;
        }
        return e;
    }
    std::size_t single_unit_at(std::size_t p, std::string& canonical) const {
        const std::size_t e = unit_at(p, canonical, std::begin(k_units), std::end(k_units));
        if (e == k_no) return measure_word_at(p, canonical);
        // A bare 万 / 亿 before another unit is its multiple (1万人次, 0.1万人, 1万册), money only before 元.
        if (e == p + 1 && (canonical == "万元" || canonical == "亿元")) {
            std::string next;
            std::size_t f = unit_at(e, next, std::begin(k_units), std::end(k_units));
            if (f == k_no) f = measure_word_at(e, next);
            if (f != k_no && next.find("元") == std::string::npos && next != "%" && next != "万元" && next != "亿元") {
                canonical = (canonical == "万元" ? "万" : "亿") + next;
                return f;
            }
        }
        return e;
    }
    // A measure word no list names, after a number: one or two Chinese characters that are no word of the
    // text's grammar (name_char: 分 is points; 扣, 的, 以, 不, 时, 者 … go on with the rule), followed by the
    // end or a character of k_after (a comma, 扣, 的, 部分, 以上, 不, 减, 得, '/' …). 每少100册扣1分 counts in
    // 册; 每少100册图书 has none; 低于90时不得分 has none (时 is 'when').
    [[nodiscard]] std::size_t measure_word_at(std::size_t p, std::string& canonical) const {
        constexpr UV k_after = U",;。扣的则部以及或不减得/)";
        const auto ends = [&](std::size_t i) { return i >= m_s.size() || k_after.find(m_s[i]) != UV::npos; };
        if (!name_char(p)) return k_no;
        std::size_t e = p + 1;
        if (!ends(e)) {
            // The second character may be one of the grammar's (课时, 学时): the first says it is a word.
            if (m_s[e] < U'\u4E00' || m_s[e] > U'\u9FFF' || !ends(e + 1)) return k_no;
            ++e;
        }
        canonical = to_utf8(slice(p, e));
        return e;
    }
    // A Chinese character that may name a thing (a measure word, what is counted), not one of the words
    // a rule is made of.
    [[nodiscard]] bool name_char(std::size_t i) const {
        constexpr UV k_grammar =
            U"扣的则以及或不得分减部每按计超低高少多内上下前后至到达未为共累合总加和与时者即将均各外应须需可视当且并再"
            U"又仍也满差千百";
        return i < m_s.size() && m_s[i] >= U'\u4E00' && m_s[i] <= U'\u9FFF' && k_grammar.find(m_s[i]) == UV::npos;
    }

    template <std::size_t N>
    std::size_t verb_at(std::size_t p, const Verb (&verbs)[N], StepDirection& dir) const {
        std::size_t best = k_no;
        for (const Verb& v : verbs) {
            const std::size_t e = lit(p, v.word);
            if (e != k_no && (best == k_no || e > best)) {
                best = e;
                dir = v.direction;
            }
        }
        return best;
    }

    // Skips separators and the fillers 的 and 则 (between a step or condition and its points:
    // 每超平均年龄1岁的，扣0.5分; 低于80%则不得分).
    [[nodiscard]] std::size_t skip_soft(std::size_t p) const {
        while (p < m_s.size() && (m_s[p] == U',' || m_s[p] == U'的' || m_s[p] == U'则')) ++p;
        return p;
    }

    [[nodiscard]] UV slice(std::size_t from, std::size_t to) const { return UV(m_s).substr(from, to - from); }

    void add_piece(PieceKind kind, std::size_t from, std::size_t to, int index = -1) {
        m_f.pieces.push_back(Piece{kind, to_utf8(slice(from, to)), index, from, to});
    }

    // ---- whole-text forms -----------------------------------------------------------------------
    // Ranking and tiered tables are out of scope: recognised on the whole text, reported, not misread.
    bool whole_text_unsupported() {
        const std::size_t n = m_s.size();
        bool ranking = false;
        bool tiered = false;
        bool zero_award = false;      // 得0分 / 不得分: all-or-nothing's other half
        std::vector<Decimal> awards;  // fixed positive awards (得8分, 计6分, 给5分)
        for (std::size_t p = 0; p < n; ++p) {
            if (any(p, {U"排名", U"名次", U"排序", U"位次"}) != k_no) ranking = true;
            if (m_s[p] == U'前' || m_s[p] == U'后' || m_s[p] == U'第') {
                if (const auto num = number(p + 1); num && lit(num->end, U"名") != k_no) ranking = true;
            }
            if (m_s[p] == U'档') tiered = true;
            if (any(p, {U"不得分", U"零分"}) != k_no) zero_award = true;
            if (bare_zero_after_miss(p)) zero_award = true;
            if (m_s[p] == U'得' || m_s[p] == U'计' || m_s[p] == U'给' || m_s[p] == U'记') {
                if (const auto num = number(p + 1); num && lit(num->end, U"分") != k_no) {
                    if (num->value > Decimal{}) {
                        if (std::find(awards.begin(), awards.end(), num->value) == awards.end()) {
                            awards.push_back(num->value);
                        }
                    } else {
                        zero_award = true;
                    }
                }
            }
        }
        // Fixed awards are rows of a tier table, but for one amount beside 得0分/不得分 (完成得10分，未完成
        // 得0分): that is all-or-nothing, the amount being the weight's, which the parts say (the amount
        // itself is named as not understood); and likewise for one amount beside a step (全部完成得10分，
        // 每少完成1个扣2分), which the step scores.
        const bool step = m_step_text;
        if (awards.size() > 1 || (awards.size() == 1 && !zero_award && !step)) tiered = true;
        // Outcomes for bands of values (超出5%以内扣2分，超出5%以上不得分; 90%以上得满分，80%-90%得5分，
        // 80%以下不得分) are a tier table too, however each tier is worded. Beside a step the bands are its
        // full-marks line and cut-off (90%以上得满分，每降低1个百分点扣1分，80%以下不得分), which are read.
        if (!step && bands() >= 2 && outcomes(zero_award, awards.size()) >= 2) tiered = true;
        if (!ranking && !tiered) return false;
        const auto kind = ranking ? UnsupportedKind::ranking : UnsupportedKind::tiered;
        m_f.unsupported.push_back({kind, m_f.text});
        m_f.pieces.push_back(Piece{PieceKind::unsupported, m_f.text, -1, 0, m_s.size()});
        return true;
    }

    // ---- tier tables (分档计分) --------------------------------------------------------------------
    // A text made only of "<condition><outcome>" clauses is a tier table: 好得满分，较好得15分，一般得10分，差不得分;
    // 90%(含)以上得10分，80%-90%得8分，80%以下不得分; 满意度≥90%得满分，80%≤满意度<90%得8分. A condition is a label
    // (好, 部分达成) or a band of values; an outcome is full marks, N points, none, or N points off. Strict: a
    // clause that is neither (nor a floor, 最低0分) leaves the text to the rest of the grammar. Two rows of which
    // one scores nothing (完成得满分，未完成不得分; 90%以上得10分，90%以下不得分) are all-or-nothing or a cut-off,
    // which the grammar reads already.
    bool tier_table() {
        const std::size_t n = std::min(m_s.size(), k_max_text);
        if (n < m_s.size()) return false;
        std::vector<Tier> tiers;
        std::vector<Piece> pieces;
        bool floor = false;
        bool met_full = false;
        std::optional<Decimal> stated;
        std::size_t p = 0;
        while (p < n) {
            std::size_t e = m_s.find(U',', p);
            if (e == k_no) e = n;
            if (e == p) {
                ++p;
                continue;
            }
            if (r_floor(p, false) == e) {
                floor = true;
                pieces.push_back(Piece{PieceKind::floor, to_utf8(slice(p, e)), -1, p, e});
                p = e + 1;
                continue;
            }
            // 满分10分，好得满分，…: the weight stated first is no row; nor is one stated last
            // (…，差不得分（本项10分）).
            std::optional<Decimal> weight;
            const bool first = tiers.empty();
            const bool last = !first && !stated && e >= n;
            if (const std::size_t w = first || last ? weight_clause(p, &weight) : k_no;
                w != k_no && (first || w >= n)) {
                stated = weight;
                pieces.push_back(Piece{PieceKind::weight, to_utf8(slice(p, w)), -1, p, w});
                p = w + 1;
                continue;
            }
            Tier t;
            std::size_t end = e;
            if (!tier_row(p, e, t)) {
                // 达到目标值得满分 among the rows: full marks when the target is met, as scoring gives anyway.
                if (const std::size_t c = met_then_full(p, e); c != k_no) {
                    met_full = true;
                    pieces.push_back(Piece{PieceKind::condition_met, to_utf8(slice(p, c)), -1, p, c});
                    pieces.push_back(Piece{PieceKind::full_marks, to_utf8(slice(c, e)), -1, c, e});
                    p = e + 1;
                    continue;
                }
                // 好:满分 — the colon splits a row into its condition and its outcome.
                std::size_t f = e + 1 < n ? m_s.find(U',', e + 1) : k_no;
                if (f == k_no) f = n;
                if (e >= n || !outcome_of(e + 1, f, t) || !condition_of(p, e, t)) return false;
                end = f;
            }
            t.source = source_with_marks(p, end);
            pieces.push_back(Piece{PieceKind::tier, t.source, static_cast<int>(tiers.size()), p, end});
            tiers.push_back(std::move(t));
            p = end + 1;
        }
        // One row beside full marks for meeting the target is a table too (达到目标值得满分，完成90%得8分), but not
        // one scoring nothing (达到目标值得满分，低于80%不得分: a cut-off, as the grammar reads it).
        const bool step_below_full = met_full && tiers.size() == 1 && !tiers[0].deduct && tiers[0].points > Decimal{};
        if (tiers.size() < 2 && !step_below_full) return false;
        // Points off one side of a bound, with no range among the rows, is an implicit step (达到指标值得满分，
        // 少于1%扣0.5分), not a tier.
        const bool range = std::any_of(tiers.begin(), tiers.end(), [](const Tier& t) { return t.low && t.high; });
        for (const Tier& t : tiers)
            if (t.deduct && t.is_band() && !range && (!t.low || !t.high)) return false;
        // Two rows, one of them a label and one scoring nothing, are all-or-nothing (完成得满分，未完成不得分;
        // 完成得10分，未完成得0分) or full marks beside a cut-off (完成得满分，低于80%不得分), as the grammar reads
        // them.
        if (tiers.size() == 2 && !met_full) {
            const bool label = tiers[0].is_label() || tiers[1].is_label();
            for (const Tier& t : tiers)
                if (label && !t.full && !t.deduct && !t.other && t.points == Decimal{}) return false;
        }
        m_f.tier_order = order_of(tiers, met_full);
        read_points_as_ladder(tiers, m_f.tier_order);
        m_f.tiers = std::move(tiers);
        m_f.pieces = std::move(pieces);
        m_f.floor_zero = floor;
        m_f.stated_weight = stated;
        m_f.full_marks = met_full;
        return true;
    }

    // A clause [p, e) that is a condition of meeting the target and full marks for it, with no number
    // (达到目标值得满分, 完成年度目标的得满分): where the full marks start; k_no otherwise.
    std::size_t met_then_full(std::size_t p, std::size_t e) {
        for (std::size_t i = p; i < e; ++i)
            if (is_digit(m_s[i])) return k_no;
        const std::size_t c = r_condition_met(p, false);
        if (c == k_no || c >= e) return k_no;
        return r_award_full(c, false) == e ? c : k_no;
    }

    // One row in [p, e): a condition, then an outcome that ends the clause.
    bool tier_row(std::size_t p, std::size_t e, Tier& t) {
        for (std::size_t q = p + 1; q < e; ++q) {
            Tier row;
            if (outcome_of(q, e, row) && condition_of(p, q, row)) {
                t = std::move(row);
                return true;
            }
        }
        return false;
    }

    // An outcome filling [p, e) exactly: 得满分 / 满分, 得N分 / N分, 不得分 / 得0分, 扣N分.
    bool outcome_of(std::size_t p, std::size_t e, Tier& t) const {
        if (any(p, {U"得该项满分", U"得本项满分", U"得满分", U"得标准分", U"得全分", U"计满分", U"记满分", U"给满分",
                    U"给予满分", U"为满分", U"满分"}) == e) {
            t.full = true;
            return true;
        }
        if (any(p, {U"该项不得分", U"此项不得分", U"本项不得分", U"不得分", U"不计分", U"不给分", U"得零分", U"计零分",
                    U"为零分", U"零分"}) == e) {
            return true;  // points stay 0
        }
        std::size_t q = p;
        if (const std::size_t d = any(p, {U"扣除", U"扣减", U"扣", U"减"}); d != k_no) {
            t.deduct = true;
            q = d;
        } else if (const std::size_t g = any(p, {U"得", U"计", U"记", U"给", U"为"}); g != k_no) {
            q = g;
        }
        if (q >= e || !is_digit(m_s[q])) return false;
        const auto num = number(q);
        if (!num || lit(num->end, U"分") != e) return false;
        if (t.deduct && num->value == Decimal{}) return false;
        t.points = num->value;
        return true;
    }

    // The condition of a row, [p, e) with the fillers before its outcome (的, 则, 时, 者, 即) left out: a band
    // when it holds a digit, else a label of a few words.
    bool condition_of(std::size_t p, std::size_t e, Tier& t) const {
        while (e > p && (m_s[e - 1] == U'的' || m_s[e - 1] == U'则' || m_s[e - 1] == U'时' || m_s[e - 1] == U'者' ||
                         m_s[e - 1] == U'即')) {
            --e;
        }
        if (e == p) return false;
        const UV cond = slice(p, e);
        // 其余不得分, 其他情况得5分: every actual no row above holds.
        for (const UV w :
             {UV(U"其他"), UV(U"其它"), UV(U"其余"), UV(U"否则"), UV(U"其他情况"), UV(U"其余情况"), UV(U"其它情况")}) {
            if (cond == w) {
                t.other = true;
                return true;
            }
        }
        // The weight written first (本项分值10分，…, 满分10分，…) is no row; nor a comparison with the target or
        // the budget (低于目标值不得分), which is no label the actual is written as.
        for (const UV w : {UV(U"分值"), UV(U"权重"), UV(U"满分"), UV(U"本项"), UV(U"该项"), UV(U"该指标"), UV(U"共"),
                           UV(U"总分"), UV(U"目标"), UV(U"指标值"), UV(U"预算"), UV(U"计划")}) {
            if (cond.find(w) != UV::npos) return false;
        }
        for (const char32_t c : cond)
            if (is_digit(c)) return band_of(p, e, t);
        // A level's name before its points (产出指标（40分）：…) is no grade the actual is written as.
        if (cond.size() >= 2 && cond.substr(cond.size() - 2) == U"指标") return false;
        // Words of the grammar's other forms are no label: 每…, 扣…, 按比例…, 视情况….
        for (const UV w : {UV(U"每"), UV(U"扣"), UV(U"按比例"), UV(U"按完成"), UV(U"按实际"), UV(U"视"), UV(U"酌情"),
                           UV(U"加"), UV(U"≥"), UV(U"≤"), UV(U">"), UV(U"<"), UV(U"=")}) {
            if (cond.find(w) != UV::npos) return false;
        }
        if (cond.size() > 16) return false;
        t.label = to_utf8(cond);
        return true;
    }

    // Comparison words before a number: which bound of the band it is, and whether the number is in it.
    struct BandWord {
        UV word;
        bool lower;      ///< the number is the band's lower bound (≥, 达到, 高于); else its upper (≤, 低于)
        bool inclusive;  ///< the number itself is in the band
    };
    static constexpr BandWord k_band_words[] = {
        {U"≥", true, true},       {U">=", true, true},        {U"大于等于", true, true},    {U"大于或等于", true, true},
        {U"不低于", true, true},  {U"不少于", true, true},    {U"不小于", true, true},      {U"达到", true, true},
        {U"≧", true, true},       {U">", true, false},        {U"大于", true, false},       {U"高于", true, false},
        {U"超过", true, false},   {U"多于", true, false},     {U"≤", false, true},          {U"<=", false, true},
        {U"≦", false, true},      {U"小于等于", false, true}, {U"小于或等于", false, true}, {U"不高于", false, true},
        {U"不超过", false, true}, {U"不大于", false, true},   {U"不多于", false, true},     {U"<", false, false},
        {U"小于", false, false},  {U"低于", false, false},    {U"不足", false, false},      {U"少于", false, false},
        {U"不到", false, false},  {U"未达到", false, false},
    };
    [[nodiscard]] std::size_t band_word_at(std::size_t p, const BandWord*& found) const {
        std::size_t best = k_no;
        for (const BandWord& w : k_band_words) {
            const std::size_t e = lit(p, w.word);
            if (e != k_no && (best == k_no || e > best)) {
                best = e;
                found = &w;
            }
        }
        return best;
    }

    // A number with its unit at `p` inside [p, e), and the (含) / (不含) written after it.
    struct BandNumber {
        Decimal value;
        std::string unit;
        std::optional<bool> inclusion;
        std::size_t end = 0;
    };
    [[nodiscard]] std::optional<BandNumber> band_number(std::size_t p, std::size_t e) const {
        if (p >= e || !is_digit(m_s[p])) return std::nullopt;
        const auto num = number(p);
        if (!num || num->end > e) return std::nullopt;
        BandNumber b{num->value, {}, std::nullopt, num->end};
        std::string unit;
        if (const std::size_t u = unit_at(num->end, unit); u != k_no && u <= e) {
            b.unit = std::move(unit);
            b.end = u;
        } else if (const std::size_t s = lit(num->end, U"分"); s != k_no && s <= e) {
            // In a condition 分 is what the actual is measured in (满意度90分以上得满分), not points: those are
            // the outcome's.
            b.unit = "分";
            b.end = s;
        }
        b.inclusion = mark_at(b.end);
        return b;
    }

    // A band of values in [p, e): [subject] [word] N [以上|以下|以内]; [subject] N - M [之间]; N ≤ subject < M; or
    // [subject] N alone (exactly N). A subject naming the target, the budget or a comparison with another
    // year (超出预算5%以内, 较上年提高) is not a band of the actual: no row.
    bool band_of(std::size_t p, std::size_t e, Tier& t) const {
        for (const UV w :
             {UV(U"较"), UV(U"比"), UV(U"每"), UV(U"偏差"), UV(U"误差"), UV(U"差距"), UV(U"超出"), UV(U"超支")}) {
            if (slice(p, e).find(w) != UV::npos) return false;
        }
        t.of_rate = slice(p, e).find(U"完成率") != UV::npos;
        // Subject words until a number or a comparison word.
        std::size_t q = p;
        const BandWord* word = nullptr;
        std::size_t after_word = k_no;
        while (q < e && !is_digit(m_s[q])) {
            after_word = band_word_at(q, word);
            if (after_word != k_no) break;
            ++q;
        }
        if (after_word != k_no) q = after_word;
        const auto first = band_number(q, e);
        if (!first) return false;
        std::size_t r = first->end;
        const auto set_unit = [&](const std::string& unit) {
            if (unit.empty()) return true;
            if (!t.unit.empty() && t.unit != unit) return false;
            t.unit = unit;
            return true;
        };
        if (!set_unit(first->unit)) return false;
        if (word) {
            // [subject] ≥ 90% [以上]: one bound.
            (word->lower ? t.low : t.high) = first->value;
            bool inclusive = first->inclusion.value_or(word->inclusive);
            if (const std::size_t s = any(r, {U"及以上", U"以上", U"及以下", U"以下", U"以内", U"及以内"}); s != k_no) {
                const bool up = any(r, {U"及以上", U"以上"}) != k_no;
                if (up != word->lower) return false;
                r = s;
                inclusive = first->inclusion.value_or(mark_at(s).value_or(inclusive));
            }
            (word->lower ? t.low_inclusive : t.high_inclusive) = inclusive;
            if (r == e) return true;
            // 大于等于80%小于90%: a second word and bound close the band.
            const BandWord* other = nullptr;
            const std::size_t b = band_word_at(r, other);
            if (b == k_no || other->lower == word->lower) return false;
            const auto second = band_number(b, e);
            if (!second || second->end != e || !set_unit(second->unit)) return false;
            (other->lower ? t.low : t.high) = second->value;
            (other->lower ? t.low_inclusive : t.high_inclusive) = second->inclusion.value_or(other->inclusive);
            return !(t.low && t.high && *t.high < *t.low);
        }
        // 90%以上 includes 90% (以上、以下、以内 include the number); a (含) or (不含) after the number or the word
        // decides.
        if (const std::size_t s = any(r, {U"及以上", U"以上"}); s != k_no) {
            t.low = first->value;
            t.low_inclusive = first->inclusion.value_or(mark_at(s).value_or(true));
            return s == e;
        }
        if (const std::size_t s = any(r, {U"及以下", U"以下", U"及以内", U"以内"}); s != k_no) {
            t.high = first->value;
            t.high_inclusive = first->inclusion.value_or(mark_at(s).value_or(true));
            return s == e;
        }
        if (r == e) {
            t.low = t.high = first->value;  // 完成率100%: exactly
            return true;
        }
        // 80%-90%, 80%~90%, 80%至90%, 80%(含)-90%(不含)之间, 在80%与90%之间.
        if (const std::size_t s = any(r, {U"-", U"—", U"——", U"–", U"至", U"到", U"与", U"和"}); s != k_no) {
            const auto second = band_number(s, e);
            if (!second || !set_unit(second->unit)) return false;
            std::size_t z = second->end;
            const std::size_t between = lit(z, U"之间");
            if (between != k_no) z = between;
            if ((m_s[r] == U'与' || m_s[r] == U'和') && between == k_no) return false;  // 与 / 和 say 之间
            if (z != e || second->value < first->value) return false;
            t.low = first->value;
            t.low_inclusive = first->inclusion.value_or(true);
            t.high = second->value;
            t.high_inclusive = second->inclusion.value_or(true);
            return true;
        }
        // 80%≤满意度<90%: N, a word, the subject, a word, M.
        const BandWord* lower = nullptr;
        const std::size_t a = band_word_at(r, lower);
        if (a == k_no || lower->lower) return false;
        std::size_t m = a;
        const BandWord* upper = nullptr;
        std::size_t b = k_no;
        while (m < e && (b = band_word_at(m, upper)) == k_no) ++m;
        if (b == k_no || upper->lower) return false;
        const auto second = band_number(b, e);
        if (!second || second->end != e || !set_unit(second->unit) || second->value < first->value) return false;
        t.low = first->value;
        t.low_inclusive = lower->inclusive;
        t.high = second->value;
        t.high_inclusive = upper->inclusive;
        return true;
    }

    // The (含) / (不含) read out of the text at `at`, if one was.
    [[nodiscard]] std::optional<bool> mark_at(std::size_t at) const {
        for (const auto& mark : m_marks)
            if (mark.at == at) return mark.inclusive;
        return std::nullopt;
    }

    // [from, to) as written, a (含) / (不含) read out of it put back.
    [[nodiscard]] std::string source_with_marks(std::size_t from, std::size_t to) const {
        U source;
        for (std::size_t i = from; i < to; ++i) {
            for (const auto& mark : m_marks)
                if (mark.at == i) source += mark.inclusive ? U"(含)" : U"(不含)";
            source += m_s[i];
        }
        return to_utf8(source);
    }

    // True when the text holds a step (每…扣N分).
    bool has_step() {
        for (std::size_t p = 0; p < m_s.size(); ++p) {
            if (m_s[p] == U'每' && r_step(p, false) != k_no) return true;
        }
        return false;
    }

    // How many conditions name a band of values: a number (with its unit) followed by 以内/以上/以下, or a
    // range N-M.
    std::size_t bands() const {
        std::size_t count = 0;
        for (std::size_t p = 0; p < m_s.size();) {
            const auto num = number(p);
            if (!num) {
                ++p;
                continue;
            }
            std::size_t q = num->end;
            std::string unit;
            if (const std::size_t u = unit_at(q, unit); u != k_no) q = u;
            const bool range =
                q < m_s.size() &&
                (m_s[q] == U'-' || m_s[q] == U'~' || m_s[q] == U'—' || m_s[q] == U'至' || m_s[q] == U'到') &&
                number(q + 1);
            if (range || any(q, {U"以内", U"以上", U"以下", U"及以上", U"及以下"}) != k_no) ++count;
            p = num->end;
        }
        return count;
    }

    // How many outcomes the text names: fixed awards, 不得分 / 得0分, full marks, fixed deductions.
    std::size_t outcomes(bool zero_award, std::size_t awards) {
        std::size_t count = awards + (zero_award ? 1 : 0);
        bool full = false;
        for (std::size_t p = 0; p < m_s.size(); ++p) {
            if (!full && r_award_full(p, false) != k_no) full = true;
            Decimal points;
            Delta kind = Delta::none;
            if ((m_s[p] == U'扣' || m_s[p] == U'减') && delta_at(p, points, kind) != k_no) ++count;
        }
        return count + (full ? 1 : 0);
    }

    // ---- recognisers: each returns the end of its match or k_no; effects only when `apply` --------
    std::size_t r_floor(std::size_t p, bool apply) {
        std::size_t e =
            any(p, {U"扣完为止",         U"扣完即止",         U"扣至0分为止",      U"扣至零分为止", U"扣至0分",
                    U"扣至零分",         U"最低零分",         U"最低0分",          U"最低为零分",   U"最低为0分",
                    U"最低得0分",        U"最低得零分",       U"最低为零",         U"最低为0",      U"直至扣完",
                    U"扣完本项分值为止", U"本项分值扣完为止", U"该项分值扣完为止", U"分值扣完为止", U"扣完为限",
                    U"不得为负",         U"不出现负分",       U"扣到0分为止",      U"扣到零分为止", U"减至0分为止",
                    U"减至零分为止",     U"减到0分为止",      U"直到0分",          U"直至0分",      U"直到零分",
                    U"直至零分"});
        if (e == k_no) {
            // 扣完本项分为止, 扣完该指标分值为止 …: 扣完 … 为止 within one clause.
            const std::size_t q = lit(p, U"扣完");
            if (q != k_no) {
                for (std::size_t k = q; k < m_s.size() && k < q + 10 && m_s[k] != U','; ++k) {
                    if (const std::size_t z = lit(k, U"为止"); z != k_no) {
                        e = z;
                        break;
                    }
                }
            }
        }
        if (e == k_no) return k_no;
        if (apply) {
            m_f.floor_zero = true;
            add_piece(PieceKind::floor, p, e);
        }
        return e;
    }

    std::size_t r_cap(std::size_t p, bool apply) {
        std::size_t e = any(p, {U"满分为止", U"以满分为限", U"最高得满分", U"最高不超过满分", U"不超过满分",
                                U"至满分为止", U"得满分为止", U"最高为满分", U"以满分为上限", U"最高不超过标准分",
                                U"不超过标准分", U"不超过该项分值", U"不超过本项分值"});
        if (e != k_no) {
            if (apply) {
                m_f.cap_full = true;
                add_piece(PieceKind::cap, p, e);
            }
            return e;
        }
        std::size_t q = any(p, {U"累计最多", U"累计最高", U"合计最多", U"最多可", U"最多", U"最高", U"累计"});
        if (q != k_no) {
            q = any(q, {U"扣除", U"扣减", U"扣", U"减"});
        } else {
            q = lit(p, U"扣分");
            if (q != k_no) q = any(q, {U"上限为", U"上限", U"最多为", U"最多", U"不超过", U"最高为", U"最高"});
        }
        if (q == k_no) return k_no;
        const auto num = number(q);
        if (!num) return k_no;
        e = lit(num->end, U"分");
        if (e == k_no) return k_no;
        if (apply) {
            m_f.cap = num->value;
            add_piece(PieceKind::cap, p, e);
        }
        return e;
    }

    std::size_t r_partial(std::size_t p, bool apply) {
        std::size_t q = any(p, {U"不满", U"不足", U"不够", U"未满", U"未达"});
        if (q == k_no) return k_no;
        const auto first = number(q);
        if (!first) return k_no;
        std::string unit1;
        q = first->end;
        if (const std::size_t u = unit_at(q, unit1); u != k_no) q = u;
        if (const std::size_t z = any(q, {U"的部分", U"的", U"部分"}); z != k_no) q = z;
        q = any(q, {U"按", U"以", U"作"});
        if (q == k_no) return k_no;
        const auto second = number(q);
        if (!second) return k_no;
        std::string unit2;
        q = second->end;
        if (const std::size_t u = unit_at(q, unit2); u != k_no) q = u;
        if (const std::size_t z = any(q, {U"计算", U"计", U"算", U"扣分", U"扣", U"处理"}); z != k_no) q = z;
        if (apply) {
            m_f.partial = second->value;
            m_f.partial_unit = unit2.empty() ? unit1 : unit2;
            add_piece(PieceKind::partial, p, q);
        }
        return q;
    }

    std::size_t r_proportional(std::size_t p, bool apply) {
        Proportional kind = Proportional::completion;
        std::size_t e = any(p, {U"按比例扣分", U"按比例扣减", U"按比例减分", U"按比例扣除"});
        if (e != k_no) {
            kind = Proportional::deduction;
        } else {
            e = any(p, {U"按实际完成率乘以标准分", U"按实际完成率乘以分值", U"按实际完成率乘以该项分值",
                        U"按完成率乘以标准分", U"按完成率乘以分值", U"按实际完成比例", U"按完成比例",
                        U"按实际完成率", U"按完成率", U"按完成进度比例", U"按完成程度", U"按比例"});
        }
        if (e == k_no) return k_no;
        if (const std::size_t z = any(e, {U"计算得分", U"计算分值", U"计算", U"计分", U"得分", U"给分", U"打分", U"计"});
            z != k_no && kind == Proportional::completion) {
            e = z;
        }
        if (apply) {
            m_f.proportional = kind;
            add_piece(PieceKind::proportional, p, e);
        }
        return e;
    }

    // A bare 0分 at `p` straight after a missed condition (未完成0分, 未达标的0分): all-or-nothing's other half.
    // Not 扣到0分为止 or 直到0分 (a floor), nor the end of another number (10分).
    [[nodiscard]] bool bare_zero_after_miss(std::size_t p) const {
        if (lit(p, U"0分") == k_no || any(p + 2, {U"为止", U"止"}) != k_no) return false;
        std::size_t q = p;
        if (q > 0 && m_s[q - 1] == U'的') --q;
        for (const UV miss :
             {UV(U"未完成"), UV(U"未达标"), UV(U"未达到"), UV(U"不达标"), UV(U"否则"), UV(U"不合格"), UV(U"未实现")}) {
            if (q >= miss.size() && slice(q - miss.size(), q) == miss) return true;
        }
        return false;
    }

    std::size_t r_all_or_nothing(std::size_t p, bool apply) {
        std::size_t e =
            any(p, {U"该项不得分", U"此项不得分", U"本项不得分", U"不得分", U"不计分", U"得0分", U"得零分", U"计0分",
                    U"计零分", U"记0分", U"得分为0", U"得分为零", U"为0分", U"为零分", U"零分", U"不给分"});
        if (e == k_no && bare_zero_after_miss(p)) e = lit(p, U"0分");
        if (e == k_no) return k_no;
        if (apply) {
            m_f.all_or_nothing = true;
            add_piece(PieceKind::all_or_nothing, p, e);
        }
        return e;
    }

    std::size_t r_discretionary(std::size_t p, bool apply) {
        std::size_t e = any(p, {U"视具体情况", U"视完成情况", U"视实际情况", U"根据实际情况", U"根据完成情况",
                                U"根据情况", U"视情节", U"视其情况", U"视情况", U"酌情", U"视情"});
        if (e == k_no) return k_no;
        if (const std::size_t z = any(e, {U"扣分", U"扣减", U"扣除", U"减分", U"扣", U"减", U"给分", U"打分",
                                          U"评分", U"得分", U"计分"});
            z != k_no) {
            e = z;
        }
        if (apply) {
            m_f.discretionary = true;
            add_piece(PieceKind::discretionary, p, e);
        }
        return e;
    }

    std::size_t r_award_full(std::size_t p, bool apply) {
        const std::size_t e = any(p, {U"得该项满分", U"得本项满分", U"得满分", U"得标准分", U"得全分", U"计满分",
                                      U"记满分", U"给满分", U"给予满分", U"满分"});
        if (e == k_no) return k_no;
        if (apply) {
            m_f.full_marks = true;
            if (!m_f.pieces.empty() && m_f.pieces.back().kind == PieceKind::condition_met) {
                m_f.full_marks_bound = bound_in(m_f.pieces.back().from, m_f.pieces.back().to);
            }
            add_piece(PieceKind::full_marks, p, e);
        }
        return e;
    }

    // The first bound written in [from, to) (达到90%以上, 控制在105万元以内).
    [[nodiscard]] std::optional<Formula::FullMarksBound> bound_in(std::size_t from, std::size_t to) const {
        for (std::size_t k = from; k < to; ++k) {
            if (!number(k)) continue;
            const auto b = bound_at(k, true);
            if (!b || b->unit_end > to) return std::nullopt;
            return Formula::FullMarksBound{b->value, b->unit, b->at_least};
        }
        return std::nullopt;
    }

    // A bound written number first at `p`: the number, its unit, then 以上 / 及以上 (at least) or 以下 / 及以下
    // (at most), and 以内 too when `within` (80%以下, 90%以上, 105万元以内).
    struct Bound {
        Decimal value;
        std::string unit;
        bool in_points = false;  ///< the unit is 百分点: a difference of percentages
        bool at_least = true;
        std::size_t unit_end = 0;  ///< after the number and its unit
        std::size_t end = 0;       ///< after 以上 / 以下
    };
    [[nodiscard]] std::optional<Bound> bound_at(std::size_t p, bool within) const {
        const auto num = number(p);
        if (!num) return std::nullopt;
        Bound b;
        b.value = num->value;
        std::size_t q = num->end;
        if (const std::size_t u = unit_at(q, b.unit); u != k_no) q = u;
        b.in_points = slice(num->end, q).find(U"百分点") != UV::npos;
        b.unit_end = q;
        if (const std::size_t e = any(q, {U"及以上", U"以上"}); e != k_no) {
            b.end = e;
        } else if (const std::size_t f = within ? any(q, {U"及以下", U"以下", U"以内"}) : any(q, {U"及以下", U"以下"});
                   f != k_no) {
            b.at_least = false;
            b.end = f;
        } else {
            return std::nullopt;
        }
        return b;
    }

    enum class Delta { none, deduct, bonus };

    // 扣1分 / 减0.5分 / 扣除2分 → deduct; 加1分 → bonus. Sets `points` and returns the end.
    std::size_t delta_at(std::size_t p, Decimal& points, Delta& kind) const {
        kind = Delta::deduct;
        std::size_t q = any(p, {U"扣除", U"扣减", U"扣去", U"减去", U"扣", U"减"});
        if (q == k_no) {
            kind = Delta::bonus;
            q = any(p, {U"加计", U"奖励", U"加", U"奖"});
        }
        if (q == k_no) return k_no;
        const auto num = number(q);
        if (!num) return k_no;
        const std::size_t e = lit(num->end, U"分");
        if (e == k_no) return k_no;
        points = num->value;
        return e;
    }

    // 每[verb][words]N[unit][的] … 扣M分, or 每项扣M分. `thr` carries a preceding 低于100%.
    std::size_t r_step(std::size_t p, bool apply, const Threshold* thr = nullptr) {
        std::size_t q = lit(p, U"每");
        if (q == k_no) return k_no;
        Step step;
        if (thr) step.direction = thr->direction;
        StepDirection dir{};
        if (const std::size_t v = verb_at(q, k_step_verbs, dir); v != k_no) {
            step.direction = dir;
            q = v;
        }
        std::string unit;
        std::size_t subject_from = q;
        std::size_t subject_to = q;
        auto num = number(q);
        if (num) {
            step.size = num->value;
            q = num->end;
            if (const std::size_t u = unit_at(q, unit); u != k_no) q = u;
        } else if (const std::size_t u = unit_at(q, unit, std::begin(k_item_units), std::end(k_item_units));
                   u != k_no) {
            q = u;  // 每项, 每人: one of them
        } else {
            // A named quantity before the number: 每超平均年龄1岁, 每低于目标1个百分点.
            std::size_t k = q;
            for (; k < m_s.size() && k < q + 10 && m_s[k] != U',' && m_s[k] != U'扣'; ++k) {
                if (number(k)) break;
            }
            num = number(k);
            if (!num || k == q) return k_no;
            subject_to = k;
            step.size = num->value;
            q = num->end;
            if (const std::size_t u = unit_at(q, unit); u != k_no) q = u;
        }
        step.unit = unit;
        if (const std::size_t z = any(q, {U"的部分", U"部分"}); z != k_no) q = z;
        Decimal points;
        Delta kind = Delta::none;
        std::size_t e = delta_at(skip_soft(q), points, kind);
        if (e == k_no) {
            // What is counted, named after the number and its unit (每少100套设备, 每减少1户贫困户): the unit
            // stays the one written, or the target's when none is (每少100册图书).
            std::size_t n = q;
            if (name_char(n)) ++n;  // then any Chinese character but the rule's next word (课时, 床位)
            while (n > q && n < q + 6 && n < m_s.size() && m_s[n] >= U'\u4E00' && m_s[n] <= U'\u9FFF' &&
                   m_s[n] != U'扣' && m_s[n] != U'的' && m_s[n] != U'则' && m_s[n] != U'减')
                ++n;
            if (n == q || (e = delta_at(skip_soft(n), points, kind)) == k_no) return k_no;
            // 个 only counts what follows it (每少1个课时, 每少1个项目): the indicator's own unit.
            if (unit == "个") step.unit.clear();
        }
        if (step.size <= Decimal{}) {
            // 每超过0万元扣1分 counts no steps (a division by zero): said to be not understood, so the
            // default formula scores it and deduction-unparsed names it.
            if (apply) add_unparsed(p, e);
            return e;
        }
        if (apply) {
            if (kind == Delta::bonus) {
                m_f.unsupported.push_back({UnsupportedKind::bonus, to_utf8(slice(p, e))});
                add_piece(PieceKind::unsupported, p, e);
                return e;
            }
            step.points = points;
            step.subject = subject_words(subject_from, subject_to);
            if (thr) {
                step.threshold = thr->value;
                step.threshold_unit = thr->unit;
                step.threshold_gap = thr->reading.gap;
                step.threshold_of_target = thr->reading.share_of_target;
            }
            step.source = to_utf8(slice(p, e));
            attach_subject(step);
            m_f.steps.push_back(std::move(step));
            add_piece(PieceKind::step, p, e, static_cast<int>(m_f.steps.size()) - 1);
        }
        return e;
    }

    // 低于100%每1%扣2分 (threshold), 少于1%扣0.5分 (implicit step), 低于80%不得分 (a condition).
    std::size_t r_threshold(std::size_t p, bool apply) {
        StepDirection dir{};
        std::size_t q = verb_at(p, k_threshold_verbs, dir);
        if (q == k_no) return k_no;
        const UV verb = slice(p, q);
        std::size_t k = q;
        for (; k < m_s.size() && k < q + 8 && m_s[k] != U',' && m_s[k] != U'每' && m_s[k] != U'扣'; ++k) {
            if (number(k)) break;
        }
        const auto num = number(k);
        if (!num) return k_no;
        const std::size_t subject_from = q;
        const std::size_t subject_to = k;
        std::string unit;
        q = num->end;
        if (const std::size_t u = unit_at(q, unit); u != k_no) q = u;
        const bool in_points = slice(num->end, q).find(U"百分点") != UV::npos;  // a difference of percentages
        bool inclusive = verb.find(U"等于") != UV::npos;                        // 低于或等于, 大于等于
        if (const std::size_t z = any(q, {U"及以上", U"及以下", U"以上", U"以下"}); z != k_no) {
            q = z;
            inclusive = true;
        } else if (const std::size_t w = any(q, {U"的部分", U"部分", U"时"}); w != k_no) {
            q = w;
        }
        const std::size_t cond_end = q;
        const std::size_t next = skip_soft(q);
        const BoundReading reading = read_bound(verb, in_points, slice(subject_from, subject_to), num->value, unit);
        Threshold thr{dir, num->value, unit, reading};
        if (const std::size_t e = r_step(next, false, &thr); e != k_no) {
            if (apply) {
                add_piece(PieceKind::threshold, p, cond_end);
                r_step(next, true, &thr);
            }
            return e;
        }
        Decimal points;
        Delta kind = Delta::none;
        if (const std::size_t e = delta_at(next, points, kind); e != k_no) {
            if (apply) {
                if (kind == Delta::bonus) {
                    m_f.unsupported.push_back({UnsupportedKind::bonus, to_utf8(slice(p, e))});
                    add_piece(PieceKind::unsupported, p, e);
                    return e;
                }
                if (num->value <= Decimal{}) {  // 超过0个扣1分: no step size (see r_step)
                    add_unparsed(p, e);
                    return e;
                }
                Step step;
                step.direction = dir;
                step.size = num->value;
                step.unit = unit;
                step.points = points;
                step.implicit = true;
                step.subject = subject_words(subject_from, subject_to);
                step.source = to_utf8(slice(p, e));
                attach_subject(step);
                m_f.steps.push_back(std::move(step));
                add_piece(PieceKind::step, p, e, static_cast<int>(m_f.steps.size()) - 1);
            }
            return e;
        }
        // A bound with 不得分 is a cut-off wherever it stands: 0 past it, and a smaller miss is left to the rest
        // of the text or, alone, to the defaults. (Alone it was all-or-nothing: 0 for 92% against ≥95% under
        // 低于80%不得分, which the text does not say; at the target, 低于95%不得分 scores the same either way.)
        if (const std::size_t e = r_all_or_nothing(next, false); e != k_no) {
            if (apply) {
                Cutoff c;
                c.direction = dir;
                c.value = num->value;
                c.unit = unit;
                // 减少10人, 低于目标值20个百分点: the gap from the target, not a bound of the actual (read_bound).
                c.gap = reading.gap;
                c.of_rate = reading.share_of_target;
                c.inclusive = inclusive;
                add_cutoff(std::move(c), p, e);
            }
            return e;
        }
        if (r_discretionary(next, false) != k_no || r_all_or_nothing(next, false) != k_no ||
            r_proportional(next, false) != k_no) {
            if (apply) add_piece(PieceKind::condition_missed, p, cond_end);
            return cond_end;
        }
        return k_no;
    }

    // A cut-off written number first: 80%以下不得分 (超出20%以上的不得分 is r_threshold's).
    std::size_t r_band_cutoff(std::size_t p, bool apply) {
        const auto b = bound_at(p, false);
        if (!b) return k_no;
        const std::size_t e = r_all_or_nothing(skip_soft(b->end), false);
        if (e == k_no) return k_no;
        if (apply) {
            Cutoff c;
            c.direction = b->at_least ? StepDirection::over : StepDirection::under;
            c.value = b->value;
            c.unit = b->unit;
            c.gap = b->in_points;
            c.inclusive = true;  // 以上 / 以下 include the value (a (不含) in it says otherwise: add_cutoff)
            add_cutoff(std::move(c), p, e);
        }
        return e;
    }

    // What a (含) or (不含) written in a cut-off, from `from` to before `to`, says of its bound:
    // 低于80%(含)不得分 and 低于(含)80%不得分 include 80%, 80%以下(不含)不得分 does not.
    [[nodiscard]] std::optional<bool> stated_inclusion(std::size_t from, std::size_t to) const {
        std::optional<bool> said;
        for (const auto& mark : m_marks) {
            if (mark.at >= from && mark.at < to) said = mark.inclusive;
        }
        return said;
    }

    void add_cutoff(Cutoff c, std::size_t from, std::size_t to) {
        if (m_adjacent && !m_unknown.empty()) {
            // Text glued before it names what it measures (满意度低于80%不得分): part of the cut-off.
            from = m_unknown_from;
            m_unknown.clear();
        }
        // A (含) / (不含) anywhere in it decides, and the quote keeps it: “低于80%不得分” would not say why 80%
        // itself is past it.
        if (const auto said = stated_inclusion(from, to)) c.inclusive = *said;
        c.of_rate = c.of_rate || (c.unit == "%" && !c.gap && slice(from, to).find(U"完成率") != UV::npos);
        c.source = source_with_marks(from, to);
        m_f.cutoffs.push_back(std::move(c));
        add_piece(PieceKind::cutoff, from, to, static_cast<int>(m_f.cutoffs.size()) - 1);
        m_f.pieces.back().text = m_f.cutoffs.back().source;  // explain quotes it as the scorer does
    }

    // A fixed deduction with no step: 未完成扣5分. A bonus (加2分) is recognised and set aside.
    std::size_t r_delta(std::size_t p, bool apply) {
        Decimal points;
        Delta kind = Delta::none;
        const std::size_t e = delta_at(p, points, kind);
        if (e == k_no) return k_no;
        if (apply) {
            if (kind == Delta::bonus) {
                m_f.unsupported.push_back({UnsupportedKind::bonus, to_utf8(slice(p, e))});
                add_piece(PieceKind::unsupported, p, e);
            } else if (m_f.flat) {
                // Two fixed deductions need two conditions we do not model: name the second one.
                add_unparsed(p, e);
            } else {
                m_f.flat = points;
                add_piece(PieceKind::flat, p, e);
            }
        }
        return e;
    }

    std::size_t r_vague(std::size_t p, bool apply) {
        const std::size_t e = any(p, {U"酌情扣分", U"相应扣分", U"适当扣分", U"扣分", U"扣减", U"减分", U"扣除"});
        if (e == k_no) return k_no;
        if (apply) {
            m_f.discretionary = true;
            add_piece(PieceKind::discretionary, p, e);
        }
        return e;
    }

    // Everything that ends the free-text tail of a condition.
    bool strong_at(std::size_t p) {
        return r_floor(p, false) != k_no || r_cap(p, false) != k_no || r_partial(p, false) != k_no ||
               r_proportional(p, false) != k_no || r_all_or_nothing(p, false) != k_no ||
               r_discretionary(p, false) != k_no || r_award_full(p, false) != k_no || r_step(p, false) != k_no ||
               r_threshold(p, false) != k_no || r_band_cutoff(p, false) != k_no || r_delta(p, false) != k_no ||
               r_vague(p, false) != k_no;
    }

    std::size_t condition_tail(std::size_t p) {
        const std::size_t end = std::min({m_s.size(), p + k_max_tail, k_max_text});
        while (p < end && m_s[p] != U',' && !strong_at(p)) ++p;
        return p;
    }

    std::size_t r_condition_met(std::size_t p, bool apply) {
        // 完成率 is what a condition or cut-off measures (完成率低于80%不得分), not 完成.
        if (lit(p, U"完成率") != k_no) return k_no;
        const std::size_t q = any(p, {U"全部完成", U"按时完成", U"按期完成", U"如期完成", U"按要求完成", U"达到",
                                      U"完成", U"达成", U"实现", U"符合", U"满足", U"达标", U"足额", U"控制在"});
        if (q == k_no) return k_no;
        const std::size_t e = condition_tail(q);
        if (points_at_bound(q, e)) return k_no;
        if (apply) add_piece(PieceKind::condition_met, p, e);
        return e;
    }

    // A bound and points for it in a condition's tail (完成90%得8分 beside 每低1%扣0.5分): a score at a point,
    // which no form of the grammar reads. As a condition the points went unsaid (the step scored down from
    // the target, and nothing was named as not understood). 完成得10分 (no bound) and 得满分 stay conditions.
    [[nodiscard]] bool points_at_bound(std::size_t q, std::size_t e) const {
        bool bound = false;
        for (std::size_t i = q; i < e; ++i) {
            if (is_digit(m_s[i])) bound = true;
            if (m_s[i] != U'得' || !bound) continue;
            std::size_t k = i + 1;
            while (k < e && (is_digit(m_s[k]) || m_s[k] == U'.')) ++k;
            if (k > i + 1 && k < e && m_s[k] == U'分') return true;
        }
        return false;
    }

    std::size_t r_condition_missed(std::size_t p, bool apply) {
        const std::size_t q = any(p, {U"未能", U"未", U"没有", U"没", U"不能", U"否则", U"不达标", U"达不到",
                                      U"无法", U"低于", U"少于", U"超过", U"超出", U"超支", U"高于", U"不足",
                                      U"延迟", U"推迟", U"逾期", U"不合格", U"如未", U"若未"});
        if (q == k_no) return k_no;
        const std::size_t e = condition_tail(q);
        if (apply) add_piece(PieceKind::condition_missed, p, e);
        return e;
    }

    std::size_t r_filler(std::size_t p, bool /*apply*/) {
        return any(p, {U"的", U"则", U"时", U"者", U"且", U"并", U"的话", U"计分", U"计算"});
    }

    // A clause that only states the weight: [本项/该项/本指标/该指标/此项][分值/满分/权重/标准分][为/是] N 分, with
    // at least one of the words (10分 alone is no statement of the weight). N goes to `weight` when given.
    [[nodiscard]] std::size_t weight_clause(std::size_t p, std::optional<Decimal>* weight = nullptr) const {
        if (p > 0 && m_s[p - 1] != U',') return k_no;
        std::size_t q = p;
        bool worded = false;
        if (const std::size_t a = any(q, {U"本项指标", U"该项指标", U"本指标", U"该指标", U"本项", U"该项", U"此项"});
            a != k_no) {
            q = a;
            worded = true;
        }
        if (const std::size_t b = any(q, {U"分值", U"满分", U"权重", U"标准分", U"总分"}); b != k_no) {
            q = b;
            worded = true;
        }
        if (!worded) return k_no;
        // 分值为10分; 分值：10分 (the colon is a clause break by now).
        if (const std::size_t c = any(q, {U"为", U"是", U","}); c != k_no) q = c;
        if (q >= m_s.size() || !is_digit(m_s[q])) return k_no;
        const auto num = number(q);
        if (!num) return k_no;
        const std::size_t e = lit(num->end, U"分");
        if (e == k_no || (e < m_s.size() && m_s[e] != U',')) return k_no;
        if (weight != nullptr) *weight = num->value;
        return e;
    }

    std::size_t r_weight(std::size_t p, bool apply) {
        const std::size_t e = weight_clause(p, apply ? &m_f.stated_weight : nullptr);
        if (e == k_no || !apply) return e;
        add_piece(PieceKind::weight, p, e);
        return e;
    }

    std::size_t recognise(std::size_t p) {
        using R = std::size_t (Parser::*)(std::size_t, bool);
        static constexpr R k_order[] = {
            &Parser::r_weight,        &Parser::r_floor,
            &Parser::r_cap,           &Parser::r_partial,
            &Parser::r_proportional,  &Parser::r_all_or_nothing,
            &Parser::r_discretionary, &Parser::r_award_full,
            &Parser::r_step_entry,    &Parser::r_threshold,
            &Parser::r_band_cutoff,   &Parser::r_delta,
            &Parser::r_condition_met, &Parser::r_condition_missed,
            &Parser::r_vague,         &Parser::r_filler,
        };
        for (const R r : k_order) {
            if ((this->*r)(p, false) == k_no) continue;
            const bool is_step = r == &Parser::r_step_entry || r == &Parser::r_threshold;
            const bool is_condition = r == &Parser::r_condition_met || r == &Parser::r_condition_missed;
            if (is_condition && m_adjacent && !m_unknown.empty()) {
                // Unknown text glued to a condition is its subject (满意度达到90%以上): one condition. Ending
                // in a negation it turns a met condition into a missed one (不完成, 无法达到).
                const std::size_t from = m_unknown_from;
                const char32_t last = m_unknown.back();
                const bool negated = last == U'不' || last == U'未' || last == U'没' || last == U'无' || last == U'非';
                m_unknown.clear();
                const std::size_t e = (this->*r)(p, true);
                Piece& piece = m_f.pieces.back();
                piece.from = from;
                piece.text = to_utf8(slice(from, e));
                if (negated && piece.kind == PieceKind::condition_met) piece.kind = PieceKind::condition_missed;
                return e;
            }
            // Unknown text glued to a step names what it measures (满意度每低于…); keep it for attach_subject.
            if (!(is_step && m_adjacent)) flush_unknown();
            const std::size_t before = m_f.pieces.size();
            const std::size_t e = (this->*r)(p, true);
            if (!m_unknown.empty()) {
                // Glued text the step did not take as its subject: keep it, in reading order.
                const std::string t = to_utf8(m_unknown);
                m_f.pieces.insert(m_f.pieces.begin() + static_cast<std::ptrdiff_t>(before),
                                  Piece{PieceKind::unparsed, t, -1, m_unknown_from, m_unknown_from + m_unknown.size()});
                m_unknown.clear();
            }
            return e;
        }
        return k_no;
    }

    std::size_t r_step_entry(std::size_t p, bool apply) { return r_step(p, apply, nullptr); }

    // Words between a step's verb and its number, without the generic ones (目标, 指标值) that name
    // the reference rather than the quantity.
    std::string subject_words(std::size_t from, std::size_t to) const {
        U w(slice(from, to));
        for (const UV generic : {UV(U"目标值"), UV(U"指标值"), UV(U"目标"), UV(U"标准")}) {
            for (std::size_t at = w.find(generic); at != U::npos; at = w.find(generic)) w.erase(at, generic.size());
        }
        return to_utf8(w);
    }

    void attach_subject(Step& step) {
        if (m_unknown.empty() || !m_adjacent) return;
        std::string glued = to_utf8(m_unknown);
        step.subject = step.subject.empty() ? glued : glued + step.subject;
        m_unknown.clear();
    }

    void add_unparsed(std::size_t from, std::size_t to) { add_piece(PieceKind::unparsed, from, to); }

    void flush_unknown() {
        if (m_unknown.empty()) return;
        m_f.pieces.push_back(
            Piece{PieceKind::unparsed, to_utf8(m_unknown), -1, m_unknown_from, m_unknown_from + m_unknown.size()});
        m_unknown.clear();
    }

    // A condition with no consequence after it ("达到指标值" alone) says nothing about scoring.
    void drop_dangling_conditions() {
        auto& pieces = m_f.pieces;
        for (std::size_t k = 0; k < pieces.size(); ++k) {
            if (pieces[k].kind != PieceKind::condition_met && pieces[k].kind != PieceKind::condition_missed) continue;
            bool consequence = false;
            for (std::size_t j = k + 1; j < pieces.size(); ++j) {
                const PieceKind kind = pieces[j].kind;
                if (kind == PieceKind::condition_met || kind == PieceKind::condition_missed ||
                    kind == PieceKind::threshold || kind == PieceKind::unparsed)
                    break;
                if (kind != PieceKind::floor && kind != PieceKind::cap && kind != PieceKind::partial) {
                    consequence = true;
                    break;
                }
            }
            if (!consequence) pieces[k].kind = PieceKind::unparsed;
        }
        // Neighbouring parts not understood read as one: "每" + "超过5万元" is "每超过5万元".
        std::vector<Piece> merged;
        for (auto& piece : pieces) {
            if (!merged.empty() && piece.kind == PieceKind::unparsed && merged.back().kind == PieceKind::unparsed &&
                merged.back().to == piece.from) {
                merged.back().text += piece.text;
                merged.back().to = piece.to;
                continue;
            }
            merged.push_back(std::move(piece));
        }
        pieces = std::move(merged);
        // The list of parts not understood follows reading order.
        m_f.unparsed.clear();
        for (const auto& piece : pieces)
            if (piece.kind == PieceKind::unparsed) m_f.unparsed.push_back(piece.text);
    }

    std::vector<InclusionMark> m_marks;  // declared before m_s: normalize_u32 fills it while m_s is made
    U m_s;
    Formula m_f;
    U m_unknown;
    std::size_t m_unknown_from = 0;
    bool m_adjacent = false;  // the unknown run touches the current position (no separator between)
    bool m_step_text = false;  // the text holds a step
};

}  // namespace

std::string normalize_deduction_text(std::string_view text) { return to_utf8(normalize_u32(text)); }

std::shared_ptr<const Formula> shared_deduction(std::string_view text) {
    thread_local util::TextMemo<std::shared_ptr<const Formula>> memo;
    return memo.get(text, [](std::string_view t) { return std::make_shared<const Formula>(Parser(t).run()); });
}

Formula parse_deduction(std::string_view text) {
    return *shared_deduction(text);
}

}  // namespace perf_check::scoring
