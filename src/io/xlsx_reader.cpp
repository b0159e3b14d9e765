// Opening an .xlsx as a ProjectSource: choosing the sheet, then the same assembly as CSV over its rows.
#include "io/xlsx_reader.hpp"

#include <algorithm>
#include <fstream>
#include <optional>

#include <fmt/format.h>

#include "io/sheet_chain.hpp"
#include "io/table_assembler.hpp"
#include "io/xlsx_sheet.hpp"
#include "io/xlsx_workbook.hpp"
#include "util/text.hpp"

namespace perf_check::io {

namespace {

Expected<std::unique_ptr<TableProjectSource>> open_sheet(const std::shared_ptr<const XlsxWorkbook>& workbook,
                                                         std::size_t index, const ReadOptions& options,
                                                         const RuleSet& rules) {
    auto rows = XlsxRowSource::open(workbook, index);
    if (!rows) return rows.error();
    return TableProjectSource::open(std::move(*rows), rules, workbook->path(), "", options.kind);
}

// A sheet's table as it takes part in choosing the sheet to read.
struct Candidate {
    std::size_t sheet;
    int fit;  // 0 no indicators, 1 indicators, 2 whole; 2 more for self-evaluation (when wanted); 5 more if visible
    bool indicators;  // the header has 三级指标
    bool form;        // the national self-evaluation form (its project named above the header)
    std::vector<std::string> missing;  // its missing columns
    bool self_evaluation;
};

// True when `other` is read with `best` as one table: both the form, alike in fit and columns. A
// workbook of forms is a unit's or a bureau's projects, one a sheet (as they are filled in and collected).
bool reads_with(const Candidate& best, const Candidate& other) {
    return best.form && other.form && best.fit == other.fit && best.missing == other.missing &&
           best.self_evaluation == other.self_evaluation;
}

std::string sheet_list(const std::vector<XlsxSheet>& sheets) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < sheets.size(); ++i) names.push_back(fmt::format("{} \"{}\"", i + 1, sheets[i].name));
    return util::join(names, ", ");
}

// --sheet: an exact name first (a sheet may be called "2024"), then a 1-based number.
std::optional<std::size_t> find_sheet(const std::vector<XlsxSheet>& sheets, const std::string& wanted) {
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        if (sheets[i].name == wanted) return i;
    }
    const std::string folded = util::trim(util::fold(wanted));
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        if (util::trim(util::fold(sheets[i].name)) == folded) return i;
    }
    if (!folded.empty() && folded.size() <= 6 &&
        folded.find_first_not_of("0123456789") == std::string::npos) {
        const auto n = static_cast<std::size_t>(std::stoul(folded));
        if (n >= 1 && n <= sheets.size()) return n - 1;
    }
    return std::nullopt;
}

// Words a sheet name uses for instructions or a filled-in example (填表说明, 填报说明, 模板说明, 示例, 样例,
// 范例): such a sheet may repeat the header with an example row, and looks like a table without being one.
bool names_instructions(const std::string& sheet_name) {
    const std::string name = util::strip_spaces(util::fold(sheet_name));
    for (const char* word : {"说明", "示例", "样例", "范例", "填报要求", "填写要求"}) {
        if (util::contains(name, word)) return true;
    }
    return false;
}

}  // namespace

Expected<std::unique_ptr<ProjectSource>> open_xlsx(const std::string& path, const ReadOptions& options,
                                                   const RuleSet& rules) {
    {
        // A legacy .xls (an OLE compound file) renamed to .xlsx reaches here through its extension.
        std::ifstream in(path, std::ios::binary);
        char magic[4] = {};
        in.read(magic, sizeof magic);
        if (in.gcount() == 4 && std::string_view(magic, 4) == "\xD0\xCF\x11\xE0") {
            return Error{"this is a legacy Excel .xls file (or a password-protected workbook), which perf-check does "
                         "not read: open it in Excel or WPS, remove any password, and use 另存为 (Save As) → Excel "
                         "工作簿 (*.xlsx), then check the .xlsx "
                         "(旧版 .xls 或加密的工作簿无法读取：请在 Excel/WPS 中取消密码并“另存为”.xlsx 后再检查)",
                         path};
        }
    }
    auto opened = XlsxWorkbook::open(path, options.limits);
    if (!opened) return opened.error();
    const std::shared_ptr<const XlsxWorkbook> workbook = std::move(*opened);
    const auto& sheets = workbook->sheets();

    if (!options.sheet.empty()) {
        const auto index = find_sheet(sheets, options.sheet);
        if (!index) {
            return Error{fmt::format("no sheet named or numbered \"{}\" in this workbook; its sheets are: {} "
                                     "(找不到工作表“{}”：--sheet 可用工作表名称或序号 1–{})",
                                     options.sheet, sheet_list(sheets), options.sheet, sheets.size()),
                         path};
        }
        auto src = open_sheet(workbook, *index, options, rules);
        if (!src) return src.error();
        return std::unique_ptr<ProjectSource>(std::move(*src));
    }

    // The first sheet that looks like a target table: visible sheets first, then hidden ones (a hidden
    // sheet is usually a lookup list, but a table someone hid is still the table). A sheet named as
    // instructions or an example (填表说明 with the header and an example row) is passed over when another
    // sheet looks like a table: checking the example reported a dozen errors about it, and the real
    // table went unchecked.
    std::vector<std::size_t> order;
    for (int pass = 0; pass < 2; ++pass) {
        for (std::size_t i = 0; i < sheets.size(); ++i) {
            if (sheets[i].worksheet && sheets[i].hidden == (pass == 1)) order.push_back(i);
        }
    }
    // Among the sheets that look like a table, the first that is best is the table: one with indicators
    // (三级指标) before one without (a 汇总表 before the table — 单位代码, 项目名称, 年初预算数, 绩效目标 — looks like
    // a table too, and checking it reported a dozen missing columns while the table went unchecked), a whole
    // one (no column missing) before one with a column missing, and for a run that scores with no actuals
    // file, one with self-evaluation columns before those (a workbook of 目标表 then 自评表, whose 自评表 often
    // has no 评（扣分标准）). A visible sheet always before a hidden one (an old table kept hidden is no table
    // to check beside the visible one).
    std::optional<std::size_t> instructions;  // the first table-like instructions sheet, if no table follows
    std::vector<Candidate> candidates;  // their readers are not kept open: a workbook may have fifty sheets
    std::vector<std::pair<std::size_t, Error>> unreadable;  // sheets that could not be read, and why
    for (const std::size_t k : order) {
        auto src = open_sheet(workbook, k, options, rules);
        if (!src) {
            if (candidates.empty()) return src.error();
            // A later sheet that cannot be read is named (sheet-not-checked), and left to --sheet.
            unreadable.emplace_back(k, src.error());
            continue;
        }
        const TableInfo& t = (*src)->table();
        if (t.header_row == 0) continue;
        if (names_instructions(sheets[k].name)) {
            if (!instructions) instructions = k;
            continue;
        }
        const auto& missing = t.missing_columns;
        const bool indicators = std::find(missing.begin(), missing.end(), "三级指标") == missing.end();
        // A whole self-evaluation before one with a column missing, as for target tables: score and check
        // of a workbook whose first form lacks its 分值 header read the same forms.
        const int fit = (!indicators       ? 0
                         : missing.empty() ? 2
                                           : 1) +
                        (indicators && options.prefer_self_evaluation && t.self_evaluation ? 2 : 0);
        candidates.push_back(
            {k, fit + (sheets[k].hidden ? 0 : 5), indicators, (*src)->is_form(), missing, t.self_evaluation});
    }
    if (!candidates.empty()) {
        std::size_t best = 0;
        for (std::size_t c = 1; c < candidates.size(); ++c) {
            if (candidates[c].fit > candidates[best].fit) best = c;
        }
        // The other sheets that look like a table are not checked: named, so that a second department's
        // table on sheet 3 is not passed as clean. Beside a table with indicators, one without (a 汇总表) is no
        // table left unchecked; an instructions sheet never is. Forms like the one chosen are read after it.
        std::vector<std::string> others;
        std::vector<std::string> others_missing;
        std::vector<std::size_t> chained;
        std::vector<std::string> chained_names;
        for (std::size_t c = 0; c < candidates.size(); ++c) {
            if (c == best || (candidates[best].indicators && !candidates[c].indicators)) continue;
            auto other = open_sheet(workbook, candidates[c].sheet, options, rules);
            if (!other) {
                unreadable.emplace_back(candidates[c].sheet, other.error());
                continue;
            }
            // A blank template (the header, no project) is no table to check: --sheet would find nothing.
            Project first;
            const auto has_project = (*other)->next(first);
            if (!has_project) unreadable.emplace_back(candidates[c].sheet, has_project.error());
            if (!has_project || !*has_project) continue;
            const std::string& name = sheets[candidates[c].sheet].name;
            if (reads_with(candidates[best], candidates[c])) {
                chained.push_back(candidates[c].sheet);
                chained_names.push_back(name);
            } else {
                others.push_back(name);
                // A form beside the forms read: what it lacks is why it was not read with them.
                const bool forms = candidates[best].form && candidates[c].form;
                std::vector<std::string> lacks = candidates[c].missing;
                for (auto& column : lacks)
                    if (column == "备注") column = "分值（备注）";  // what the form calls it
                others_missing.push_back(forms ? util::join(lacks, "、") : std::string());
            }
        }
        auto src = open_sheet(workbook, candidates[best].sheet, options, rules);
        if (!src) return src.error();
        std::sort(unreadable.begin(), unreadable.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        std::vector<TableInfo::UnreadableSheet> unreadable_named;
        for (const auto& [k, why] : unreadable)
            unreadable_named.push_back({sheets[k].name, why.render(Lang::zh), why.render(Lang::en)});
        (*src)->set_other_table_sheets(std::move(others), std::move(others_missing), std::move(unreadable_named));
        if (chained.empty()) return std::unique_ptr<ProjectSource>(std::move(*src));
        (*src)->set_more_sheets(std::move(chained_names));
        auto open = [workbook, options, &rules](std::size_t k) -> Expected<std::unique_ptr<ProjectSource>> {
            auto next = open_sheet(workbook, k, options, rules);
            if (!next) return next.error();
            return std::unique_ptr<ProjectSource>(std::move(*next));
        };
        return std::unique_ptr<ProjectSource>(
            std::make_unique<SheetChain>(std::move(*src), std::move(chained), std::move(open)));
    }
    // Only an instructions sheet looks like a table: it may be the table after all (a department that
    // named its one sheet 填报说明), so it is checked. None does: the first sheet, so that missing-column
    // says what is missing.
    auto src = open_sheet(workbook, instructions ? *instructions : (order.empty() ? 0 : order.front()), options, rules);
    if (!src) return src.error();
    return std::unique_ptr<ProjectSource>(std::move(*src));
}

}  // namespace perf_check::io
