// RFC 4180 CSV/TSV reading in chunks: quoted fields with newlines, CRLF/LF/CR, any supported encoding.
#pragma once

#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "io/encoding.hpp"
#include "io/row_source.hpp"

namespace perf_check::io {

/// Guesses the delimiter from the start of the stream (tab when tabs outnumber commas outside quotes
/// on the first non-empty line), then rewinds.
char sniff_delimiter(std::istream& in);

/// Reads records from `in` (owned; already checked to be in `encoding`, or checked by `check` as it is
/// read), as UTF-8: a GB18030 stream is read through gb18030_as_utf8, so cells and `limits` are
/// counted in UTF-8 bytes. Holds one record and a fixed-size buffer at a time. Errors: an unterminated
/// quote (naming the line it opened on), a cell or a row beyond `limits`, and the bytes `check` refuses
/// (the records on the lines before theirs are read; the one they are in is this error).
class CsvRowSource final : public RowSource {
public:
    CsvRowSource(std::unique_ptr<std::istream> in, Encoding encoding, char delimiter, std::string file,
                 ReadLimits limits = {}, std::optional<TextCheck> check = std::nullopt);
    Expected<bool> next(RawRow& row) override;
    [[nodiscard]] char separator() const override { return m_delimiter; }
    [[nodiscard]] std::optional<Error> text_error() override;

private:
    Expected<bool> read_record(RawRow& row);
    int get();
    int peek();
    /// Reads the next record when it lies whole in the buffer, unquoted, ended by LF or CR LF and within
    /// the limits (most records); false for any other, the file's position and counts unmoved (the
    /// general way then reads the record, storing again the cells this stored). The reasons to give up
    /// are the general way's reasons to do anything but store a plain cell: a test reads both ways.
    bool plain_record(RawRow& row);
    /// Cell `index` of the row is `bytes`, copied to m_text: the general way's cells. (A cell
    /// plain_record reads is viewed in the buffer instead: it never refills the buffer.)
    void store(RawRow& row, std::size_t index, std::string_view bytes);
    /// The row is whole: its cells written to m_text view them there (m_text no longer grows).
    void view_text(RawRow& row);
    std::unique_ptr<std::istream> m_in;
    ChunkedStream* m_chunks = nullptr;  ///< m_in, when it is decoded text (GB18030, UTF-16): read a chunk at a time
    char m_delimiter;
    std::string m_file;
    ReadLimits m_limits;
    std::string m_buf;
    std::string m_cell;  ///< the cell being read, reused from row to row
    /// The cells of a record the general way reads (unquoted, read across a refill…), one after another;
    /// and which of the row's cells each is, with its end in m_text.
    std::string m_text;
    std::vector<std::pair<std::size_t, std::size_t>> m_text_cells;
    std::size_t m_pos = 0;
    int m_line = 1;
    int m_record = 0;  ///< records read: the row number Excel shows for a CSV
    bool m_first = true;
    std::optional<TextCheck> m_check;  ///< of UTF-8 read as it is (a GB18030 stream checks its own)
    bool m_ended = false;              ///< the reader has come to the end of the text
    std::optional<Error> m_refusal;    ///< … which is this error (m_check's, or the decoding stream's)
};

}  // namespace perf_check::io
