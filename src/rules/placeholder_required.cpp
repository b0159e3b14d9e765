// STUB — rule placeholder-required is not implemented yet; replace this file with the real rule.
#include "rules/factories.hpp"
#include "rules/rule_util.hpp"

namespace perf_check::rules {

Expected<std::unique_ptr<Rule>> make_placeholder_required(const RuleSet& rules, const Params& params) {
    (void)rules;
    if (auto err = reject_unknown(params, "placeholder-required", {})) return *err;
    return make_inert_rule();
}

}  // namespace perf_check::rules
