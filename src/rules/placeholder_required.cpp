// Rule placeholder-required: a required slot (经济成本, 数量, 质量, 时效, 效益, 服务对象满意度 by default)
// holding only placeholder rows such as 无, or no row at all.
#include <fmt/format.h>

#include "rules/factories.hpp"
#include "rules/finding_text.hpp"
#include "rules/rule_util.hpp"
#include "util/text.hpp"

namespace perf_check::rules {

namespace {

constexpr const char* k_id = "placeholder-required";

class PlaceholderRequired final : public Rule {
public:
    explicit PlaceholderRequired(std::vector<RequiredSlot> slots) : m_slots(std::move(slots)) {
        for (const auto& slot : m_slots) m_paths.push_back(level_paths(slot.any_of));
    }

    void check(const Project& project, FindingSink& sink) const override {
        for (std::size_t k = 0; k < m_slots.size(); ++k) {
            const RequiredSlot& slot = m_slots[k];
            const Indicator* first = nullptr;
            bool real = false;
            for (const auto& ind : project.indicators) {
                if (!in_slot(ind, m_paths[k])) continue;
                if (!first) first = &ind;
                if (!ind.placeholder) {
                    real = true;
                    break;
                }
            }
            if (!real) report(project, slot, first, sink);
        }
    }

private:
    static bool in_slot(const Indicator& ind, const std::vector<LevelPath>& paths) {
        for (const auto& path : paths) {
            if (under(ind, path)) return true;
        }
        return false;
    }

    static void report(const Project& project, const RequiredSlot& slot, const Indicator* row, FindingSink& sink) {
        Finding f = row ? make_finding(project, row, row->name) : project_finding(project);
        const std::string paths_zh = util::join(slot.any_of, "或");
        const std::string paths_en = util::join(slot.any_of, " or ");
        if (row) {
            const std::string shown = row->name.text.empty() ? std::string("空白") : "“" + row->name.text + "”";
            f.message.zh =
                fmt::format("{}的必填指标“{}”只填了占位符{}，没有实际指标。", project_zh(project), slot.name, shown);
            f.message.en = fmt::format("The required slot “{}” of {} holds only placeholders ({}), no real indicator.",
                                       slot.name, project_en(project), row->name.text.empty() ? "blank" : shown);
        } else {
            f.message.zh =
                fmt::format("{}缺少必填指标“{}”（{}下都没有指标）。", project_zh(project), slot.name, paths_zh);
            f.message.en = fmt::format("{} lacks the required slot “{}” (no indicator under {}).",
                                       capitalise(project_en(project)), slot.name, paths_en);
        }
        f.hint.zh = fmt::format(
            "在{}下至少填写一个实际指标：三级指标名称、指标值、度量单位、指标值类型和分值，"
            "不要只填“无”。",
            paths_zh);
        f.hint.en = fmt::format(
            "Add at least one real indicator under {}: its name, target, unit, comparator and "
            "weight, not just 无.",
            paths_en);
        sink.add(std::move(f));
    }

    std::vector<RequiredSlot> m_slots;
    std::vector<std::vector<LevelPath>> m_paths;  ///< each slot's any_of, split
};

}  // namespace

Expected<std::unique_ptr<Rule>> make_placeholder_required(const RuleSet& rules, const Params& params) {
    if (auto err = reject_unknown(params, k_id, {})) return *err;
    return std::unique_ptr<Rule>(std::make_unique<PlaceholderRequired>(rules.framework.required));
}

}  // namespace perf_check::rules
