// The enabled rules of a rule set, instantiated once per run.
#pragma once

#include <memory>
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

}  // namespace perf_check::rules
