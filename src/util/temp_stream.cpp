// Temporary streams: mkstemp for a unique name, unlinked at once so nothing is left behind on a crash.
#include "util/temp_stream.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace perf_check::util {

std::unique_ptr<std::iostream> temporary_stream() {
    const char* dir = std::getenv("TMPDIR");
    std::string path = std::string(dir && *dir ? dir : "/tmp") + "/perf-check-XXXXXX";
    const int fd = mkstemp(path.data());
    if (fd >= 0) {
        auto file = std::make_unique<std::fstream>(path, std::ios::in | std::ios::out | std::ios::binary | std::ios::trunc);
        close(fd);
        unlink(path.c_str());
        if (*file) return file;
    }
    return std::make_unique<std::stringstream>(std::ios::in | std::ios::out | std::ios::binary);
}

void SpillBuffer::append(std::string_view bytes) {
    m_memory.append(bytes);
    if (m_memory.size() < m_limit || m_file_full) return;
    if (!m_file) m_file = m_open();
    m_file->write(m_memory.data(), static_cast<std::streamsize>(m_memory.size()));
    if (!m_file->flush()) {
        // Part of this block may be in the file, but only whole blocks are read back: this one stays
        // in memory with everything after it.
        m_file_full = true;
        return;
    }
    m_file_bytes += m_memory.size();
    m_memory.clear();
}

std::streamsize detail::SpillStreamBuf::xsputn(const char* s, std::streamsize n) {
    m_to.append(std::string_view(s, static_cast<std::size_t>(n)));
    return n;
}

detail::SpillStreamBuf::int_type detail::SpillStreamBuf::overflow(int_type c) {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    const char ch = traits_type::to_char_type(c);
    m_to.append(std::string_view(&ch, 1));
    return c;
}

void SpillBuffer::clear() {
    m_memory.clear();
    m_file.reset();
    m_file_bytes = 0;
    m_file_full = false;
}

template <typename Sink>
bool SpillBuffer::drain(Sink sink) {
    bool ok = true;
    if (m_file_bytes > 0) {
        m_file->clear();  // a failed last write leaves the stream failed; what it took before is intact
        m_file->seekg(0);
        char block[1 << 16];
        std::size_t left = m_file_bytes;
        while (left > 0 &&
               m_file->read(block, static_cast<std::streamsize>(std::min(left, sizeof block))).gcount() > 0) {
            const auto got = static_cast<std::size_t>(m_file->gcount());
            sink(std::string_view(block, got));
            left -= got;
        }
        ok = left == 0;
    }
    sink(std::string_view(m_memory));
    // The next wait gets a new file: big waits are rare enough that one mkstemp each costs nothing, and
    // no stale bytes can be read back.
    clear();
    return ok;
}

bool SpillBuffer::drain_to(std::ostream& out) {
    return drain([&](std::string_view bytes) { out.write(bytes.data(), static_cast<std::streamsize>(bytes.size())); });
}

bool SpillBuffer::drain_into(SpillBuffer& to) {
    return drain([&](std::string_view bytes) { to.append(bytes); });
}

}  // namespace perf_check::util
