// GitLab Code Quality JSON (the Code Climate subset GitLab reads): one issue per finding, with a
// row-free fingerprint so merge requests show only what changed.
//
// Severity mapping (GitLab's scale is info < minor < major < critical < blocker):
//   error → major   (the table would be returned; GitLab lists it among the serious issues)
//   warning → minor, info → info
//   an unreadable file → blocker (nothing in it could be checked at all)
// critical is left unused so that a rule set's errors are not ranked with security defects.
#include <nlohmann/json.hpp>

#include "report/baseline.hpp"
#include "report/formats.hpp"

namespace perf_check::report {

namespace {

using nlohmann::ordered_json;

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

class GitlabReporter final : public Reporter {
public:
    void write(const Report& report, std::ostream& out) const override {
        const bool en = report.lang == Lang::en;
        ordered_json issues = ordered_json::array();
        for (const auto& f : report.files) {
            if (!f.error) continue;
            issues.push_back({{"description", f.path + (en ? ": cannot be read: " : "：无法读取：") + *f.error},
                              {"check_name", "unreadable-file"},
                              {"fingerprint", fingerprint({"unreadable-file", repo_path(f.path)})},
                              {"severity", "blocker"},
                              {"location", {{"path", repo_path(f.path)}, {"lines", {{"begin", 1}}}}}});
        }
        const std::vector<int> occurrence = key_occurrences(report);
        for (std::size_t i = 0; i < report.findings.size(); ++i) {
            const Finding& f = report.findings[i];
            // The widget shows one line: say which project and indicator before what is wrong.
            std::string where = f.project;
            if (!f.indicator.empty()) where += (where.empty() ? "" : " · ") + f.indicator;
            std::string description = (where.empty() ? "" : where + (en ? ": " : "：")) + pick(f.message, report.lang);
            if (!pick(f.hint, report.lang).empty()) description += (en ? " Fix: " : " 修改：") + pick(f.hint, report.lang);
            issues.push_back(
                {{"description", description},
                 {"check_name", f.rule},
                 {"fingerprint", fingerprint({f.rule, repo_path(f.loc.file), f.project_code, f.project, f.indicator,
                                              std::to_string(occurrence[i])})},
                 {"severity", gitlab_severity(f.severity)},
                 {"location", {{"path", repo_path(f.loc.file)}, {"lines", {{"begin", f.loc.row > 0 ? f.loc.row : 1}}}}}});
        }
        out << issues.dump(2, ' ', false, ordered_json::error_handler_t::replace) << '\n';
    }
};

}  // namespace

std::unique_ptr<Reporter> make_gitlab_reporter(const ReporterOptions& /*options*/) {
    return std::make_unique<GitlabReporter>();
}

}  // namespace perf_check::report
