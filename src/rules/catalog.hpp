// The explicit table of every rule: id, category, default severity, summary, factory, and the required
// columns it reads.
#pragma once

#include <string_view>
#include <vector>

#include "perf_check/finding.hpp"
#include "perf_check/rule.hpp"

namespace perf_check::rules {

struct CatalogEntry {
    const char* id;        ///< kebab-case, stable: part of the interface
    const char* category;  ///< structure / framework / placeholders / cost / weights / values / deduction / self-evaluation
    Severity severity;     ///< default severity (the rule set may override)
    Text summary;          ///< one line, Chinese and English
    RuleFactory factory;
    /// Required columns (canonical names, as TableInfo::missing_columns lists them) whose cells the rule
    /// judges. On a table without one of them every project would only report that column's absence
    /// again, once per project or indicator, which missing-column says once for the file: the rule does
    /// not run there (rules_for_table).
    std::vector<const char*> reads = {};
};

/// Every rule, in display order.
const std::vector<CatalogEntry>& catalog();

/// The entry with this id, or nullptr.
const CatalogEntry* find_rule(std::string_view id);

}  // namespace perf_check::rules
