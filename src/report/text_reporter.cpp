// The default human-readable report: grouped by file and project, columns aligned for CJK double width.
#include <map>
#include <sstream>

#include "report/build.hpp"
#include "report/formats.hpp"
#include "report/monitor_sections.hpp"
#include "util/text.hpp"

namespace perf_check::report {

namespace {

struct Words {
    const char* file_line;  // "{path}：{encoding}，{n} 个项目，{m} 条指标"
    const char* unreadable;
    const char* file_level;
    const char* funds;
    const char* headers[5];
    const char* value;
    const char* fix;
    const char* severity[3];
    const char* totals;
    const char* none;
    const char* score_title;
    const char* score_headers[5];
    const char* budget_execution;
    const char* total;
    const char* summary_title;
    const char* per_file;
    const char* per_unit;
    const char* key_projects;
    const char* unit_headers[6];
    const char* key_headers[5];
};

const Words k_zh = {
    "%s：%s，%d 个项目，%d 条指标",
    "无法读取",
    "（整个文件）",
    "资金总额",
    {"行", "单元格", "级别", "规则", "指标"},
    "值：",
    "修改：",
    {"提示", "警告", "错误"},
    "共 %d 个文件，%d 个项目：错误 %d，警告 %d，提示 %d。",
    "未发现问题。",
    "评分",
    {"指标", "分值", "目标值", "实际值", "得分"},
    "预算执行率",
    "总分",
    "汇总",
    "按文件：",
    "按单位（单位代码）：",
    "重点评价项目（资金总额 ≥ %s万元）：",
    {"单位代码", "项目数", "资金总额（万元）", "错误", "警告", "提示"},
    {"资金总额（万元）", "问题数", "单位代码", "项目", "文件"},
};

const Words k_en = {
    "%s: %s, %d projects, %d indicators",
    "cannot be read",
    "(whole file)",
    "funds",
    {"row", "cell", "level", "rule", "indicator"},
    "value: ",
    "fix: ",
    {"info", "warning", "error"},
    "%d files, %d projects: %d errors, %d warnings, %d infos.",
    "No problems found.",
    "Score",
    {"indicator", "weight", "target", "actual", "score"},
    "budget execution",
    "total",
    "Summary",
    "By file:",
    "By unit (unit code):",
    "Projects for key evaluation (funds ≥ %s 万元):",
    {"unit code", "projects", "funds (万元)", "errors", "warnings", "infos"},
    {"funds (万元)", "findings", "unit code", "project", "file"},
};

std::string pad(const std::string& s, std::size_t width) {
    const std::size_t w = util::display_width(s);
    return w >= width ? s : s + std::string(width - w, ' ');
}

// A small table whose columns are padded to the widest cell by display width (CJK counts 2).
class Table {
public:
    void add(std::vector<std::string> row) { m_rows.push_back(std::move(row)); }
    void write(std::ostream& out, const std::string& indent) const {
        std::vector<std::size_t> widths;
        for (const auto& r : m_rows) {
            if (widths.size() < r.size()) widths.resize(r.size(), 0);
            for (std::size_t i = 0; i < r.size(); ++i) widths[i] = std::max(widths[i], util::display_width(r[i]));
        }
        for (const auto& r : m_rows) {
            std::string line = indent;
            for (std::size_t i = 0; i < r.size(); ++i) line += (i + 1 < r.size() ? pad(r[i], widths[i] + 2) : r[i]);
            while (!line.empty() && line.back() == ' ') line.pop_back();
            out << line << '\n';
        }
    }

private:
    std::vector<std::vector<std::string>> m_rows;
};

class TextReporter final : public Reporter {
public:
    explicit TextReporter(bool colour) : m_colour(colour) {}

    void write(const Report& report, std::ostream& out) const override {
        const Words& w = report.lang == Lang::en ? k_en : k_zh;
        const auto per_file = findings_per_file(report);
        for (std::size_t i = 0; i < report.files.size(); ++i) write_file(report, report.files[i], per_file[i], w, out);
        for (const auto& score : report.scores) write_score(report, score, w, out);
        write_monitor_text(report, out);
        if (report.with_summary) write_summary(report, per_file, w, out);
        const Summary& s = report.summary;
        out << util::subst(w.totals, {std::to_string(s.files), std::to_string(s.projects), std::to_string(s.errors),
                                std::to_string(s.warnings), std::to_string(s.infos)})
            << '\n';
    }

private:
    [[nodiscard]] std::string paint(const std::string& text, Severity sev) const {
        if (!m_colour) return text;
        const char* code = sev == Severity::error ? "\x1b[31m" : sev == Severity::warning ? "\x1b[33m" : "\x1b[36m";
        return code + text + "\x1b[0m";
    }

    void write_file(const Report& report, const FileResult& file, const std::vector<const Finding*>& file_findings,
                    const Words& w, std::ostream& out) const {
        if (file.error) {
            out << paint(file.path + "：" + w.unreadable, Severity::error) << '\n'
                << "  " << *file.error << "\n\n";
            return;
        }
        out << util::subst(w.file_line, {file.path, file.encoding.empty() ? "-" : file.encoding,
                                   std::to_string(file.projects), std::to_string(file.indicators)})
            << '\n';
        // Group this file's findings by project, in the order they appear (findings are sorted by row).
        std::vector<std::pair<std::string, std::vector<const Finding*>>> groups;
        std::map<std::string, std::size_t> group_of;
        for (const Finding* f : file_findings) {
            const std::string key = f->project_code.empty() && f->project.empty()
                                        ? std::string(w.file_level)
                                        : util::trim(f->project_code + " " + f->project);
            auto [it, fresh] = group_of.emplace(key, groups.size());
            if (fresh) groups.push_back({key, {}});
            groups[it->second].second.push_back(f);
        }
        if (groups.empty()) out << "  " << w.none << '\n';
        for (const auto& [title, findings] : groups) {
            out << "\n  ■ " << title << '\n';
            Table table;
            table.add({w.headers[0], w.headers[1], w.headers[2], w.headers[3], w.headers[4]});
            for (const Finding* f : findings) {
                table.add({std::to_string(f->loc.row), f->loc.cell_ref(), w.severity[static_cast<int>(f->severity)],
                           f->rule, f->indicator});
            }
            // Print the aligned header, then each finding's line followed by its message lines.
            std::ostringstream lines;
            table.write(lines, "    ");
            std::istringstream in(lines.str());
            std::string line;
            std::getline(in, line);
            out << line << '\n';
            for (const Finding* f : findings) {
                std::getline(in, line);
                out << paint(line, f->severity) << '\n';
                out << "        " << pick(f->message, report.lang) << '\n';
                if (!f->value.empty()) out << "        " << w.value << f->value << '\n';
                if (!pick(f->hint, report.lang).empty()) out << "        " << w.fix << pick(f->hint, report.lang) << '\n';
            }
        }
        out << '\n';
    }

    void write_score(const Report& report, const ProjectScore& s, const Words& w, std::ostream& out) const {
        out << "■ " << w.score_title << "：" << util::trim(s.project_code + " " + s.project) << "（" << s.file << "）— "
            << w.total << " " << s.total.fixed(2) << "（" << s.grade << "）\n";
        Table table;
        table.add({w.score_headers[0], w.score_headers[1], w.score_headers[2], w.score_headers[3], w.score_headers[4]});
        for (const auto& i : s.indicators) {
            table.add({i.indicator, i.weight.str(), i.target, i.actual, i.score.fixed(2)});
        }
        const auto& b = s.budget_execution;
        table.add({w.budget_execution, b.weight.str(), b.budget ? b.budget->str() : "-", b.spent ? b.spent->str() : "-",
                   b.score.fixed(2)});
        std::ostringstream lines;
        table.write(lines, "    ");
        std::istringstream in(lines.str());
        std::string line;
        std::getline(in, line);
        out << line << '\n';
        for (const auto& i : s.indicators) {
            std::getline(in, line);
            out << line << '\n';
            for (const auto& step : i.steps) out << "        " << pick(step, report.lang) << '\n';
        }
        std::getline(in, line);
        out << line << '\n';
        if (b.rate) out << "        " << (report.lang == Lang::en ? "rate " : "执行率 ") << (*b.rate * Decimal::from_int(100)).fixed(2) << "%\n";
        out << '\n';
    }

    void write_summary(const Report& report, const std::vector<std::vector<const Finding*>>& per_file, const Words& w,
                       std::ostream& out) const {
        const Summary& s = report.summary;
        out << w.summary_title << "\n" << w.per_file << '\n';
        Table files;
        for (std::size_t i = 0; i < report.files.size(); ++i) {
            const FileResult& f = report.files[i];
            int e = 0, wn = 0, in = 0;
            for (const Finding* x : per_file[i]) (x->severity == Severity::error ? e : x->severity == Severity::warning ? wn : in)++;
            files.add({f.path, f.error ? w.unreadable : std::to_string(f.projects), std::to_string(e), std::to_string(wn),
                       std::to_string(in)});
        }
        files.write(out, "  ");
        out << w.per_unit << '\n';
        Table units;
        units.add({w.unit_headers[0], w.unit_headers[1], w.unit_headers[2], w.unit_headers[3], w.unit_headers[4],
                   w.unit_headers[5]});
        for (const auto& u : s.units) {
            units.add({u.code.empty() ? "-" : u.code, std::to_string(u.projects), u.funds_wan.fixed(2),
                       std::to_string(u.errors), std::to_string(u.warnings), std::to_string(u.infos)});
        }
        units.write(out, "  ");
        out << util::subst(w.key_projects, {s.key_evaluation_threshold_wan.str()}) << '\n';
        Table keys;
        keys.add({w.key_headers[0], w.key_headers[1], w.key_headers[2], w.key_headers[3], w.key_headers[4]});
        for (const auto& k : s.key_projects) {
            keys.add({k.funds_wan.fixed(2), std::to_string(k.findings), k.project_code, k.project, k.file});
        }
        keys.write(out, "  ");
        out << '\n';
    }

    bool m_colour;
};

}  // namespace

std::unique_ptr<Reporter> make_text_reporter(const ReporterOptions& options) {
    return std::make_unique<TextReporter>(options.colour);
}

}  // namespace perf_check::report
