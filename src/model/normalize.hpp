// Normalisation: reads raw indicator and project cells into typed values (numbers, comparators,
// units, weights, money in 万元), and records cells that cannot be read as their column's type.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "perf_check/model.hpp"
#include "perf_check/ruleset.hpp"

namespace perf_check::model {

/// Reads a number as people write it in these tables: "4,500.00", "２０分", "90%", "≥50个",
/// " 842.07 ". Returns the quantity (comparator, number, canonical unit). `number` is nullopt when
/// the text holds no leading number ("有效保障", "2024年1-12月" → nullopt, since the number is
/// followed by more text that is not a unit).
/// Remembered per thread (normalisation, rules and the scorer read the same cells, several times
/// each): the reference is valid until the next read_quantity on this thread; copy what must outlive it.
const Quantity& read_quantity(std::string_view text);

/// "万" or "亿" when `q` is a number with a bare multiple (1.2万, 3亿: read as 万元 / 亿元, no 元 written), ""
/// otherwise. Such a value is money only when 度量单位 says so.
std::string_view bare_multiple(const Quantity& q);

/// Canonical unit: "百分比"/"％"/"百分点"/"个百分点" → "%", "万" → "万元", "亿" → "亿元", trims spaces; other
/// units unchanged.
std::string canonical_unit(std::string_view unit);

/// Comparator from a 指标值类型 cell: "≥", ">=", "＞＝", "大于等于", "不低于" … → ge; "定性" → qualitative.
/// Returns Comparator::none for empty or unrecognised text.
Comparator read_comparator(std::string_view text);

/// Sets a cell's text from what was read: `text` normalised (util::fold), `raw` kept only when that
/// changed it (the Cell invariant every reader keeps).
void set_text(Cell& cell, std::string_view read);
/// set_text() of text a reader found to hold no byte of util::is_fold_lead() (RawRow::plain): such text
/// is mostly its own normal form, known from its ends alone, and copied without a scan.
void set_plain_text(Cell& cell, std::string_view read);

/// A weight cell ("20分", "20", "２０", "20.5分") in points; nullopt when it is not a number.
std::optional<Decimal> read_weight(std::string_view text);

/// An amount cell in 万元: "120.5" in the table's money unit, "1205000元", "120.5万元" or "120.5万", "1.2亿元" or
/// "1.2亿" (12000); nullopt for
/// anything else (text, other units, an amount with a comparator).
std::optional<Decimal> money_wan(std::string_view text, MoneyUnit unit);

/// "元", "千元" or "万元".
std::string_view money_unit_name(MoneyUnit unit);
/// The unit named "元", "千元" or "万元"; 万元 for anything else.
MoneyUnit money_unit_named(std::string_view name);
/// `amount` in `unit` as 万元.
Decimal to_wan(Decimal amount, MoneyUnit unit);

/// Recognises a table's grand total. A 合计 row after a project is taken as that project's total, unless
/// two or more projects have been read and its funds are not the project's own but far nearer the sum of
/// all their funds than the project's (a right grand total, or a mistyped one): then it totals the table and is
/// marked `grand`, so that it is compared with the projects' sum and not with one project's funds or
/// weights. Feed it every project of one table, in order, after normalize_project().
class GrandTotals {
public:
    /// The sum of funds over the projects seen so far.
    struct Running {
        Decimal funds_sum;
        int projects = 0;
        bool complete = true;  ///< every project's funds were readable: funds_sum is the table's
    };
    void see(Project& project) { mark(project, add(project.funds_wan)); }
    /// Counts in the next project by its funds (nullopt: unreadable); returns the sum including it.
    Running add(const std::optional<Decimal>& funds_wan);
    /// Marks the grand totals among `project`'s total rows, given the sum including it (from add()).
    static void mark(Project& project, const Running& with_it);

private:
    Running m_running;
};

/// Fills the derived fields of every indicator (comparator, value, weight_points, placeholder,
/// problems) and of the project (funds_wan, problems), using the rule set's placeholder tokens.
void normalize_project(Project& project, const RuleSet& rules);

}  // namespace perf_check::model
