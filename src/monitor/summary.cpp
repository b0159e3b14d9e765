// Monitoring totals, overall and per department.
#include "monitor/summary.hpp"

#include <map>

namespace perf_check::monitor {

void add(Totals& t, const ProjectProgress& p) {
    ++t.projects;
    if (p.budget) t.budget += *p.budget;
    if (p.spent) t.spent += *p.spent;
    // The rate is taken over projects that have both figures: a project that reported no spending is
    // counted as missing, never as spending nothing.
    if (p.budget && p.spent) {
        ++t.with_rate;
        t.rated_budget += *p.budget;
        t.rated_spent += *p.spent;
        t.rate = t.rated_budget > Decimal{} ? std::optional<Decimal>(t.rated_spent / t.rated_budget) : std::nullopt;
    }
    if (p.behind) {
        ++t.behind;
        if (p.catch_up) t.catch_up += *p.catch_up;
    }
    if (p.indicators_at_risk > 0) ++t.at_risk_projects;
    t.at_risk_indicators += p.indicators_at_risk;
    if (p.data_missing) ++t.missing;
    if (needs_rectification(p)) ++t.rectification;
}

Overview summarise(const Report& report) {
    Overview o;
    o.as_of = report.as_of;
    if (!report.progress.empty()) o.time_progress = report.progress.front().time_progress;
    std::map<std::string, Department> by_code;
    // The same project in two files (a resubmission, the CSV and XLSX of one table) joins the progress data
    // twice: its spending and indicators counted twice in the totals. The first file's is kept.
    std::map<std::pair<std::string, std::string>, std::string> first_file;
    for (const auto& p : report.progress) {
        if (!p.project.empty()) {
            const auto [it, fresh] = first_file.try_emplace({p.project_code, p.project}, p.file);
            if (!fresh && it->second != p.file) {
                ++o.repeated;
                continue;
            }
        }
        add(o.totals, p);
        o.projects.push_back(&p);
        Department& d = by_code[p.project_code];
        d.code = p.project_code;
        add(d.totals, p);
        d.projects.push_back(&p);
    }
    for (auto& [code, d] : by_code) o.departments.push_back(std::move(d));
    return o;
}

}  // namespace perf_check::monitor
