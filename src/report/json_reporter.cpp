// The JSON report: the interface scripts depend on (SPEC §5). Field names are stable; bump version on breaks.
#include <nlohmann/json.hpp>

#include "report/formats.hpp"

namespace perf_check::report {

namespace {

using nlohmann::ordered_json;

ordered_json decimal_or_null(const std::optional<Decimal>& d) {
    return d ? ordered_json(ordered_json::parse(d->str())) : ordered_json(nullptr);
}
// Numbers are written from their exact decimal text, so 0.1 + 0.2 prints as 0.3, never 0.30000000000000004.
ordered_json number(Decimal d) { return ordered_json::parse(d.str()); }

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
