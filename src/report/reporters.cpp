// The reporter table: adding a format is one row here and one file beside it.
#include "report/reporters.hpp"

#include <algorithm>

#include "report/formats.hpp"
#include "report/xlsx_reporter.hpp"
#include "util/text.hpp"

namespace perf_check::report {

namespace {

class StreamingReporter final : public Reporter {
public:
    StreamingReporter(MakeStream make, bool carries_summary)
        : m_make(std::move(make)), m_carries_summary(carries_summary) {}
    void write(const Report& report, std::ostream& out) const override {
        const auto s = m_make(out, report.lang, report.with_summary);
        if (report.scoring) s->expect_scores();
        replay(report, *s);
    }
    [[nodiscard]] std::unique_ptr<ReportStream> stream(std::ostream& out, Lang lang, bool with_summary) const override {
        return m_make(out, lang, with_summary);
    }
    [[nodiscard]] bool carries_summary() const override { return m_carries_summary; }

private:
    MakeStream m_make;
    bool m_carries_summary;
};

}  // namespace

std::unique_ptr<Reporter> streaming_reporter(MakeStream make, bool carries_summary) {
    return std::make_unique<StreamingReporter>(std::move(make), carries_summary);
}

const std::vector<ReporterEntry>& reporters() {
    static const std::vector<ReporterEntry> k_reporters = {
        {"text", "human-readable, aligned for CJK (default)", false, make_text_reporter},
        {"json", "versioned JSON report (SPEC §5 contract)", false, make_json_reporter},
        {"sarif", "SARIF 2.1.0 for GitHub code scanning and other CI", false, make_sarif_reporter},
        {"junit", "JUnit XML test report for GitLab and Jenkins", false, make_junit_reporter},
        {"gitlab", "GitLab Code Quality JSON", false, make_gitlab_reporter},
        {"github", "GitHub Actions annotations (+ $GITHUB_STEP_SUMMARY)", false, make_github_reporter},
        {"markdown", "Markdown: findings per file, scores, --summary tables", false, make_markdown_reporter},
        {"csv", "CSV for Excel: one finding per row (UTF-8 with BOM)", false, make_csv_reporter},
        {"html", "one self-contained HTML page to open and forward", false, make_html_reporter},
        {"xlsx", "Excel workbook: findings, scores and summary sheets (needs -o FILE)", true, make_xlsx_reporter},
    };
    return k_reporters;
}

const ReporterEntry* find_reporter(std::string_view name) {
    for (const auto& r : reporters()) {
        if (name == r.name) return &r;
    }
    return nullptr;
}

std::vector<std::string> reporter_names() {
    std::vector<std::string> out;
    for (const auto& r : reporters()) out.emplace_back(r.name);
    return out;
}

namespace {

/// One part of a report that some formats have no place for, and how a notice names it.
struct Part {
    const char* option;   ///< what asked for it: "--summary", "score"
    const char* en;       ///< "the summary (per file, per unit, projects for key evaluation)"
    const char* zh;       ///< "汇总和重点评价项目清单"
    const char* example;  ///< a --report that carries it
    bool (Reporter::*carries)() const;
};

/// For a run writing `formats`: one line naming those that do not carry `part` and the formats that
/// do; "" when any of them carries it (the run's part is then written, in that output).
std::string not_carried(const Part& part, const std::vector<std::string>& formats) {
    const auto carries = [&](const ReporterEntry& entry) {
        return (*entry.factory(ReporterOptions{}).*part.carries)();
    };
    std::vector<std::string> without;
    for (const auto& name : formats) {
        const ReporterEntry* entry = find_reporter(name);
        if (entry != nullptr && carries(*entry)) return "";  // another output of the run carries it
        if (entry == nullptr) continue;
        if (std::find(without.begin(), without.end(), name) == without.end()) without.push_back(name);
    }
    if (without.empty()) return "";
    std::vector<std::string> with;
    for (const auto& entry : reporters()) {
        if (carries(entry)) with.emplace_back(entry.name);
    }
    const std::string none = util::join(without, ", ");
    const std::string some = util::join(with, ", ");
    return std::string("perf-check: ") + part.option + ": the " + none + " format" +
           (without.size() > 1 ? "s do" : " does") + " not carry " + part.en + "; these do: " + some +
           ". Add one with --report FORMAT:PATH, e.g. --report " + part.example + " (" + util::join(without, "、") +
           " 格式不含" + part.zh + "：请用 --report 另外输出 " + util::join(with, "、") + " 之一)\n";
}

}  // namespace

std::string summary_not_carried(const std::vector<std::string>& formats) {
    static const Part k_summary{"--summary", "the summary (per file, per unit, projects for key evaluation)",
                                "汇总和重点评价项目清单", "html:summary.html", &Reporter::carries_summary};
    return not_carried(k_summary, formats);
}

std::string scores_not_carried(const std::vector<std::string>& formats) {
    static const Part k_scores{"score", "the scores (per project and indicator, with the arithmetic)",
                               "评分结果（各项目总分、等级和各指标得分）", "html:scores.html",
                               &Reporter::carries_scores};
    return not_carried(k_scores, formats);
}

}  // namespace perf_check::report
