// Rule header-separator: a header line separated by full-width commas '，' (or semicolons, …) rather than the
// file's separator, i.e. not real CSV.
#include <fmt/format.h>

#include "rules/factories.hpp"
#include "rules/rule_util.hpp"

namespace perf_check::rules {

namespace {

constexpr const char* k_id = "header-separator";

// What the separator is called, in both languages.
struct SeparatorName {
    std::string_view separator;
    const char* zh;
    const char* en;
};
constexpr SeparatorName k_names[] = {
    {"，", "全角逗号", "full-width commas"}, {"；", "全角分号", "full-width semicolons"}, {";", "分号", "semicolons"},
    {"|", "竖线", "vertical bars"},          {"、", "顿号", "enumeration commas (、)"},
};

class HeaderSeparator final : public Rule {
public:
    void check_table(const TableInfo& table, FindingSink& sink) const override {
        if (table.header_separator.empty()) return;
        const char* zh = "其他字符";
        const char* en = "another character";
        for (const auto& n : k_names) {
            if (n.separator == table.header_separator) {
                zh = n.zh;
                en = n.en;
            }
        }
        Finding f;
        f.loc.file = table.file;
        f.loc.sheet = table.sheet;
        f.loc.row = table.header_separator_row > 0 ? table.header_separator_row : 1;
        f.value = table.header_separator;
        f.message.zh =
            fmt::format("第{}行的表头用{}“{}”分隔各列，而CSV要求半角逗号“,”：整行被读成一个单元格，各列都无法识别。",
                        f.loc.row, zh, table.header_separator);
        f.message.en = fmt::format(
            "The header on row {} separates its columns with {} '{}', but CSV needs ',': the whole line reads as one "
            "cell and no column can be recognised.",
            f.loc.row, en, table.header_separator);
        f.hint.zh = fmt::format(
            "这不是真正的CSV文件。请在Excel或WPS中打开原表，用“另存为 → CSV（逗号分隔）”重新保存后再提交；"
            "不要在文本编辑器里手工拼接，或把半角逗号换成{}。",
            zh);
        f.hint.en = fmt::format(
            "This is not a real CSV file. Open the original table in Excel or WPS and re-save it with "
            "\"Save as → CSV (comma delimited)\"; do not assemble it by hand or replace ',' with {}.",
            en);
        sink.add(std::move(f));
    }
};

}  // namespace

Expected<std::unique_ptr<Rule>> make_header_separator(const RuleSet& rules, const Params& params) {
    (void)rules;
    if (auto err = reject_unknown(params, k_id, {})) return *err;
    return std::unique_ptr<Rule>(std::make_unique<HeaderSeparator>());
}

}  // namespace perf_check::rules
