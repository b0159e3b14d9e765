// Turning what the pipeline collected into a complete, sorted, deterministic Report.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
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
    std::string funds_text;  ///< the 资金总额 cell as written, shown when funds_wan is no positive amount
    /// The table has a 资金总额 column (or, read from JSON, the cell holds text), or is a target table without
    /// one (its projects' funds are to review); an actuals or progress file checked as a table has no funds
    /// to review (missing-column says why).
    bool funds_column = true;
    /// The project's block repeats the one above it in the same file (duplicate-project): counted once.
    bool repeats = false;
    /// The project has the code and name of one above it in the file, with other funds (Project::namesake_row):
    /// a project of its own, matched in other files by its funds too.
    bool namesake = false;
    std::string sheet;        ///< "" but for a spreadsheet's project
    std::string implementer;  ///< a form's 实施单位: forms of one name without a code are told apart by it
};

/// True when the finding names a project (a file-level finding names none): it counts towards its unit.
inline bool names_project(const Finding& f) {
    return !(f.project_code.empty() && f.project.empty());
}

/// (file, sheet, code, name): a project as the user sees it (a project listed twice is one key; two forms
/// of one name on two sheets of a workbook are two). Of a finding, where it is placed.
using ProjectKey = std::tuple<std::string, std::string, std::string, std::string>;
inline ProjectKey project_key(const Finding& f) {
    return {f.loc.file, f.loc.sheet, f.project_code, f.project};
}
inline ProjectKey project_key(const ProjectStat& p) {
    return {p.file, p.sheet, p.code, p.name};
}
inline ProjectKey project_key(const KeyProject& k) {
    return {k.file, k.sheet, k.project_code, k.project};
}

/// The order of findings in every report: file order as given, then (a workbook's forms) the sheet of a
/// project's finding (the file's own findings first, as a streamed report has them), then row, column, rule,
/// message. Rows repeat from sheet to sheet: ordered by row alone, a workbook's forms were mixed together.
/// `file_index` maps a finding to its file's position in the run.
template <typename FileIndex>
bool finding_before(const Finding& a, const Finding& b, const FileIndex& file_index) {
    const auto sheet = [](const Finding& f) {
        return names_project(f) ? std::string_view(f.loc.sheet) : std::string_view();
    };
    return std::make_tuple(file_index(a.loc.file), sheet(a), a.loc.row, a.loc.column, std::string_view(a.rule),
                           std::string_view(a.message.zh)) <
           std::make_tuple(file_index(b.loc.file), sheet(b), b.loc.row, b.loc.column, std::string_view(b.rule),
                           std::string_view(b.message.zh));
}

/// Adds one to the counter of severity `s`.
void count_severity(Severity s, int& errors, int& warnings, int& infos);

/// The row of a finding as people read reports: the row a spreadsheet shows, which its cell address uses, and
/// after cells with line breaks the file's line beside it ("9（文件第11行）" / "9 (line 11)"); "" for none.
std::string row_shown(const SourceLocation& loc, Lang lang);

/// An indicator score's working in `lang`, one step a line ('\n' between steps).
std::string score_working(const IndicatorScore& score, Lang lang);

/// The budget execution rate as a percentage with two decimals ("101.54%"); "" when it could not be
/// computed.
std::string execution_rate_text(const BudgetExecution& execution);

/// How the budget execution score was reached, in `lang`: "全年执行数855 ÷ 全年预算数842.07 = 101.54%（超过100%
/// 按100%计）× 分值10 = 10分", or why it is 0 when no rate could be computed.
std::string execution_working(const BudgetExecution& execution, Lang lang);

/// Whether a project's funds count in the totals and decide the key-evaluation list: a positive amount.
/// Anything else (empty, 待定, 0, negative) is what funds-invalid reports, and is listed for review.
bool funds_usable(const std::optional<Decimal>& funds_wan);

/// "1 个项目的资金总额缺失或无效，未计入" / "funds of 1 project(s) missing or invalid, not counted".
std::string funds_unreadable_note(int projects, Lang lang);

/// The projects of a run given again (pasted twice in a file, or in a later file), counted once: the sum of
/// the units' UnitSummary::repeated.
int repeated_count(const Summary& s);

/// An amount of 万元 as the summary shows it: two decimals ("842.07", "4500.00"), or every digit it has when
/// two would round it ("99.999999", not 100.00 beside a threshold of 100).
std::string money_text(Decimal wan);

/// A funds total as a table shows it: "842.07", or "842.07（另有 1 个项目的资金总额缺失或无效，未计入）" when some
/// projects' funds are missing from it, never a bare figure that looks complete; `repeated` projects of a
/// later file, counted once, are said too.
std::string funds_total_text(Decimal funds_wan, int unreadable, Lang lang, int repeated = 0);

/// The heading of Summary::repeated: "后面的文件重复报送的项目（单位代码、名称相同），汇总只按第一次计（2 个）".
std::string repeated_title(const Summary& s, Lang lang);

/// The columns of Summary::repeated: unit code, project, file, the file it was first in, funds.
std::vector<std::string> repeated_headers(Lang lang);

/// A repeated project's funds as its row shows them: "4500.00"; "4600.00（首次 4500.00，不同）" when the first
/// file gave another amount (a resubmission that changed it: the summary counts the first); "—" for none.
std::string repeated_funds_text(const KeyProject& k, Lang lang);

/// The heading of Summary::funds_to_review: "资金总额缺失或无效、需人工核定是否纳入重点评价（≥ 100 万元）的项目（2
/// 个）".
std::string funds_review_title(const Summary& s, Lang lang);

/// The columns of Summary::funds_to_review, in the key-evaluation list's order: funds as written,
/// findings, unit code, project, file.
std::vector<std::string> funds_review_headers(Lang lang);

/// A project's 资金总额 as written, or "（空）" / "(empty)".
std::string funds_as_written(const KeyProject& k, Lang lang);

/// Where a project is: its file, and its sheet when it has one ("表.xlsx（河口乡卫生院）").
std::string project_place(const std::string& file, const std::string& sheet, Lang lang);
inline std::string project_place(const KeyProject& k, Lang lang) {
    return project_place(k.file, k.sheet, lang);
}
/// Where a project of Summary::repeated was first read, as project_place writes it.
inline std::string first_place(const KeyProject& k, Lang lang) {
    return project_place(k.funds_text, k.first_sheet, lang);
}

/// A file's position in the run for finding_before: the first position of its path in `files`,
/// files.size() for a path not among them. Remembers the last path asked for, since findings come a
/// file at a time; so one object must not be shared between threads.
class FileOrder {
public:
    explicit FileOrder(const std::vector<FileResult>& files);
    std::size_t operator()(const std::string& path) const;

private:
    std::unordered_map<std::string, std::size_t> m_index;
    std::size_t m_missing;
    mutable std::string m_last;
    mutable std::size_t m_last_index;
};

/// Positions of `findings` in report order (finding_before with `file_index`; ties keep their order),
/// without moving a finding (a dozen strings): the pipeline lists a project's findings through them where
/// the rules put them. Up to 32 findings (a project's, a dozen or so) are placed by insertion: no
/// stable_sort buffer, and a sorted list costs one comparison a finding.
template <typename FileIndex>
std::vector<std::uint32_t> report_order(const std::vector<Finding>& findings, const FileIndex& file_index) {
    const auto before = [&](std::uint32_t a, std::uint32_t b) {
        return finding_before(findings[a], findings[b], file_index);
    };
    const auto n = static_cast<std::uint32_t>(findings.size());
    std::vector<std::uint32_t> order(n);
    if (n <= 32) {
        for (std::uint32_t i = 0; i < n; ++i) {
            std::uint32_t j = i;
            // Strictly before: a tie stays behind the finding it ties with (stable).
            for (; j > 0 && before(i, order[j - 1]); --j) order[j] = order[j - 1];
            order[j] = i;
        }
        return order;
    }
    std::iota(order.begin(), order.end(), std::uint32_t{0});
    std::stable_sort(order.begin(), order.end(), before);
    return order;
}

/// Puts findings in report order (finding_before with `file_index`). Already sorted, as they mostly are,
/// costs one pass; otherwise they are sorted through their positions and each Finding (a dozen strings)
/// is moved once, not at every step of the sort.
template <typename FileIndex>
void sort_findings(std::vector<Finding>& findings, const FileIndex& file_index) {
    const auto before = [&](const Finding& a, const Finding& b) { return finding_before(a, b, file_index); };
    if (std::is_sorted(findings.begin(), findings.end(), before)) return;
    std::vector<Finding> sorted;
    sorted.reserve(findings.size());
    for (const std::uint32_t i : report_order(findings, file_index)) sorted.push_back(std::move(findings[i]));
    findings = std::move(sorted);
}

/// The findings of each of report.files (same index; a path listed twice gets the same list), in
/// report order, gathered in one pass however many files a run has.
std::vector<std::vector<const Finding*>> findings_per_file(const Report& report);

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
    /// `count_repeats_once` (--summary): a project a later file gives again counts once (Summary::repeated);
    /// it keeps a key per project, so only runs that show the summary pay for it.
    SummaryBuilder(Decimal key_threshold_wan, bool keep_key_projects, bool count_repeats_once = false);
    // Neither copied nor moved: it remembers entries of its own maps.
    SummaryBuilder(const SummaryBuilder&) = delete;
    SummaryBuilder& operator=(const SummaryBuilder&) = delete;
    SummaryBuilder(SummaryBuilder&&) = delete;  // a moved-from builder would keep pointing into the other's maps
    SummaryBuilder& operator=(SummaryBuilder&&) = delete;
    void add_finding(const Finding& f);
    /// `file`: where the findings are; those that name no project (a missing column) count against every unit
    /// of that file as well as the totals, so that a unit whose table cannot be read whole does not look clean.
    void add_counts(const FindingCounts& c, const std::string& file = {});
    void add_project(const ProjectStat& p);
    /// The finished summary; file order decides ties in the key-evaluation list.
    [[nodiscard]] Summary finish(const std::vector<FileResult>& files) const;

private:
    Summary m_summary;
    bool m_keep_key_projects;
    bool m_count_repeats_once;
    std::map<std::string, UnitSummary> m_units;
    using KeyEntry = std::pair<const ProjectKey, int>;
    /// The findings of every listing of a key, for the key-evaluation list and the funds to review. The
    /// lists below point into it (map entries never move): a listing holds its names once, here, rather
    /// than in four (--summary on 60,000 key projects: 101 MiB peak with them, 61 MiB without).
    std::map<ProjectKey, int> m_key_findings;
    struct KeyListing {
        const KeyEntry* entry;
        Decimal funds_wan;
    };
    struct ReviewListing {
        const KeyEntry* entry;
        std::string funds_text;
    };
    std::vector<KeyListing> m_key_listings;        ///< Summary::key_projects, in the order read
    std::vector<ReviewListing> m_review_listings;  ///< Summary::funds_to_review, in the order read
    /// The entry of `p`'s key, with `p`'s findings added: one more listing of it.
    KeyEntry& listing(const ProjectStat& p);
    /// Per file: its findings that name no project, and the units its projects name (for add_counts).
    struct FileCounts {
        int errors = 0, warnings = 0, infos = 0;
        std::set<std::string> units;
        /// The entry of `units` added last: a file's projects come unit by unit, and each looked the set up.
        const std::string* last_unit = nullptr;
    };
    std::map<std::string, FileCounts> m_files;
    /// (code, name) → the first file with it and its funds there, for Summary::repeated (m_count_repeats_once only).
    /// Where a project (code, name) was first read, and its funds: a later file or sheet giving it again repeats it.
    struct FirstRead {
        std::string file;
        std::string sheet;
        std::optional<Decimal> funds_wan;
    };
    std::map<std::pair<std::string, std::string>, FirstRead> m_first_file;

    /// Adds severity counts to the totals and to unit `code` (`keyed`: they name a project) or else to `file`.
    void add_severities(bool keyed, const std::string& code, const std::string& file, int errors, int warnings,
                        int infos);
    /// The entry of unit `code` in m_units (made when new). A run's findings and projects come project by
    /// project, most of a unit's together: the last entry asked for is remembered (map entries never move).
    UnitSummary& unit(const std::string& code);
    /// The entry of `file` in m_files, remembered the same way.
    FileCounts& file_counts(const std::string& file);
    UnitSummary* m_last_unit = nullptr;
    FileCounts* m_last_file = nullptr;
    const std::string* m_last_file_name = nullptr;  ///< m_last_file's key
};

/// Sorts findings (finding_before), counts severities, and fills the per-unit and key-evaluation parts
/// of the summary. File order is that of report.files. Project finding counts are taken from the findings.
void finalize(Report& report, std::vector<ProjectStat> projects, Decimal key_threshold_wan);

}  // namespace perf_check::report
