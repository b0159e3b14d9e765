// GitHub Actions workflow commands (`::error file=…,line=…,title=…::…`): findings shown as annotations on
// the changed files, and, when the job provides GITHUB_STEP_SUMMARY, a Markdown summary for the run page.
#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "report/formats.hpp"
#include "util/temp_stream.hpp"
#include "util/text.hpp"

namespace perf_check::report {

namespace {

// GitHub shows at most 10 annotations of each kind per step; more are dropped silently, so we choose
// which ones (the worst) and say how many were left out. The last notice slot is kept for that line.
constexpr int k_max_errors = 10;
constexpr int k_max_warnings = 10;
constexpr int k_max_notices = 9;
// GitHub rejects step summaries over 1 MiB.
constexpr std::uintmax_t k_step_summary_cap = std::uintmax_t{1024} * 1024;

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
    // A workbook's line number alone does not say where: the cell does (`城关镇卫生院!B11`), which tells apart
    // the forms of one project name on several sheets.
    if (!f.loc.sheet.empty()) {
        const std::string cell = f.loc.cell_ref();
        t += " · " + (cell.empty() ? f.loc.sheet : cell);
    }
    return t;
}

// Appends the Markdown report to the step summary file, keeping the file within GitHub's 1 MiB limit:
// the full report (`full`, `full_size` bytes) if it fits, else the compact one (totals and summary
// tables), else the compact one cut at a line boundary with a note.
void append_step_summary(std::istream& full, std::uintmax_t full_size, std::string compact, const std::string& path,
                         const Words& w) {
    std::error_code ec;
    const std::uintmax_t existing = std::filesystem::exists(path, ec) ? std::filesystem::file_size(path, ec) : 0;
    if (ec || existing >= k_step_summary_cap) return;
    const std::uintmax_t budget = k_step_summary_cap - existing;
    std::ofstream out(path, std::ios::binary | std::ios::app);
    if (full_size <= budget) {
        out << full.rdbuf();
        return;
    }
    if (compact.size() > budget) {
        const std::string note = std::string("\n") + w.truncated + "\n";
        if (budget <= note.size()) return;
        const auto cut = compact.rfind('\n', budget - note.size() - 1);
        compact = (cut == std::string::npos ? std::string() : compact.substr(0, cut)) + note;
    }
    out << compact;
}

// Annotations as results arrive: GitHub shows only the first few of each kind, so only those are kept
// (unreadable files, known at the end, take the first error slots); the rest are counted. The step
// summary is the Markdown report, made by Markdown streams fed alongside (full and compact).
class GithubStream final : public ReportStream {
public:
    GithubStream(std::ostream& out, Lang lang, bool with_summary, std::string step_summary)
        : m_out(out), m_lang(lang), m_w(lang == Lang::en ? k_en : k_zh), m_step_summary(std::move(step_summary)) {
        if (m_step_summary.empty()) return;
        m_full_file = util::temporary_stream();
        m_full = make_markdown_stream(*m_full_file, lang, with_summary, true);
        m_compact = make_markdown_stream(m_compact_text, lang, with_summary, false);
    }
    // The step summary's compact form always has the summary tables, key-evaluation list included.
    [[nodiscard]] bool needs_key_projects() const override { return !m_step_summary.empty(); }
    void begin_file(const std::string& path) override {
        for (auto* md : markdown()) md->begin_file(path);
    }
    void end_file(const FileResult& file) override {
        for (auto* md : markdown()) md->end_file(file);
    }
    void finding(const Finding& f) override {
        for (auto* md : markdown()) md->finding(f);
        const auto k = static_cast<std::size_t>(f.severity);
        if (static_cast<int>(m_kept[k].size()) >= cap(f.severity)) {
            ++m_left[k];
            return;
        }
        std::string message = pick(f.message, m_lang);
        if (!pick(f.hint, m_lang).empty()) message += std::string("\n") + m_w.fix + pick(f.hint, m_lang);
        const char* kind = f.severity == Severity::error     ? "error"
                           : f.severity == Severity::warning ? "warning"
                                                             : "notice";
        m_kept[k].push_back(command(kind, f.loc.file, f.loc.row, title_of(f), message));
    }
    void score(const ProjectScore& s) override {
        for (auto* md : markdown()) md->score(s);
    }
    void finish(const Report& rest) override {
        int errors = 0;
        int left_errors = 0;
        // Unreadable files first: nothing else about them can be shown.
        for (const auto& f : rest.files) {
            if (!f.error) continue;
            if (errors < k_max_errors) {
                ++errors;
                m_out << command("error", f.path, 0, m_w.unreadable, *f.error);
            } else {
                ++left_errors;
            }
        }
        // Then errors, warnings and infos, each in report (file, row) order.
        const auto error = static_cast<std::size_t>(Severity::error);
        for (std::size_t i = 0; i < m_kept[error].size(); ++i) {
            if (errors < k_max_errors) {
                ++errors;
                m_out << m_kept[error][i];
            } else {
                ++left_errors;
            }
        }
        for (const Severity sev : {Severity::warning, Severity::info}) {
            for (const auto& c : m_kept[static_cast<std::size_t>(sev)]) m_out << c;
        }
        const int left_warnings = m_left[static_cast<std::size_t>(Severity::warning)];
        const int left_infos = m_left[static_cast<std::size_t>(Severity::info)];
        left_errors += m_left[error];
        const int left = left_errors + left_warnings + left_infos;
        if (left > 0) {
            m_out << command("notice", "", 0, m_w.left_out_title,
                             util::subst(m_w.left_out, {std::to_string(left), std::to_string(left_errors),
                                                        std::to_string(left_warnings), std::to_string(left_infos)}));
        }
        if (m_step_summary.empty()) return;
        m_full->finish(rest);
        m_compact->finish(rest);
        m_full_file->flush();
        const auto size = static_cast<std::uintmax_t>(m_full_file->tellp());
        m_full_file->seekg(0);
        append_step_summary(*m_full_file, size, m_compact_text.str(), m_step_summary, m_w);
    }

private:
    static int cap(Severity s) {
        return s == Severity::error ? k_max_errors : s == Severity::warning ? k_max_warnings : k_max_notices;
    }
    std::vector<ReportStream*> markdown() {
        if (!m_full) return {};
        return {m_full.get(), m_compact.get()};
    }

    std::ostream& m_out;
    Lang m_lang;
    const Words& m_w;
    std::string m_step_summary;
    std::array<std::vector<std::string>, 3> m_kept;  // by Severity: the annotations GitHub will show
    std::array<int, 3> m_left{};                     // by Severity: findings past the cap
    std::unique_ptr<std::iostream> m_full_file;
    std::unique_ptr<ReportStream> m_full;
    std::ostringstream m_compact_text;
    std::unique_ptr<ReportStream> m_compact;
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
    // Annotations have no place for the summary; the step summary (when the job has one) carries it.
    const bool carries_summary = !step_summary_path.empty();
    return streaming_reporter(
        [path = std::move(step_summary_path)](std::ostream& out, Lang lang, bool with_summary) {
            return std::make_unique<GithubStream>(out, lang, with_summary, path);
        },
        carries_summary);
}

std::unique_ptr<Reporter> make_github_reporter(const ReporterOptions& /*options*/) {
    // The Actions runner sets GITHUB_STEP_SUMMARY to a per-step file; elsewhere it is unset.
    const char* summary = std::getenv("GITHUB_STEP_SUMMARY");
    return make_github_reporter_with_summary(summary ? summary : "");
}

}  // namespace perf_check::report
