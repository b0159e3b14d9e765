// The run, as one readable sequence of stages. Each stage is a free function in its own module.
#include "pipeline/pipeline.hpp"

#include <algorithm>
#include <atomic>
#include <fstream>
#include <sstream>
#include <thread>

#include "config/rule_set_loader.hpp"
#include "io/actuals_file.hpp"
#include "io/open_table.hpp"
#include "report/baseline.hpp"
#include "report/build.hpp"
#include "report/reporters.hpp"
#include "rules/actual_unmatched.hpp"
#include "monitor/monitor.hpp"
#include "scoring/scorer.hpp"

namespace perf_check::pipeline {

namespace {

// Stamps rule id, severity and file on what a rule reports.
class StampingSink final : public FindingSink {
public:
    StampingSink(std::vector<Finding>& out, const std::string& file) : m_out(out), m_file(file) {}
    void use(const rules::ActiveRule& rule) { m_rule = &rule; }
    void add(Finding f) override {
        f.rule = m_rule->entry->id;
        f.severity = m_rule->severity;
        if (f.loc.file.empty()) f.loc.file = m_file;
        m_out.push_back(std::move(f));
    }

private:
    std::vector<Finding>& m_out;
    const std::string& m_file;
    const rules::ActiveRule* m_rule = nullptr;
};

// Everything one file contributes to the report; files are independent of each other.
struct FileOutcome {
    FileResult result;
    std::vector<Finding> findings;
    std::vector<report::ProjectStat> projects;
    std::vector<ProjectScore> scores;
    std::vector<ProjectProgress> progress;
};

FileOutcome process_file(const std::string& path, std::size_t index, const RunOptions& options, const RuleSet& rules,
                         const std::vector<rules::ActiveRule>& active, io::ActualsIndex* actuals) {
    FileOutcome o;
    o.result.path = path;
    auto source = io::open_table(path, options.read, rules);
    if (!source) {
        o.result.error = source.error().render();
        return o;
    }
    const TableInfo& table = (*source)->table();
    o.result.encoding = table.encoding;
    StampingSink sink(o.findings, path);
    // Table-level problems (missing columns) first: they explain any project-level noise that follows.
    for (const auto& r : active) {
        sink.use(r);
        r.rule->check_table(table, sink);
    }
    // Stream: each project is checked and released before the next is read.
    Project project;
    while (true) {
        auto more = (*source)->next(project);
        if (!more) {
            o.result.error = more.error().render();
            break;
        }
        if (!*more) break;
        ++o.result.projects;
        o.result.indicators += static_cast<int>(project.indicators.size());
        // Actuals from a separate file join before the rules, so the self-evaluation rules see them.
        if (actuals) actuals->apply(project);
        for (const auto& r : active) {
            sink.use(r);
            r.rule->check(project, sink);
        }
        if (options.score) o.scores.push_back(scoring::score_project(project, rules));
        if (options.monitor) o.progress.push_back(monitor::analyse_project(project, rules));
        o.projects.push_back({index, path, project.code.text, project.name.text, project.funds_wan});
    }
    return o;
}

// Projects of the actuals file that matched no target project are findings too: never a silent zero.
void report_unused_actuals(const io::ActualsIndex& actuals, const std::vector<rules::ActiveRule>& active,
                           Report& report) {
    for (const auto& r : active) {
        if (std::string_view(r.entry->id) != "actual-unmatched") continue;
        for (const auto& p : actuals.unused()) {
            Finding f = rules::unmatched_actuals_project(p);
            f.rule = r.entry->id;
            f.severity = r.severity;
            f.loc.file = actuals.file();
            report.findings.push_back(std::move(f));
        }
    }
}

}  // namespace

Report check_inputs(const RunOptions& options, const RuleSet& rules, const std::vector<rules::ActiveRule>& active,
                    io::ActualsIndex* actuals) {
    Report report;
    report.lang = options.lang;
    report.with_summary = options.summary;
    if (options.monitor) report.as_of = rules.monitoring.as_of;
    std::vector<report::ProjectStat> projects;
    const auto inputs = io::expand_inputs(options.paths);
    // Files are independent: check them on all cores, each into its own slot, then merge in input
    // order so the report does not depend on which thread finished first.
    std::vector<FileOutcome> outcomes(inputs.size());
    const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
    const auto workers = static_cast<std::size_t>(std::min<std::size_t>(
        options.jobs == 0 ? cores : options.jobs, std::max<std::size_t>(1, inputs.size())));
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < inputs.size(); i = next++) {
            outcomes[i] = process_file(inputs[i], i, options, rules, active, actuals);
        }
    };
    if (workers <= 1) {
        work();
    } else {
        std::vector<std::thread> pool;
        for (std::size_t t = 0; t < workers; ++t) pool.emplace_back(work);
        for (auto& t : pool) t.join();
    }
    for (auto& o : outcomes) {
        report.files.push_back(std::move(o.result));
        std::move(o.findings.begin(), o.findings.end(), std::back_inserter(report.findings));
        std::move(o.projects.begin(), o.projects.end(), std::back_inserter(projects));
        std::move(o.scores.begin(), o.scores.end(), std::back_inserter(report.scores));
        std::move(o.progress.begin(), o.progress.end(), std::back_inserter(report.progress));
    }
    if (actuals) {
        // The actuals file is an input of the run: list it so its findings have a file to belong to.
        report.files.push_back(FileResult{actuals->file(), "", 0, 0, std::nullopt});
        report_unused_actuals(*actuals, active, report);
    }
    report::finalize(report, projects, rules.key_evaluation_threshold_wan);
    return report;
}

int exit_code(const Report& report, const RunOptions& options) {
    for (const auto& f : report.files) {
        if (f.error) return k_exit_failed;
    }
    if (!options.fail_on) return k_exit_clean;
    for (const auto& f : report.findings) {
        if (f.severity >= *options.fail_on) return k_exit_findings;
    }
    return k_exit_clean;
}

int run(const RunOptions& options, std::ostream& out, std::ostream& err) {
    // 1. The rule set: compiled-in default, or --rules (an error there stops the run: exit 2).
    RuleSet loaded;
    const RuleSet* rules = &config::default_rule_set();
    if (!options.rules_path.empty()) {
        auto r = config::load_rule_set_file(options.rules_path);
        if (!r) {
            err << "perf-check: rule set " << options.rules_path << ":\n" << r.error().render() << '\n';
            return k_exit_failed;
        }
        loaded = std::move(*r);
        rules = &loaded;
    }
    // A monitor run reads values to date where a self-evaluation has year-end actuals: the monitoring
    // rules judge them, the self-evaluation rules must not; outside monitoring it is the other way round.
    RuleSet monitored;
    if (options.monitor) {
        monitored = *rules;
        monitored.monitoring.as_of = options.as_of;
        rules = &monitored;
    }
    auto active = rules::build_active_rules(*rules);
    if (!active) {
        err << "perf-check: " << active.error().render() << '\n';
        return k_exit_failed;
    }
    const std::string_view skipped = options.monitor ? "self-evaluation" : "monitoring";
    active->erase(std::remove_if(active->begin(), active->end(),
                                 [&](const rules::ActiveRule& r) {
                                     // Progress rows that match nothing are as much a finding as unmatched actuals.
                                     return r.entry->category == skipped &&
                                            std::string_view(r.entry->id) != "actual-unmatched";
                                 }),
                  active->end());
    // 2. Actuals from a separate file (score --actuals), loaded once and joined onto every table.
    std::optional<io::ActualsIndex> actuals;
    if (!options.actuals_path.empty()) {
        auto loaded_actuals = io::ActualsIndex::load(options.actuals_path, options.read, *rules);
        if (!loaded_actuals) {
            err << "perf-check: " << loaded_actuals.error().render() << '\n';
            return k_exit_failed;
        }
        actuals = std::move(*loaded_actuals);
    }
    // 3. Read, check (and score) every input into one sorted report.
    Report report = check_inputs(options, *rules, *active, actuals ? &*actuals : nullptr);
    // Baselines: accept known findings (keyed by rule and business keys, never rows) and say what was fixed.
    if (!options.update_baseline_path.empty()) {
        std::ofstream file(options.update_baseline_path, std::ios::binary);
        if (!file) {
            err << "perf-check: cannot write " << options.update_baseline_path << " (无法写入基线文件)\n";
            return k_exit_failed;
        }
        report::write_baseline(report, file);
    }
    if (!options.baseline_path.empty()) {
        auto baseline = report::read_baseline(options.baseline_path);
        if (!baseline) {
            err << "perf-check: " << baseline.error().render() << '\n';
            return k_exit_failed;
        }
        const auto result = report::apply_baseline(report, *baseline);
        report::write_baseline_result(result, options.lang, err);
    }
    // 4. Render every requested output.
    for (const auto& target : options.reports) {
        const auto* entry = report::find_reporter(target.format);
        if (!entry) {
            err << "perf-check: unknown format '" << target.format << "'\n";
            return k_exit_failed;
        }
        report::ReporterOptions ropts;
        ropts.colour = options.colour && (target.path.empty() || target.path == "-");
        const auto reporter = entry->factory(ropts);
        if (target.path.empty() || target.path == "-") {
            reporter->write(report, out);
        } else {
            std::ofstream file(target.path, std::ios::binary);
            if (!file) {
                err << "perf-check: cannot write " << target.path << " (无法写入输出文件)\n";
                return k_exit_failed;
            }
            reporter->write(report, file);
        }
    }
    for (const auto& f : report.files) {
        if (f.error) err << "perf-check: " << *f.error << '\n';
    }
    return exit_code(report, options);
}

}  // namespace perf_check::pipeline
