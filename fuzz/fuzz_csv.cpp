// libFuzzer target: CSV/TSV text through encoding detection, delimiter sniffing and table assembly.
#include <cstddef>
#include <cstdint>

#include "fuzz_common.hpp"
#include "io/open_table.hpp"

using namespace perf_check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const RuleSet& rules = config::default_rule_set();
    io::ReadOptions options;  // encoding detected, as for a file given without --encoding
    auto source = io::open_csv_text(fuzz::as_string(data, size), "fuzz.csv", options, rules);
    if (source) fuzz::drain(**source);
    return 0;
}
