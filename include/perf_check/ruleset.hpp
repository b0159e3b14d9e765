// A rule set, typed: framework, placeholders, weights, per-rule settings and the scoring policy.
#pragma once

#include <array>
#include <bitset>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "perf_check/decimal.hpp"
#include "perf_check/finding.hpp"
#include "perf_check/rule.hpp"

namespace perf_check {

/// One 一级指标 and the 二级指标 allowed under it (names as in the table, e.g. "产出指标").
struct Level1 {
    std::string name;
    std::vector<std::string> children;
};

/// A slot that must hold at least one real (non-placeholder) indicator: any of `any_of`, each an
/// "一级/二级" path, satisfies it. `name` is how messages call it (e.g. "经济成本").
struct RequiredSlot {
    std::string name;
    std::vector<std::string> any_of;
};

struct Framework {
    std::vector<Level1> levels;
    std::vector<RequiredSlot> required;
};

/// Settings of one rule in the set.
struct RuleSettings {
    bool enabled = true;
    Severity severity = Severity::warning;
    Params params;
};

/// How partial steps of a per-step deduction count.
enum class StepMode { full_steps, partial_counts, pro_rate };
/// Scoring of a missed lower-is-better target.
enum class ReverseVariant { linear, ratio };

/// A qualitative band: a label and the fraction of the weight it spans.
struct QualitativeBand {
    std::string label;  ///< e.g. 达成年度指标
    Decimal low;        ///< fraction of the weight, 0..1
    Decimal high;
    Decimal default_fraction;  ///< used when the label is given without a reviewer's 得分
    /// Other answers that mean this band, matched whole (已完成, 按时完成 for 达成年度指标), stored without
    /// spaces; the label itself also matches by its beginning (达成 for 达成年度指标).
    std::vector<std::string> aliases;
};

struct GradeBand {
    std::string grade;  ///< 优 / 良 / 中 / 差
    Decimal min_total;
};

struct ScoringPolicy {
    StepMode step_mode = StepMode::full_steps;
    ReverseVariant reverse = ReverseVariant::linear;
    int rounding = 2;  ///< decimal places of each indicator score
    std::vector<QualitativeBand> bands;
    std::vector<GradeBand> grades;  ///< highest first
    Decimal execution_threshold = Decimal::from_raw(900000);  ///< 0.9: below needs an explanation
    /// Set from the command line for `perf-check score`: every project is being scored, so one without
    /// any self-evaluation data is a finding (actual-missing), not a silent 0.
    bool every_project_scored = false;
};

/// Mid-year monitoring (perf-check monitor): set from the command line, read by the monitoring rules.
struct MonitoringPolicy {
    std::string as_of;  ///< "YYYY-MM-DD"; empty outside a monitor run (monitoring rules then do nothing)
};

/// Tokens meaning "nothing here": 无, /, -, —, 暂无, N/A… Rules ask about every cell many times per
/// indicator, and nearly every answer is "no": a table of the bytes a match can begin with gives most
/// of them from the first byte, without trimming, folding or comparing.
class Placeholders {
public:
    Placeholders() : Placeholders(std::vector<std::string>{}) {}
    Placeholders(std::vector<std::string> tokens);  // NOLINT(google-explicit-constructor): a list is one
    [[nodiscard]] const std::vector<std::string>& tokens() const { return m_tokens; }
    /// True when `text`, trimmed and folded, is empty or one of the tokens (ASCII letters in any case).
    /// Inline: most answers come from the first byte, and the calls cost more than that test.
    [[nodiscard]] bool match(std::string_view text) const {
        if (text.empty()) return true;
        if (!m_may_start[static_cast<unsigned char>(text.front())]) return false;
        return match_rest(text);
    }

private:
    /// match() of text that is not empty and may begin a token.
    [[nodiscard]] bool match_rest(std::string_view text) const;

    std::vector<std::string> m_tokens;
    /// The tokens that trimming and folding leave as they are (all of the default set's but －): text
    /// equal to one of them matches without being trimmed or folded. (Text is compared folded, so
    /// text written as another token would not match it.)
    std::vector<std::string> m_as_written;
    std::size_t m_longest = 0;
    /// Bit n: some token is n bytes long (tokens of 64 bytes or more set bit 63 and are always compared).
    std::uint64_t m_lengths = 0;
    std::array<bool, 256> m_may_start{};  ///< bytes that text matching a token may begin with
    /// Pairs of first two bytes (first × 256 + second) that such text may begin with: 无 and most Chinese
    /// text share a first byte (E6), rarely a second.
    std::bitset<65536> m_may_start2;
    /// Of those pairs, the ones after which any third byte may follow: a token of one or two bytes (NA,
    /// --, /) ends there and a stop or space may come next, or a character trimming or folding changes
    /// is among the first two bytes.
    std::bitset<65536> m_open2;
    /// After any other pair, the third byte must be a token's (in either case) or start a character folding
    /// changes: 万元 and 个 begin with 不适用's first two bytes (E4 B8), not with its third. Hashed
    /// (start3_slot); a collision only lets more text through to the comparison.
    std::bitset<4096> m_may_start3;
};

struct RuleSet {
    std::string name = "default";
    Framework framework;
    Placeholders placeholders;
    Decimal weight_total = Decimal::from_int(100);
    Decimal budget_execution_weight = Decimal::from_int(10);
    Decimal key_evaluation_threshold_wan = Decimal::from_int(100);
    std::map<std::string, RuleSettings> rules;  ///< by rule id; every catalog id has an entry
    ScoringPolicy scoring;
    MonitoringPolicy monitoring;

    /// True when `text` (normalised) is empty or one of the placeholder tokens.
    [[nodiscard]] bool is_placeholder(std::string_view text) const { return placeholders.match(text); }
};

}  // namespace perf_check
