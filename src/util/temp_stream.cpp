// Temporary streams: mkstemp for a unique name, unlinked at once so nothing is left behind on a crash.
#include "util/temp_stream.hpp"

#include <unistd.h>

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
    if (m_memory.size() < m_limit) return;
    if (!m_file) m_file = temporary_stream();
    m_file->write(m_memory.data(), static_cast<std::streamsize>(m_memory.size()));
    if (!*m_file) m_failed = true;
    m_spilled = true;
    m_memory.clear();
}

void SpillBuffer::clear() {
    m_memory.clear();
    m_file.reset();
    m_spilled = false;
    m_failed = false;
}

template <typename Sink>
bool SpillBuffer::drain(Sink sink) {
    bool ok = !m_failed;
    if (m_spilled) {
        if (!m_file->flush()) ok = false;
        m_file->seekg(0);
        char block[1 << 16];
        while (m_file->read(block, sizeof block) || m_file->gcount() > 0) {
            sink(std::string_view(block, static_cast<std::size_t>(m_file->gcount())));
        }
        // clear() drops the file: the next wait gets a new one (big waits are rare enough that one
        // mkstemp each costs nothing), and no stale bytes can be read back.
    }
    sink(std::string_view(m_memory));
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
