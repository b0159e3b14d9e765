// Scratch space for output that must wait (a streamed report's second array): a temporary file that
// disappears when closed, or memory when no temporary file can be made.
#pragma once

#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>

namespace perf_check::util {

/// A read/write stream on an already-unlinked file in $TMPDIR (or /tmp); an in-memory stream if that fails.
std::unique_ptr<std::iostream> temporary_stream();

/// Text that must wait for what goes before it (a file's findings, written after the file's line that
/// counts its projects): kept in memory up to `limit` bytes, beyond that in a temporary_stream(), so
/// memory stays flat however much waits. Most waits are short and never touch a file.
class SpillBuffer {
public:
    explicit SpillBuffer(std::size_t limit = std::size_t{1} << 20) : m_limit(limit) {}
    void append(std::string_view bytes);
    [[nodiscard]] bool empty() const { return m_memory.empty() && !m_spilled; }
    /// Writes everything appended to `out`, in order, and starts empty again. False when the temporary
    /// file failed (a full $TMPDIR): what was spilled is then incomplete, and the caller must say so.
    bool drain_to(std::ostream& out);
    /// The same, appending to another buffer (which spills in its turn).
    bool drain_into(SpillBuffer& to);
    /// Drops everything appended.
    void clear();

private:
    template <typename Sink>
    bool drain(Sink sink);
    std::size_t m_limit;
    std::string m_memory;
    std::unique_ptr<std::iostream> m_file;
    bool m_spilled = false;
    bool m_failed = false;
};

}  // namespace perf_check::util
