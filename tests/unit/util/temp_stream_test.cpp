// SpillBuffer: what waits is given back whole and in order, from memory or from its temporary file.
#include <catch2/catch.hpp>

#include <memory>
#include <sstream>
#include <string>

#include "support/full_disk.hpp"
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

using perf_check::test::FullDiskStream;

TEST_CASE("SpillBuffer loses nothing when its temporary file fills up: the rest stays in memory", "[util][spill]") {
    // Blocks of 64 bytes; the "disk" takes 150 bytes: two whole blocks and part of a third.
    SpillBuffer buffer(64, [] { return std::make_unique<FullDiskStream>(150); });
    std::string expected;
    for (int i = 0; i < 100; ++i) {
        const std::string piece = "第" + std::to_string(i) + "行 finding text\n";
        buffer.append(piece);
        expected += piece;
    }
    std::ostringstream out;
    CHECK(buffer.drain_to(out));
    CHECK(out.str() == expected);
}

TEST_CASE("SpillStream hands every write to its SpillBuffer, in order, whatever the stream's own calls",
          "[util][spill]") {
    // A full disk too: what is written through the stream is kept like what is appended.
    SpillBuffer buffer(64, [] { return std::make_unique<FullDiskStream>(100); });
    perf_check::util::SpillStream stream(buffer);
    std::string expected;
    for (int i = 0; i < 50; ++i) {
        const std::string piece = "第" + std::to_string(i) + "条 finding\n";
        stream << piece;                     // xsputn
        stream.put(i % 2 == 0 ? '{' : '}');  // overflow: the stream has no buffer of its own
        expected += piece + (i % 2 == 0 ? "{" : "}");
    }
    CHECK(stream.good());
    std::ostringstream out;
    CHECK(buffer.drain_to(out));
    CHECK(out.str() == expected);
}
