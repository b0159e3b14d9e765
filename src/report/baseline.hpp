// Baselines: findings a team has accepted, recorded by business keys (never rows), so that later runs
// report only what is new and say which accepted findings have since been fixed. Also the business keys
// and fingerprints the machine-readable formats (SARIF, GitLab, JUnit) identify findings by.
#pragma once

#include <compare>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "perf_check/expected.hpp"
#include "perf_check/report.hpp"

namespace perf_check::report {

/// What identifies a finding across edits of its table: the rule and the business keys of where it is.
/// Rows and columns are deliberately absent, so inserting or moving rows keeps the identity.
struct FindingKey {
    std::string rule;
    std::string file;  ///< file name only (no directory), so a moved checkout or renamed folder still matches
    std::string unit_code;
    std::string project;
    std::string indicator;  ///< "一级/二级/三级", empty for project- and file-level findings

    // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 sees the 0 of a defaulted <=>'s comparison category
    friend auto operator<=>(const FindingKey&, const FindingKey&) = default;
    friend bool operator==(const FindingKey&, const FindingKey&) = default;
};

/// The last component of `path`, after either '/' or '\\' ("a/b\\c.csv" → "c.csv").
std::string file_name(std::string_view path);
/// The same, as a view into `path`.
std::string_view file_name_view(std::string_view path);

/// The business key of `f`.
FindingKey finding_key(const Finding& f);

/// For findings as they come, how many earlier ones share each one's FindingKey (0 for the first).
/// Together with the key it names a finding uniquely and still without rows. Keeps a 64-bit hash of each
/// distinct key (two keys sharing one, about once in 10^8 runs of a million keys, would only number the
/// later one's findings on from the earlier's), so a streamed report holds no finding's text.
class KeyOccurrences {
public:
    int next(const Finding& f);

private:
    std::unordered_map<std::uint64_t, int> m_seen;
};

/// 64-bit FNV-1a of `parts` joined with U+001F (a separator no cell holds), as 16 lower-case hex digits.
/// Stable across platforms and runs: it is what CI systems compare between builds.
std::string fingerprint(const std::vector<std::string>& parts);

/// One accepted finding key and how many findings with that key were accepted.
struct BaselineEntry {
    FindingKey key;
    int count = 0;
    /// The file as the run named it ('/' separators, no leading "./"); empty in baselines written before
    /// it was kept. It tells apart files of one name in different folders (every unit's 绩效目标表.xlsx
    /// in its own folder), and is not needed otherwise: a moved checkout still matches by file name.
    std::string path;
    /// The worksheet, kept only for a file whose findings were on more than one sheet (a workbook of
    /// forms, one unit a sheet, where two forms of one project name are told apart by it): empty
    /// otherwise, so that renaming a workbook's only sheet keeps its baseline. An entry without one
    /// matches the findings of every sheet.
    std::string sheet{};

    friend bool operator==(const BaselineEntry&, const BaselineEntry&) = default;
};

/// `path` with '/' separators and without leading "./": how a baseline names a file.
std::string baseline_path(std::string_view path);

/// A baseline file's content: entries sorted by key and path, each pair once.
struct Baseline {
    int version = 1;
    std::vector<BaselineEntry> entries;
};

/// What applying a baseline did.
struct BaselineResult {
    int suppressed = 0;                ///< findings removed because the baseline accepted them
    std::vector<BaselineEntry> fixed;  ///< accepted findings no longer seen; count = how many of that key are gone
};

/// The baseline that accepts every finding of `report` (sorted, one entry per key with its count).
Baseline make_baseline(const Report& report);

/// Writes make_baseline(report) as JSON (--update-baseline FILE): {"version": 1, "tool": "perf-check",
/// "entries": [{"rule", "file", "path", "unit_code", "project", "indicator", "count"}]}, with "sheet"
/// after "path" for a file whose findings were on several sheets. Deterministic: sorted,
/// no timestamps, so the file diffs cleanly in version control.
void write_baseline(const Report& report, std::ostream& out);

/// Parses baseline JSON text. Unknown keys, wrong types, a count < 1 or an unsupported version are errors
/// naming `source` and, for syntax errors, the line and column. Duplicate keys are merged (counts add).
Expected<Baseline> parse_baseline(std::string_view text, const std::string& source);

/// Reads and parses the baseline file at `path` (--baseline FILE); an unreadable file is an Error.
Expected<Baseline> read_baseline(const std::string& path);

/// Removes from `report` the findings the baseline accepts, at most `count` per key (the first ones in
/// report order), and recounts the summary (totals, per-unit and key-project counts) to match. Returns
/// how many were removed and the entries (or parts of entries) that matched nothing: those were fixed.
BaselineResult apply_baseline(Report& report, const Baseline& baseline);

/// A short human-readable account of `result` in `lang`: how many known findings were hidden and each
/// fixed entry ("已修复：…"). Nothing is written when nothing was suppressed or fixed.
void write_baseline_result(const BaselineResult& result, Lang lang, std::ostream& out);

}  // namespace perf_check::report
