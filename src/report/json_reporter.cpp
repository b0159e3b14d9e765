// The JSON report: the interface scripts depend on (SPEC §5). Field names are stable; bump version on breaks.
#include <nlohmann/json.hpp>

#include "monitor/summary.hpp"
#include "report/formats.hpp"
#include "report/json_writer.hpp"
#include "report/monitor_sections.hpp"
#include "util/temp_stream.hpp"

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
            // The row is the progress file's when the value came from one: "file" says which.
            inds.push_back({{"indicator", i.indicator},
                            {"file", i.loc.file.empty() ? p.file : i.loc.file},
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
                            {"already_missed", i.already_missed},
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
    m["repeated"] = o.repeated;  // projects given again by a later file: listed in "projects", not in the totals
    m["departments"] = std::move(departments);
    m["projects"] = std::move(projects);
    return m;
}

void write_number_or_null(JsonWriter& w, const std::optional<Decimal>& d) {
    if (d) w.number(d->str());
    else w.null();
}

void write_finding(JsonWriter& w, const Finding& f, Lang lang) {
    w.begin_object();
    w.key("rule").string(f.rule);
    w.key("severity").string(severity_name(f.severity));
    w.key("file").string(f.loc.file);
    w.key("row").integer(f.loc.row);
    w.key("cell").string(f.loc.cell_ref());
    w.key("project_code").string(f.project_code);
    w.key("project").string(f.project);
    w.key("indicator").string(f.indicator);
    w.key("value").string(f.value);
    w.key("message").string(pick(f.message, lang));
    w.key("hint").string(pick(f.hint, lang));
    w.end_object();
}

void write_score(JsonWriter& w, const ProjectScore& s, Lang lang) {
    w.begin_object();
    w.key("file").string(s.file);
    if (!s.sheet.empty()) w.key("sheet").string(s.sheet);
    w.key("project_code").string(s.project_code);
    w.key("project").string(s.project);
    w.key("row").integer(s.row);
    w.key("total").number(s.total.str());
    w.key("grade").string(s.grade);
    const auto& b = s.budget_execution;
    w.key("budget_execution").begin_object();
    w.key("budget");
    write_number_or_null(w, b.budget);
    w.key("spent");
    write_number_or_null(w, b.spent);
    w.key("rate");
    write_number_or_null(w, b.rate);
    w.key("weight").number(b.weight.str());
    w.key("score").number(b.score.str());
    w.end_object();
    w.key("indicators").begin_array();
    for (const auto& i : s.indicators) {
        w.begin_object();
        w.key("indicator").string(i.indicator);
        w.key("row").integer(i.loc.row);
        w.key("weight").number(i.weight.str());
        w.key("target").string(i.target);
        w.key("actual").string(i.actual);
        w.key("score").number(i.score.str());
        w.key("formula").string(i.formula);
        w.key("steps").begin_array();
        for (const auto& st : i.steps) w.string(pick(st, lang));
        w.end_array();
        w.end_object();
    }
    w.end_array();
    w.end_object();
}

void write_summary(JsonWriter& w, const Summary& sm, bool with_summary) {
    w.key("summary").begin_object();
    w.key("files").integer(sm.files);
    w.key("unreadable_files").integer(sm.unreadable_files);
    w.key("projects").integer(sm.projects);
    w.key("errors").integer(sm.errors);
    w.key("warnings").integer(sm.warnings);
    w.key("infos").integer(sm.infos);
    w.key("funds_wan").number(sm.funds_wan.str());
    w.key("funds_unreadable").integer(sm.funds_unreadable);
    if (with_summary) {
        w.key("units").begin_array();
        for (const auto& u : sm.units) {
            w.begin_object();
            w.key("code").string(u.code);
            w.key("projects").integer(u.projects);
            w.key("funds_wan").number(u.funds_wan.str());
            w.key("funds_unreadable").integer(u.funds_unreadable);
            w.key("repeated").integer(u.repeated);
            w.key("errors").integer(u.errors);
            w.key("warnings").integer(u.warnings);
            w.key("infos").integer(u.infos);
            w.end_object();
        }
        w.end_array();
        w.key("key_evaluation_threshold_wan").number(sm.key_evaluation_threshold_wan.str());
        w.key("key_projects").begin_array();
        for (const auto& k : sm.key_projects) {
            w.begin_object();
            w.key("file").string(k.file);
            if (!k.sheet.empty()) w.key("sheet").string(k.sheet);
            w.key("project_code").string(k.project_code);
            w.key("project").string(k.project);
            w.key("funds_wan").number(k.funds_wan.str());
            w.key("findings").integer(k.findings);
            w.end_object();
        }
        w.end_array();
        // Projects whose funds could not be read: whether they are for key evaluation is a person's call.
        w.key("funds_to_review").begin_array();
        for (const auto& k : sm.funds_to_review) {
            w.begin_object();
            w.key("file").string(k.file);
            if (!k.sheet.empty()) w.key("sheet").string(k.sheet);
            w.key("project_code").string(k.project_code);
            w.key("project").string(k.project);
            w.key("funds").string(k.funds_text);
            w.key("findings").integer(k.findings);
            w.end_object();
        }
        w.end_array();
        // Projects a later file gives again: counted once, in the first file.
        w.key("repeated_projects").begin_array();
        for (const auto& k : sm.repeated) {
            w.begin_object();
            w.key("file").string(k.file);
            if (!k.sheet.empty()) w.key("sheet").string(k.sheet);
            w.key("project_code").string(k.project_code);
            w.key("project").string(k.project);
            w.key("first_file").string(k.funds_text);
            if (!k.first_sheet.empty()) w.key("first_sheet").string(k.first_sheet);
            // This copy's funds and the first file's (null: not a positive amount): a resubmission that changed
            // the amount shows (the totals count the first).
            const auto amount = [&](const std::optional<Decimal>& v) {
                if (v) {
                    w.number(v->str());
                } else {
                    w.null();
                }
            };
            w.key("funds_wan");
            amount(k.repeat_funds_wan);
            w.key("first_funds_wan");
            amount(k.first_funds_wan);
            w.end_object();
        }
        w.end_array();
    }
    w.end_object();
}

// One of the two arrays goes straight to the output; the other is spooled (see spool()) and copied after
// it. A check run has no scores: its findings go straight.
// A score run leads with its scores, four times the bytes of its findings (each indicator's steps): the
// findings wait instead. (Spooling the scores of 60000 projects, 320 MB, made a score run 15–20% slower,
// the kernel writing, and throttling the writer of, twice the dirty pages.) Both orders hold the same
// keys; a JSON reader does not see the difference.
class JsonStream final : public ReportStream {
public:
    JsonStream(std::ostream& out, Lang lang, bool with_summary)
        : m_w(out), m_lang(lang), m_with_summary(with_summary), m_out(out) {}
    void expect_scores() override {
        if (!m_started) m_scores_first = true;
    }
    void finding(const Finding& f) override { write_finding(findings_out(), f, m_lang); }
    void score(const ProjectScore& s) override { write_score(scores_out(), s, m_lang); }
    [[nodiscard]] bool renders() const override { return true; }
    void render(const std::vector<Finding>& findings, const ProjectScore* score, Rendered& out) const override {
        // Elements of the arrays at depth 1 of the document (findings and scores alike, so either may be
        // the spooled one).
        // This thread's storage goes from project to project (and `out` keeps its room): a new buffer per
        // project, grown from 256 bytes by doubling, was a tenth of what rendering ahead added to a -j 2 batch.
        thread_local OutputBuffer storage;
        JsonWriter w = JsonWriter::elements(1, std::move(storage));
        for (const auto& f : findings) write_finding(w, f, m_lang);
        w.take_into(out.findings);
        if (score) write_score(w, *score, m_lang);
        w.take_into(out.scores);
        storage = w.release();
    }
    void append_spooled(std::istream* findings, std::istream* scores) override {
        if (findings) findings_out().splice_elements(*findings, true);
        if (scores) scores_out().splice_elements(*scores, true);
    }
    void finish(const Report& rest) override {
        start();
        m_w.end_array();
        open_array(!m_scores_first);  // the spooled one
        if (m_spool_writer) {
            m_spool_writer.reset();  // flushes into m_spooled
            // What the temporary file took and cannot give back leaves the array short: the run fails
            // (pipeline::written_whole) rather than hand on a report missing part of it.
            if (!m_w.splice_elements(m_spooled, true)) m_out.setstate(std::ios::badbit);
        }
        m_w.end_array();
        m_w.key("files").begin_array();
        for (const auto& f : rest.files) {
            m_w.begin_object();
            m_w.key("path").string(f.path);
            m_w.key("encoding").string(f.encoding);
            m_w.key("projects").integer(f.projects);
            m_w.key("indicators").integer(f.indicators);
            m_w.key("error");
            if (f.error) m_w.string(*f.error);
            else m_w.null();
            m_w.end_object();
        }
        m_w.end_array();
        if (has_monitoring(rest)) m_w.key("monitoring").pretty(monitoring_json(rest).dump(2));
        write_summary(m_w, rest.summary, m_with_summary || rest.with_summary);
        m_w.end_object();
        m_w.end_document();
    }

private:
    JsonWriter& findings_out() { return m_scores_first ? spool() : direct(); }
    JsonWriter& scores_out() { return m_scores_first ? direct() : spool(); }
    JsonWriter& direct() {
        start();
        return m_w;
    }
    // The spooled array: in memory to 1 MiB, then in an unlinked temporary file; when that cannot take
    // more (a full $TMPDIR), in memory again. (A temporary file written straight, as it was, lost what a
    // full disk refused: the report came out valid, its scores or findings silently gone.)
    JsonWriter& spool() {
        if (!m_spool_writer)
            m_spool_writer = std::make_unique<JsonWriter>(JsonWriter::continuing_array(m_spool_stream, 1));
        return *m_spool_writer;
    }
    // The document opens with the first thing written, so a stream that is made and dropped writes nothing.
    void start() {
        if (m_started) return;
        m_started = true;
        m_w.begin_object();
        m_w.key("version").integer(1);
        m_w.key("tool").begin_object();
        m_w.key("name").string("perf-check");
        m_w.key("version").string(PERF_CHECK_VERSION);
        m_w.end_object();
        open_array(m_scores_first);
    }
    void open_array(bool scores) {
        if (scores)
            m_w.key("scores");
        else
            m_w.key("findings");
        m_w.begin_array();
    }

    bool m_started = false;
    bool m_scores_first = false;
    JsonWriter m_w;
    Lang m_lang;
    bool m_with_summary;
    std::ostream& m_out;
    util::SpillBuffer m_spooled;
    util::SpillStream m_spool_stream{m_spooled};
    std::unique_ptr<JsonWriter> m_spool_writer;
};

}  // namespace

std::unique_ptr<Reporter> make_json_reporter(const ReporterOptions& /*options*/) {
    return streaming_reporter([](std::ostream& out, Lang lang, bool with_summary) {
        return std::make_unique<JsonStream>(out, lang, with_summary);
    });
}

}  // namespace perf_check::report
