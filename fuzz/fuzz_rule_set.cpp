// libFuzzer target: loading a YAML rule set (unknown keys, bad values, extends: default, rule parameters).
#include <cstddef>
#include <cstdint>

#include "fuzz_common.hpp"

using namespace perf_check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    (void)config::default_rule_set();  // loaded once, outside what the input controls
    auto loaded = config::load_rule_set_text(fuzz::as_string(data, size), "fuzz.yaml");
    if (!loaded) (void)loaded.error().render();
    return 0;
}
