// The small commands besides check/score: listing rules, showing a rule's doc, converting a table.
#pragma once

#include <ostream>
#include <string>

#include "io/open_table.hpp"
#include "perf_check/finding.hpp"
#include "perf_check/ruleset.hpp"

namespace perf_check::pipeline {

/// `perf-check rules`: id, severity (as the rule set has it), summary; one line each, aligned.
int list_rules(const RuleSet& rules, Lang lang, std::ostream& out);

/// A rule set that cannot be loaded, as the run reports it (exit 2): the errors with their lines, then
/// what to do, in Chinese too.
void write_rule_set_error(const std::string& path, const Error& error, std::ostream& err);

/// `perf-check rules ID`: the rule's doc (rules/docs/ID.md, compiled in). Unknown id → exit 2 with a
/// did-you-mean.
int show_rule(const std::string& id, std::ostream& out, std::ostream& err);

/// `perf-check convert PATH --to json|csv`: the canonical JSON model, or the clean single-header CSV
/// (UTF-8 with BOM, every cell filled). Writes to `out`.
int convert(const std::string& path, const std::string& to, const io::ReadOptions& read, const RuleSet& rules,
            std::ostream& out, std::ostream& err, Lang lang = Lang::zh);

}  // namespace perf_check::pipeline
