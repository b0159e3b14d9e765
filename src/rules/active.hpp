// The enabled rules of a rule set, instantiated once per run.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "perf_check/expected.hpp"
#include "perf_check/rule.hpp"
#include "perf_check/ruleset.hpp"
#include "rules/catalog.hpp"

namespace perf_check::rules {

struct ActiveRule {
    const CatalogEntry* entry;
    Severity severity;
    std::unique_ptr<Rule> rule;
};

/// Builds every enabled rule of `set`, in catalog order. Errors of all factories are collected into one.
Expected<std::vector<ActiveRule>> build_active_rules(const RuleSet& set);

/// The rules of `active` that judge the projects of a table lacking `missing_columns` (TableInfo's
/// canonical names): all but those that read one of them (CatalogEntry::reads), in the same order.
std::vector<const ActiveRule*> rules_for_table(const std::vector<ActiveRule>& active,
                                               const std::vector<std::string>& missing_columns);

}  // namespace perf_check::rules
