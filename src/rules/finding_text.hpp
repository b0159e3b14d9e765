// Wording shared by the structure, framework, cost and weight rules: how messages name projects,
// indicators and amounts, and where project-level findings point.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>

#include "perf_check/decimal.hpp"
#include "perf_check/finding.hpp"
#include "perf_check/model.hpp"

namespace perf_check::rules {

/// A computable deduction standard to give as an example, fitting the comparator: a cost (≤) loses points
/// for each step over (5万元 for money, a percentage point for %, one of `unit` otherwise), a
/// qualitative target for each month late, any other for each point short. zh and en, each a quoted
/// phrase that reads after "例如" / "e.g.". `unit` is the indicator's canonical unit (Quantity::unit).
Text deduction_example(Comparator c, std::string_view unit = "");

/// A deadline's (a 时效指标 whose target is a date) computable standard, as deduction_example words it, and
/// what scoring does without one (full marks on time, 0 late).
Text deadline_example();
Text deadline_default();

/// True when deduction_example(c, unit) differs from deduction_example(c) (a ≤ or < indicator counted in
/// something other than 万元): callers that word the common case once per run word these per finding.
bool example_depends_on_unit(Comparator c, std::string_view unit);

/// The project's name as written (Cell::shown), or its unit code when it has none: how messages name it.
std::string_view project_label(const Project& project);
/// "项目“部分军退人员岗位补贴资金”"; falls back to the unit code, then to "（未命名项目）".
std::string project_zh(const Project& project);
/// "project “部分军退人员岗位补贴资金”", with the same fall-backs.
std::string project_en(const Project& project);

/// "指标“项目总成本”（成本指标/经济成本指标）"; a placeholder or unnamed row is named by its
/// 一级/二级 path only: "“成本指标/社会成本指标”".
std::string indicator_zh(const Indicator& indicator);
/// "indicator “项目总成本” (成本指标/经济成本指标)", with the same fall-back.
std::string indicator_en(const Indicator& indicator);

/// `s` with its first ASCII letter upper-cased, to start an English sentence.
std::string capitalise(std::string s);

/// An amount as people read it, exact and without trailing zeros: "842.07", "20", "-0.5".
std::string amount(Decimal d);

/// A message pattern whose "{}" fields are counted when the program is compiled, as fmt's are: `N` of them,
/// and no other brace.
template <std::size_t N>
struct TextPattern {
    std::string_view text;
    // NOLINTNEXTLINE(google-explicit-constructor): written as a literal, like fmt::format's pattern
    consteval TextPattern(const char* s) : text(s) {
        std::size_t fields = 0;
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '{' && i + 1 < text.size() && text[i + 1] == '}') {
                ++fields;
                ++i;
            } else if (text[i] == '{' || text[i] == '}') {
                throw "format_text: a brace that is not part of {}";  // a compile error: no escapes
            }
        }
        if (fields != N) throw "format_text: the pattern's {} do not match the arguments";
    }
};

namespace detail {
std::string format_text(std::string_view pattern, std::initializer_list<std::string_view> args);
}  // namespace detail

/// fmt::format(pattern, args...) for messages whose arguments are all text: each "{}" replaced by the
/// next argument, into one allocation. Rules word thousands of findings on a sloppy table, and fmt's
/// run-time reading of the pattern cost more than the text it made.
template <class... Args>
std::string format_text(TextPattern<sizeof...(Args)> pattern, const Args&... args) {
    return detail::format_text(pattern.text, {std::string_view(args)...});
}

/// A finding about the project as a whole (no single offending cell), located at its first row on
/// the name cell, with an empty value.
Finding project_finding(const Project& project);

}  // namespace perf_check::rules
