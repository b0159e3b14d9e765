// GitLab Code Quality JSON (the Code Climate subset GitLab reads): one issue per finding, with a
// row-free fingerprint so merge requests show only what changed. Written as findings arrive, so a run
// of any size keeps flat memory; unreadable files come after the findings.
//
// Severity mapping (GitLab's scale is info < minor < major < critical < blocker):
//   error → major   (the table would be returned; GitLab lists it among the serious issues)
//   warning → minor, info → info
//   an unreadable file → blocker (nothing in it could be checked at all)
// critical is left unused so that a rule set's errors are not ranked with security defects.
#include "report/baseline.hpp"
#include "report/formats.hpp"
#include "report/json_writer.hpp"

namespace perf_check::report {

namespace {

const char* gitlab_severity(Severity s) {
    switch (s) {
        case Severity::error: return "major";
        case Severity::warning: return "minor";
        case Severity::info: return "info";
    }
    return "minor";
}

// GitLab matches location.path against the repository tree: relative, forward slashes, no "./".
std::string repo_path(std::string_view path) {
    std::string p(path);
    for (char& c : p) {
        if (c == '\\') c = '/';
    }
    while (p.size() > 2 && p[0] == '.' && p[1] == '/') p.erase(0, 2);
    return p;
}

// Issues are written as findings arrive; unreadable files (known when each file ends) follow them.
class GitlabStream final : public ReportStream {
public:
    GitlabStream(std::ostream& out, Lang lang) : m_w(out), m_lang(lang) {}
    void finding(const Finding& f) override {
        start();
        const bool en = m_lang == Lang::en;
        // The widget shows one line: say which project and indicator before what is wrong.
        std::string where = f.project;
        if (!f.indicator.empty()) where += (where.empty() ? "" : " · ") + f.indicator;
        std::string description = (where.empty() ? "" : where + (en ? ": " : "：")) + pick(f.message, m_lang);
        if (!pick(f.hint, m_lang).empty()) description += (en ? " Fix: " : " 修改：") + pick(f.hint, m_lang);
        const std::string path = repo_path(f.loc.file);
        issue(
            description, f.rule,
            fingerprint({f.rule, path, f.project_code, f.project, f.indicator, std::to_string(m_occurrences.next(f))}),
            gitlab_severity(f.severity), path, f.loc.row > 0 ? f.loc.row : 1);
    }
    void score(const ProjectScore& /*score*/) override {}
    void finish(const Report& rest) override {
        start();
        const bool en = m_lang == Lang::en;
        for (const auto& f : rest.files) {
            if (!f.error) continue;
            const std::string path = repo_path(f.path);
            issue(f.path + (en ? ": cannot be read: " : "：无法读取：") + *f.error, "unreadable-file",
                  fingerprint({"unreadable-file", path}), "blocker", path, 1);
        }
        m_w.end_array();
        m_w.end_document();
    }

private:
    // The array opens with the first thing written, so a stream that is made and dropped writes nothing.
    void start() {
        if (m_started) return;
        m_started = true;
        m_w.begin_array();
    }
    void issue(const std::string& description, const std::string& check, const std::string& fingerprint,
               const char* severity, const std::string& path, int line) {
        m_w.begin_object();
        m_w.key("description").string(description);
        m_w.key("check_name").string(check);
        m_w.key("fingerprint").string(fingerprint);
        m_w.key("severity").string(severity);
        m_w.key("location").begin_object();
        m_w.key("path").string(path);
        m_w.key("lines").begin_object().key("begin").integer(line).end_object();
        m_w.end_object();
        m_w.end_object();
    }

    bool m_started = false;
    JsonWriter m_w;
    Lang m_lang;
    KeyOccurrences m_occurrences;
};

}  // namespace

std::unique_ptr<Reporter> make_gitlab_reporter(const ReporterOptions& /*options*/) {
    return streaming_reporter(
        [](std::ostream& out, Lang lang, bool /*with_summary*/) { return std::make_unique<GitlabStream>(out, lang); },
        /*carries_summary=*/false);
}

}  // namespace perf_check::report
