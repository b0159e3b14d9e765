// Implementation of the small commands: rule listing and docs, table conversion.
#include "pipeline/commands.hpp"

#include "io/columns.hpp"
#include "io/json_model.hpp"
#include "model/normalize.hpp"
#include "pipeline/pipeline.hpp"
#include "rules/catalog.hpp"
#include "util/embedded.hpp"
#include "util/text.hpp"

namespace perf_check::pipeline {

void write_rule_set_error(const std::string& path, const Error& error, std::ostream& err) {
    err << "perf-check: rule set " << path << " (规则集文件有误):\n"
        << error.render() << '\n'
        << "（请按上面的说明修改规则集 YAML（有行号时在该行）；只改部分设置时在文件开头写 extends: default；"
           "perf-check rules 列出全部规则，perf-check rules 规则ID 显示其参数）\n";
}

int list_rules(const RuleSet& rules, Lang lang, std::ostream& out) {
    std::size_t width = 0;
    for (const auto& e : rules::catalog()) width = std::max(width, std::string_view(e.id).size());
    for (const auto& e : rules::catalog()) {
        const auto it = rules.rules.find(e.id);
        const bool enabled = it == rules.rules.end() || it->second.enabled;
        const Severity sev = it == rules.rules.end() ? e.severity : it->second.severity;
        std::string id = e.id;
        id.resize(width + 2, ' ');
        std::string sev_text = enabled ? severity_name(sev) : "off";  // severity names are English in both languages
        sev_text.resize(9, ' ');
        out << id << sev_text << pick(e.summary, lang) << '\n';
    }
    return k_exit_clean;
}

int show_rule(const std::string& id, std::ostream& out, std::ostream& err) {
    for (const auto& [doc_id, text] : embedded::rule_docs()) {
        if (doc_id == id) {
            out << text;
            if (!text.empty() && text.back() != '\n') out << '\n';
            return k_exit_clean;
        }
    }
    std::vector<std::string> ids;
    for (const auto& e : rules::catalog()) ids.emplace_back(e.id);
    err << "perf-check: no rule '" << id << "'";
    const std::string guess = util::did_you_mean(id, ids);
    if (!guess.empty()) err << "; did you mean '" << guess << "'?";
    err << " (run `perf-check rules` for the list)\n";
    return k_exit_failed;
}

namespace {

std::string cell_text(const Cell& c) { return util::trim(c.as_read()); }

// An amount cell of a project in `unit`, for a CSV whose 金额单位 line says `table_unit`: a bare number gets
// its unit written after it (a workbook's later form in 元, in a CSV of 万元: 1200000 → 1200000元), so that
// the CSV read again gives the same amount.
std::string amount_text(const Cell& c, MoneyUnit unit, MoneyUnit table_unit) {
    std::string v = cell_text(c);
    if (unit != table_unit && Decimal::parse(v)) v += model::money_unit_name(unit);
    return v;
}

void write_clean_csv_row(const Project& p, const Indicator* ind, const std::vector<io::Column>& cols,
                         MoneyUnit table_unit, std::ostream& out) {
    std::string line;
    for (std::size_t i = 0; i < cols.size(); ++i) {
        std::string v;
        switch (cols[i]) {
            case io::Column::code: v = cell_text(p.code); break;
            case io::Column::name: v = cell_text(p.name); break;
            case io::Column::funds:
                v = amount_text(p.funds, p.money_unit, table_unit);
                break;
            case io::Column::goal: v = cell_text(p.goal); break;
            case io::Column::budget:
                v = amount_text(p.budget, p.money_unit, table_unit);
                break;
            case io::Column::spent:
                v = amount_text(p.spent, p.money_unit, table_unit);
                break;
            case io::Column::level1: v = ind ? util::strip_spaces(ind->level1.text) : ""; break;
            case io::Column::level2: v = ind ? util::strip_spaces(ind->level2.text) : ""; break;
            case io::Column::level3: v = ind ? cell_text(ind->name) : ""; break;
            case io::Column::target: v = ind ? cell_text(ind->target) : ""; break;
            case io::Column::content: v = ind ? cell_text(ind->content) : ""; break;
            case io::Column::deduction: v = ind ? cell_text(ind->deduction) : ""; break;
            case io::Column::unit: v = ind ? cell_text(ind->unit) : ""; break;
            case io::Column::type: v = ind ? cell_text(ind->type) : ""; break;
            case io::Column::weight: v = ind ? cell_text(ind->weight) : ""; break;
            case io::Column::actual: v = ind ? cell_text(ind->actual) : ""; break;
            case io::Column::score: v = ind ? cell_text(ind->score) : ""; break;
            case io::Column::deviation: v = ind ? cell_text(ind->deviation) : ""; break;
        }
        if (i) line += ',';
        line += util::csv_quoted(v);
    }
    out << line << "\r\n";
}

// A 合计/总计 row as the readers recognise one: its label first, its amount and points in their columns,
// so that the clean table, read again, has the same totals (and total-mismatch the same to check).
void write_clean_csv_total(const TotalRow& t, const std::vector<io::Column>& cols, MoneyUnit unit, MoneyUnit table_unit,
                           std::ostream& out) {
    std::string line;
    for (std::size_t i = 0; i < cols.size(); ++i) {
        std::string v;
        if (i == 0) v = t.label.empty() ? std::string("合计") : t.label;
        else if (cols[i] == io::Column::funds)
            v = amount_text(t.funds, unit, table_unit);
        else if (cols[i] == io::Column::weight) v = cell_text(t.weight);
        else if (cols[i] == io::Column::score)
            v = cell_text(t.score);
        if (i) line += ',';
        line += util::csv_quoted(v);
    }
    out << line << "\r\n";
}

}  // namespace

int convert(const std::string& path, const std::string& to, const io::ReadOptions& read, const RuleSet& rules,
            std::ostream& out, std::ostream& err, Lang lang) {
    auto source = io::open_table(path, read, rules);
    if (!source) {
        err << "perf-check: " << source.error().render(lang) << '\n';
        return k_exit_failed;
    }
    const TableInfo& table = (*source)->table();
    if (!table.missing_columns.empty()) {
        err << "perf-check: " << path << ": missing columns: " << util::join(table.missing_columns, ", ")
            << " (缺少必需的列)\n";
        return k_exit_failed;
    }
    // A workbook's other tables, and formulas saved without their result, are not in the converted file: said
    // on stderr (a review found both dropped without a word, exit 0, and the converted file checked clean of
    // what the workbook's check reported).
    if (!table.other_table_sheets.empty()) {
        std::vector<std::string> quoted;
        for (const auto& name : table.other_table_sheets) quoted.push_back("“" + name + "”");
        std::vector<std::string> converted{"“" + table.sheet + "”"};
        for (const auto& name : table.more_sheets) converted.push_back("“" + name + "”");
        err << "perf-check: "
            << Error{std::string(converted.size() > 1 ? "only the sheets " : "only the sheet ") +
                         util::join(converted, ", ") + (converted.size() > 1 ? " are" : " is") + " converted; " +
                         util::join(quoted, ", ") +
                         (quoted.size() > 1 ? " also look like target tables" : " also looks like a target table") +
                         ": convert each with --sheet NAME (只转换了工作表" + util::join(converted, "、") + "；" +
                         util::join(quoted, "、") + "也像绩效目标表，请用 --sheet 名称 逐个转换)",
                     path}
                   .render(lang)
            << '\n';
    }
    int unsaved = 0;  // cells written empty: formulas with no saved result
    int forms = 0;    // projects read from the national self-evaluation form
    Project project;
    auto read_next = [&]() -> int {
        auto more = (*source)->next(project);
        if (!more) {
            err << "perf-check: " << more.error().render(lang) << '\n';
            return -1;
        }
        if (*more) {
            forms += project.form ? 1 : 0;
            for (const auto& p : project.problems) unsaved += p.kind == CellProblem::Kind::unsaved_formula ? 1 : 0;
            for (const auto& ind : project.indicators) {
                for (const auto& p : ind.problems) unsaved += p.kind == CellProblem::Kind::unsaved_formula ? 1 : 0;
            }
        }
        return *more ? 1 : 0;
    };
    const auto said_unsaved = [&] {
        if (unsaved == 0) return;
        err << "perf-check: "
            << Error{std::to_string(unsaved) +
                         " cell(s) are formulas saved without their result and are written empty: "
                         "open the workbook in Excel or WPS, save it, and convert again (" +
                         std::to_string(unsaved) +
                         " 个单元格是没有保存计算结果的公式，转换后为空：请在 Excel/WPS 中打开并保存后重新转换)",
                     path}
                   .render(lang)
            << '\n';
    };
    if (to == "json") {
        io::JsonModelWriter writer(out, table);
        int r = 0;
        while ((r = read_next()) == 1) writer.add(project);
        writer.finish();
        said_unsaved();
        return r < 0 ? k_exit_failed : k_exit_clean;
    }
    // Clean CSV: one header row, every cell filled, self-evaluation columns only when the table has them.
    std::vector<io::Column> cols;
    std::string header;
    for (const auto& spec : io::column_specs()) {
        const bool self_eval = spec.column == io::Column::budget || spec.column == io::Column::spent ||
                               spec.column == io::Column::actual || spec.column == io::Column::score ||
                               spec.column == io::Column::deviation;
        if (self_eval && !table.self_evaluation) continue;
        cols.push_back(spec.column);
        if (!header.empty()) header += ',';
        header += util::csv_quoted(spec.canonical);
    }
    out << "\xEF\xBB\xBF";  // BOM: Excel opens UTF-8 CSV correctly only with it
    if (table.money_unit != MoneyUnit::wan_yuan)
        out << "金额单位：" << model::money_unit_name(table.money_unit) << "\r\n";
    out << header << "\r\n";
    int r = 0;
    const MoneyUnit unit = table.money_unit;
    while ((r = read_next()) == 1) {
        if (project.indicators.empty()) write_clean_csv_row(project, nullptr, cols, unit, out);
        for (const auto& ind : project.indicators) write_clean_csv_row(project, &ind, cols, unit, out);
        for (const auto& total : project.totals) write_clean_csv_total(total, cols, project.money_unit, unit, out);
    }
    said_unsaved();
    // The form's layout has no CSV counterpart (a review checked such a CSV and got 19 findings the
    // workbook does not have): said, with the format that keeps it.
    if (forms > 0) {
        const std::string n = std::to_string(forms);
        err << "perf-check: "
            << Error{n +
                         " project(s) are national self-evaluation forms: a CSV table has 单位代码 and 评（扣分标准） "
                         "columns, which the form has not, and no place for its 实施单位 or sheet, so checking the CSV "
                         "asks for them; convert with --to json to keep the forms as read (" +
                         n +
                         " 个项目是财政部项目支出绩效自评表：CSV 目标表有单位代码、评（扣分标准）列而自评表没有，"
                         "也没有实施单位和工作表的位置，检查转换后的 CSV 会要求填写这些列；要保留自评表原样，请用 "
                         "--to json 转换)",
                     path}
                   .render(lang)
            << '\n';
    }
    return r < 0 ? k_exit_failed : k_exit_clean;
}

}  // namespace perf_check::pipeline
