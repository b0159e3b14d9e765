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

bool example_depends_on_unit(Comparator c, std::string_view unit) {
    return (c == Comparator::le || c == Comparator::lt) && !unit.empty() && unit != "万元";
}

Text deduction_example(Comparator c, std::string_view unit) {
    switch (c) {
        case Comparator::le:
        case Comparator::lt:
            if (!example_depends_on_unit(c, unit)) {
                return {"“每超过目标值5万元扣1分，扣完为止”",
                        "“每超过目标值5万元扣1分，扣完为止” (1 point off per 5万元 over)"};
            }
            if (unit == "%") {
                return {"“每超过目标值1个百分点扣1分，扣完为止”",
                        "“每超过目标值1个百分点扣1分，扣完为止” (1 point off per percentage point over)"};
            }
            return {"“每超过目标值1" + std::string(unit) + "扣1分，扣完为止”",
                    "“每超过目标值1" + std::string(unit) + "扣1分，扣完为止” (1 point off per 1" + std::string(unit) +
                        " over)"};
        case Comparator::qualitative:
            return {"“按时完成得满分，每延迟1个月扣2分，扣完为止”，或写明达成、部分达成、未达成各得多少分",
                    "“按时完成得满分，每延迟1个月扣2分，扣完为止” (2 points off per month late), or the points for "
                    "达成 / 部分达成 / 未达成"};
        default:
            break;
    }
    return {
        "“每低于目标值1个百分点扣0.5分，扣完为止”或“未达到的按完成比例计分”",
        "“每低于目标值1个百分点扣0.5分，扣完为止” (0.5 off per point short) or “未达到的按完成比例计分” (pro rata)"};
}

Text deadline_example() {
    return {"“按期完成得满分，每延迟1个月扣2分，扣完为止”",
            "“按期完成得满分，每延迟1个月扣2分，扣完为止” (full marks on time, 2 points off per month late)"};
}

Text deadline_default() {
    return {"按期完成得满分，逾期按0分计", "full marks on time, 0 when late"};
}

std::string capitalise(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

std::string amount(Decimal d) {
    return d.str();
}

namespace detail {
std::string format_text(std::string_view pattern, std::initializer_list<std::string_view> args) {
    std::size_t size = pattern.size();
    for (const std::string_view a : args) size += a.size();
    std::string out;
    out.reserve(size);  // two bytes more than needed for each {}
    const std::string_view* arg = args.begin();
    std::size_t from = 0;
    // TextPattern checked that there are as many {} as arguments.
    for (std::size_t at = pattern.find("{}"); at != std::string_view::npos; at = pattern.find("{}", from)) {
        out.append(pattern.substr(from, at - from));
        out.append(*arg++);
        from = at + 2;
    }
    out.append(pattern.substr(from));
    return out;
}
}  // namespace detail

Finding project_finding(const Project& project) {
    Cell anchor;
    anchor.loc = project.name.loc;
    if (anchor.loc.row == 0) anchor.loc = project.code.loc;
    // The row is the project's own first row even when the name cell was filled down from elsewhere.
    if (project.first_row > 0) anchor.loc.row = project.first_row;
    if (anchor.loc.sheet.empty()) anchor.loc.sheet = project.sheet;
    return make_finding(project, nullptr, anchor);
}

}  // namespace perf_check::rules
