// The run, top to bottom: rule set → inputs → projects → findings (and scores) → report → outputs.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "io/actuals_file.hpp"
#include "perf_check/report.hpp"
#include "perf_check/ruleset.hpp"
#include "pipeline/run_options.hpp"
#include "rules/active.hpp"
#include "util/fatal.hpp"

namespace perf_check::pipeline {

/// Exit codes of SPEC §5 (a run that could not be done ends as one that ran out of memory does).
enum ExitCode { k_exit_clean = 0, k_exit_findings = 1, k_exit_failed = util::k_exit_fatal };

/// Checks (and scores, with options.score) every input and returns the complete, sorted report.
/// Unreadable files are recorded in Report::files with their error; the others are still processed.
/// With `actuals`, each project gets its actuals joined before checking, and unmatched actuals projects
/// become findings.
/// With `streams`, findings and scores go to them as they are produced (in report order) and the
/// returned report holds only files, summary and monitoring; the caller then calls finish() on each.
Report check_inputs(const RunOptions& options, const RuleSet& rules, const std::vector<rules::ActiveRule>& active,
                    io::ActualsIndex* actuals = nullptr, const std::vector<ReportStream*>& streams = {});

/// The exit code for a finished report: 2 if any file failed, else 1 if a finding is at or above fail_on.
int exit_code(const Report& report, const RunOptions& options);

/// Flushes `out`, which was written to `name` (a path; empty for standard output, named so in either
/// language). False,
/// with a message naming it on `err`, when it could not take everything (a full disk): a report, table
/// or baseline cut short must fail the command (exit 2), never pass for complete.
bool written_whole(std::ostream& out, const std::string& name, std::ostream& err, Lang lang = Lang::zh);

/// True for an output path that means standard output: "" (none given) or "-".
bool is_standard_output(const std::string& path);

/// A file a command reads, and what it is to the user ("the table", "the rule set", …).
struct InputFile {
    std::string path;
    const char* role;
};

/// Why writing `outputs` (paths; "" and "-" are standard output) would destroy what the command reads
/// or another output: the first output that is the same file as an input (the same path, a link or
/// hard link to it) or as an earlier output, in a sentence naming both. nullopt when none is. Outputs
/// are opened, and so truncated, before the inputs are read: `perf-check t.csv -f csv -o t.csv` would
/// lose the table.
std::optional<std::string> output_clash(const std::vector<std::string>& outputs, const std::vector<InputFile>& inputs);

/// Why an output of `outputs` may not be written: one with a table's file name inside a directory of
/// `paths` (it would be read as a table, by this run or the next). nullopt when none is.
std::optional<std::string> output_in_checked_directory(const std::vector<std::string>& outputs,
                                                       const std::vector<std::string>& paths);

/// The whole run: loads the rule set, checks, writes every requested report. Operational errors go to
/// `err` with the file and line; `out` receives reports whose target path is "" or "-".
int run(const RunOptions& options, std::ostream& out, std::ostream& err);

}  // namespace perf_check::pipeline
