// The explicit table of every rule: id, category, default severity, summary, factory.
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
};

/// Every rule, in display order.
const std::vector<CatalogEntry>& catalog();

/// The entry with this id, or nullptr.
const CatalogEntry* find_rule(std::string_view id);

}  // namespace perf_check::rules
