// Array elements rendered ahead by a worker, kept in a temporary file until its file's turn.
#pragma once

#include <functional>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <utility>

#include "util/temp_stream.hpp"

namespace perf_check::pipeline {

/// A run of array elements (a JSON report's findings, say) rendered ahead, joined by ',' and kept until
/// the file's turn: in memory while under 1 MiB (most files: no file descriptor held by a file that
/// waits), beyond that spilled in 1 MiB blocks to an unlinked temporary file. Memory stays flat however
/// far ahead of the output a worker runs, and no page of it is made by one thread and freed by another.
class SpoolFile {
public:
    using Open = std::function<std::unique_ptr<std::iostream>()>;
    /// `open` makes the temporary stream, when the first block is spilled.
    explicit SpoolFile(Open open = util::temporary_stream) : m_open(std::move(open)) {}

    void add(const std::string& elements) {
        if (elements.empty()) return;
        if (m_any) m_pending += ',';
        m_any = true;
        m_pending += elements;
        if (m_pending.size() >= k_block) spill();
    }
    /// Writes out what is pending once blocks are being spilled; true if any block could not be
    /// written (a full or unwritable $TMPDIR): the file's report would be incomplete, so the run must
    /// say so rather than drop it.
    [[nodiscard]] bool failed() {
        if (m_file) spill();
        return m_failed;
    }
    /// Everything added, rewound for reading; nullptr when nothing was.
    std::istream* rewound() {
        if (!m_any) return nullptr;
        if (!m_file) {
            m_memory = std::make_unique<std::istringstream>(std::move(m_pending));
            return m_memory.get();
        }
        spill();
        m_file->seekg(0);
        return m_file.get();
    }

private:
    static constexpr std::size_t k_block = 1 << 20;
    void spill() {
        if (m_pending.empty()) return;
        if (!m_file) m_file = m_open();
        m_file->write(m_pending.data(), static_cast<std::streamsize>(m_pending.size()));
        if (!m_file->flush()) m_failed = true;
        m_pending.clear();
    }
    Open m_open;
    std::unique_ptr<std::iostream> m_file;
    std::unique_ptr<std::istringstream> m_memory;
    std::string m_pending;
    bool m_any = false;
    bool m_failed = false;
};

}  // namespace perf_check::pipeline
