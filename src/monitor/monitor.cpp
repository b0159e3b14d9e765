// STUB — monitoring analysis is being built (issue 8); replace this file.
#include "monitor/monitor.hpp"

namespace perf_check::monitor {

std::optional<Date> parse_date(std::string_view text) {
    (void)text;
    return std::nullopt;
}

Date default_as_of() { return {}; }

std::string format_date(const Date& d) { return std::to_string(d.year) + "-" + std::to_string(d.month) + "-" + std::to_string(d.day); }

Decimal time_progress(const Date& d) {
    (void)d;
    return {};
}

ProjectProgress analyse_project(const Project& project, const RuleSet& rules) {
    (void)rules;
    ProjectProgress p;
    p.file = project.file;
    p.project_code = project.code.text;
    p.project = project.name.text;
    p.row = project.first_row;
    return p;
}

}  // namespace perf_check::monitor
