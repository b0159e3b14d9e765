// A temporary file or report output on a disk that fills up: what tests of "nothing is lost when the
// disk is full" write to.
#pragma once

#include <algorithm>
#include <cstddef>
#include <iostream>
#include <sstream>

namespace perf_check::test {

/// Takes the first `capacity` bytes written and refuses the rest (0: every write fails); reads give
/// back what it took.
class FullDisk final : public std::stringbuf {
public:
    explicit FullDisk(std::size_t capacity) : m_capacity(capacity) {}

protected:
    std::streamsize xsputn(const char* s, std::streamsize n) override {
        const auto room = static_cast<std::streamsize>(m_capacity) - static_cast<std::streamsize>(str().size());
        return std::stringbuf::xsputn(s, std::max<std::streamsize>(0, std::min(n, room)));
    }
    int_type overflow(int_type c) override {
        return str().size() >= m_capacity ? traits_type::eof() : std::stringbuf::overflow(c);
    }

private:
    std::size_t m_capacity;
};

/// A read/write stream on a FullDisk of its own (what SpillBuffer's `open` returns in tests).
struct FullDiskStream final : std::iostream {
    explicit FullDiskStream(std::size_t capacity) : std::iostream(nullptr), buf(capacity) { rdbuf(&buf); }
    FullDisk buf;
};

}  // namespace perf_check::test
