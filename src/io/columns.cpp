// Column names and their aliases, as one explicit table, and the header normalisation they are matched by.
#include "io/columns.hpp"

#include <utility>
#include <vector>

#include "util/text.hpp"

namespace perf_check::io {

const std::vector<ColumnSpec>& column_specs() {
    static const std::vector<ColumnSpec> k_specs = {
        {Column::code, "单位代码", {"项目代码", "具体项目代码", "单位编码", "项目编码"}, true},
        {Column::name, "单位（专项）名称", {"项目名称", "单位名称", "专项名称", "单位(专项)名称"}, true},
        {Column::funds, "资金总额", {"年度资金总额", "年初预算数", "项目资金", "资金总额合计", "项目总金额"}, true},
        {Column::goal, "实施期绩效目标", {"年度绩效目标", "年度总体目标", "绩效目标", "实施期目标", "总体目标"}, true},
        {Column::level1, "一级指标", {}, true},
        {Column::level2, "二级指标", {}, true},
        {Column::level3, "三级指标", {"指标名称"}, true},
        {Column::target, "指标值", {"年度指标值", "目标值", "指标目标值"}, true},
        {Column::content, "指标值内容", {"绩效指标说明", "指标内容", "指标解释"}, false},
        {Column::deduction,
         "评（扣分标准）",
         {"评（扣）分标准", "评分标准", "扣分标准", "评(扣分标准)", "评(扣)分标准", "评分规则"},
         true},
        {Column::unit, "度量单位", {"计量单位", "单位"}, false},
        {Column::type, "指标值类型", {"指标性质", "计算符号", "指标方向", "运算符号"}, false},
        {Column::weight, "备注", {"分值", "权重", "指标分值", "指标权重"}, true},
        {Column::budget, "全年预算数", {"调整后预算数", "预算数", "全年预算"}, false},
        {Column::spent,
         "全年执行数",
         {"预算执行数", "执行数", "实际支出数", "截至目前执行数", "累计执行数", "1-7月执行数", "1至7月执行数",
          "执行数(截至目前)"},
         false},
        {Column::actual,
         "实际完成值",
         {"完成值", "全年实际值", "实际值", "全年实际完成值", "实际完成情况", "完成情况", "全年完成值", "全年完成情况",
          "指标完成情况", "截至目前完成值", "目前完成值", "累计完成值", "1-7月完成值", "1至7月完成值",
          "完成值(截至目前)", "截至7月底完成值", "截至7月末完成值"},
         false},
        {Column::score, "得分", {"自评得分", "评价得分"}, false},
        {Column::deviation,
         "偏差原因分析及改进措施",
         {"未完成原因分析", "偏差原因分析", "偏差原因", "未完成原因分析及改进措施"},
         false},
    };
    return k_specs;
}

namespace {

// Header text for comparison: no spaces, half-width forms, round brackets, and no trailing
// parenthesised unit ("资金总额（万元）" → "资金总额"), unless the bracket is part of the name
// itself ("评（扣分标准）", "单位（专项）名称").
std::string header_key(std::string_view text) {
    std::string t = util::strip_spaces(util::fold(text));
    t = util::replace_all(t, "（", "(");
    t = util::replace_all(t, "）", ")");
    t = util::replace_all(t, "*", "");  // "*项目名称": required-field markers of some systems
    for (std::string_view unit : {"(万元)", "(元)", "(分)", "(%)"}) {
        if (util::ends_with(t, unit)) t.resize(t.size() - unit.size());
    }
    return t;
}

}  // namespace

int header_names_in(std::string_view line, std::string_view separator) {
    int named = 0;
    for (std::size_t start = 0;;) {
        const std::size_t at = line.find(separator, start);
        if (match_header(line.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start)))
            ++named;
        if (at == std::string_view::npos) return named;
        start = at + separator.size();
    }
}

std::optional<Column> match_header(std::string_view header) {
    // Every name's key is computed once; a header row of thousands of cells then costs one key each.
    static const std::vector<std::pair<std::string, Column>> k_keys = [] {
        std::vector<std::pair<std::string, Column>> keys;
        for (const auto& spec : column_specs()) {
            keys.emplace_back(header_key(spec.canonical), spec.column);
            for (const char* alias : spec.aliases) keys.emplace_back(header_key(alias), spec.column);
        }
        return keys;
    }();
    const std::string key = header_key(header);
    if (key.empty()) return std::nullopt;
    for (const auto& [name, column] : k_keys) {
        if (key == name) return column;
    }
    return std::nullopt;
}

bool is_weak_header(std::string_view header) {
    // An explicit table: each is one column's name that, on a header naming that column otherwise too, is
    // something else.
    static const std::string k_weak[] = {header_key("备注"), header_key("单位名称")};
    const std::string key = header_key(header);
    for (const auto& weak : k_weak) {
        if (key == weak) return true;
    }
    return false;
}

std::string money_unit_in(std::string_view text) {
    const std::string t = util::strip_spaces(util::fold(text));
    if (util::contains(t, "万元")) return "万元";
    for (const char* unit : {"千元", "元"}) {
        for (const char* form : {"单位:", "单位：", "(", "（"}) {
            const std::string written = std::string(form) + unit;
            if (!util::contains(t, written)) continue;
            // "(元)" and "（元）": the unit alone in brackets; after 单位 it may run on (单位：元，…).
            if (form[0] == '(' || std::string_view(form) == "（") {
                if (util::contains(t, written + (form[0] == '(' ? ")" : "）"))) return unit;
                continue;
            }
            return unit;
        }
    }
    return "";
}

}  // namespace perf_check::io
