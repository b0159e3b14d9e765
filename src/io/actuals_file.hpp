// Actuals given as a separate file (--actuals), joined onto target projects by business keys.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

#include "io/open_table.hpp"
#include "perf_check/model.hpp"
#include "perf_check/ruleset.hpp"

namespace perf_check::io {

/// The actuals of one file, keyed by (单位代码, 项目名称) and 三级指标 — names compared without spaces, and
/// all-digit codes without their leading zeros (012001 matches the 12001 Excel leaves of it).
/// Small enough to hold whole: one row per indicator, no prose beyond the deviation reasons.
class ActualsIndex {
public:
    /// Reads `path` (CSV/TSV/XLSX/JSON with the self-evaluation columns; 单位代码 optional, 项目名称 and
    /// 三级指标 required). Rows with an empty 三级指标 carry the project's 全年预算数 / 全年执行数.
    /// `progress`: the file is monitor's --progress (values to date), and its errors say so.
    static Expected<ActualsIndex> load(const std::string& path, const ReadOptions& options, const RuleSet& rules,
                                       bool progress = false);

    /// Copies the matching 实际完成值 / 得分 / 偏差原因 onto the project's indicators (in order, for repeated
    /// names) and 全年预算数 / 全年执行数 onto the project; the actuals file's cells (and locations) replace the
    /// table's. Of --actuals (not a progress file), an empty 实际完成值 leaves the table's own result (its
    /// 得分 and 偏差原因 too, unless the file gives them), and a value of the table's the file changes is
    /// counted (replaced()). Indicator rows of this project's actuals that name no indicator
    /// go to Project::unmatched_actuals. A project with no actuals is left as it is. Safe to call from several threads
    /// at once (files of a batch are checked in parallel).
    void apply(Project& project);

    /// The 实际完成值 a table had filled in that apply() replaced with another value of the file: how many,
    /// and the first of them by table file and row (whatever order the threads applied them in).
    struct Replaced {
        std::size_t count = 0;
        std::string file;       ///< the table's
        int row = 0;            ///< the table's
        std::string indicator;  ///< 三级指标
        std::string table_value;
        std::string file_value;
    };
    [[nodiscard]] Replaced replaced() const;

    /// Actuals projects that no target project matched, by their first row (after all apply() calls).
    [[nodiscard]] std::vector<Project> unused() const;

    [[nodiscard]] const std::string& file() const { return m_file; }
    /// The file's 全年执行数 header as written (TableInfo::spent_header).
    [[nodiscard]] const std::string& spent_header() const { return m_spent_header; }
    /// The file's 实际完成值 header as written (TableInfo::actual_header).
    [[nodiscard]] const std::string& actual_header() const { return m_actual_header; }

private:
    void note_replaced(const Project& project, const Indicator& ind, const Indicator& from_file);
    [[nodiscard]] bool is_blank_value(const Cell& cell) const;  ///< empty, or a placeholder (无, /)
    /// The file's 实际完成值 is another value than the table's (not the same one written another way).
    static bool differs(const Indicator& table, const Indicator& file);

    using Key = std::pair<std::string, std::string>;
    std::string m_file;
    std::string m_spent_header;
    std::string m_actual_header;
    bool m_money_unit_stated = false;  ///< the file names its money unit (a bare amount is then in it)
    std::map<Key, Project> m_projects;
    std::map<Key, bool> m_used;
    Replaced m_replaced;      ///< under m_used_mutex
    bool m_progress = false;  ///< monitor's --progress: its cells replace the table's, empty ones too
    Placeholders m_placeholders;
    std::unique_ptr<std::mutex> m_used_mutex = std::make_unique<std::mutex>();  // movable index, shared lock
};

}  // namespace perf_check::io
