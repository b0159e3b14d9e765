// Loading a separate actuals file and joining it onto target projects.
#include "io/actuals_file.hpp"

#include <algorithm>

#include "io/table_assembler.hpp"
#include "model/normalize.hpp"
#include "model/units.hpp"
#include "util/text.hpp"

namespace perf_check::io {

namespace {
std::string key_text(const Cell& c) { return util::strip_spaces(c.text); }

// An indicator's name as the two files are joined on: without spaces, and without the 其中： that marks a
// cost item under the total in a target table (其中：软件运维费), which an actuals file may leave out.
std::string indicator_key(const Cell& c) {
    std::string name = key_text(c);
    for (const std::string_view lead : {"其中：", "其中:", "其中，", "其中,", "其中"}) {
        if (util::starts_with(name, lead) && name.size() > lead.size()) return name.substr(lead.size());
    }
    return name;
}

// A 单位代码 as a key: without spaces, and without the leading zeros of an all-digit code, which Excel
// drops when the actuals were typed into a cell formatted as a number (012001 → 12001): every project of
// such a unit matched nothing and scored 0.
std::string code_key(const Cell& c) {
    std::string code = key_text(c);
    if (code.empty() || !std::all_of(code.begin(), code.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
        return code;
    const std::size_t first = std::min(code.find_first_not_of('0'), code.size() - 1);
    return code.substr(first);
}
// A bare amount of an actuals file whose money unit is not the table's (金额单位：元 against 万元), written
// with its unit so that it is read as the file meant it: 8550000 in a 元 file is 855万元, not 8550000万元.
// The cell keeps what was read for quoting.
void with_money_unit(Cell& cell, MoneyUnit unit) {
    const Quantity& q = model::read_quantity(cell.text);
    if (!q.number || !q.unit.empty() || q.comparator != Comparator::none) return;
    if (cell.raw.empty()) cell.raw = cell.text;
    cell.text += model::money_unit_name(unit);
}

}  // namespace

Expected<ActualsIndex> ActualsIndex::load(const std::string& path, const ReadOptions& options, const RuleSet& rules,
                                          bool progress) {
    ReadOptions opts = options;
    opts.kind = TableKind::actuals;
    auto source = open_table(path, opts, rules);
    if (!source) return source.error();
    const TableInfo& table = (*source)->table();
    if (!table.missing_columns.empty()) {
        // The columns it lacks, in both languages (it said 项目名称 was missing beside one that was not).
        return Error{std::string(progress ? "progress file" : "actuals file") + " lacks the columns " +
                         util::join(table.missing_columns, ", ") + " (" + (progress ? "进度文件" : "实际完成值文件") +
                         "缺少必需的列：" + util::join(table.missing_columns, "、") + ")",
                     path};
    }
    ActualsIndex index;
    index.m_file = path;
    index.m_progress = progress;
    index.m_placeholders = rules.placeholders;
    index.m_money_unit_stated = table.money_unit_stated;
    index.m_spent_header = table.spent_header;
    index.m_actual_header = table.actual_header;
    Project p;
    while (true) {
        auto more = (*source)->next(p);
        if (!more) return more.error();
        if (!*more) break;
        // A placeholder row (三级指标 无, and no value) gives nothing to join: not an actual that matched
        // nothing (a review found the self-evaluation's own 无 rows, used as actuals, reported as errors).
        std::erase_if(p.indicators, [&](const Indicator& ind) {
            return rules.is_placeholder(ind.name.text) && (ind.actual.empty() || rules.is_placeholder(ind.actual.text));
        });
        Key key{code_key(p.code), key_text(p.name)};
        auto [it, fresh] = index.m_projects.emplace(key, p);
        if (!fresh) {
            // The same project in two places of the file: one project's actuals, in file order.
            for (auto& ind : p.indicators) it->second.indicators.push_back(std::move(ind));
            keep_first_figure(it->second.budget, p.budget, "全年预算数", it->second.repeated_actuals);
            keep_first_figure(it->second.spent, p.spent, "全年执行数", it->second.repeated_actuals);
        }
        index.m_used[key] = false;
    }
    // A header with nothing under it would score every project 0 without a word: say so instead.
    if (index.m_projects.empty()) {
        return Error{"no rows below the header (row " + std::to_string(table.header_row) +
                         "): the file gives no values" +
                         (progress ? " (进度文件表头下没有数据行)" : " (实际完成值/执行数文件表头下没有数据行)"),
                     path, table.header_row};
    }
    return index;
}

void ActualsIndex::apply(Project& project) {
    Key key{code_key(project.code), key_text(project.name)};
    auto it = m_projects.find(key);
    if (it == m_projects.end() && key.first.empty() == false) {
        // An actuals file without 单位代码 still matches on the name alone.
        it = m_projects.find(Key{"", key.second});
    }
    if (it == m_projects.end()) return;
    {
        const std::lock_guard<std::mutex> lock(*m_used_mutex);
        m_used[it->first] = true;
    }
    const Project& a = it->second;
    // Only a file that names its unit re-units its bare amounts: one that does not is read in the table's.
    const bool other_money_unit = m_money_unit_stated && a.money_unit != project.money_unit;
    for (auto [to, from] : {std::pair{&project.budget, &a.budget}, std::pair{&project.spent, &a.spent}}) {
        if (from->empty()) continue;
        *to = *from;
        if (other_money_unit) with_money_unit(*to, a.money_unit);
    }
    project.repeated_actuals.insert(project.repeated_actuals.end(), a.repeated_actuals.begin(),
                                    a.repeated_actuals.end());
    // Cells of the file it could not read at all (a row with more fields than its header, a formula saved
    // without its result) are the project's to report, located in the file (bad-cell); its actuals from such
    // a row are as read.
    const auto unread = [&project](const std::vector<CellProblem>& problems) {
        for (const auto& problem : problems) {
            if (problem.kind != CellProblem::Kind::type) project.problems.push_back(problem);
        }
    };
    unread(a.problems);
    for (const auto& ai : a.indicators) unread(ai.problems);
    std::vector<bool> taken(project.indicators.size(), false);
    std::vector<std::string> keys;  // each indicator's, once (not for every row of the file)
    keys.reserve(project.indicators.size());
    for (const auto& ind : project.indicators) keys.push_back(indicator_key(ind.name));
    for (const auto& ai : a.indicators) {
        const std::string name = indicator_key(ai.name);
        if (name.empty()) continue;
        bool matched = false;
        bool repeated = false;  // names an indicator an earlier row of the file already gave
        for (std::size_t i = 0; i < project.indicators.size(); ++i) {
            Indicator& ind = project.indicators[i];
            if (ind.placeholder || keys[i] != name) continue;
            if (taken[i]) {
                repeated = true;
                continue;
            }
            taken[i] = true;
            matched = true;
            // A self-evaluation given --actuals keeps its own result where the file's cell is empty (its 得分 and
            // 偏差原因 with it, unless the file gives them); a value of its own the file changes is counted. A
            // progress file's empty cell is no value to date (progress-missing), whatever the table holds.
            const bool table_has = !m_progress && !is_blank_value(ind.actual);
            const bool own = table_has && ai.actual.empty();
            if (table_has && !own && differs(ind, ai)) note_replaced(project, ind, ai);
            if (!own) {
                ind.actual = ai.actual;
                ind.actual_value = ai.actual_value;  // (read again where the unit below changes the cell)
                if (other_money_unit && model::is_money_unit(ind.value.unit)) with_money_unit(ind.actual, a.money_unit);
            }
            if (!own || !ai.score.empty()) ind.score = ai.score;
            if (!own || !ai.deviation.empty()) ind.deviation = ai.deviation;
            break;
        }
        if (matched) continue;
        if (repeated) {
            project.repeated_actuals.push_back({ai.name, ai.actual, false});
        } else {
            project.unmatched_actuals.push_back(ai.name);
        }
    }
}

bool ActualsIndex::is_blank_value(const Cell& cell) const {
    return cell.empty() || m_placeholders.match(cell.text);
}

bool ActualsIndex::differs(const Indicator& table, const Indicator& file) {
    if (table.actual.text == file.actual.text) return false;
    // 855.00万元 and 855万元, 130 and 130人: the same value written two ways.
    const Quantity& t = table.actual_value;
    const Quantity& f = file.actual_value;
    if (!t.number || !f.number || *t.number != *f.number) return true;
    return !(t.unit == f.unit || t.unit.empty() || f.unit.empty());
}

void ActualsIndex::note_replaced(const Project& project, const Indicator& ind, const Indicator& from_file) {
    const int row = ind.actual.loc.row > 0 ? ind.actual.loc.row : ind.row;
    const std::lock_guard<std::mutex> lock(*m_used_mutex);
    Replaced& r = m_replaced;
    ++r.count;
    if (r.count > 1 && std::tie(r.file, r.row) <= std::tie(project.file, row)) return;
    r.file = project.file;
    r.row = row;
    r.indicator = ind.name.shown();
    r.table_value = ind.actual.shown();
    r.file_value = from_file.actual.shown();
}

ActualsIndex::Replaced ActualsIndex::replaced() const {
    const std::lock_guard<std::mutex> lock(*m_used_mutex);
    return m_replaced;
}

std::vector<Project> ActualsIndex::unused() const {
    std::vector<Project> out;
    for (const auto& [key, p] : m_projects) {
        if (!m_used.at(key)) out.push_back(p);
    }
    std::sort(out.begin(), out.end(), [](const Project& a, const Project& b) { return a.first_row < b.first_row; });
    return out;
}

}  // namespace perf_check::io
