// Rule template-example: the example project of `perf-check template` is still in the table.
#include <fmt/format.h>

#include "rules/factories.hpp"
#include "rules/finding_text.hpp"
#include "rules/rule_util.hpp"
#include "util/text.hpp"

namespace perf_check::rules {

namespace {

constexpr const char* k_id = "template-example";

// The name `perf-check template` gives its example: （示例）…, which a table's folded cell text reads (示例).
bool is_template_example(std::string_view name) {
    for (const std::string_view mark : {"(示例)", "（示例）", "【示例】", "[示例]"}) {
        if (util::starts_with(name, mark)) return true;
    }
    return false;
}

class TemplateExample final : public Rule {
public:
    void check(const Project& project, FindingSink& sink) const override {
        if (!is_template_example(project.name.text)) return;
        Finding f = make_finding(project, nullptr, project.name);
        f.message.zh = fmt::format("{}是模板自带的示例项目，不是本单位的项目：它会被计入资金总额和重点评价清单。",
                                   project_zh(project));
        f.message.en = fmt::format(
            "{} is the template's example project, not one of the unit's: it would be counted "
            "in the funds and the key-evaluation list.",
            capitalise(project_en(project)));
        f.hint.zh = "提交前删除示例项目的各行（从单位代码到最后一个指标），只保留本单位的项目。";
        f.hint.en =
            "Delete the example project's rows (its code down to its last indicator) before submitting; keep "
            "only the unit's own projects.";
        sink.add(std::move(f));
    }
};

}  // namespace

Expected<std::unique_ptr<Rule>> make_template_example(const RuleSet& rules, const Params& params) {
    (void)rules;
    if (auto err = reject_unknown(params, k_id, {})) return *err;
    return Expected<std::unique_ptr<Rule>>(std::make_unique<TemplateExample>());
}

}  // namespace perf_check::rules
