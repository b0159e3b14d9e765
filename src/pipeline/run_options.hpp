// What the command line asked for, typed: the hand-off from cli to the pipeline.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "io/open_table.hpp"
#include "perf_check/finding.hpp"

namespace perf_check {

/// One output of a run: a format and where it goes ("" or "-" for standard output).
struct ReportTarget {
    std::string format;
    std::string path;
};

struct RunOptions {
    std::vector<std::string> paths;
    std::string rules_path;                        ///< --rules; default set when empty
    std::vector<ReportTarget> reports;             ///< at least one
    Lang lang = Lang::zh;                          ///< --lang: the reports'; findings carry English only when it is en
    std::optional<Severity> fail_on = Severity::error;  ///< nullopt: never fail on findings
    bool summary = false;
    bool score = false;                            ///< the `score` command
    std::string actuals_path;                      ///< --actuals (score) or --progress (monitor)
    bool monitor = false;                          ///< the `monitor` command
    std::string as_of;                             ///< --as-of YYYY-MM-DD (monitor)
    bool as_of_given = false;                      ///< --as-of was written (else the last month's end)
    io::ReadOptions read;
    bool colour = false;                           ///< text output to a terminal
    std::string baseline_path;                     ///< --baseline: report only findings not in it
    std::string update_baseline_path;              ///< --update-baseline: write the baseline of this run
    unsigned jobs = 0;                             ///< -j: files checked in parallel; 0 = number of cores
    bool stream = true;                            ///< write streamable formats as results arrive (tests compare both ways)
};

}  // namespace perf_check
