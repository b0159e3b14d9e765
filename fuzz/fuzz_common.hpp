// Shared helpers of the libFuzzer targets: the default rule set and draining a ProjectSource.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "config/rule_set_loader.hpp"
#include "perf_check/reader.hpp"

namespace perf_check::fuzz {

/// Reads every project of `source` until the end or the first Error, touching each one so that the
/// sanitizers see every field the reader filled. Bounded: a reader that yields forever is a bug the
/// fuzzer must report (as a timeout), not hide.
inline void drain(ProjectSource& source) {
    (void)source.table();
    Project project;
    for (;;) {
        auto more = source.next(project);
        if (!more || !*more) return;
        // Reading the sizes walks the vectors the reader built; ASan reports a use of freed memory here.
        volatile std::size_t n = project.indicators.size();
        (void)n;
    }
}

/// The input as a string (readers take text, not spans).
inline std::string as_string(const std::uint8_t* data, std::size_t size) {
    return std::string(reinterpret_cast<const char*>(data), size);
}

}  // namespace perf_check::fuzz
