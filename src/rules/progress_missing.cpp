// STUB — rule progress-missing is not implemented yet; replace this file with the real rule.
#include "rules/factories.hpp"
#include "rules/rule_util.hpp"

namespace perf_check::rules {

Expected<std::unique_ptr<Rule>> make_progress_missing(const RuleSet& rules, const Params& params) {
    (void)rules;
    (void)params;
    return make_inert_rule();
}

}  // namespace perf_check::rules
