// OrderedDelivery: results come out in file order whatever order workers finish in, and what waits for
// an earlier file stays under its bound (a worker past it waits for its turn instead).
#include <catch2/catch.hpp>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "pipeline/ordered_delivery.hpp"

using perf_check::pipeline::OrderedDelivery;

namespace {
struct Log {
    std::vector<std::string> events;
};
using Delivery = OrderedDelivery<std::string, int>;
Delivery make(Log& log, std::size_t files, std::size_t max_waiting) {
    return Delivery(
        files, max_waiting, [&log](std::string&& s) { log.events.push_back(s); },
        [&log](int&& f) { log.events.push_back("end " + std::to_string(f)); }, [](const std::string&) { return 1; });
}
}  // namespace

TEST_CASE("ordered delivery: later files wait for earlier ones, single thread", "[ordered]") {
    Log log;
    auto d = make(log, 3, 100);
    d.add(2, "c1");
    d.add(1, "b1");
    d.add(0, "a1");  // the head: straight through
    CHECK(log.events == std::vector<std::string>{"a1"});
    CHECK(d.waiting_weight() == 2);
    d.finish(2, 2);
    d.add(1, "b2");
    CHECK(log.events == std::vector<std::string>{"a1"});
    d.finish(0, 0);  // file 1 becomes the head: its waiting items go out with its next call
    CHECK(log.events == std::vector<std::string>{"a1", "end 0"});
    d.add(1, "b3");  // the waiting b1, b2, then b3 straight through
    CHECK(log.events == std::vector<std::string>{"a1", "end 0", "b1", "b2", "b3"});
    d.finish(1, 1);  // file 2 was already finished: everything goes out
    CHECK(log.events == std::vector<std::string>{"a1", "end 0", "b1", "b2", "b3", "end 1", "c1", "end 2"});
    CHECK(d.waiting_weight() == 0);
}

TEST_CASE("ordered delivery: a worker past the bound waits for its file's turn", "[ordered]") {
    Log log;
    auto d = make(log, 2, 3);
    std::atomic<int> added{0};
    // File 1's worker adds 10 items while file 0 is still open: only 3 may wait.
    std::thread later([&] {
        for (int i = 0; i < 10; ++i) {
            d.add(1, "b" + std::to_string(i));
            ++added;
        }
        d.finish(1, 1);
    });
    for (int spin = 0; spin < 2000 && added.load() < 3; ++spin) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(added.load() == 3);            // blocked on the fourth
    CHECK(d.waiting_weight() == 3);
    d.add(0, "a0");
    d.finish(0, 0);                      // file 1's turn: the worker goes on, straight through
    later.join();
    std::vector<std::string> expected = {"a0", "end 0"};
    for (int i = 0; i < 10; ++i) expected.push_back("b" + std::to_string(i));
    expected.push_back("end 1");
    CHECK(log.events == expected);
}

TEST_CASE("ordered delivery: many workers, deterministic order", "[ordered]") {
    for (int round = 0; round < 20; ++round) {
        Log log;
        constexpr std::size_t k_files = 12;
        auto d = make(log, k_files, 5);
        std::atomic<std::size_t> next{0};
        std::vector<std::thread> pool;
        for (int t = 0; t < 4; ++t) {
            pool.emplace_back([&] {
                for (std::size_t f = next++; f < k_files; f = next++) {
                    for (int i = 0; i < 7; ++i) d.add(f, std::to_string(f) + "." + std::to_string(i));
                    d.finish(f, static_cast<int>(f));
                }
            });
        }
        for (auto& t : pool) t.join();
        std::vector<std::string> expected;
        for (std::size_t f = 0; f < k_files; ++f) {
            for (int i = 0; i < 7; ++i) expected.push_back(std::to_string(f) + "." + std::to_string(i));
            expected.push_back("end " + std::to_string(f));
        }
        REQUIRE(log.events == expected);
    }
}

TEST_CASE("ordered delivery: queueing for a later file does not wait for the head's delivery", "[ordered]") {
    // The head's callback (writing a report, say) takes its time; a worker on a later file must be
    // able to queue meanwhile. Were both under one lock, the callback below would time out.
    std::mutex m;
    std::condition_variable cv;
    bool delivering = false;
    bool later_queued = false;
    bool saw_later_while_delivering = false;
    std::vector<std::string> events;
    OrderedDelivery<std::string, int> d(
        2, 100,
        [&](std::string&& s) {
            if (s == "a0") {
                std::unique_lock lock(m);
                delivering = true;
                cv.notify_all();
                saw_later_while_delivering = cv.wait_for(lock, std::chrono::seconds(10), [&] { return later_queued; });
            }
            events.push_back(s);
        },
        [&](int&& f) { events.push_back("end " + std::to_string(f)); }, [](const std::string&) { return 1; });
    std::thread head([&] {
        d.add(0, "a0");
        d.finish(0, 0);
    });
    std::thread later([&] {
        {
            // Queue only once the head's delivery is under way.
            std::unique_lock lock(m);
            cv.wait(lock, [&] { return delivering; });
        }
        d.add(1, "b0");
        {
            const std::lock_guard lock(m);
            later_queued = true;
        }
        cv.notify_all();
    });
    head.join();
    later.join();
    d.finish(1, 1);
    CHECK(saw_later_while_delivering);
    CHECK(events == std::vector<std::string>{"a0", "end 0", "b0", "end 1"});
}

TEST_CASE("ordered delivery: a file is the head once every file before it has finished, until its own end",
          "[ordered]") {
    // A worker writes straight through once its file is the head (its add() calls then deliver on its own
    // thread): that must not be said of a file before its turn, nor stop being true before its finish().
    Log log;
    auto d = make(log, 3, 100);
    CHECK(d.is_head(0));
    CHECK_FALSE(d.is_head(1));
    d.add(1, "b1");
    d.finish(2, 2);
    CHECK_FALSE(d.is_head(1));
    CHECK_FALSE(d.is_head(2));
    d.finish(0, 0);
    CHECK(d.is_head(1));  // file 2 finished early, but file 1 is still being read
    CHECK_FALSE(d.is_head(2));
    d.add(1, "b2");
    CHECK(d.is_head(1));
    d.finish(1, 1);  // file 2 had finished: it goes out with file 1, and no file is left
    CHECK_FALSE(d.is_head(1));
    CHECK_FALSE(d.is_head(2));
    CHECK(log.events == std::vector<std::string>{"end 0", "b1", "b2", "end 1", "end 2"});
}
