// The JSON report: the interface scripts depend on (SPEC §5). Field names are stable; bump version on breaks.
#include <nlohmann/json.hpp>

#include "monitor/summary.hpp"
#include "report/formats.hpp"
#include "report/monitor_sections.hpp"

namespace perf_check::report {

namespace {

using nlohmann::ordered_json;

ordered_json decimal_or_null(const std::optional<Decimal>& d) {
    return d ? ordered_json(ordered_json::parse(d->str())) : ordered_json(nullptr);
}
// Numbers are written from their exact decimal text, so 0.1 + 0.2 prints as 0.3, never 0.30000000000000004.
ordered_json number(Decimal d) { return ordered_json::parse(d.str()); }

ordered_json texts(const std::vector<Text>& items, Lang lang) {
    ordered_json out = ordered_json::array();
    for (const auto& t : items) out.push_back(pick(t, lang));
    return out;
}

ordered_json totals_json(const monitor::Totals& t) {
    return {{"projects", t.projects},
            {"budget", number(t.budget)},
            {"spent", number(t.spent)},
            {"with_rate", t.with_rate},
            {"rated_budget", number(t.rated_budget)},
            {"rated_spent", number(t.rated_spent)},
            {"execution_rate", decimal_or_null(t.rate)},
            {"behind", t.behind},
            {"catch_up", number(t.catch_up)},
            {"at_risk_projects", t.at_risk_projects},
            {"at_risk_indicators", t.at_risk_indicators},
            {"missing", t.missing},
            {"rectification", t.rectification}};
}

// The monitoring part (perf-check monitor): the date, the totals every format prints, and each project.
ordered_json monitoring_json(const Report& report) {
    const monitor::Overview o = monitor::summarise(report);
    ordered_json departments = ordered_json::array();
    for (const auto& d : o.departments) {
        ordered_json dept = {{"code", d.code}};
        dept.update(totals_json(d.totals));
        departments.push_back(std::move(dept));
    }
    ordered_json projects = ordered_json::array();
    for (const auto& p : report.progress) {
        ordered_json inds = ordered_json::array();
        for (const auto& i : p.indicators) {
            inds.push_back({{"indicator", i.indicator},
                            {"row", i.loc.row},
                            {"target", i.target},
                            {"comparator", i.comparator},
                            {"target_value", decimal_or_null(i.target_value)},
                            {"unit", i.unit},
                            {"to_date", i.to_date},
                            {"value", decimal_or_null(i.value)},
                            {"cumulative", i.cumulative},
                            {"projected", decimal_or_null(i.projected)},
                            {"at_risk", i.at_risk},
                            {"shortfall", decimal_or_null(i.shortfall)},
                            {"missing", i.missing},
                            {"notes", texts(i.notes, report.lang)}});
        }
        projects.push_back({{"file", p.file},
                            {"project_code", p.project_code},
                            {"project", p.project},
                            {"row", p.row},
                            {"funds", decimal_or_null(p.funds)},
                            {"budget", decimal_or_null(p.budget)},
                            {"budget_from_funds", p.budget_from_funds},
                            {"spent", decimal_or_null(p.spent)},
                            {"execution_rate", decimal_or_null(p.execution_rate)},
                            {"time_progress", number(p.time_progress)},
                            {"gap_points", decimal_or_null(p.gap_points)},
                            {"catch_up", decimal_or_null(p.catch_up)},
                            {"tolerance_points", number(p.tolerance_points)},
                            {"behind", p.behind},
                            {"indicators_at_risk", p.indicators_at_risk},
                            {"indicators_missing", p.indicators_missing},
                            {"data_missing", p.data_missing},
                            {"needs_rectification", monitor::needs_rectification(p)},
                            {"problems", texts(p.problems, report.lang)},
                            {"suggestions", texts(p.suggestions, report.lang)},
                            {"indicators", std::move(inds)}});
    }
    ordered_json m = {{"as_of", report.as_of}, {"time_progress", number(o.time_progress)}};
    m["totals"] = totals_json(o.totals);
    m["departments"] = std::move(departments);
    m["projects"] = std::move(projects);
    return m;
}

class JsonReporter final : public Reporter {
public:
    void write(const Report& report, std::ostream& out) const override {
        ordered_json doc;
        doc["version"] = report.version;
        doc["tool"] = {{"name", "perf-check"}, {"version", PERF_CHECK_VERSION}};
        ordered_json files = ordered_json::array();
        for (const auto& f : report.files) {
            files.push_back({{"path", f.path},
                             {"encoding", f.encoding},
                             {"projects", f.projects},
                             {"indicators", f.indicators},
                             {"error", f.error ? ordered_json(*f.error) : ordered_json(nullptr)}});
        }
        doc["files"] = std::move(files);
        ordered_json findings = ordered_json::array();
        for (const auto& f : report.findings) {
            findings.push_back({{"rule", f.rule},
                                {"severity", severity_name(f.severity)},
                                {"file", f.loc.file},
                                {"row", f.loc.row},
                                {"cell", f.loc.cell_ref()},
                                {"project_code", f.project_code},
                                {"project", f.project},
                                {"indicator", f.indicator},
                                {"value", f.value},
                                {"message", pick(f.message, report.lang)},
                                {"hint", pick(f.hint, report.lang)}});
        }
        doc["findings"] = std::move(findings);
        ordered_json scores = ordered_json::array();
        for (const auto& s : report.scores) {
            ordered_json inds = ordered_json::array();
            for (const auto& i : s.indicators) {
                ordered_json steps = ordered_json::array();
                for (const auto& st : i.steps) steps.push_back(pick(st, report.lang));
                inds.push_back({{"indicator", i.indicator},
                                {"row", i.loc.row},
                                {"weight", number(i.weight)},
                                {"target", i.target},
                                {"actual", i.actual},
                                {"score", number(i.score)},
                                {"formula", i.formula},
                                {"steps", std::move(steps)}});
            }
            const auto& b = s.budget_execution;
            scores.push_back({{"file", s.file},
                              {"project_code", s.project_code},
                              {"project", s.project},
                              {"row", s.row},
                              {"total", number(s.total)},
                              {"grade", s.grade},
                              {"budget_execution",
                               {{"budget", decimal_or_null(b.budget)},
                                {"spent", decimal_or_null(b.spent)},
                                {"rate", decimal_or_null(b.rate)},
                                {"weight", number(b.weight)},
                                {"score", number(b.score)}}},
                              {"indicators", std::move(inds)}});
        }
        doc["scores"] = std::move(scores);
        if (has_monitoring(report)) doc["monitoring"] = monitoring_json(report);
        const Summary& sm = report.summary;
        ordered_json summary = {{"files", sm.files},       {"projects", sm.projects}, {"errors", sm.errors},
                                {"warnings", sm.warnings}, {"infos", sm.infos},       {"funds_wan", number(sm.funds_wan)}};
        if (report.with_summary) {
            ordered_json units = ordered_json::array();
            for (const auto& u : sm.units) {
                units.push_back({{"code", u.code},
                                 {"projects", u.projects},
                                 {"funds_wan", number(u.funds_wan)},
                                 {"errors", u.errors},
                                 {"warnings", u.warnings},
                                 {"infos", u.infos}});
            }
            summary["units"] = std::move(units);
            summary["key_evaluation_threshold_wan"] = number(sm.key_evaluation_threshold_wan);
            ordered_json keys = ordered_json::array();
            for (const auto& k : sm.key_projects) {
                keys.push_back({{"file", k.file},
                                {"project_code", k.project_code},
                                {"project", k.project},
                                {"funds_wan", number(k.funds_wan)},
                                {"findings", k.findings}});
            }
            summary["key_projects"] = std::move(keys);
        }
        doc["summary"] = std::move(summary);
        out << doc.dump(2) << '\n';
    }
};

}  // namespace

std::unique_ptr<Reporter> make_json_reporter(const ReporterOptions& /*options*/) {
    return std::make_unique<JsonReporter>();
}

}  // namespace perf_check::report
