// libFuzzer target: the canonical JSON model reader (perf-check convert --to json, read back).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <sstream>

#include "fuzz_common.hpp"
#include "io/json_model.hpp"

using namespace perf_check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const RuleSet& rules = config::default_rule_set();
    auto in = std::make_unique<std::istringstream>(fuzz::as_string(data, size));
    auto source = io::open_json_model(std::move(in), "fuzz.json", rules);
    if (source) fuzz::drain(**source);
    return 0;
}
