// InOrderPool: jobs run side by side, results go on in submission order, each on the thread that
// made it, with no more than the bound in flight; job objects come back to be refilled.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

#include "pipeline/in_order_pool.hpp"

using perf_check::pipeline::InOrderPool;

namespace {
struct Made {
    int value = 0;
    std::thread::id by;
};
}  // namespace

TEST_CASE("in-order pool: results in submission order, delivered by the thread that made them", "[pool]") {
    std::vector<int> delivered;
    std::atomic<int> foreign{0};
    std::atomic<std::size_t> in_flight{0};
    std::size_t most_in_flight = 0;
    std::mutex seen;
    std::vector<std::thread::id> workers;
    {
        InOrderPool<int, Made> pool(
            4, 6,
            [&](int& job) {
                // Uneven work, so that later jobs often finish first.
                std::this_thread::sleep_for(std::chrono::microseconds((job * 7919) % 500));
                const std::lock_guard lock(seen);
                if (std::find(workers.begin(), workers.end(), std::this_thread::get_id()) == workers.end())
                    workers.push_back(std::this_thread::get_id());
                return Made{job, std::this_thread::get_id()};
            },
            [&](Made&& m) {
                if (m.by != std::this_thread::get_id()) ++foreign;
                delivered.push_back(m.value);  // one at a time: no lock needed
                --in_flight;
            });
        for (int i = 0; i < 400; ++i) {
            pool.submit(int{i});
            most_in_flight = std::max(most_in_flight, ++in_flight);
        }
        pool.finish();
    }
    REQUIRE(delivered.size() == 400);
    for (int i = 0; i < 400; ++i) CHECK(delivered[static_cast<std::size_t>(i)] == i);
    CHECK(foreign == 0);
    CHECK(most_in_flight <= 6);
    CHECK(workers.size() > 1);  // the work was shared
}

TEST_CASE("in-order pool: job objects come back to be refilled", "[pool]") {
    InOrderPool<std::vector<int>, int> pool(
        2, 2, [](std::vector<int>& job) { return static_cast<int>(job.size()); }, [](int&&) {});
    CHECK_FALSE(pool.spare());  // nothing done yet
    std::vector<int> big(1000, 1);
    pool.submit(std::move(big));
    pool.finish();
    const auto back = pool.spare();
    REQUIRE(back);
    CHECK(back->capacity() >= 1000);
    CHECK_FALSE(pool.spare());
}

TEST_CASE("in-order pool: finishing with nothing submitted, or twice, returns", "[pool]") {
    int results = 0;
    InOrderPool<int, int> pool(
        3, 1, [](int& j) { return j; }, [&](int&& r) { results += r; });
    pool.finish();
    pool.finish();
    CHECK(results == 0);
}

TEST_CASE("in-order pool: with no worker thread the jobs are done in turn by the submitter", "[pool]") {
    // What happens when no thread can be started (a pids or memory limit): the same results, in order.
    std::vector<int> delivered;
    InOrderPool<int, int> pool(
        0, 4, [](int& j) { return j * 2; }, [&](int&& r) { delivered.push_back(r); });
    for (int i = 0; i < 10; ++i) pool.submit(int{i});
    pool.finish();
    REQUIRE(delivered.size() == 10);
    for (int i = 0; i < 10; ++i) CHECK(delivered[static_cast<std::size_t>(i)] == 2 * i);
    CHECK(pool.spare());
}
