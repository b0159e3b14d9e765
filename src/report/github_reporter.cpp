// GitHub Actions workflow commands (`::error file=…,line=…,title=…::…`): findings shown as annotations on
// the changed files, and, when the job provides GITHUB_STEP_SUMMARY, a Markdown summary for the run page.
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "report/formats.hpp"
#include "util/text.hpp"

namespace perf_check::report {

namespace {

// GitHub shows at most 10 annotations of each kind per step; more are dropped silently, so we choose
// which ones (the worst) and say how many were left out. The last notice slot is kept for that line.
constexpr int k_max_errors = 10;
constexpr int k_max_warnings = 10;
constexpr int k_max_notices = 9;
// GitHub rejects step summaries over 1 MiB.
constexpr std::uintmax_t k_step_summary_cap = 1024 * 1024;

struct Words {
    const char* fix;
    const char* unreadable;
    const char* left_out;  // errors, warnings, infos
    const char* left_out_title;
    const char* truncated;
};

const Words k_zh = {"修改：", "无法读取", "另有 %s 条问题未显示为注释（错误 %s、警告 %s、提示 %s）：GitHub 每一步最多显示 10 条错误和 10 条警告。完整结果请用 --report sarif 或 --report html 输出。",
                    "perf-check：还有更多问题", "（摘要超过 1 MiB，其余内容已截断。）"};
const Words k_en = {"Fix: ", "cannot be read",
                    "%s more findings not shown as annotations (%s errors, %s warnings, %s infos): GitHub shows at most 10 "
                    "errors and 10 warnings per step. Use --report sarif or --report html for the full result.",
                    "perf-check: more findings", "(Summary over 1 MiB; truncated here.)"};

std::string file_property(std::string_view path) {
    std::string p(path);
    for (char& c : p) {
        if (c == '\\') c = '/';
    }
    while (p.size() > 2 && p[0] == '.' && p[1] == '/') p.erase(0, 2);
    return github_escape_property(p);
}

std::string command(const char* kind, const std::string& file, int line, const std::string& title,
                    const std::string& message) {
    std::string props;
    if (!file.empty()) props += "file=" + file_property(file);
    if (line > 0) props += std::string(props.empty() ? "" : ",") + "line=" + std::to_string(line);
    if (!title.empty()) props += std::string(props.empty() ? "" : ",") + "title=" + github_escape_property(title);
    return std::string("::") + kind + (props.empty() ? "" : " " + props) + "::" + github_escape_data(message) + "\n";
}

std::string title_of(const Finding& f) {
    std::string t = f.rule;
    if (!f.project.empty()) t += " · " + f.project;
    if (!f.indicator.empty()) {
        const auto slash = f.indicator.rfind('/');
        t += " · " + (slash == std::string::npos ? f.indicator : f.indicator.substr(slash + 1));
    }
    return t;
}

// Appends `markdown` to the step summary file, keeping the file within GitHub's 1 MiB limit: the full
// report if it fits, else the compact one (totals and summary tables), else the compact one cut at a
// line boundary with a note.
void append_step_summary(const Report& report, const std::string& path, const Words& w) {
    std::error_code ec;
    const std::uintmax_t existing = std::filesystem::exists(path, ec) ? std::filesystem::file_size(path, ec) : 0;
    if (ec || existing >= k_step_summary_cap) return;
    const std::uintmax_t budget = k_step_summary_cap - existing;
    std::string text = render_markdown(report, true);
    if (text.size() > budget) text = render_markdown(report, false);
    if (text.size() > budget) {
        const std::string note = std::string("\n") + w.truncated + "\n";
        if (budget <= note.size()) return;
        const auto cut = text.rfind('\n', budget - note.size() - 1);
        text = (cut == std::string::npos ? std::string() : text.substr(0, cut)) + note;
    }
    std::ofstream out(path, std::ios::binary | std::ios::app);
    out << text;
}

class GithubReporter final : public Reporter {
public:
    explicit GithubReporter(std::string step_summary) : m_step_summary(std::move(step_summary)) {}

    void write(const Report& report, std::ostream& out) const override {
        const Words& w = report.lang == Lang::en ? k_en : k_zh;
        int errors = 0, warnings = 0, notices = 0;
        int left_errors = 0, left_warnings = 0, left_infos = 0;
        // Unreadable files first: nothing else about them can be shown.
        for (const auto& f : report.files) {
            if (!f.error) continue;
            if (errors < k_max_errors) {
                ++errors;
                out << command("error", f.path, 0, w.unreadable, *f.error);
            } else {
                ++left_errors;
            }
        }
        // Then errors, warnings and infos, each in report (file, row) order.
        for (const Severity sev : {Severity::error, Severity::warning, Severity::info}) {
            for (const auto& f : report.findings) {
                if (f.severity != sev) continue;
                int& shown = sev == Severity::error ? errors : sev == Severity::warning ? warnings : notices;
                const int cap = sev == Severity::error ? k_max_errors : sev == Severity::warning ? k_max_warnings : k_max_notices;
                if (shown >= cap) {
                    (sev == Severity::error ? left_errors : sev == Severity::warning ? left_warnings : left_infos)++;
                    continue;
                }
                ++shown;
                std::string message = pick(f.message, report.lang);
                if (!pick(f.hint, report.lang).empty()) message += std::string("\n") + w.fix + pick(f.hint, report.lang);
                const char* kind = sev == Severity::error ? "error" : sev == Severity::warning ? "warning" : "notice";
                out << command(kind, f.loc.file, f.loc.row, title_of(f), message);
            }
        }
        const int left = left_errors + left_warnings + left_infos;
        if (left > 0) {
            out << command("notice", "", 0, w.left_out_title,
                           util::subst(w.left_out, {std::to_string(left), std::to_string(left_errors),
                                              std::to_string(left_warnings), std::to_string(left_infos)}));
        }
        if (!m_step_summary.empty()) append_step_summary(report, m_step_summary, w);
    }

private:
    std::string m_step_summary;
};

}  // namespace

std::string github_escape_data(std::string_view s) {
    std::string out;
    for (const char c : s) {
        switch (c) {
            case '%': out += "%25"; break;
            case '\r': out += "%0D"; break;
            case '\n': out += "%0A"; break;
            default: out += c;
        }
    }
    return out;
}

std::string github_escape_property(std::string_view s) {
    std::string out;
    for (const char c : s) {
        switch (c) {
            case '%': out += "%25"; break;
            case '\r': out += "%0D"; break;
            case '\n': out += "%0A"; break;
            case ':': out += "%3A"; break;
            case ',': out += "%2C"; break;
            default: out += c;
        }
    }
    return out;
}

std::unique_ptr<Reporter> make_github_reporter_with_summary(std::string step_summary_path) {
    return std::make_unique<GithubReporter>(std::move(step_summary_path));
}

std::unique_ptr<Reporter> make_github_reporter(const ReporterOptions& /*options*/) {
    // The Actions runner sets GITHUB_STEP_SUMMARY to a per-step file; elsewhere it is unset.
    const char* summary = std::getenv("GITHUB_STEP_SUMMARY");
    return make_github_reporter_with_summary(summary ? summary : "");
}

}  // namespace perf_check::report
