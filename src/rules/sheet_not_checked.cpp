// Rule sheet-not-checked: a workbook read without --sheet whose later sheets also look like a target
// table. Only the first is checked; the others would otherwise pass unseen.
#include <string>
#include <vector>

#include <fmt/format.h>

#include "rules/factories.hpp"
#include "rules/rule_util.hpp"
#include "util/text.hpp"

namespace perf_check::rules {

namespace {

constexpr const char* k_id = "sheet-not-checked";

// The sheets read, quoted: all of them up to four, else the first three and how many.
std::string sheets_read(const TableInfo& table, const char* sep, bool en) {
    std::vector<std::string> names{"“" + table.sheet + "”"};
    for (const auto& more : table.more_sheets) names.push_back("“" + more + "”");
    if (names.size() <= 4) return util::join(names, sep);
    const std::string first = util::join(std::vector<std::string>(names.begin(), names.begin() + 3), sep);
    return en ? fmt::format("{} and {} more", first, names.size() - 3)
              : fmt::format("{}等{}个工作表", first, names.size());
}

class SheetNotChecked final : public Rule {
public:
    void check_table(const TableInfo& table, FindingSink& sink) const override {
        // The sheets checked: one, or a workbook's forms read one after another.
        const bool forms = !table.more_sheets.empty();
        const std::string checked_zh = sheets_read(table, "、", false);
        const std::string checked_en = sheets_read(table, ", ", true);
        for (std::size_t i = 0; i < table.other_table_sheets.size(); ++i) {
            const std::string& name = table.other_table_sheets[i];
            const std::string missing = i < table.other_table_missing.size() ? table.other_table_missing[i] : "";
            Finding f = at_sheet(table, name);
            f.message.zh = fmt::format(
                "工作簿中的工作表“{}”也像绩效目标表，但没有检查：未指定 --sheet 时只检查第一个像"
                "绩效目标表的工作表{}（本次为{}）{}。",
                name, forms ? "及与它同样格式的绩效自评表" : "", checked_zh,
                missing.empty() ? "" : "；它缺少" + missing + "列，格式与之不同");
            f.message.en = fmt::format(
                "Sheet “{}” of the workbook also looks like a target table but was not checked: "
                "without --sheet only the first such sheet is{} ({} here){}.",
                name, forms ? ", with the self-evaluation forms of its layout" : "", checked_en,
                missing.empty() ? "" : "; it lacks " + missing + ", unlike them");
            f.hint.zh = fmt::format(
                "用 perf-check --sheet \"{}\" 检查这个工作表，或把每张表分别保存为单独的文件后再提交。", name);
            f.hint.en =
                fmt::format("Check it with perf-check --sheet \"{}\", or save each table as a file of its own.", name);
            sink.add(std::move(f));
        }
        for (const auto& sheet : table.unreadable_sheets) {
            const std::string& name = sheet.name;
            Finding f = at_sheet(table, name);
            f.message.zh = fmt::format("工作簿中的工作表“{}”无法读取，没有检查：{}", name, sheet.why_zh);
            f.message.en =
                fmt::format("Sheet “{}” of the workbook could not be read and was not checked: {}", name, sheet.why_en);
            f.hint.zh = "用 Excel 或 WPS 打开并重新保存这个工作簿，再检查；仍不行时把这个工作表的内容复制到新工作表。";
            f.hint.en =
                "Open the workbook in Excel or WPS and save it again, then check it; failing that, copy the "
                "sheet's contents into a new sheet.";
            sink.add(std::move(f));
        }
    }

private:
    static Finding at_sheet(const TableInfo& table, const std::string& name) {
        Finding f;
        f.loc.file = table.file;
        f.loc.sheet = name;
        f.loc.row = 1;
        f.value = name;
        return f;
    }
};

}  // namespace

Expected<std::unique_ptr<Rule>> make_sheet_not_checked(const RuleSet& rules, const Params& params) {
    (void)rules;
    if (auto err = reject_unknown(params, k_id, {})) return *err;
    return std::unique_ptr<Rule>(std::make_unique<SheetNotChecked>());
}

}  // namespace perf_check::rules
