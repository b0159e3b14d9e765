// CSV record parsing over a buffered stream, decoding each cell from the file's encoding.
#include "io/csv_reader.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "perf_check/model.hpp"

namespace perf_check::io {

namespace {

// Position of the first byte at or after `i` (below `n`) that is one of a, b, c, d; `n` when none is.
// Cells are mostly plain text: sixteen bytes at a time with SSE2 (every x86-64), then byte by byte.
std::size_t find_any_of(const char* data, std::size_t i, std::size_t n, char a, char b, char c, char d) {
#if defined(__SSE2__)
    const __m128i va = _mm_set1_epi8(a);
    const __m128i vb = _mm_set1_epi8(b);
    const __m128i vc = _mm_set1_epi8(c);
    const __m128i vd = _mm_set1_epi8(d);
    for (; i + 16 <= n; i += 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
        const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(x, vb)),
                                         _mm_or_si128(_mm_cmpeq_epi8(x, vc), _mm_cmpeq_epi8(x, vd)));
        const int mask = _mm_movemask_epi8(hit);
        if (mask != 0) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    }
#endif
    for (; i < n; ++i) {
        const char ch = data[i];
        if (ch == a || ch == b || ch == c || ch == d) return i;
    }
    return n;
}

}  // namespace

char sniff_delimiter(std::istream& in) {
    std::array<char, 1 << 16> buf{};
    in.read(buf.data(), buf.size());
    const auto n = static_cast<std::size_t>(in.gcount());
    in.clear();
    in.seekg(0);
    std::size_t commas = 0;
    std::size_t tabs = 0;
    bool quoted = false;
    bool seen_content = false;
    for (std::size_t i = 0; i < n; ++i) {
        const char c = buf[i];
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\n') {
            if (seen_content && (commas || tabs)) break;
            continue;
        }
        if (c == ',') ++commas;
        if (c == '\t') ++tabs;
        if (c != '\r' && c != ' ') seen_content = true;
    }
    return tabs > commas ? '\t' : ',';
}

CsvRowSource::CsvRowSource(std::unique_ptr<std::istream> in, Encoding encoding, char delimiter, std::string file,
                           ReadLimits limits, std::optional<TextCheck> check)
    : m_delimiter(delimiter), m_file(std::move(file)), m_limits(limits) {
    if (encoding == Encoding::gb18030) {
        m_in = gb18030_as_utf8(std::move(in), std::move(check));  // checked as it is decoded
    } else {
        m_in = std::move(in);
        m_check = std::move(check);
    }
    m_chunks = dynamic_cast<ChunkedStream*>(m_in.get());
}

int CsvRowSource::peek() {
    if (m_pos >= m_buf.size()) {
        if (m_chunks != nullptr) {
            m_chunks->take_chunk(m_buf);  // decoded text: taken whole, not copied out of the stream
        } else if (!m_check || !m_check->refused()) {
            m_buf.resize(k_read_block);
            m_in->read(m_buf.data(), static_cast<std::streamsize>(m_buf.size()));
            m_buf.resize(static_cast<std::size_t>(m_in->gcount()));
            // Checked before any of it is parsed, while it is in the cache. Of a block refused, the lines
            // before the one the bad bytes are on are read; there the stream ends, in the check's error.
            if (m_check) {
                if (const auto lines = m_check->pass(m_buf)) m_buf.resize(*lines);
            }
        } else {
            m_buf.clear();
        }
        m_pos = 0;
        if (m_buf.empty()) {
            if (!m_ended) {
                m_ended = true;
                if (m_chunks != nullptr)
                    m_refusal = m_chunks->refusal(m_file);
                else if (m_check)
                    m_refusal = m_check->refusal(*m_in, m_file);
            }
            return -1;
        }
    }
    return static_cast<unsigned char>(m_buf[m_pos]);
}

int CsvRowSource::get() {
    const int c = peek();
    if (c >= 0) ++m_pos;
    return c;
}

void CsvRowSource::store(RawRow& row, std::size_t index, std::string_view bytes) {
    if (index >= row.cells.size()) row.cells.resize(index + 1);
    m_text.append(bytes);
    m_text_cells.emplace_back(index, m_text.size());
}

void CsvRowSource::view_text(RawRow& row) {
    std::size_t begin = 0;
    for (const auto& [cell, end] : m_text_cells) {
        row.cells[cell] = std::string_view(m_text).substr(begin, end - begin);
        begin = end;
    }
}

bool CsvRowSource::plain_record(RawRow& row) {
#if defined(__SSE2__)
    // The delimiters, quotes and line ends of sixteen bytes at a time as a bit mask, each cut in turn: a
    // cell costs a few instructions instead of a scan of its own (a table's cells average ten bytes).
    // Cells stored before a reason to give up are stored again by the general way.
    const char* data = m_buf.data();
    const std::size_t n = m_buf.size();
    const __m128i delimiter = _mm_set1_epi8(m_delimiter);
    const __m128i lf = _mm_set1_epi8('\n');
    const __m128i cr = _mm_set1_epi8('\r');
    const __m128i quote = _mm_set1_epi8('"');
    // The leads of what folding rewrites (util::is_fold_lead: C2, E3, EF) as a second mask: a cell
    // without one is noted in row.plain, and assembly copies it without a scan of its own.
    const __m128i c2 = _mm_set1_epi8(static_cast<char>(0xC2));
    const __m128i e3 = _mm_set1_epi8(static_cast<char>(0xE3));
    const __m128i ef = _mm_set1_epi8(static_cast<char>(0xEF));
    // Which cells hold one is found for a whole block at once by an addition: the bytes that end no
    // cell, as ones, plus the fold leads: each lead's carry runs up through the rest of its cell and
    // lands on the bit of the byte that ends it. What runs off the block's top is the cell still open,
    // carried into the next block.
    unsigned carry = 0;
    // Bit k (of cell k, or of a cell 64 further on: such a cell is never plain, and the cell it shares
    // the bit with may be taken for folded, which is always right) set when the cell holds a fold lead.
    std::uint64_t folded = 0;
    // A cell is viewed where it is: the buffer stays as it is until the next record.
    // Kept in registers: the cells' stores would otherwise make the compiler load them again per cell.
    const char delimiter_char = m_delimiter;
    const std::size_t max_columns = m_limits.max_columns;
    const std::size_t max_cell_bytes = m_limits.max_cell_bytes;
    std::string_view* slots = row.cells.data();
    // The cells there are slots for, and no more than the limit: one test a cell for both.
    std::size_t room = std::min(row.cells.size(), max_columns);
    std::size_t used = 0;
    std::size_t cell = m_pos;
    for (std::size_t block = m_pos; block + 16 <= n; block += 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + block));
        auto mask = static_cast<unsigned>(
            _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, delimiter), _mm_cmpeq_epi8(x, lf)),
                                           _mm_or_si128(_mm_cmpeq_epi8(x, cr), _mm_cmpeq_epi8(x, quote)))));
        const auto folds = static_cast<unsigned>(_mm_movemask_epi8(
            _mm_or_si128(_mm_cmpeq_epi8(x, c2), _mm_or_si128(_mm_cmpeq_epi8(x, e3), _mm_cmpeq_epi8(x, ef)))));
        const unsigned landed = (~mask & 0xFFFFU) + folds + carry;
        const unsigned folded_ends = landed & mask;  // bit set: the cell ending there holds a fold lead
        carry = landed >> 16;
        // The cell size limit is checked once a block, not once a cell: a cell ending in this block is
        // shorter than block + 16 - cell. (Near the limit the record goes the general way, which checks
        // exactly.)
        if (block + 16 - cell > max_cell_bytes) return false;
        while (mask != 0) {
            const auto bit = static_cast<unsigned>(__builtin_ctz(mask));
            const std::size_t at = block + bit;
            mask &= mask - 1;
            if (used == room) {
                if (used >= max_columns) return false;
                row.cells.resize(std::min(room < 16 ? 16 : 2 * room, max_columns));
                slots = row.cells.data();
                room = row.cells.size();
            }
            // Stored before the byte ending it is looked at: a quote or a lone CR gives the record up
            // anyway (the general way stores every cell again).
            folded |= std::uint64_t{(folded_ends >> bit) & 1U} << (used & 63);
            slots[used++] = std::string_view(data + cell, at - cell);
            const char c = data[at];
            if (c == delimiter_char) {
                cell = at + 1;
                continue;
            }
            if (c == '"') return false;
            std::size_t next = at + 1;
            if (c == '\r') {
                if (next == n || data[next] != '\n') return false;  // a lone CR, or CR LF cut by the buffer
                ++next;
            }
            row.cells.resize(used);
            row.plain = used < 64 ? ~folded & ((std::uint64_t{1} << used) - 1) : ~folded;
            row.row = m_line++;
            row.record = ++m_record;
            m_pos = next;
            return true;
        }
    }
#else
    (void)row;
#endif
    return false;
}

std::optional<Error> CsvRowSource::text_error() {
    if (m_chunks != nullptr) return m_chunks->text_error(m_file);
    if (m_check) return m_check->whole_error(*m_in, m_file);
    return std::nullopt;
}

Expected<bool> CsvRowSource::next(RawRow& row) {
    auto read = read_record(row);
    // The end a refused block looked like, or the record it cut short, is the check's error.
    if (m_refusal) return *m_refusal;
    return read;
}

Expected<bool> CsvRowSource::read_record(RawRow& row) {
    if (m_first) {
        m_first = false;
        // Skip a UTF-8 byte-order mark.
        if (peek() == 0xEF) {
            const std::size_t save = m_pos;
            get();
            if (peek() == 0xBB) {
                get();
                if (peek() == 0xBF) get();
                else m_pos = save;
            } else {
                m_pos = save;
            }
        }
    }
    // The row's vector and m_text keep their capacity: in the steady state reading a row allocates
    // nothing.
    std::size_t used = 0;
    if (peek() < 0) {
        row.cells.clear();
        return false;
    }
    if (plain_record(row)) return true;
    // The general way: what the last record it read wrote to m_text goes. Its cells are not looked at
    // byte by byte here: none is noted plain.
    row.plain = 0;
    m_text.clear();
    m_text_cells.clear();
    row.row = m_line;
    row.record = ++m_record;
    std::string& cell = m_cell;
    cell.clear();
    bool quoted = false;
    int quote_line = 0;
    // The next cell of the row is `bytes`, copied (a cell of the buffer too: a refill later in the
    // record overwrites the buffer).
    const auto store = [&](std::string_view bytes) { this->store(row, used++, bytes); };
    auto finish_cell = [&]() -> bool {
        if (used >= m_limits.max_columns) return false;
        store(cell);
        cell.clear();
        return true;
    };
    auto end_row = [&] {
        row.cells.resize(used);
        view_text(row);
    };
    auto too_many = [&]() {
        return Error{"more than " + std::to_string(m_limits.max_columns) +
                         " columns in one row (行内列数超过上限：请检查分隔符，确需读取可用 --limit columns=N 提高上限)",
                     m_file, row.row};
    };
    auto too_big = [&]() {
        SourceLocation at;
        at.row = row.row;
        at.column = static_cast<int>(used) + 1;
        return Error{"a cell is larger than " + std::to_string(m_limits.max_cell_bytes) + " bytes (cell " +
                         at.cell_ref() + ")" +
                         " (单元格内容过大：请检查该单元格或引号是否未闭合，确需读取可用 --limit cell-bytes=8MiB 提高上限)",
                     m_file, row.row};
    };
    // A whole unquoted cell in the buffer, ended by a delimiter, a line feed or CR LF: most cells.
    // Stored straight from the buffer; anything else (quotes, a cell or row across a refill, a lone
    // CR, a limit reached) goes the general way below.
    const auto whole_plain_cell = [&]() -> int {  // 0: not one; 1: cell read; 2: cell and row read
        if (quoted || !cell.empty() || m_pos >= m_buf.size() || used >= m_limits.max_columns) return 0;
        const char* data = m_buf.data();
        const std::size_t n = m_buf.size();
        const std::size_t i = find_any_of(data, m_pos, n, m_delimiter, '\n', '\r', '"');
        if (i == n || data[i] == '"' || i - m_pos > m_limits.max_cell_bytes) return 0;
        std::size_t next = i + 1;
        if (data[i] == '\r') {
            if (next == n || data[next] != '\n') return 0;
            ++next;
        }
        store(std::string_view(data + m_pos, i - m_pos));
        m_pos = next;
        if (data[i] == m_delimiter) return 1;
        ++m_line;
        end_row();
        return 2;
    };
    while (true) {
        if (const int plain = whole_plain_cell()) {
            if (plain == 2) return true;
            continue;
        }
        // Plain bytes (no quote, delimiter or line break) are copied in runs straight from the buffer.
        if (!quoted && m_pos < m_buf.size()) {
            const std::size_t start = m_pos;
            const char* data = m_buf.data();
            const std::size_t n = m_buf.size();
            std::size_t i = find_any_of(data, start, n, m_delimiter, '\n', '\r', '"');
            // A quote opens a quoted cell only at the start of a cell; inside one it is a plain byte.
            if (i < n && data[i] == '"' && (i > start || !cell.empty())) ++i;
            if (i > start) {
                cell.append(data + start, i - start);
                m_pos = i;
                if (cell.size() > m_limits.max_cell_bytes) {
                    return too_big();
                }
                continue;
            }
        }
        if (quoted && m_pos < m_buf.size()) {
            const std::size_t start = m_pos;
            const std::size_t i = find_any_of(m_buf.data(), start, m_buf.size(), '"', '\n', '\r', '"');
            if (i > start) {
                cell.append(m_buf, start, i - start);
                m_pos = i;
                if (cell.size() > m_limits.max_cell_bytes) {
                    return too_big();
                }
                continue;
            }
        }
        const int c = get();
        // Checked before anything else so that a cell of exactly the limit passes (the old check fired
        // on the delimiter after it) and one byte over fails even at the end of the file.
        if (cell.size() > m_limits.max_cell_bytes) {
            return too_big();
        }
        if (c < 0) {
            if (quoted) {
                return Error{"unterminated quoted cell: the quote opened here is never closed (引号未闭合)", m_file,
                             quote_line};
            }
            if (!finish_cell()) return too_many();
            end_row();
            return true;
        }
        if (quoted) {
            if (c == '"') {
                if (peek() == '"') {
                    get();
                    cell += '"';
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n') ++m_line;
                else if (c == '\r' && peek() != '\n') ++m_line;
                cell += static_cast<char>(c);
            }
            continue;
        }
        if (c == '"' && cell.empty()) {
            quoted = true;
            quote_line = m_line;
        } else if (c == m_delimiter) {
            if (!finish_cell()) return too_many();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && peek() == '\n') get();
            ++m_line;
            if (!finish_cell()) return too_many();
            end_row();
            return true;
        } else {
            cell += static_cast<char>(c);
        }
    }
}

}  // namespace perf_check::io
