// Loading rule sets from YAML into the typed RuleSet. The only place yaml-cpp is included.
#pragma once

#include <string>
#include <string_view>

#include "perf_check/expected.hpp"
#include "perf_check/ruleset.hpp"

namespace perf_check::config {

/// The compiled-in rules/default.yaml, loaded and validated (cached after the first call).
const RuleSet& default_rule_set();

/// Loads a rule set from YAML text. `origin` names it in errors ("my.yaml"). With `extends: default`
/// the text overrides the default set key by key; without it, it must be complete. Every unknown key
/// and bad value is reported, all together, one "origin:line:col: message" line each, with a
/// did-you-mean where a known key is close. Rule parameters are validated by building each rule.
Expected<RuleSet> load_rule_set_text(std::string_view yaml, const std::string& origin);

/// Reads the file at `path` and loads it as above; an unreadable file is an Error naming it.
Expected<RuleSet> load_rule_set_file(const std::string& path);

}  // namespace perf_check::config
