// SpillBuffer: what waits is given back whole and in order, from memory or from its temporary file.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "util/temp_stream.hpp"

using perf_check::util::SpillBuffer;

TEST_CASE("SpillBuffer gives back what was appended, under and over its memory limit, and again after a drain",
          "[util][spill]") {
    SpillBuffer buffer(64);
    CHECK(buffer.empty());
    std::string expected;
    for (int round = 0; round < 3; ++round) {
        // Round 0 stays in memory; rounds 1 and 2 spill several times, ending with bytes still in memory.
        const int pieces = round == 0 ? 3 : 40 * round;
        expected.clear();
        for (int i = 0; i < pieces; ++i) {
            const std::string piece = "第" + std::to_string(i) + "段 row " + std::to_string(round) + "\n";
            buffer.append(piece);
            expected += piece;
        }
        CHECK_FALSE(buffer.empty());
        std::ostringstream out;
        CHECK(buffer.drain_to(out));
        CHECK(out.str() == expected);
        CHECK(buffer.empty());
    }
    buffer.append(std::string(200, 'x'));
    buffer.clear();
    CHECK(buffer.empty());
    std::ostringstream out;
    CHECK(buffer.drain_to(out));
    CHECK(out.str().empty());
}
