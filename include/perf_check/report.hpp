// The complete, sorted result of a run, and the reporter interface that renders it.
#pragma once

#include <istream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "perf_check/decimal.hpp"
#include "perf_check/finding.hpp"
#include "perf_check/monitor.hpp"
#include "perf_check/score.hpp"

namespace perf_check {

/// What a file of the run is: a table checked, or the --actuals / --progress file joined into it.
enum class FileRole { table, actuals, progress };

/// One input file of the run.
struct FileResult {
    std::string path;      ///< as given on the command line (or found in a directory)
    std::string encoding;  ///< detected or forced text encoding; "" for xlsx/json
    int projects = 0;
    int indicators = 0;
    std::optional<std::string> error;  ///< set when the file could not be read (exit 2)
    FileRole role = FileRole::table;
    /// A workbook's sheets the run looked at: read, named as other tables, or unreadable; empty for CSV and
    /// JSON. A baseline entry of a sheet not among them (renamed since) matches the file's other sheets.
    std::vector<std::string> sheets{};
    /// --sheet chose the one sheet read: the workbook's others were not looked at, so their baseline
    /// entries are neither matched nor fixed.
    bool one_sheet = false;
};

/// One unit (单位代码) in the summary.
struct UnitSummary {
    std::string code;
    int projects = 0;
    Decimal funds_wan;         ///< the funds that could be read
    int funds_unreadable = 0;  ///< projects whose 资金总额 is not a positive amount: not in funds_wan
    /// Projects (code and name) already read from an earlier file of the run: counted there only, not in
    /// `projects` or `funds_wan` (--summary)
    int repeated = 0;
    int errors = 0;
    int warnings = 0;
    int infos = 0;
};

/// A project at or above the key-evaluation threshold, or one whose funds could not be read.
struct KeyProject {
    std::string file;
    std::string project_code;
    std::string project;
    Decimal funds_wan;
    int findings = 0;
    std::string funds_text;  ///< the 资金总额 cell as written (shown for a project in Summary::funds_to_review)
    /// Summary::repeated: this copy's funds and the first file's (nullopt: not a positive amount), so that a
    /// resubmission with another amount is seen (`funds_text` is then the first file).
    std::optional<Decimal> repeat_funds_wan;
    std::optional<Decimal> first_funds_wan;
    std::string sheet;  ///< the project's sheet ("" but for a spreadsheet's project)
    std::string first_sheet{};  ///< Summary::repeated: the sheet of the first file the project is in
};

struct Summary {
    int files = 0;
    int unreadable_files = 0;  ///< of `files`, those that could not be read (wholly or part-way)
    int projects = 0;
    int errors = 0;
    int warnings = 0;
    int infos = 0;
    Decimal funds_wan;         ///< the funds that could be read
    int funds_unreadable = 0;  ///< projects whose 资金总额 is not a positive amount (funds-invalid's): not in funds_wan
    std::vector<UnitSummary> units;          ///< ranked by problems (errors, warnings, infos), then by code
    std::vector<KeyProject> key_projects;    ///< sorted by funds descending, then file/code/name
    /// Projects whose 资金总额 could not be read as a positive amount (those funds-invalid reports): whether
    /// they reach the key-evaluation threshold is for a person to decide. In file order, then as read.
    std::vector<KeyProject> funds_to_review;
    /// Projects a later file gives again (the same 单位代码 and name as one of an earlier file: a resubmission,
    /// or the CSV and the XLSX of one table): counted once, in the first file; `funds_text` names that file
    /// and `first_sheet` its sheet.
    /// In file order, then as read (--summary).
    std::vector<KeyProject> repeated;
    Decimal key_evaluation_threshold_wan;
};

struct Report {
    int version = 1;
    Lang lang = Lang::zh;
    bool with_summary = false;  ///< --summary: reporters print per-file/per-unit lines and key projects
    bool scoring = false;       ///< the run scores its projects (perf-check score), even when it has none
    std::vector<FileResult> files;
    std::vector<Finding> findings;    ///< sorted: file order, row, column, rule
    std::vector<ProjectScore> scores; ///< in file/project order; empty unless scoring
    std::vector<ProjectProgress> progress;  ///< in file/project order; empty unless monitoring
    std::string as_of;                      ///< monitoring date "YYYY-MM-DD"; empty unless monitoring
    Summary summary;
};

/// One project's findings and score already rendered in a stream's format (by a worker thread), to be
/// spooled and appended when the file's turn comes: `-j N` then renders in parallel and only copies
/// bytes in order.
struct Rendered {
    std::string findings;  ///< the findings array's elements, without a leading separator; "" for none
    std::string scores;    ///< the same for the scores array
};

/// Receives a run's findings and scores as they are produced, already in report order, then the rest
/// of the report: formats written this way keep memory flat however many projects a run reads.
class ReportStream {
public:
    virtual ~ReportStream() = default;
    /// Input file `path` comes next: called for every file of the run in report order (unreadable ones
    /// too), before any finding placed in it. Formats that number their files (SARIF's artifacts) use it.
    virtual void begin_file(const std::string& /*path*/) {}
    /// The run scores its projects (`perf-check score`; Report::scoring): called once, before anything
    /// else, when scores will come. A format that keeps scores and findings in separate parts may then
    /// lead with the scores, the bigger part of such a run (JSON does).
    virtual void expect_scores() {}
    /// The file begun last is complete: every finding placed in it has come. Formats that print a file's
    /// line (its projects, or why it could not be read) above its findings write both now.
    virtual void end_file(const FileResult& /*file*/) {}
    virtual void finding(const Finding& f) = 0;
    virtual void score(const ProjectScore& s) = 0;
    /// Whether the finished summary must list the key-evaluation projects even without --summary (a
    /// run keeps that list, which grows with the projects, only when something prints it).
    [[nodiscard]] virtual bool needs_key_projects() const { return false; }
    /// Whether render() and append_spooled() are available (then they replace finding() and score()).
    [[nodiscard]] virtual bool renders() const { return false; }
    /// Renders findings and a score as this stream would write them. Called from worker threads: it must
    /// read nothing the stream changes.
    virtual void render(const std::vector<Finding>& /*findings*/, const ProjectScore* /*score*/,
                        Rendered& /*out*/) const {}
    /// Writes, in report order, what render() made for a whole file: the `findings` and `scores`
    /// elements of every Rendered joined by ',', read to their end; nullptr where there are none.
    virtual void append_spooled(std::istream* /*findings*/, std::istream* /*scores*/) {}
    /// Everything else (files, summary, monitoring); `rest.findings` and `rest.scores` are not read.
    virtual void finish(const Report& rest) = 0;
};

/// Renders a Report in one format. One class per format, chosen through the table in reporters.cpp.
class Reporter {
public:
    virtual ~Reporter() = default;
    virtual void write(const Report& report, std::ostream& out) const = 0;
    /// A stream writing this format to `out` as results arrive, or nullptr when the format needs the
    /// whole report first (sorted tables, totals at the top).
    [[nodiscard]] virtual std::unique_ptr<ReportStream> stream(std::ostream& /*out*/, Lang /*lang*/,
                                                               bool /*with_summary*/) const {
        return nullptr;
    }
    /// Whether this format writes the --summary part (per file, per unit, key-evaluation list). A run
    /// given --summary says on stderr which of its formats do not, rather than drop it unsaid.
    [[nodiscard]] virtual bool carries_summary() const { return true; }
    /// Whether this format writes scores (`perf-check score`). The formats that hold findings only
    /// (sarif, junit, gitlab; github annotations outside a job's step summary) are those without a place
    /// for the summary, which is where a run's tables go; a run says on stderr when scores go nowhere.
    [[nodiscard]] virtual bool carries_scores() const { return carries_summary(); }
};

/// Feeds a complete report through a stream as a run would: each file begun, its findings, the file
/// ended; then the scores and the rest. A format whose write() is this replay says the same streamed or not.
void replay(const Report& report, ReportStream& stream);

}  // namespace perf_check
