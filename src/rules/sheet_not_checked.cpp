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

class SheetNotChecked final : public Rule {
public:
    void check_table(const TableInfo& table, FindingSink& sink) const override {
        // The sheets checked: one, or a workbook's forms read one after another.
        std::vector<std::string> checked{"“" + table.sheet + "”"};
        for (const auto& more : table.more_sheets) checked.push_back("“" + more + "”");
        const std::string checked_zh = util::join(checked, "、");
        const std::string checked_en = util::join(checked, ", ");
        for (const auto& name : table.other_table_sheets) {
            Finding f;
            f.loc.file = table.file;
            f.loc.sheet = name;
            f.loc.row = 1;
            f.value = name;
            const bool forms = !table.more_sheets.empty();
            f.message.zh = fmt::format(
                "工作簿中的工作表“{}”也像绩效目标表，但没有检查：未指定 --sheet 时只检查第一个像"
                "绩效目标表的工作表{}（本次为{}）。",
                name, forms ? "及与它同样格式的绩效自评表" : "", checked_zh);
            f.message.en = fmt::format(
                "Sheet “{}” of the workbook also looks like a target table but was not checked: "
                "without --sheet only the first such sheet is{} ({} here).",
                name, forms ? ", with the self-evaluation forms of its layout" : "", checked_en);
            f.hint.zh = fmt::format(
                "用 perf-check --sheet \"{}\" 检查这个工作表，或把每张表分别保存为单独的文件后再提交。", name);
            f.hint.en =
                fmt::format("Check it with perf-check --sheet \"{}\", or save each table as a file of its own.", name);
            sink.add(std::move(f));
        }
    }
};

}  // namespace

Expected<std::unique_ptr<Rule>> make_sheet_not_checked(const RuleSet& rules, const Params& params) {
    (void)rules;
    if (auto err = reject_unknown(params, k_id, {})) return *err;
    return std::unique_ptr<Rule>(std::make_unique<SheetNotChecked>());
}

}  // namespace perf_check::rules
