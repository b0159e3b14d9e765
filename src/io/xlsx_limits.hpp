// The limits that protect the machine from hostile .xlsx files (zip bombs, huge parts), in one place.
#pragma once

#include <cstddef>
#include <cstdint>

namespace perf_check::io::xlsx_limits {

// Every limit below is checked before the bytes it guards are read or allocated, and each gives an
// Error naming the file and the part. Real target tables are far below all of them: the seed
// workbook is 9 KB, and a 94-department batch of tables is a few MB.

/// Sum of the declared uncompressed sizes of all entries in the archive (checked at open). The default
/// of ReadLimits::max_xlsx_bytes, which `--limit xlsx-bytes=` sets for users with bigger workbooks.
constexpr std::uint64_t k_max_total_uncompressed = std::uint64_t{1} << 30;  // 1 GiB
/// Entries larger than this must not expand more than k_max_ratio times their compressed size.
constexpr std::uint64_t k_ratio_min_size = std::uint64_t{1} << 20;  // 1 MiB
/// Uncompressed : compressed. Excel's XML compresses 10–30 : 1; a run of zeros reaches 1000 : 1.
constexpr std::uint64_t k_max_ratio = 200;
/// xl/sharedStrings.xml is held in memory (every string, for the whole read).
constexpr std::uint64_t k_max_shared_strings_bytes = std::uint64_t{256} << 20;  // 256 MiB
/// Small parts read whole: workbook.xml, the .rels files, styles.xml.
constexpr std::uint64_t k_max_small_part_bytes = std::uint64_t{64} << 20;  // 64 MiB
/// <mergeCell> ranges of one sheet (16 bytes each in memory).
constexpr std::uint64_t k_max_merged_ranges = 1'000'000;
/// Cells of one sheet written from a merged range's anchor (filling costs a copy each).
constexpr std::uint64_t k_max_filled_cells = 50'000'000;
/// Decoded text of one row, after shared strings and merged ranges are expanded.
constexpr std::uint64_t k_max_row_bytes = std::uint64_t{64} << 20;  // 64 MiB
/// Decoded text yielded from one sheet in total (shared strings make 10 bytes of XML say 4 MiB).
constexpr std::uint64_t k_max_sheet_text_bytes = std::uint64_t{1} << 30;  // 1 GiB
/// Excel's own grid: 1,048,576 rows × 16,384 columns (XFD).
constexpr std::int64_t k_max_rows = 1'048'576;
constexpr std::int64_t k_max_columns = 16'384;
/// Bytes handed to the XML parser at a time.
constexpr std::size_t k_chunk_bytes = std::size_t{64} * 1024;

}  // namespace perf_check::io::xlsx_limits
