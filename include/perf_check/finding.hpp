// Findings: what a rule found wrong, where, and how to fix it, in Chinese and English.
#pragma once

#include <string>
#include <utility>

#include "perf_check/expected.hpp"
#include "perf_check/model.hpp"

namespace perf_check {

enum class Severity { info = 0, warning = 1, error = 2 };

/// "error" / "warning" / "info".
const char* severity_name(Severity s);

/// A message in both languages; reporters pick one by the run's --lang.
struct Text {
    std::string zh;
    std::string en;

    friend bool operator==(const Text&, const Text&) = default;
};

inline const std::string& pick(const Text& t, Lang lang) { return lang == Lang::en ? t.en : t.zh; }

/// One finding. `rule`, `severity` and `loc.file` are stamped by the pipeline from the rule set; rules
/// fill the rest. `indicator` is "一级/二级/三级" or empty for project/file-level findings.
struct Finding {
    std::string rule;
    Severity severity = Severity::warning;
    SourceLocation loc;
    std::string project_code;
    std::string project;
    std::string indicator;
    std::string value;  ///< the offending cell text, as the user wrote it
    Text message;
    Text hint;
};

/// Receives findings. Rules call add(); the pipeline's sink stamps rule id and severity.
class FindingSink {
public:
    virtual ~FindingSink() = default;
    /// Takes `finding` (a rule's, moved in). By reference: a Finding is a dozen strings, and taken by value
    /// it was moved twice on its way into the sink's list, once into the parameter and once from it.
    virtual void add(Finding&& finding) = 0;
    /// False when no report of the run shows English: a rule may then leave Text::en empty. Chinese is
    /// always wanted (reports order findings by it). The pipeline's sink follows --lang; any other
    /// sink gets both.
    [[nodiscard]] virtual bool wants_english() const { return true; }
};

/// A finding's text for `sink`: `zh`, and en() only when the sink wants English. Rules whose findings
/// are frequent (one per indicator on many real tables: deduction-discretionary, deviation-reason-missing,
/// execution-low, score-out-of-band) build their English through this; formatting it for a report that
/// never shows it was a twentieth of a check of the benchmark's table (callgrind).
template <class En>
Text in_languages(const FindingSink& sink, std::string zh, En&& en) {
    Text t;
    t.zh = std::move(zh);
    if (sink.wants_english()) t.en = en();
    return t;
}

/// A finding about `project` (and `indicator`, when given) located at `cell`, with its value.
Finding make_finding(const Project& project, const Indicator* indicator, const Cell& cell);

}  // namespace perf_check
