// Rule missing-column: a table whose header lacks required columns, reported once per file.
#include <fmt/format.h>

#include "rules/factories.hpp"
#include "rules/rule_util.hpp"
#include "util/text.hpp"

namespace perf_check::rules {

namespace {

constexpr const char* k_id = "missing-column";

// The canonical columns with an English gloss and the header texts also accepted (SPEC §2.1).
struct ColumnInfo {
    const char* name;
    const char* english;
    std::vector<std::string> aliases;
};

const std::vector<ColumnInfo>& columns() {
    static const std::vector<ColumnInfo> k_columns = {
        {"单位代码", "unit code", {"项目代码", "具体项目代码"}},
        {"单位（专项）名称", "unit/programme name", {"项目名称", "单位名称"}},
        {"资金总额", "total funds", {"年度资金总额", "年初预算数", "项目资金"}},
        {"实施期绩效目标", "performance goal", {"年度绩效目标", "年度总体目标", "绩效目标"}},
        {"一级指标", "level-1 indicator", {}},
        {"二级指标", "level-2 indicator", {}},
        {"三级指标", "level-3 indicator (the indicator's name)", {}},
        {"指标值", "target value", {"年度指标值"}},
        {"指标值内容", "target description", {"绩效指标说明", "指标内容"}},
        {"评（扣分标准）", "deduction standard", {"评（扣）分标准", "评分标准", "扣分标准"}},
        {"度量单位", "unit of measure", {"计量单位"}},
        {"指标值类型", "comparator / value type", {"指标性质", "计算符号"}},
        {"备注", "weight in points", {"分值", "权重"}},
        {"全年预算数", "annual budget", {"调整后预算数"}},
        {"全年执行数", "annual spending", {"预算执行数"}},
        {"实际完成值", "actual value", {"完成值", "全年实际值"}},
        {"得分", "reviewer's score", {}},
        {"偏差原因分析及改进措施", "deviation reason", {"未完成原因分析"}},
    };
    return k_columns;
}

// Header names compare without spaces and with full-width brackets folded: 评(扣分标准) = 评（扣分标准）.
std::string key(std::string_view name) {
    return util::strip_spaces(util::fold(name));
}

const ColumnInfo* find_column(const std::string& name) {
    for (const auto& c : columns()) {
        if (key(c.name) == key(name)) return &c;
    }
    return nullptr;
}

class MissingColumn final : public Rule {
public:
    void check_table(const TableInfo& table, FindingSink& sink) const override {
        if (table.missing_columns.empty()) return;
        Finding f;
        f.loc.file = table.file;
        f.loc.sheet = table.sheet;
        f.loc.row = table.header_row > 0             ? table.header_row
                    : table.header_separator_row > 0 ? table.header_separator_row
                                                     : 1;
        f.value = util::join(table.missing_columns, "、");

        std::vector<std::string> names_en;
        std::vector<std::string> hints_zh;
        std::vector<std::string> hints_en;
        for (const auto& name : table.missing_columns) {
            const ColumnInfo* c = find_column(name);
            names_en.push_back(c ? fmt::format("{} ({})", name, c->english) : name);
            if (c && !c->aliases.empty()) {
                hints_zh.push_back(fmt::format("“{}”（也可写作：{}）", name, util::join(c->aliases, "、")));
                hints_en.push_back(fmt::format("“{}” (also accepted: {})", name, util::join(c->aliases, ", ")));
            } else {
                hints_zh.push_back(fmt::format("“{}”", name));
                hints_en.push_back(fmt::format("“{}”", name));
            }
        }
        if (table.values_only) {
            report_values_file(table, f, sink);
            return;
        }
        if (table.header_row > 0) {
            f.message.zh =
                fmt::format("表头（第{}行）缺少必需的列：{}。缺少这些列，项目和指标无法完整读取，表格会被退回。",
                            table.header_row, f.value);
            f.message.en = fmt::format(
                "The header (row {}) lacks required columns: {}. Without them projects and indicators cannot be read "
                "completely.",
                table.header_row, util::join(names_en, ", "));
        } else {
            f.message.zh = fmt::format("找不到可识别的表头行，缺少必需的列：{}。", f.value);
            f.message.en =
                fmt::format("No recognisable header row; required columns missing: {}.", util::join(names_en, ", "));
        }
        if (!table.header_separator.empty()) {
            // The columns are there, on a line separated by another character (header-separator): adding them
            // would not help.
            f.hint.zh = fmt::format(
                "第{}行的表头用“{}”而不是半角逗号分隔，所以一列也认不出：用Excel或WPS“另存为 → CSV（逗号分隔）”"
                "重新保存后再检查。",
                table.header_separator_row, table.header_separator);
            f.hint.en = fmt::format(
                "The header on row {} is separated by '{}', not ',', so no column is recognised: re-save the file "
                "from Excel or WPS as CSV (comma delimited) and check it again.",
                table.header_separator_row, table.header_separator);
        } else {
            f.hint.zh =
                fmt::format("在表头中加上这些列，或把已有列的表头改为可识别的名称：{}。列名中的空格不影响识别。",
                            util::join(hints_zh, "；"));
            f.hint.en = fmt::format(
                "Add these columns to the header, or rename existing headers to a recognised name: {}. "
                "Spaces in header names do not matter.",
                util::join(hints_en, "; "));
        }
        sink.add(std::move(f));
    }

private:
    // An --actuals or --progress file among the tables: what it is, and where it goes instead.
    static void report_values_file(const TableInfo& table, Finding& f, FindingSink& sink) {
        const bool progress = table.actual_header.empty();  // 执行数 without 实际完成值
        const std::string& column = progress ? table.spent_header : table.actual_header;
        f.value = column;
        f.message.zh = fmt::format(
            "此文件有“{}”列，却没有一级指标、指标值等绩效目标表的列：是{}，不是绩效目标表，没有作为目标表检查。",
            column, progress ? "进度（执行数）文件" : "实际完成值文件");
        f.message.en = fmt::format(
            "The file has a “{}” column but none of a target table's indicator columns (一级指标, 指标值): it is "
            "{}, not a target table, and was not checked as one.",
            column, progress ? "a progress file" : "an actuals file");
        f.hint.zh = progress
                        ? "监控时用 perf-check monitor 目标表 --progress 此文件；检查目标表时不要把它和目标表放在一起。"
                        : "评分时用 perf-check score 目标表 --actuals 此文件；检查目标表时不要把它和目标表放在一起。";
        f.hint.en = progress ? "Give it to perf-check monitor TARGETS --progress FILE; keep it apart from the tables "
                               "to check."
                             : "Give it to perf-check score TARGETS --actuals FILE; keep it apart from the tables to "
                               "check.";
        sink.add(std::move(f));
    }
};

}  // namespace

Expected<std::unique_ptr<Rule>> make_missing_column(const RuleSet& rules, const Params& params) {
    (void)rules;
    if (auto err = reject_unknown(params, k_id, {})) return *err;
    return std::unique_ptr<Rule>(std::make_unique<MissingColumn>());
}

}  // namespace perf_check::rules
