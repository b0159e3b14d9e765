// Instantiating the enabled rules of a rule set, in catalog order so output order never depends on the YAML.
#include "rules/active.hpp"

#include <algorithm>

namespace perf_check::rules {

Expected<std::vector<ActiveRule>> build_active_rules(const RuleSet& set) {
    std::vector<ActiveRule> out;
    std::string errors;
    for (const auto& entry : catalog()) {
        const auto it = set.rules.find(entry.id);
        const RuleSettings settings = it == set.rules.end() ? RuleSettings{true, entry.severity, {}} : it->second;
        if (!settings.enabled) continue;
        auto rule = entry.factory(set, settings.params);
        if (!rule) {
            if (!errors.empty()) errors += '\n';
            errors.append(entry.id).append(": ").append(rule.error().render());
            continue;
        }
        out.push_back({&entry, settings.severity, std::move(*rule)});
    }
    if (!errors.empty()) return Error{errors, {}};
    return out;
}

std::vector<const ActiveRule*> rules_for_table(const std::vector<ActiveRule>& active,
                                               const std::vector<std::string>& missing_columns) {
    std::vector<const ActiveRule*> out;
    out.reserve(active.size());
    for (const auto& r : active) {
        const bool reads_missing = std::any_of(r.entry->reads.begin(), r.entry->reads.end(), [&](const char* column) {
            return std::find(missing_columns.begin(), missing_columns.end(), column) != missing_columns.end();
        });
        if (!reads_missing) out.push_back(&r);
    }
    return out;
}

}  // namespace perf_check::rules
