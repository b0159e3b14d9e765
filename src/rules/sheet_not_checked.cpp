// Rule sheet-not-checked: a workbook read without --sheet whose later sheets also look like a target
// table. Only the first is checked; the others would otherwise pass unseen.
#include <fmt/format.h>

#include "rules/factories.hpp"
#include "rules/rule_util.hpp"

namespace perf_check::rules {

namespace {

constexpr const char* k_id = "sheet-not-checked";

class SheetNotChecked final : public Rule {
public:
    void check_table(const TableInfo& table, FindingSink& sink) const override {
        for (const auto& name : table.other_table_sheets) {
            Finding f;
            f.loc.file = table.file;
            f.loc.sheet = name;
            f.loc.row = 1;
            f.value = name;
            f.message.zh = fmt::format(
                "工作簿中的工作表“{}”也像绩效目标表，但没有检查：未指定 --sheet 时只检查第一个像"
                "绩效目标表的工作表（本次为“{}”）。",
                name, table.sheet);
            f.message.en = fmt::format(
                "Sheet “{}” of the workbook also looks like a target table but was not checked: "
                "without --sheet only the first such sheet is (“{}” here).",
                name, table.sheet);
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
