// Instantiating the enabled rules of a rule set, in catalog order so output order never depends on the YAML.
#include "rules/active.hpp"

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
            errors += (errors.empty() ? "" : "\n") + std::string(entry.id) + ": " + rule.error().render();
            continue;
        }
        out.push_back({&entry, settings.severity, std::move(*rule)});
    }
    if (!errors.empty()) return Error{errors, {}};
    return out;
}

}  // namespace perf_check::rules
