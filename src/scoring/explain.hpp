// Explaining a parsed deduction text: a language-neutral canonical form and a readable account for
// `perf-check explain "TEXT"`.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "perf_check/finding.hpp"
#include "scoring/deduction.hpp"

namespace perf_check::scoring {

/// A language-neutral canonical form of `formula`: its parts in a fixed order, joined by "; " —
/// full_if_met, step(over 5万元: -1), step(under 1% from 100%: -2), partial_counts(1%),
/// cutoff(under 80%), proportional(completion|deduction), flat(-5), all_or_nothing, discretionary, cap(-5), cap(full),
/// tier(较好: 15), tier([80%, 90%): 8), tier((-inf, 80%): 0), floor(0), unsupported(ranking|tiered|bonus). Texts that
/// mean the same give the same form whatever their punctuation; an empty text gives "none". Parts not understood are
/// not part of the form.
std::string canonical_form(const Formula& formula);

/// One recognised piece of a formula in words ("每超过5万元扣1分"), Chinese or English.
Text describe(const Formula& formula, const Piece& piece);

/// One step in words with its notes (where counting starts, percentage points, implicit 每, subject).
Text describe(const Step& step);

/// A cut-off in words: “低于80%不得分：完成值低于80%时本项0分（百分比指标按实际值，其他指标按完成率）”.
Text describe(const Cutoff& cutoff);

/// A tier in words: “分档：实际完成值为“较好”时得15分”, “分档：实际完成值80%（含）至90%（含）时得8分”.
Text describe(const Tier& tier);

/// One step as a short phrase, Chinese or English: "每超过5万元扣1分" / "−1 per 5万元 over".
Text phrase(const Step& step);

/// Writes what `perf-check explain "TEXT"` prints: the text, each piece understood (in reading order,
/// with its meaning), the canonical form, the parts not understood and the unsupported forms, and how a
/// missed target will be scored (from the text, or from the rule set's defaults). Chinese by default,
/// English with Lang::en. Ends with a newline.
void write_explanation(std::string_view text, Lang lang, std::ostream& out);

}  // namespace perf_check::scoring
