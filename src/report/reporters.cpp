// The reporter table: adding a format is one row here and one file beside it.
#include "report/reporters.hpp"

#include "report/formats.hpp"
#include "report/xlsx_reporter.hpp"

namespace perf_check::report {

namespace {

class StreamingReporter final : public Reporter {
public:
    explicit StreamingReporter(MakeStream make) : m_make(std::move(make)) {}
    void write(const Report& report, std::ostream& out) const override {
        const auto s = m_make(out, report.lang, report.with_summary);
        replay(report, *s);
    }
    [[nodiscard]] std::unique_ptr<ReportStream> stream(std::ostream& out, Lang lang, bool with_summary) const override {
        return m_make(out, lang, with_summary);
    }

private:
    MakeStream m_make;
};

}  // namespace

std::unique_ptr<Reporter> streaming_reporter(MakeStream make) {
    return std::make_unique<StreamingReporter>(std::move(make));
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

}  // namespace perf_check::report
