// Threads under `ulimit -v`: no more than the address-space limit has room for.
#include <catch2/catch.hpp>

#include <optional>

#include "util/address_limit.hpp"

using perf_check::util::k_address_space_per_thread;
using perf_check::util::threads_within;

TEST_CASE("threads_within gives what was asked without a limit, and one per 128 MiB beyond the first under one",
          "[util][threads]") {
    CHECK(threads_within(std::nullopt, 2) == 2);
    CHECK(threads_within(std::nullopt, 64) == 64);
    constexpr std::size_t kib = 1024;
    // `ulimit -v 100000` (KiB): room for none besides main's, so no thread at all.
    CHECK(threads_within(100000 * kib, 2) == 1);
    CHECK(threads_within(200000 * kib, 4) == 1);
    // 400,000 KiB is three shares: two threads (measured: -j 2 at full speed there).
    CHECK(threads_within(400000 * kib, 2) == 2);
    CHECK(threads_within(400000 * kib, 8) == 2);
    CHECK(threads_within(3 * k_address_space_per_thread - 1, 8) == 1);
    CHECK(threads_within(3 * k_address_space_per_thread, 8) == 2);
    // A generous limit never raises -j.
    CHECK(threads_within(std::size_t{64} << 30, 3) == 3);
    CHECK(threads_within(std::size_t{64} << 30, 0) == 1);
    CHECK(threads_within(0, 2) == 1);
}
