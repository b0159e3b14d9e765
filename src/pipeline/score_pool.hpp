// A thread's written scores, kept for scoring::score_project_into to write the next projects' over.
#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <utility>

#include "perf_check/score.hpp"

namespace perf_check::pipeline {

// Scores already written, kept by the thread that wrote them for the next projects it scores: a score is
// then written over one of the same shape, whose strings and step lists keep their room (score_project_into),
// instead of a hundred strings allocated for each project and freed together once it is written. A few
// are kept, none that holds more than k_most_bytes (a project of long cells leaves its room in every
// string it filled): memory stays flat. Giving back never allocates, so it cannot throw.
class ScorePool {
public:
    static constexpr std::size_t k_most_bytes = std::size_t{1} << 20;  ///< a dozen indicators hold about 20 KB

    /// A kept score (any of them: each is written over whole), or a new one.
    std::unique_ptr<ProjectScore> take() {
        if (m_count == 0) return std::make_unique<ProjectScore>();
        return std::move(m_kept[--m_count]);
    }
    /// Keeps `s` (null: nothing) unless the pool is full or `s` holds more than k_most_bytes.
    void give(std::unique_ptr<ProjectScore> s) noexcept {
        if (s && m_count < m_kept.size() && held_bytes(*s) <= k_most_bytes) m_kept[m_count++] = std::move(s);
    }

    /// What a score's strings and lists hold on to: their capacities.
    static std::size_t held_bytes(const ProjectScore& s) noexcept {
        std::size_t n = s.file.capacity() + s.sheet.capacity() + s.project_code.capacity() + s.project.capacity() +
                        s.grade.capacity() + s.indicators.capacity() * sizeof(IndicatorScore);
        for (const auto& i : s.indicators) {
            n += i.indicator.capacity() + i.loc.file.capacity() + i.loc.sheet.capacity() + i.target.capacity() +
                 i.actual.capacity() + i.formula.capacity() + i.steps.capacity() * sizeof(Text);
            for (const auto& t : i.steps) n += t.zh.capacity() + t.en.capacity();
        }
        return n;
    }

private:
    std::array<std::unique_ptr<ProjectScore>, 4> m_kept;
    std::size_t m_count = 0;
};

}  // namespace perf_check::pipeline
