// Array elements rendered ahead by a worker, kept in a temporary file until its file's turn.
#pragma once

#include <functional>
#include <iostream>
#include <memory>
#include <mutex>
#include <streambuf>
#include <string>
#include <utility>
#include <vector>

#include "util/temp_stream.hpp"

namespace perf_check::pipeline {

/// Spools' pending blocks, kept for the next spool once one is done with its own. A block of a megabyte
/// made for every file's spool and freed at its end was, page by page, most of a `-j 2` batch's page
/// faults; a kept block has its pages. At most `k_kept` are kept (a few megabytes).
class SpoolBlocks {
public:
    static SpoolBlocks& shared() {
        static SpoolBlocks blocks;
        return blocks;
    }
    /// A kept block, empty; an empty string with no room when none is kept.
    std::string take() {
        const std::lock_guard lock(m_mutex);
        if (m_blocks.empty()) return {};
        std::string block = std::move(m_blocks.back());
        m_blocks.pop_back();
        return block;
    }
    /// Keeps `block` (emptied) when it has a block's room and fewer than k_kept are kept.
    void give(std::string&& block, std::size_t room) {
        if (block.capacity() < room) return;
        block.clear();
        const std::lock_guard lock(m_mutex);
        if (m_blocks.size() < k_kept) m_blocks.push_back(std::move(block));
    }
    [[nodiscard]] std::size_t kept() {
        const std::lock_guard lock(m_mutex);
        return m_blocks.size();
    }

private:
    static constexpr std::size_t k_kept = 8;
    std::mutex m_mutex;
    std::vector<std::string> m_blocks;
};

/// A run of array elements (a JSON report's findings, say) rendered ahead, joined by ',' and kept until
/// the file's turn: in memory while under 1 MiB (most files: no file descriptor held by a file that
/// waits), beyond that spilled in 1 MiB blocks to an unlinked temporary file. Memory stays flat however
/// far ahead of the output a worker runs. The pending block comes from, and goes back to, SpoolBlocks.
class SpoolFile {
public:
    using Open = std::function<std::unique_ptr<std::iostream>()>;
    static constexpr std::size_t k_block = 1 << 20;
    /// `open` makes the temporary stream, when the first block is spilled.
    explicit SpoolFile(Open open = util::temporary_stream) : m_open(std::move(open)) {}
    SpoolFile(SpoolFile&&) noexcept = default;
    SpoolFile& operator=(SpoolFile&&) noexcept = default;
    SpoolFile(const SpoolFile&) = delete;
    SpoolFile& operator=(const SpoolFile&) = delete;
    ~SpoolFile() { SpoolBlocks::shared().give(std::move(m_pending), k_block); }

    void add(const std::string& elements) {
        if (elements.empty()) return;
        if (m_any) {
            m_pending += ',';
        } else if (m_pending.capacity() < k_block) {
            // A kept block, or a new one of its full room at once: grown by doubling, it was made
            // five times over, each time copied and its new pages faulted in.
            m_pending = SpoolBlocks::shared().take();
            m_pending.reserve(k_block + k_block / 2);
        }
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
    /// Whether anything has been added since the start (or the last restart()).
    [[nodiscard]] bool any() const { return m_any; }
    /// Drops what was added, once the caller has written out what rewound() gave, so that what is added
    /// next comes back alone. A block that could not be written stays failed().
    void restart() {
        m_file.reset();
        m_memory.reset();
        m_pending.clear();
        m_any = false;
    }
    /// Everything added, rewound for reading; nullptr when nothing was. Valid until the next call of
    /// add() or restart().
    std::istream* rewound() {
        if (!m_any) return nullptr;
        if (!m_file) {
            m_memory = std::make_unique<Memory>(m_pending);
            return &m_memory->in;
        }
        spill();
        m_file->seekg(0);
        return m_file.get();
    }

private:
    // Reads a string in place (an istringstream would take it, and its block with it).
    class View final : public std::streambuf {
    public:
        explicit View(std::string& s) { setg(s.data(), s.data(), s.data() + s.size()); }
    };
    struct Memory {
        explicit Memory(std::string& s) : view(s) {}
        View view;
        std::istream in{&view};
    };
    void spill() {
        if (m_pending.empty()) return;
        if (!m_file) m_file = m_open();
        m_file->write(m_pending.data(), static_cast<std::streamsize>(m_pending.size()));
        if (!m_file->flush()) m_failed = true;
        m_pending.clear();
    }
    Open m_open;
    std::unique_ptr<std::iostream> m_file;
    std::unique_ptr<Memory> m_memory;
    std::string m_pending;
    bool m_any = false;
    bool m_failed = false;
};

}  // namespace perf_check::pipeline
