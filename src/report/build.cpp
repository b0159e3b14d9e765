// Report assembly: deterministic order and the summary's counts, computed once for every reporter.
#include "report/build.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace perf_check::report {

void finalize(Report& report, const std::vector<ProjectStat>& projects, Decimal key_threshold_wan) {
    std::map<std::string, std::size_t> file_index;
    for (std::size_t i = 0; i < report.files.size(); ++i) file_index.emplace(report.files[i].path, i);
    auto index_of = [&](const std::string& f) {
        const auto it = file_index.find(f);
        return it == file_index.end() ? report.files.size() : it->second;
    };
    std::stable_sort(report.findings.begin(), report.findings.end(), [&](const Finding& a, const Finding& b) {
        return std::make_tuple(index_of(a.loc.file), a.loc.row, a.loc.column, a.rule, a.message.zh) <
               std::make_tuple(index_of(b.loc.file), b.loc.row, b.loc.column, b.rule, b.message.zh);
    });

    Summary& s = report.summary;
    s = Summary{};
    s.key_evaluation_threshold_wan = key_threshold_wan;
    s.files = static_cast<int>(report.files.size());
    std::map<std::string, UnitSummary> units;
    // Findings per project, keyed by (file, code, name): business keys, as the user sees them.
    std::map<std::tuple<std::string, std::string, std::string>, int> per_project;
    for (const auto& f : report.findings) {
        switch (f.severity) {
            case Severity::error: ++s.errors; break;
            case Severity::warning: ++s.warnings; break;
            case Severity::info: ++s.infos; break;
        }
        if (f.project_code.empty() && f.project.empty()) continue;
        ++per_project[{f.loc.file, f.project_code, f.project}];
        UnitSummary& u = units[f.project_code];
        u.code = f.project_code;
        switch (f.severity) {
            case Severity::error: ++u.errors; break;
            case Severity::warning: ++u.warnings; break;
            case Severity::info: ++u.infos; break;
        }
    }
    for (const auto& p : projects) {
        ++s.projects;
        UnitSummary& u = units[p.code];
        u.code = p.code;
        ++u.projects;
        if (p.funds_wan) {
            u.funds_wan += *p.funds_wan;
            s.funds_wan += *p.funds_wan;
            if (*p.funds_wan >= key_threshold_wan) {
                const auto it = per_project.find({p.file, p.code, p.name});
                s.key_projects.push_back({p.file, p.code, p.name, *p.funds_wan, it == per_project.end() ? 0 : it->second});
            }
        }
    }
    for (auto& [code, u] : units) s.units.push_back(u);
    std::stable_sort(s.key_projects.begin(), s.key_projects.end(), [&](const KeyProject& a, const KeyProject& b) {
        if (a.funds_wan != b.funds_wan) return a.funds_wan > b.funds_wan;
        return std::make_tuple(index_of(a.file), a.project_code, a.project) <
               std::make_tuple(index_of(b.file), b.project_code, b.project);
    });
}

}  // namespace perf_check::report
