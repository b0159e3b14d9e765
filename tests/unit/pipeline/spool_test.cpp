// SpoolFile: what a worker renders ahead comes back whole, joined by commas, across 1 MiB blocks; an
// unwritable temporary file is reported, never silently shortens the report.
#include <catch2/catch.hpp>

#include <sstream>
#include <streambuf>

#include "pipeline/spool.hpp"
#include "support/full_disk.hpp"

using perf_check::pipeline::SpoolBlocks;
using perf_check::pipeline::SpoolFile;

namespace {

std::string read_all(std::istream* in) {
    REQUIRE(in != nullptr);
    std::ostringstream out;
    out << in->rdbuf();
    return out.str();
}

}  // namespace

TEST_CASE("a spool under one block stays in memory and gives back its runs joined by commas", "[spool]") {
    int opened = 0;
    SpoolFile spool([&] {
        ++opened;
        return std::make_unique<std::stringstream>(std::ios::in | std::ios::out | std::ios::binary);
    });
    spool.add("\n    {\"a\": 1}");
    spool.add("");  // a project without findings adds nothing, not an empty element
    spool.add("\n    2,\n    3");
    CHECK_FALSE(spool.failed());
    CHECK(read_all(spool.rewound()) == "\n    {\"a\": 1},\n    2,\n    3");
    CHECK(opened == 0);  // no temporary file (nor its descriptor) for a small file's findings
}

TEST_CASE("a spool with nothing added opens no file and gives nothing back", "[spool]") {
    int opened = 0;
    SpoolFile spool([&] {
        ++opened;
        return std::make_unique<std::stringstream>();
    });
    spool.add("");
    CHECK_FALSE(spool.failed());
    CHECK(spool.rewound() == nullptr);
    CHECK(opened == 0);
}

TEST_CASE("a spool keeps every byte across several blocks", "[spool]") {
    SpoolFile spool;  // a real unlinked temporary file
    std::string expected;
    for (int i = 0; i < 3000; ++i) {
        const std::string run = std::string(1000, static_cast<char>('a' + i % 26)) + std::to_string(i);
        if (!expected.empty()) expected += ',';
        expected += run;
        spool.add(run);
    }
    REQUIRE(expected.size() > 2u << 20);
    CHECK_FALSE(spool.failed());
    CHECK(read_all(spool.rewound()) == expected);
}

TEST_CASE("a spool that cannot be written says so", "[spool]") {
    perf_check::test::FullDisk full(0);  // every write fails
    SpoolFile spool([&] { return std::make_unique<std::iostream>(&full); });
    const std::string run(600 * 1024, 'x');
    spool.add(run);
    CHECK_FALSE(spool.failed());  // still in memory
    spool.add(run);               // past one block: spilled, and the write fails
    CHECK(spool.failed());
}

TEST_CASE("a restarted spool gives back only what was added after, and keeps a failure", "[spool]") {
    // The collector writes out what a file spooled before its turn came, then restarts the spool: the
    // file's end must not write it again.
    SpoolFile spool;
    spool.add("1");
    spool.add("2");
    CHECK(spool.any());
    CHECK(read_all(spool.rewound()) == "1,2");
    spool.restart();
    CHECK_FALSE(spool.any());
    CHECK(spool.rewound() == nullptr);
    spool.add("3");
    CHECK(read_all(spool.rewound()) == "3");
    // Spilled blocks go too; a block that could not be written is still reported after a restart.
    perf_check::test::FullDisk full(0);  // every write fails
    SpoolFile failing([&] { return std::make_unique<std::iostream>(&full); });
    failing.add(std::string(SpoolFile::k_block, 'x'));
    CHECK(failing.failed());
    failing.restart();
    CHECK(failing.failed());
}

TEST_CASE("a spool's block is kept for the next spool", "[spool]") {
    // Each file's spool took a new megabyte, page by page; the next file's spool now takes a kept one.
    auto& blocks = SpoolBlocks::shared();
    while (blocks.kept() > 0) (void)blocks.take();
    {
        SpoolFile spool;
        spool.add("a");
        CHECK(blocks.kept() == 0);
    }
    REQUIRE(blocks.kept() == 1);
    {
        SpoolFile spool;
        spool.add("b");
        CHECK(blocks.kept() == 0);  // taken
        CHECK(read_all(spool.rewound()) == "b");
    }
    CHECK(blocks.kept() == 1);
    // A block too small to be worth keeping is not kept.
    blocks.give(std::string("small"), SpoolFile::k_block);
    CHECK(blocks.kept() == 1);
}
