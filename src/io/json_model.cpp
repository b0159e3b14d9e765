// Canonical JSON model: the only place besides the JSON reporter that includes nlohmann/json.
#include "io/json_model.hpp"

#include <nlohmann/json.hpp>

#include <sstream>
#include <vector>

#include "io/columns.hpp"
#include "model/normalize.hpp"

namespace perf_check::io {

using nlohmann::json;

namespace {

constexpr int k_format_version = 1;
constexpr int k_max_depth = 64;

// JSON key of each canonical column, in column_specs() order.
const char* json_key(Column c) {
    switch (c) {
        case Column::code: return "code";
        case Column::name: return "name";
        case Column::funds: return "funds";
        case Column::goal: return "goal";
        case Column::level1: return "level1";
        case Column::level2: return "level2";
        case Column::level3: return "indicator";
        case Column::target: return "target";
        case Column::content: return "content";
        case Column::deduction: return "deduction";
        case Column::unit: return "unit";
        case Column::type: return "type";
        case Column::weight: return "weight";
        case Column::budget: return "budget";
        case Column::spent: return "spent";
        case Column::actual: return "actual";
        case Column::score: return "score";
        case Column::deviation: return "deviation";
    }
    return "";
}

// Project-level and indicator-level cells, with the column each came from.
std::vector<std::pair<Column, Cell Project::*>> project_cells() {
    return {{Column::code, &Project::code},   {Column::name, &Project::name},     {Column::funds, &Project::funds},
            {Column::goal, &Project::goal},   {Column::budget, &Project::budget}, {Column::spent, &Project::spent}};
}
std::vector<std::pair<Column, Cell Indicator::*>> indicator_cells() {
    return {{Column::level1, &Indicator::level1},       {Column::level2, &Indicator::level2},
            {Column::level3, &Indicator::name},         {Column::target, &Indicator::target},
            {Column::content, &Indicator::content},     {Column::deduction, &Indicator::deduction},
            {Column::unit, &Indicator::unit},           {Column::type, &Indicator::type},
            {Column::weight, &Indicator::weight},       {Column::actual, &Indicator::actual},
            {Column::score, &Indicator::score},         {Column::deviation, &Indicator::deviation}};
}

}  // namespace

JsonModelWriter::JsonModelWriter(std::ostream& out, const TableInfo& table)
    : m_out(out), m_sheet(table.sheet), m_money_unit(table.money_unit) {
    json head;
    head["format"] = "perf-check-table";
    head["version"] = k_format_version;
    head["source"] = table.file;
    head["sheet"] = table.sheet;
    head["money_unit"] = std::string(model::money_unit_name(table.money_unit));
    std::string text = head.dump(2);
    text.pop_back();  // reopen the object: projects follow
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    m_out << text << ",\n  \"projects\": [";
}

void JsonModelWriter::add(const Project& p) {
    json jp;
    jp["row"] = p.first_row;
    json columns = json::object();
    json rows = json::object();  // a project cell off the project's first row (the form's 项目名称, 项目资金 rows)
    for (const auto& [col, member] : project_cells()) {
        const Cell& c = p.*member;
        jp[json_key(col)] = c.as_read();
        if (c.loc.column > 0) columns[json_key(col)] = c.loc.column;
        if (c.loc.row > 0 && c.loc.row != p.first_row) rows[json_key(col)] = c.loc.row;
    }
    json indicators = json::array();
    for (const auto& ind : p.indicators) {
        json ji;
        ji["row"] = ind.row;
        for (const auto& [col, member] : indicator_cells()) {
            const Cell& c = ind.*member;
            ji[json_key(col)] = c.as_read();
            if (c.loc.column > 0) columns[json_key(col)] = c.loc.column;
        }
        indicators.push_back(std::move(ji));
    }
    jp["indicators"] = std::move(indicators);
    if (p.form) jp["form"] = true;
    if (!p.implementer.empty()) jp["implementer"] = p.implementer;
    if (p.sheet != m_sheet) jp["sheet"] = p.sheet;
    if (p.money_unit != m_money_unit) jp["money_unit"] = std::string(model::money_unit_name(p.money_unit));
    json totals = json::array();
    for (const auto& t : p.totals) {
        json jt = {{"row", t.row}, {"label", t.label}, {"funds", t.funds.as_read()}, {"weight", t.weight.as_read()}};
        if (!t.score.empty()) jt["score"] = t.score.as_read();
        totals.push_back(std::move(jt));
    }
    jp["totals"] = std::move(totals);
    jp["columns"] = std::move(columns);
    if (!rows.empty()) jp["rows"] = std::move(rows);
    m_out << (m_first ? "\n" : ",\n") << "    " << jp.dump();
    m_first = false;
}

void JsonModelWriter::finish() { m_out << (m_first ? "]\n}\n" : "\n  ]\n}\n"); }

namespace {

// Depth of nesting, measured on the bytes before parsing so that a hostile 100,000-deep document
// can neither exhaust the stack in the parser nor in the destructor.
// Returns the byte offset of the bracket that first goes deeper than `limit`, or npos.
std::size_t too_deep_at(const std::string& text, int limit) {
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit) return i;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return std::string::npos;
}

/// A SAX handler that accepts everything and keeps the first error (syntax or number range) and its byte.
struct FirstError final : json::json_sax_t {
    std::size_t byte = 0;
    std::string message;

    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t position, const std::string&, const json::exception& ex) override {
        byte = position;
        message = ex.what();
        return false;
    }
};

int line_of(const std::string& text, std::size_t byte) {
    int line = 1;
    for (std::size_t i = 0; i < byte && i < text.size(); ++i) line += text[i] == '\n' ? 1 : 0;
    return line;
}

class JsonProjectSource final : public ProjectSource {
public:
    JsonProjectSource(json doc, std::string file, const RuleSet& rules, bool cells_name_file)
        : m_doc(std::move(doc)), m_rules(rules), m_cells_name_file(cells_name_file) {
        m_table.file = std::move(file);
        m_table.sheet = m_doc.value("sheet", "");
        m_table.money_unit = model::money_unit_named(m_doc.value("money_unit", "万元"));
        m_table.money_unit_stated = m_doc.contains("money_unit");
        m_table.header_row = 1;
        m_table.self_evaluation = holds_self_evaluation(m_doc);
    }
    [[nodiscard]] const TableInfo& table() const override { return m_table; }

    Expected<bool> next(Project& out) override {
        // nlohmann's value() throws when a key holds another type ("row": "5", "columns": [1]): that is
        // bad input to report, not a reason to crash the batch.
        try {
            return read_next(out);
        } catch (const json::exception& e) {
            return Error{"projects[" + std::to_string(m_index - 1) + "]: a value has the wrong type (" + e.what() + ")",
                         m_table.file};
        }
    }

private:
    // Whether the table has self-evaluation columns, as a CSV's header would say: a project naming one
    // of them among its columns (convert writes those of the source), or, written by hand, any value in
    // one. `score` of a converted self-evaluation said there was nothing to score.
    static bool holds_self_evaluation(const json& doc) {
        if (!doc.contains("projects") || !doc["projects"].is_array()) return false;
        const auto any_value = [](const json& obj, std::initializer_list<const char*> keys) {
            for (const char* key : keys) {
                if (!obj.contains(key)) continue;
                const json& v = obj[key];
                if (v.is_number() || (v.is_string() && !v.get_ref<const std::string&>().empty())) return true;
            }
            return false;
        };
        const std::initializer_list<const char*> project_keys = {json_key(Column::budget), json_key(Column::spent)};
        const std::initializer_list<const char*> indicator_keys = {json_key(Column::actual), json_key(Column::score)};
        for (const json& jp : doc["projects"]) {
            if (!jp.is_object()) continue;
            if (jp.contains("columns") && jp["columns"].is_object()) {
                const json& cols = jp["columns"];
                for (const char* key : {json_key(Column::actual), json_key(Column::score), json_key(Column::spent)})
                    if (cols.contains(key)) return true;
            }
            if (any_value(jp, project_keys)) return true;
            if (jp.contains("indicators") && jp["indicators"].is_array()) {
                for (const json& ji : jp["indicators"])
                    if (ji.is_object() && any_value(ji, indicator_keys)) return true;
            }
        }
        return false;
    }

    Expected<bool> read_next(Project& out) {
        const json& projects = m_doc["projects"];
        if (m_index >= projects.size()) return false;
        const json& jp = projects[m_index++];
        const std::string where = "projects[" + std::to_string(m_index - 1) + "]";
        if (!jp.is_object()) return Error{where + " must be an object", m_table.file};
        out = Project{};
        out.file = m_table.file;
        out.money_unit =
            jp.contains("money_unit") ? model::money_unit_named(jp.value("money_unit", "万元")) : m_table.money_unit;
        out.first_row = jp.value("row", 0);
        out.form = jp.value("form", false);
        out.implementer = jp.value("implementer", "");
        out.sheet = jp.value("sheet", m_table.sheet);
        const json columns = jp.value("columns", json::object());
        auto fill = [&](Cell& cell, const json& obj, Column col, int row) -> std::optional<Error> {
            const char* key = json_key(col);
            cell = Cell{};
            // As in the CSV and XLSX readers, a table's cells leave the file to their project; an actuals
            // file's name theirs (its findings were placed in the target table, at cells it does not have).
            if (m_cells_name_file) cell.loc.file = m_table.file;
            cell.loc.sheet = out.sheet;
            cell.loc.row = row;
            cell.loc.column = columns.value(key, 0);
            if (!obj.contains(key)) return std::nullopt;
            const json& v = obj[key];
            if (v.is_string()) model::set_text(cell, v.get_ref<const std::string&>());
            else if (v.is_number()) model::set_text(cell, v.dump());
            else if (!v.is_null()) return Error{where + "." + key + " must be a string", m_table.file};
            return std::nullopt;
        };
        const json rows = jp.value("rows", json::object());
        for (const auto& [col, member] : project_cells()) {
            if (auto e = fill(out.*member, jp, col, rows.value(json_key(col), out.first_row))) return *e;
        }
        const json& inds = jp.contains("indicators") ? jp["indicators"] : json::array();
        if (!inds.is_array()) return Error{where + ".indicators must be an array", m_table.file};
        for (const auto& ji : inds) {
            if (!ji.is_object()) return Error{where + ".indicators[] must hold objects", m_table.file};
            Indicator ind;
            ind.row = ji.value("row", 0);
            for (const auto& [col, member] : indicator_cells()) {
                if (auto e = fill(ind.*member, ji, col, ind.row)) return *e;
            }
            out.last_row = std::max(out.last_row, ind.row);
            out.indicators.push_back(std::move(ind));
        }
        if (jp.contains("totals") && jp["totals"].is_array()) {
            for (const auto& jt : jp["totals"]) {
                TotalRow t;
                t.row = jt.value("row", 0);
                t.label = jt.value("label", "");
                if (auto e = fill(t.funds, jt, Column::funds, t.row)) return *e;
                if (auto e = fill(t.weight, jt, Column::weight, t.row)) return *e;
                if (auto e = fill(t.score, jt, Column::score, t.row)) return *e;
                out.last_row = std::max(out.last_row, t.row);  // as the CSV assembler counts a trailing 合计 row
                out.totals.push_back(std::move(t));
            }
        }
        if (out.last_row == 0) out.last_row = out.first_row;
        model::normalize_project(out, m_rules);
        m_grand_totals.see(out);
        return true;
    }

    json m_doc;
    const RuleSet& m_rules;
    bool m_cells_name_file = false;  ///< an actuals or progress file: its cells name it (open_json_model)
    TableInfo m_table;
    std::size_t m_index = 0;
    model::GrandTotals m_grand_totals;
};

// The format checks of a parsed document, then the source over it.
Expected<std::unique_ptr<ProjectSource>> check_and_open(json doc, const std::string& file, const RuleSet& rules,
                                                        bool cells_name_file) {
    if (!doc.is_object() || doc.value("format", "") != "perf-check-table") {
        return Error{
            "not a perf-check table: expected an object with \"format\": \"perf-check-table\" "
            "(write one with `perf-check convert FILE --to json`) "
            "(不是 perf-check 的表格 JSON：请提交 XLSX 或 CSV 表格，或用 perf-check convert 文件 --to json 生成)",
            file};
    }
    if (doc.value("version", 0) != k_format_version) {
        return Error{"unsupported perf-check-table version (this build reads version " +
                         std::to_string(k_format_version) + ")",
                     file};
    }
    if (!doc.contains("projects") || !doc["projects"].is_array()) {
        return Error{"\"projects\" must be an array", file};
    }
    return std::unique_ptr<ProjectSource>(
        std::make_unique<JsonProjectSource>(std::move(doc), file, rules, cells_name_file));
}

}  // namespace

Expected<std::unique_ptr<ProjectSource>> open_json_model(std::unique_ptr<std::istream> in, const std::string& file,
                                                         const RuleSet& rules, bool cells_name_file) {
    std::ostringstream buf;
    buf << in->rdbuf();
    const std::string text = buf.str();
    if (const std::size_t at = too_deep_at(text, k_max_depth); at != std::string::npos) {
        return Error{"JSON nested deeper than " + std::to_string(k_max_depth) + " levels at byte offset " +
                         std::to_string(at) + ": not a perf-check table (JSON 嵌套过深)",
                     file, line_of(text, at)};
    }
    json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded()) {
        // Parse again for the message and position. Through SAX, because a number too large for a
        // double ("1e999") is an out_of_range exception, not a parse_error, and rethrowing it from
        // json::parse escaped this function (found by fuzz_json_model). The depth check keeps this safe.
        FirstError first;
        (void)json::sax_parse(text, &first);
        // The library's own tag ("[json.exception.parse_error.101] ") means nothing to a user.
        std::string what = first.message;
        if (!what.empty() && what[0] == '[') {
            const std::size_t end = what.find("] ");
            if (end != std::string::npos) what.erase(0, end + 2);
        }
        const std::string advice =
            ": is the file cut short, or not a table written by `perf-check convert --to json`? "
            "(JSON 格式错误：文件可能不完整，或不是 perf-check convert --to json 生成的表格)";
        if (!what.empty()) return Error{"invalid JSON: " + what + advice, file, line_of(text, first.byte)};
        return Error{"invalid JSON" + advice, file};
    }
    // value() throws on a key of another type ("version": "1"); report it like any other structure error.
    try {
        return check_and_open(std::move(doc), file, rules, cells_name_file);
    } catch (const json::exception& e) {
        return Error{std::string("not a perf-check table: a value has the wrong type (") + e.what() + ")", file};
    }
}

}  // namespace perf_check::io
