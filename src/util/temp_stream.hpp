// Scratch space for output that must wait (a streamed report's second array): a temporary file that
// disappears when closed, or memory when no temporary file can be made.
#pragma once

#include <functional>
#include <istream>
#include <memory>
#include <ostream>
#include <streambuf>
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
    using Open = std::function<std::unique_ptr<std::iostream>()>;
    /// `open` makes the temporary file when the first block is spilled (tests give one that fills up).
    explicit SpillBuffer(std::size_t limit = std::size_t{1} << 20, Open open = temporary_stream)
        : m_limit(limit), m_open(std::move(open)) {}
    void append(std::string_view bytes);
    [[nodiscard]] bool empty() const { return m_memory.empty() && m_file_bytes == 0; }
    /// Writes everything appended to `out`, in order, and starts empty again. If the temporary file
    /// cannot take more (a full $TMPDIR), what it could not take stays in memory: nothing is lost, memory
    /// grows from there. False only when what the file took cannot be read back; the caller must say so.
    bool drain_to(std::ostream& out);
    /// The same, appending to another buffer (which spills in its turn).
    bool drain_into(SpillBuffer& to);
    /// Drops everything appended.
    void clear();

private:
    template <typename Sink>
    bool drain(Sink sink);
    std::size_t m_limit;
    Open m_open;
    std::string m_memory;
    std::unique_ptr<std::iostream> m_file;
    std::size_t m_file_bytes = 0;  ///< bytes the file has taken (each block written and flushed whole)
    bool m_file_full = false;      ///< the file failed: keep the rest in memory
};

namespace detail {
/// SpillStream's buffer: every write appended to the SpillBuffer (a base class, so that it is made
/// before the std::ostream that refers to it).
class SpillStreamBuf : public std::streambuf {
public:
    explicit SpillStreamBuf(SpillBuffer& to) : m_to(to) {}

protected:
    std::streamsize xsputn(const char* s, std::streamsize n) override;
    int_type overflow(int_type c) override;

private:
    SpillBuffer& m_to;
};
}  // namespace detail

/// An output stream whose writes go to a SpillBuffer: what a writer made for streams (a JSON writer)
/// spools through it, and nothing is lost when the temporary file fills up.
class SpillStream final : private detail::SpillStreamBuf, public std::ostream {
public:
    explicit SpillStream(SpillBuffer& to) : detail::SpillStreamBuf(to), std::ostream(this) {}
};

}  // namespace perf_check::util
