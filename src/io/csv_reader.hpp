// RFC 4180 CSV/TSV reading in chunks: quoted fields with newlines, CRLF/LF/CR, any supported encoding.
#pragma once

#include <istream>
#include <memory>
#include <string>

#include "io/encoding.hpp"
#include "io/row_source.hpp"

namespace perf_check::io {

/// Guesses the delimiter from the start of the stream (tab when tabs outnumber commas outside quotes
/// on the first non-empty line), then rewinds.
char sniff_delimiter(std::istream& in);

/// Reads records from `in` (owned; already checked to be in `encoding`), decoding cells to UTF-8. Holds one
/// record and a fixed-size buffer at a time. Errors: an unterminated quote (naming the line it opened
/// on), a cell or a row beyond `limits`.
class CsvRowSource final : public RowSource {
public:
    CsvRowSource(std::unique_ptr<std::istream> in, Encoding encoding, char delimiter, std::string file, ReadLimits limits = {});
    Expected<bool> next(RawRow& row) override;
    [[nodiscard]] char separator() const override { return m_delimiter; }

private:
    int get();
    int peek();
    /// Reads the next record when it lies whole in the buffer, unquoted, ended by LF or CR LF and within
    /// the limits (most records); false for any other, the file's position and counts unmoved (the
    /// general way then reads the record, storing again the cells this stored). The reasons to give up
    /// are the general way's reasons to do anything but store a plain cell: a test reads both ways.
    bool plain_record(RawRow& row);
    void store(RawRow& row, std::size_t& used, std::string_view bytes) const;
    std::unique_ptr<std::istream> m_in;
    Encoding m_encoding;
    char m_delimiter;
    std::string m_file;
    ReadLimits m_limits;
    std::string m_buf;
    std::string m_cell;  ///< the cell being read, reused from row to row
    std::size_t m_pos = 0;
    int m_line = 1;
    int m_record = 0;  ///< records read: the row number Excel shows for a CSV
    bool m_first = true;
};

}  // namespace perf_check::io
