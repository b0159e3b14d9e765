// Implementation of the shared message wording (see finding_text.hpp).
#include "rules/finding_text.hpp"

#include "rules/rule_util.hpp"
#include "util/text.hpp"

namespace perf_check::rules {

std::string_view project_label(const Project& project) {
    if (!project.name.empty()) return project.name.shown();
    return project.code.shown();
}

namespace {
std::string level_path(const Indicator& indicator) {
    std::string scratch1;
    std::string scratch2;
    std::string out = indicator.level1_view(scratch1);
    out += '/';
    out += indicator.level2_view(scratch2);
    return out;
}
}  // namespace

std::string project_zh(const Project& project) {
    const std::string_view label = project_label(project);
    return label.empty() ? std::string("（未命名项目）") : "项目“" + std::string(label) + "”";
}

std::string project_en(const Project& project) {
    const std::string_view label = project_label(project);
    return label.empty() ? std::string("an unnamed project") : "project “" + std::string(label) + "”";
}

std::string indicator_zh(const Indicator& indicator) {
    if (indicator.placeholder || indicator.name.text.empty()) return "“" + level_path(indicator) + "”";
    return "指标“" + std::string(indicator.name.shown()) + "”（" + level_path(indicator) + "）";
}

std::string indicator_en(const Indicator& indicator) {
    if (indicator.placeholder || indicator.name.text.empty()) return "“" + level_path(indicator) + "”";
    return "indicator “" + std::string(indicator.name.shown()) + "” (" + level_path(indicator) + ")";
}

std::string capitalise(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

std::string amount(Decimal d) {
    return d.str();
}

Finding project_finding(const Project& project) {
    Cell anchor;
    anchor.loc = project.name.loc;
    if (anchor.loc.row == 0) anchor.loc = project.code.loc;
    // The row is the project's own first row even when the name cell was filled down from elsewhere.
    if (project.first_row > 0) anchor.loc.row = project.first_row;
    return make_finding(project, nullptr, anchor);
}

}  // namespace perf_check::rules
