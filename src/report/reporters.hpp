// The explicit table of output formats: name → factory. One format = one file.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "perf_check/report.hpp"

namespace perf_check::report {

struct ReporterOptions {
    bool colour = false;  ///< ANSI colour (text format on a terminal only)
    /// The run's --fail-on: findings at or above it fail the run (exit 1), so JUnit makes them failed
    /// cases; nullopt (never) fails none.
    std::optional<Severity> fail_on = Severity::error;
};

struct ReporterEntry {
    const char* name;
    const char* description;
    bool binary;  ///< writes bytes that must not go to a terminal (xlsx)
    std::unique_ptr<Reporter> (*factory)(const ReporterOptions&);
};

/// Every format, in the order `--help` lists them.
const std::vector<ReporterEntry>& reporters();

/// The entry for `name`, or nullptr.
const ReporterEntry* find_reporter(std::string_view name);

/// Names of all formats, for messages ("text, json, …").
std::vector<std::string> reporter_names();

/// For a --summary run writing `formats`: one line (ending in '\n') naming those that do not carry the
/// summary (Reporter::carries_summary) and the formats that do; "" when any of them carries it (the run's
/// summary is then written, in that output).
std::string summary_not_carried(const std::vector<std::string>& formats);

/// The same for a `perf-check score` run: the formats that have no place for scores
/// (Reporter::carries_scores: sarif, junit and gitlab hold findings only) would drop every score unsaid.
std::string scores_not_carried(const std::vector<std::string>& formats);

}  // namespace perf_check::report
