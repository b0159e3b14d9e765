// actual-unmatched: actuals joined by (单位代码, 项目名称, 三级指标) must land on something — never a silent zero.
#include "rules/actual_unmatched.hpp"

#include "rules/factories.hpp"
#include "rules/rule_util.hpp"

namespace perf_check::rules {

namespace {

// A cell as its file writes it (（人次）, not the folded (人次)), as messages and findings name it.
std::string shown(const Cell& c) {
    return std::string(c.shown());
}

// The words for the file the values came from: score's actuals (实际完成值, scored) or monitor's progress
// (values to date, monitored).
struct FileWords {
    const char* file_zh;
    const char* file_en;
    const char* values_zh;
    const char* unused_zh;
    const char* unused_en;
};
constexpr FileWords k_actuals = {"实际完成值文件", "actuals file", "实际值", "没有参与评分", "it was not scored"};
constexpr FileWords k_progress = {"进度文件", "progress file", "进度值", "没有纳入监控", "it was not monitored"};

class ActualUnmatched final : public Rule {
public:
    explicit ActualUnmatched(bool progress) : m_words(progress ? k_progress : k_actuals) {}

    void check(const Project& project, FindingSink& sink) const override {
        const FileWords& w = m_words;
        for (const Cell& name : project.unmatched_actuals) {
            Finding f = make_finding(project, nullptr, name);
            f.loc = name.loc;  // the row is in the actuals file, not in the table
            f.indicator = shown(name);
            f.message = {std::string(w.file_zh) + "中项目“" + shown(project.name) + "”的指标“" + shown(name) +
                             "”在绩效目标表中找不到，该" + w.values_zh + w.unused_zh + "。",
                         std::string("The ") + w.file_en + " gives a value for indicator '" + shown(name) +
                             "' of project '" + shown(project.name) +
                             "', but the targets table has no such indicator; " + w.unused_en + "."};
            f.hint = {"请核对三级指标名称是否与绩效目标表完全一致（包括错别字和多余文字）。",
                      "Make the 三级指标 name identical to the one in the targets table."};
            sink.add(std::move(f));
        }
        for (const auto& repeated : project.repeated_actuals) {
            const Cell& name = repeated.name;
            Finding f = make_finding(project, nullptr, repeated.value);
            f.loc = repeated.value.loc;
            if (!repeated.project_figure) f.indicator = shown(name);
            f.value = std::string(repeated.value.shown());
            const std::string what_zh = repeated.project_figure ? "“" + shown(name) + "”" : "指标“" + shown(name) + "”";
            const std::string what_en = repeated.project_figure ? shown(name) : "indicator '" + shown(name) + "'";
            f.message = {std::string(w.file_zh) + "中项目“" + shown(project.name) + "”的" + what_zh +
                             "有不止一行：采用先出现的一行，这一行的值“" + f.value + "”没有采用。",
                         std::string("The ") + w.file_en + " gives " + what_en + " of project '" + shown(project.name) +
                             "' more than once: the first row is used; this row's value '" + f.value + "' was not."};
            f.hint = {"请删除重复的行，只保留正确的一行。", "Delete the repeated row, keeping the right one."};
            sink.add(std::move(f));
        }
    }

private:
    const FileWords& m_words;
};

}  // namespace

Finding unmatched_actuals_project(const Project& a, bool progress) {
    const FileWords& w = progress ? k_progress : k_actuals;
    Finding f;
    f.loc = a.name.loc.row ? a.name.loc : a.code.loc;
    f.loc.row = a.first_row;
    f.project_code = a.code.text;
    f.project = a.name.shown();
    f.value = shown(a.name);
    f.message = {std::string(w.file_zh) + "中的项目“" + a.code.text + " " + shown(a.name) +
                     "”在所检查的绩效目标表中找不到，其" + w.values_zh + w.unused_zh + "。",
                 "Project '" + a.code.text + " " + shown(a.name) + "' of the " + w.file_en +
                     " matches no project of the checked tables; " +
                     (progress ? "its values to date were not monitored." : "its actuals were not scored.")};
    f.hint = {"请核对单位代码和项目名称是否与绩效目标表一致，或把对应的绩效目标表一并检查。",
              "Make 单位代码 and 项目名称 identical to the targets table, or include that table in the run."};
    return f;
}

Expected<std::unique_ptr<Rule>> make_actual_unmatched(const RuleSet& rules, const Params& params) {
    if (auto err = reject_unknown(params, "actual-unmatched", {})) return *err;
    // A monitor run (a monitoring date set) joins a progress file, not actuals.
    return std::unique_ptr<Rule>(std::make_unique<ActualUnmatched>(!rules.monitoring.as_of.empty()));
}

}  // namespace perf_check::rules
