// Reading entries of a zip archive (libzip) in bounded chunks, refusing sizes and ratios that signal a zip bomb.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "io/xlsx_limits.hpp"
#include "perf_check/expected.hpp"

struct zip;
struct zip_file;

namespace perf_check::io {

/// One entry opened for reading. read() never yields more bytes than the entry declared in the
/// central directory (an entry that inflates beyond its declared size is an Error), so the size
/// checked before opening is the size read.
class ZipEntryStream {
public:
    ~ZipEntryStream();
    ZipEntryStream(const ZipEntryStream&) = delete;
    ZipEntryStream& operator=(const ZipEntryStream&) = delete;

    /// Reads up to `n` bytes into `buf`; 0 at the end of the entry; an Error (naming the file and the
    /// part) for corrupt data, a CRC mismatch or more data than declared.
    Expected<std::size_t> read(char* buf, std::size_t n);
    [[nodiscard]] const std::string& part() const { return m_part; }
    [[nodiscard]] std::uint64_t declared_size() const { return m_declared; }

private:
    friend class ZipArchive;
    ZipEntryStream(zip_file* file, std::string path, std::string part, std::uint64_t declared);
    zip_file* m_file;
    std::string m_path;
    std::string m_part;
    std::uint64_t m_declared;
    std::uint64_t m_read = 0;
};

/// A zip archive open for reading. Opening checks the total declared uncompressed size
/// (xlsx_limits::k_max_total_uncompressed); opening an entry checks its size against the caller's
/// limit and its compression ratio (xlsx_limits::k_max_ratio for entries over k_ratio_min_size).
/// Not thread-safe: one archive, one thread (entries of it may be open at the same time).
class ZipArchive {
public:
    /// Opens `path`. A file that is not a zip, or a truncated/damaged one, is an Error naming it.
    /// `max_total` bounds the sum of the entries' declared sizes (--limit xlsx-bytes).
    static Expected<std::unique_ptr<ZipArchive>> open(const std::string& path,
                                                      std::uint64_t max_total = xlsx_limits::k_max_total_uncompressed);
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    /// True when the archive holds an entry named `part` (exact name, else ASCII case-insensitive).
    [[nodiscard]] bool has(const std::string& part) const;
    /// The uncompressed size entry `part` declares in the central directory (nothing is read or
    /// checked), or nullopt when there is no such entry.
    [[nodiscard]] std::optional<std::uint64_t> declared_size(const std::string& part) const;
    /// Opens entry `part` for streaming if its declared size is at most `max_bytes` and its ratio is
    /// sane. A missing entry is an Error saying which part is missing.
    Expected<std::unique_ptr<ZipEntryStream>> open_entry(const std::string& part, std::uint64_t max_bytes) const;

    [[nodiscard]] const std::string& path() const { return m_path; }

private:
    ZipArchive(zip* archive, std::string path) : m_zip(archive), m_path(std::move(path)) {}
    zip* m_zip;
    std::string m_path;
};

/// "1.5 MB", "300 KB", "12 bytes": sizes in messages.
std::string human_size(std::uint64_t bytes);

}  // namespace perf_check::io
