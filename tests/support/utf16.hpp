// `utf8` as UTF-16 with its byte-order mark: what Excel's "Unicode 文本" writes (tests of the UTF-16 reading).
#pragma once

#include <string>

#include "io/encoding.hpp"
#include "util/text.hpp"

namespace perf_check::test {

inline std::string to_utf16(const std::string& utf8, io::Utf16 order) {
    std::string out;
    const auto unit = [&](unsigned u) {
        out += static_cast<char>(order == io::Utf16::le ? u & 0xFF : u >> 8);
        out += static_cast<char>(order == io::Utf16::le ? u >> 8 : u & 0xFF);
    };
    unit(0xFEFF);
    for (std::size_t pos = 0; pos < utf8.size();) {
        const char32_t cp = util::next_code_point(utf8, pos);
        if (cp >= 0x10000) {
            unit(static_cast<unsigned>(0xD800 + ((cp - 0x10000) >> 10)));
            unit(static_cast<unsigned>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
        } else {
            unit(static_cast<unsigned>(cp));
        }
    }
    return out;
}

}  // namespace perf_check::test
