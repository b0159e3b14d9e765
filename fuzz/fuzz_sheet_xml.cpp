// libFuzzer target: the fast worksheet reader (SheetScanner) held against expat on the same bytes.
// Whatever the input, the fast reader must either read it to the end with exactly expat's events (and
// expat must accept it), or give up after events that begin expat's; and it must not crash, hang or
// read out of bounds, whatever the read sizes. The first input byte picks the read size, so that token
// boundaries fall everywhere.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "../tests/support/xml_events.hpp"

using namespace perf_check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::size_t chunk = 1 + data[0] % 97;
    const std::string_view xml(reinterpret_cast<const char*>(data + 1), size - 1);
    const auto slow = test::expat_events(xml);
    for (const std::size_t reads : {chunk, std::size_t{65536}}) {
        const auto fast = test::scan_events(xml, reads, (data[0] & 0x80) != 0);
        const std::string why = test::disagreement(xml, fast, slow);
        if (!why.empty()) {
            std::fprintf(stderr, "fast sheet reader and expat disagree (reads of %zu bytes): %s\n", reads, why.c_str());
            std::abort();
        }
    }
    return 0;
}
