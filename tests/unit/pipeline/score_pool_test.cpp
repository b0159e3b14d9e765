// The pool of written scores the pipeline scores the next projects into: it gives back what it kept, and
// keeps nothing that would hold memory a normal project does not need.
#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "pipeline/score_pool.hpp"

using namespace perf_check;

namespace {

// A score of `indicators` indicators whose actual is `actual_bytes` long, with three steps each.
std::unique_ptr<ProjectScore> score_of(std::size_t indicators, std::size_t actual_bytes) {
    auto s = std::make_unique<ProjectScore>();
    s->project = "部分军退人员岗位补贴资金";
    s->indicators.resize(indicators);
    for (auto& i : s->indicators) {
        i.indicator = "产出指标/数量指标/享受补贴人数";
        i.actual.assign(actual_bytes, 'x');
        i.steps.resize(3, Text{"目标：≥136人；实际完成值：130人；分值：10分", ""});
    }
    return s;
}

}  // namespace

TEST_CASE("the score pool gives back the scores it kept, then new ones", "[pipeline][score]") {
    pipeline::ScorePool pool;
    auto a = score_of(12, 20);
    auto b = score_of(6, 20);
    const ProjectScore* const pa = a.get();
    const ProjectScore* const pb = b.get();
    pool.give(std::move(a));
    pool.give(std::move(b));
    pool.give(nullptr);  // nothing to keep
    auto first = pool.take();
    auto second = pool.take();
    CHECK(((first.get() == pb && second.get() == pa) || (first.get() == pa && second.get() == pb)));
    CHECK(first->indicators.capacity() >= 6);  // kept as it was: its room is what the pool is for
    const auto fresh = pool.take();            // a new one, while both kept ones are still out
    REQUIRE(fresh);
    CHECK(fresh->project.empty());
    CHECK(fresh->indicators.empty());
}

TEST_CASE("the score pool keeps at most four scores", "[pipeline][score]") {
    // (Told apart by their contents: a freed score's address may come back as a new one's.)
    pipeline::ScorePool pool;
    for (int k = 0; k < 6; ++k) pool.give(score_of(2, 10));
    int kept = 0;
    for (int k = 0; k < 6; ++k) kept += pool.take()->project.empty() ? 0 : 1;
    CHECK(kept == 4);
}

TEST_CASE("the score pool keeps no score that holds more than its byte budget", "[pipeline][score]") {
    // A project of long cells leaves their room in every string it filled: such a score is freed.
    const auto normal = score_of(12, 200);
    CHECK(pipeline::ScorePool::held_bytes(*normal) < pipeline::ScorePool::k_most_bytes / 8);
    const auto long_cells = score_of(50, 200 * 1024);
    CHECK(pipeline::ScorePool::held_bytes(*long_cells) > pipeline::ScorePool::k_most_bytes);
    const auto many = score_of(2000, 0);  // the vectors' room counts too
    CHECK(pipeline::ScorePool::held_bytes(*many) > pipeline::ScorePool::k_most_bytes);

    pipeline::ScorePool pool;
    pool.give(score_of(50, 200 * 1024));
    pool.give(score_of(2000, 0));
    const auto s = pool.take();
    CHECK(s->indicators.empty());  // a new one: neither was kept
}
