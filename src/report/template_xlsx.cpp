// Writing the blank target-table template with libxlsxwriter: layout, example project, dropdowns and hints.
#include "report/template_xlsx.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <vector>

#include <fmt/format.h>

#include "report/xlsx_reporter.hpp"
#include "util/text.hpp"

namespace perf_check::report {

namespace {

// Columns of the seed layout, 0-based: A 单位代码 … M 备注.
enum Col : lxw_col_t { code, name, funds, goal, level1, level2, level3, target, content, deduction, unit, type, weight };
constexpr lxw_col_t k_columns = 13;
constexpr lxw_row_t k_first_data_row = 4;  // row 5: the first project row, as in the seed
// Rows below the header that carry the dropdowns and hints: room for a department's projects.
constexpr lxw_row_t k_input_rows = 1000;
// Excel's limit for a literal dropdown list ("a,b,c"); longer lists go to a hidden sheet.
constexpr std::size_t k_max_literal_list = 255;

const char* const k_comparators[] = {"≥", "≤", ">", "<", "=", "定性"};
const char* const k_units[] = {"万元", "元", "%", "个", "人", "次", "项", "天", "月", "年"};

struct ColumnSpec {
    const char* header;
    double width;
    const char* hint_title;  // ≤ 32 characters (Excel's limit)
    const char* hint;        // ≤ 255 characters
};

// Headers as the reader matches them, widths for their usual content, and the input hint of each column.
const ColumnSpec k_specs[k_columns] = {
    {"单位代码", 10, "单位代码", "填写预算单位代码（3–20 位数字或字母，如 301001）。同一项目的各行代码相同，可合并单元格。"},
    {"单位（专项）名称", 22, "单位（专项）名称", "填写项目（专项）名称。一个项目占若干行，新项目从填写了名称或代码的行开始。"},
    {"资金总额", 11, "资金总额（万元）", "填写项目资金总额，单位见表头上方“金额单位”（本表为万元），只填数字，如 120 或 4500.00。"},
    {"实施期绩效目标", 40, "实施期绩效目标",
     "写明年度要完成的具体任务和效果，不要只写“无”。建议写明资金测算，如“其中：80万元用于…；40万元用于…”，各项合计等于资金总额。"},
    {"一级指标", 12, "一级指标", "从下拉列表选择：成本指标、产出指标、效益指标、满意度指标。同一一级指标的各行可合并单元格。"},
    {"二级指标", 18, "二级指标",
     "从下拉列表选择，须属于左侧一级指标（如 产出指标 → 数量指标、质量指标、时效指标）。不用的二级指标各格填“无”。"},
    {"三级指标", 22, "三级指标", "填写具体指标名称，如“设备购置成本”“验收合格率”。同一项目内不要重复。不用的填“无”。"},
    {"指标值", 10, "指标值", "填写目标值：定量指标只填数字（如 90、20），符号填在“指标值类型”列，单位填在“度量单位”列；定性指标填文字。"},
    {"指标值内容", 24, "指标值内容", "说明指标的含义和口径，文字方向应与指标值类型一致（≥ 对应“不少于”，≤ 对应“不超过”）。"},
    {"评（扣分标准）", 30, "评（扣分标准）",
     "写明可计算的扣分办法，如“每低于1个百分点扣1分，扣完为止”“每超过1万元扣1分，扣完为止”。避免只写“视情况扣分”。"},
    {"度量单位", 9, "度量单位", "从下拉列表选择常用单位（万元、%、个、人…），也可直接输入其他单位（如 台、人次）。不要重复填写指标值。"},
    {"指标值类型", 10, "指标值类型", "从下拉列表选择：≥ ≤ > < = 或 定性。数量、质量、满意度指标一般为 ≥，成本指标一般为 ≤。"},
    {"备注", 8, "备注（分值）", "填写该指标分值，如“20分”。各指标分值合计 90 分，另有预算执行率 10 分，共 100 分。填“无”的行不填分值。"},
};

// One filled example: a good project by the default rules (itemised costs that add up to 资金总额, every
// required slot filled, computable deductions, weights 90 + 10).
struct ExampleRow {
    const char* level1;
    const char* level2;
    const char* level3;
    const char* target;
    const char* content;
    const char* deduction;
    const char* unit;
    const char* type;
    const char* weight;
};

// The example is marked as one (rule template-example reports it if it is submitted), under a code no unit
// has: left in, it was counted as 301001's 120万 key-evaluation project.
const char* const k_example_code = "000000";
const char* const k_example_name = "（示例）社区卫生服务中心诊疗设备购置";
const double k_example_funds = 120;
const char* const k_example_goal =
    "为辖区3个社区卫生服务中心购置并安装诊疗设备20台（套），年内完成验收并投入使用，年服务居民不少于5000人次。"
    "其中：80万元用于购置诊疗设备；40万元用于设备安装调试及操作培训。";
const ExampleRow k_example[] = {
    {"成本指标", "经济成本指标", "设备购置成本", "80", "诊疗设备购置支出不超过80万元", "每超过1万元扣1分，扣完为止", "万元",
     "≤", "10分"},
    {"成本指标", "经济成本指标", "安装调试及培训成本", "40", "设备安装调试及操作培训支出不超过40万元",
     "每超过1万元扣1分，扣完为止", "万元", "≤", "10分"},
    {"成本指标", "社会成本指标", "无", "无", "无", "无", "无", "无", ""},
    {"成本指标", "生态环境成本指标", "无", "无", "无", "无", "无", "无", ""},
    {"产出指标", "数量指标", "购置诊疗设备数量", "20", "购置并安装诊疗设备不少于20台（套）", "每少1台扣2分，扣完为止", "台", "≥",
     "15分"},
    {"产出指标", "质量指标", "设备验收合格率", "100", "到货设备经验收合格的比例", "每低于1个百分点扣1分，扣完为止", "%", "≥",
     "15分"},
    {"产出指标", "时效指标", "设备安装完成时间", "180", "自资金到位起完成安装调试的天数不超过180天", "每延迟10天扣1分，扣完为止",
     "天", "≤", "10分"},
    {"效益指标", "经济效益指标", "无", "无", "无", "无", "无", "无", ""},
    {"效益指标", "社会效益指标", "年服务居民人次", "5000", "设备投入使用后年服务居民不少于5000人次",
     "每少100人次扣1分，扣完为止", "人次", "≥", "20分"},
    {"效益指标", "生态效益指标", "无", "无", "无", "无", "无", "无", ""},
    {"效益指标", "可持续影响指标", "无", "无", "无", "无", "无", "无", ""},
    {"满意度指标", "服务对象满意度指标", "就诊居民满意度", "90", "就诊居民对设备使用和服务的满意度",
     "每低于1个百分点扣1分，扣完为止", "%", "≥", "10分"},
};

struct Formats {
    lxw_format* title;
    lxw_format* unit_note;
    lxw_format* header;
    lxw_format* cell;
    lxw_format* money;
};

Formats make_formats(lxw_workbook* wb) {
    Formats f{};
    f.title = workbook_add_format(wb);
    format_set_bold(f.title);
    format_set_font_size(f.title, 16);
    format_set_align(f.title, LXW_ALIGN_CENTER);
    format_set_align(f.title, LXW_ALIGN_VERTICAL_CENTER);
    f.unit_note = workbook_add_format(wb);
    format_set_align(f.unit_note, LXW_ALIGN_RIGHT);
    f.header = workbook_add_format(wb);
    format_set_bold(f.header);
    format_set_align(f.header, LXW_ALIGN_CENTER);
    format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
    format_set_text_wrap(f.header);
    format_set_border(f.header, LXW_BORDER_THIN);
    format_set_pattern(f.header, LXW_PATTERN_SOLID);
    format_set_bg_color(f.header, 0xD9E1F2);
    f.cell = workbook_add_format(wb);
    format_set_border(f.cell, LXW_BORDER_THIN);
    format_set_text_wrap(f.cell);
    format_set_align(f.cell, LXW_ALIGN_VERTICAL_CENTER);
    f.money = workbook_add_format(wb);
    format_set_border(f.money, LXW_BORDER_THIN);
    format_set_align(f.money, LXW_ALIGN_VERTICAL_CENTER);
    format_set_num_format(f.money, "0.00");
    return f;
}

// Writes a header cell or merged range; `first == last` writes one cell.
void header_cell(lxw_worksheet* ws, lxw_row_t r1, lxw_col_t c1, lxw_row_t r2, lxw_col_t c2, const char* text,
                 lxw_format* fmt) {
    if (r1 == r2 && c1 == c2) {
        worksheet_write_string(ws, r1, c1, text, fmt);
    } else {
        worksheet_merge_range(ws, r1, c1, r2, c2, text, fmt);
    }
}

class TemplateWriter {
public:
    TemplateWriter(lxw_workbook* wb, const RuleSet& rules) : m_wb(wb), m_rules(rules), m_f(make_formats(wb)) {}

    lxw_error write() {
        m_ws = workbook_add_worksheet(m_wb, "项目支出绩效目标表");
        if (!m_ws) return LXW_ERROR_MEMORY_MALLOC_FAILED;
        layout();
        example();
        hints_and_dropdowns();
        return m_error;
    }

private:
    void check(lxw_error e) {
        if (e != LXW_NO_ERROR && m_error == LXW_NO_ERROR) m_error = e;
    }

    void layout() {
        for (lxw_col_t c = 0; c < k_columns; ++c) check(worksheet_set_column(m_ws, c, c, k_specs[c].width, nullptr));
        check(worksheet_set_row(m_ws, 0, 30, nullptr));
        check(worksheet_merge_range(m_ws, 0, code, 0, weight, "项目支出绩效目标表", m_f.title));
        check(worksheet_write_string(m_ws, 1, weight, "金额单位：万元", m_f.unit_note));
        // Two header rows: 单位代码…实施期绩效目标 span both; 绩效指标 spans the nine indicator columns.
        for (lxw_col_t c = code; c <= goal; ++c) header_cell(m_ws, 2, c, 3, c, k_specs[c].header, m_f.header);
        header_cell(m_ws, 2, level1, 2, weight, "绩效指标", m_f.header);
        for (lxw_col_t c = level1; c <= weight; ++c) check(worksheet_write_string(m_ws, 3, c, k_specs[c].header, m_f.header));
        worksheet_freeze_panes(m_ws, k_first_data_row, 0);
    }

    void example() {
        const lxw_row_t first = k_first_data_row;
        const auto rows = static_cast<lxw_row_t>(std::size(k_example));
        const lxw_row_t last = first + rows - 1;
        // Project cells merged over the project's rows, as finance staff lay them out.
        check(worksheet_merge_range(m_ws, first, code, last, code, k_example_code, m_f.cell));
        check(worksheet_merge_range(m_ws, first, name, last, name, k_example_name, m_f.cell));
        check(worksheet_merge_range(m_ws, first, funds, last, funds, "", m_f.money));
        check(worksheet_write_number(m_ws, first, funds, k_example_funds, m_f.money));
        check(worksheet_merge_range(m_ws, first, goal, last, goal, k_example_goal, m_f.cell));
        // 一级指标 merged over its rows.
        lxw_row_t run_start = first;
        for (lxw_row_t i = 0; i < rows; ++i) {
            const ExampleRow& e = k_example[i];
            const lxw_row_t r = first + i;
            const bool run_ends = i + 1 == rows || std::string_view(k_example[i + 1].level1) != e.level1;
            if (run_ends) {
                if (run_start == r) {
                    check(worksheet_write_string(m_ws, r, level1, e.level1, m_f.cell));
                } else {
                    check(worksheet_merge_range(m_ws, run_start, level1, r, level1, e.level1, m_f.cell));
                }
                run_start = r + 1;
            }
            const char* cells[] = {e.level2, e.level3, e.target, e.content, e.deduction, e.unit, e.type, e.weight};
            for (lxw_col_t c = level2; c <= weight; ++c) {
                const char* text = cells[c - level2];
                if (*text) {
                    check(worksheet_write_string(m_ws, r, c, text, m_f.cell));
                } else {
                    check(worksheet_write_blank(m_ws, r, c, m_f.cell));
                }
            }
        }
    }

    // A dropdown over the input rows of column `col`. Lists longer than Excel's literal limit, or with
    // commas in an item, are written to a hidden sheet and referenced from there.
    void dropdown(lxw_col_t col, const std::vector<std::string>& items, bool strict) {
        // Excel counts the literal list's characters, commas included.
        std::size_t chars = items.empty() ? 0 : items.size() - 1;
        for (const auto& s : items) {
            for (std::size_t p = 0; p < s.size(); util::next_code_point(s, p)) ++chars;
        }
        const bool literal = chars <= k_max_literal_list &&
                             std::none_of(items.begin(), items.end(), [](const std::string& s) {
                                 return util::contains(s, ",") || util::contains(s, "\"");
                             });
        lxw_data_validation v{};
        std::vector<char*> list;
        std::string formula;
        if (literal) {
            for (const auto& s : items) list.push_back(const_cast<char*>(s.c_str()));
            list.push_back(nullptr);
            v.validate = LXW_VALIDATION_TYPE_LIST;
            v.value_list = list.data();
        } else {
            formula = list_range(items);
            v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
            v.value_formula = const_cast<char*>(formula.c_str());
        }
        v.ignore_blank = LXW_VALIDATION_ON;
        v.error_type = strict ? LXW_VALIDATION_ERROR_TYPE_STOP : LXW_VALIDATION_ERROR_TYPE_INFORMATION;
        v.show_error = LXW_VALIDATION_ON;
        v.error_title = const_cast<char*>(strict ? "请从下拉列表选择" : "不在常用列表中");
        v.error_message = const_cast<char*>(strict ? "请从下拉列表中选择一项。" : "该单位不在常用单位列表中，确认无误可继续。");
        prompt(col, v);
        check(worksheet_data_validation_range(m_ws, k_first_data_row, col, k_first_data_row + k_input_rows - 1, col, &v));
    }

    void prompt(lxw_col_t col, lxw_data_validation& v) {
        v.show_input = LXW_VALIDATION_ON;
        v.input_title = const_cast<char*>(k_specs[col].hint_title);
        v.input_message = const_cast<char*>(k_specs[col].hint);
    }

    // "='选项'!$A$1:$A$N" on a hidden sheet holding `items`, one column per list.
    std::string list_range(const std::vector<std::string>& items) {
        if (!m_lists) {
            m_lists = workbook_add_worksheet(m_wb, "选项");
            if (!m_lists) {
                check(LXW_ERROR_MEMORY_MALLOC_FAILED);
                return {};
            }
            worksheet_hide(m_lists);
        }
        const lxw_col_t col = m_list_columns++;
        for (std::size_t i = 0; i < items.size(); ++i) {
            check(worksheet_write_string(m_lists, static_cast<lxw_row_t>(i), col, xlsx_cell_text(items[i]).c_str(), nullptr));
        }
        std::string letters;
        for (int c = col + 1; c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
        return fmt::format("='选项'!${}$1:${}${}", letters, letters, std::max<std::size_t>(items.size(), 1));
    }

    void hints_and_dropdowns() {
        std::vector<std::string> level1s;
        std::vector<std::string> level2s;
        for (const auto& l : m_rules.framework.levels) {
            level1s.push_back(l.name);
            for (const auto& child : l.children) {
                if (std::find(level2s.begin(), level2s.end(), child) == level2s.end()) level2s.push_back(child);
            }
        }
        const std::vector<std::string> types(std::begin(k_comparators), std::end(k_comparators));
        const std::vector<std::string> units(std::begin(k_units), std::end(k_units));
        for (lxw_col_t c = 0; c < k_columns; ++c) {
            if (c == level1 && !level1s.empty()) {
                dropdown(c, level1s, true);
            } else if (c == level2 && !level2s.empty()) {
                dropdown(c, level2s, true);
            } else if (c == type) {
                dropdown(c, types, true);
            } else if (c == unit) {
                dropdown(c, units, false);
            } else {
                // Any value, but the hint shows when the cell is selected.
                lxw_data_validation v{};
                v.validate = LXW_VALIDATION_TYPE_ANY;
                prompt(c, v);
                check(worksheet_data_validation_range(m_ws, k_first_data_row, c, k_first_data_row + k_input_rows - 1, c,
                                                      &v));
            }
        }
    }

    lxw_workbook* m_wb;
    const RuleSet& m_rules;
    Formats m_f;
    lxw_worksheet* m_ws = nullptr;
    lxw_worksheet* m_lists = nullptr;
    lxw_col_t m_list_columns = 0;
    lxw_error m_error = LXW_NO_ERROR;
};

}  // namespace

Expected<bool> write_template(const std::string& path, const RuleSet& rules) {
    {
        // Probe first: libxlsxwriter only finds out at workbook_close() and prints its own message then.
        std::ofstream probe(path, std::ios::binary | std::ios::trunc);
        if (!probe) {
            return Error{"cannot create the template file: check that the folder exists and is writable "
                         "(无法创建模板文件：请检查目录是否存在、是否有写入权限)",
                         path};
        }
    }
    lxw_workbook* wb = workbook_new(path.c_str());
    if (!wb) return Error{"cannot create the template workbook (无法创建模板文件)", path};
    lxw_doc_properties props{};
    props.title = const_cast<char*>("项目支出绩效目标表（模板）");
    props.comments = const_cast<char*>("perf-check " PERF_CHECK_VERSION);
    props.created = 1704067200;  // fixed: the same template bytes on every run
    workbook_set_properties(wb, &props);
    TemplateWriter writer(wb, rules);
    const lxw_error built = writer.write();
    const lxw_error closed = workbook_close(wb);
    if (built != LXW_NO_ERROR || closed != LXW_NO_ERROR) {
        return Error{fmt::format("cannot write the template: {} (无法写入模板文件：请检查路径和权限)",
                                 lxw_strerror(built != LXW_NO_ERROR ? built : closed)),
                     path};
    }
    return true;
}

}  // namespace perf_check::report
