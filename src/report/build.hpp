// Turning what the pipeline collected into a complete, sorted, deterministic Report.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "perf_check/report.hpp"

namespace perf_check::report {

/// What the summary needs to know of one project that was read.
struct ProjectStat {
    std::size_t file_index = 0;
    std::string file;
    std::string code;
    std::string name;
    std::optional<Decimal> funds_wan;
    int findings = 0;  ///< findings reported for this project (used for the key-evaluation list)
};

/// The order of findings in every report: file order as given, then row, column, rule, message.
/// `file_index` maps a finding to its file's position in the run.
template <typename FileIndex>
bool finding_before(const Finding& a, const Finding& b, const FileIndex& file_index) {
    return std::make_tuple(file_index(a.loc.file), a.loc.row, a.loc.column, std::string_view(a.rule),
                           std::string_view(a.message.zh)) <
           std::make_tuple(file_index(b.loc.file), b.loc.row, b.loc.column, std::string_view(b.rule),
                           std::string_view(b.message.zh));
}

/// What the summary counts of some findings: severities, per unit code. Gathered where the findings are
/// made (a worker thread), so that findings written ahead need not travel to the summary.
struct FindingCounts {
    std::string project_code;
    bool keyed = false;  ///< the findings name a project (a file-level finding names none)
    int errors = 0;
    int warnings = 0;
    int infos = 0;
};

/// One entry per (project_code, keyed) in first-seen order; a project's findings give one or two.
std::vector<FindingCounts> count_findings(const std::vector<Finding>& findings);

/// Builds the summary incrementally, so a streamed run keeps only per-unit totals (and, with --summary,
/// the key-evaluation projects) however many projects it reads.
class SummaryBuilder {
public:
    SummaryBuilder(Decimal key_threshold_wan, bool keep_key_projects);
    void add_finding(const Finding& f);
    void add_counts(const FindingCounts& c);
    void add_project(const ProjectStat& p);
    /// The finished summary; file order decides ties in the key-evaluation list.
    [[nodiscard]] Summary finish(const std::vector<FileResult>& files) const;

private:
    Summary m_summary;
    bool m_keep_key_projects;
    std::map<std::string, UnitSummary> m_units;
    std::map<std::tuple<std::string, std::string, std::string>, KeyProject> m_key_projects;
    std::vector<std::tuple<std::string, std::string, std::string>> m_key_order;
};

/// Sorts findings (finding_before), counts severities, and fills the per-unit and key-evaluation parts
/// of the summary. File order is that of report.files. Project finding counts are taken from the findings.
void finalize(Report& report, std::vector<ProjectStat> projects, Decimal key_threshold_wan);

}  // namespace perf_check::report
