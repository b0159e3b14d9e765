// Encoding detection over the whole file and GB18030 decoding through glibc's iconv.
#include "io/encoding.hpp"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "util/text.hpp"

namespace perf_check::io {

const char* encoding_name(Encoding e) {
    switch (e) {
        case Encoding::utf8_bom: return "UTF-8-BOM";
        case Encoding::gb18030: return "GB18030";
        case Encoding::utf8: break;
    }
    return "UTF-8";
}

Expected<Encoding> parse_encoding_name(std::string_view name) {
    std::string n;
    for (char c : name) {
        if (c != '-' && c != '_') n += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    if (n == "utf8") return Encoding::utf8;
    if (n == "utf8bom" || n == "utf8sig") return Encoding::utf8_bom;
    if (n == "gb18030" || n == "gbk" || n == "gb2312" || n == "cp936") return Encoding::gb18030;
    return Error{"unknown encoding '" + std::string(name) + "' (use utf-8, utf-8-bom or gb18030)", {}};
}

namespace {

// Incremental validators: feed bytes one at a time; each returns false at the first byte that
// cannot continue a valid sequence. They keep the offset where the current sequence started so the
// error can show the whole bad sequence.
class Utf8Validator {
public:
    bool feed(unsigned char b) {
        if (m_need == 0) {
            if (b < 0x80) return true;
            if (b >= 0xC2 && b <= 0xDF) return start(1, 0x80, 0xBF);
            if (b == 0xE0) return start(2, 0xA0, 0xBF);
            if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) return start(2, 0x80, 0xBF);
            if (b == 0xED) return start(2, 0x80, 0x9F);
            if (b == 0xF0) return start(3, 0x90, 0xBF);
            if (b >= 0xF1 && b <= 0xF3) return start(3, 0x80, 0xBF);
            if (b == 0xF4) return start(3, 0x80, 0x8F);
            return false;
        }
        if (b < m_lo || b > m_hi) return false;
        m_lo = 0x80;
        m_hi = 0xBF;
        --m_need;
        return true;
    }
    [[nodiscard]] bool complete() const { return m_need == 0; }

private:
    bool start(int need, unsigned char lo, unsigned char hi) {
        m_need = need;
        m_lo = lo;
        m_hi = hi;
        return true;
    }
    int m_need = 0;
    unsigned char m_lo = 0x80;
    unsigned char m_hi = 0xBF;
};

class Gb18030Validator {
public:
    bool feed(unsigned char b) {
        switch (m_state) {
            case 0:
                if (b < 0x80) return true;
                if (b == 0x80 || b == 0xFF) return false;
                m_state = 1;
                return true;
            case 1:
                if ((b >= 0x40 && b <= 0x7E) || (b >= 0x80 && b <= 0xFE)) {
                    m_state = 0;
                    return true;
                }
                if (b >= 0x30 && b <= 0x39) {
                    m_state = 2;
                    return true;
                }
                return false;
            case 2:
                if (b >= 0x81 && b <= 0xFE) {
                    m_state = 3;
                    return true;
                }
                return false;
            default:
                if (b >= 0x30 && b <= 0x39) {
                    m_state = 0;
                    return true;
                }
                return false;
        }
    }
    [[nodiscard]] bool complete() const { return m_state == 0; }

private:
    int m_state = 0;
};

// Where a validator stopped: byte offset of the start of the bad sequence, and its bytes. (Its line is
// counted only for the failure that is reported: line_at.)
struct Failure {
    bool failed = false;
    std::size_t offset = 0;
    std::string bytes;
};

struct ScanResult {
    Failure utf8;
    Failure gb;
    bool has_bom = false;
    std::size_t size = 0;
    std::size_t nul_offset = std::string::npos;
};

// The bytes of a sequence that starts at file offset `start` and ends (inclusive) at block[i]; a sequence
// is at most four bytes, so `tail` (the end of the previous block) holds any part of it before the block.
std::string sequence_bytes(std::size_t start, std::string_view block, std::size_t i, std::size_t block_offset,
                           std::string_view tail) {
    if (start >= block_offset) return std::string(block.substr(start - block_offset, block_offset + i + 1 - start));
    const std::size_t before = std::min(block_offset - start, tail.size());
    return std::string(tail.substr(tail.size() - before)) + std::string(block.substr(0, i + 1));
}

// Feeds one byte to a validator; on failure records where the bad sequence started. `block` is the
// buffer the byte is in (starting at file offset `block_offset`), so the sequence's bytes can be
// recovered without tracking them for every byte.
template <class Validator>
void step(Validator& v, Failure& f, std::size_t& seq_start, std::string_view block, std::size_t i,
          std::size_t block_offset, std::string_view tail) {
    if (f.failed) return;
    const std::size_t offset = block_offset + i;
    if (v.complete()) seq_start = offset;
    if (!v.feed(static_cast<unsigned char>(block[i]))) {
        f.failed = true;
        f.offset = seq_start;
        f.bytes = sequence_bytes(seq_start, block, i, block_offset, tail);
    }
}

// The line of `in` that byte `offset` is on: 1 + the line feeds before it; `in` is left at its start.
// Counted only for the error that is reported, so the scan itself counts no lines (counting them was a
// third of scanning a UTF-8 table), and a file that reads pays nothing. A bad or cut sequence has no
// line feed inside it (each validator takes only lead, trail and digit bytes within one), so its
// start's line is the line of the byte that failed.
std::size_t line_at(std::istream& in, std::size_t offset) {
    in.clear();
    in.seekg(0);
    std::vector<char> buf(k_read_block);
    std::size_t line = 1;
    std::size_t seen = 0;
    while (seen < offset && in) {
        in.read(buf.data(), static_cast<std::streamsize>(std::min(buf.size(), offset - seen)));
        const auto n = static_cast<std::size_t>(in.gcount());
        if (n == 0) break;
        line += util::count_byte(std::string_view(buf.data(), n), '\n');
        seen += n;
    }
    in.clear();
    in.seekg(0);
    return line;
}

// From `i` (the start of a character) to `stop`: ASCII other than NUL and two-byte codes, one character
// at a time. Returns where something else starts (a four-byte code, NUL, an error, a code cut off by the
// end of the block), or the first character boundary at or after `stop` (a code may end one past it).
std::size_t gb_ascii_and_pairs(std::string_view block, std::size_t i, std::size_t stop) {
    const std::size_t n = block.size();
    while (i < stop) {
        const auto c = static_cast<unsigned char>(block[i]);
        if (c != 0 && c < 0x80) {
            ++i;
            continue;
        }
        if (i + 1 >= n || c < 0x81 || c > 0xFE) break;
        const auto t = static_cast<unsigned char>(block[i + 1]);
        if (!((t >= 0x40 && t <= 0x7E) || (t >= 0x80 && t <= 0xFE))) break;
        i += 2;
    }
    return i;
}

// From `i` (the start of a character): the start of the first sixteen bytes that are not only ASCII other
// than NUL and two-byte codes whose second byte is 81–FE (Chinese text, its full-width punctuation and
// ASCII mixed: most of a GB18030 table). Such bytes are known without reading them a character at a time:
// they hold no NUL, 80 or FF, and every run of bytes from 81 up has an even length, so that it is whole
// codes (a run starts a code: what comes before it is ASCII or a whole code). A run cut by the end of the
// sixteen may be odd: its last byte then starts the next sixteen. Anything else (a four-byte code, a
// two-byte code with a second byte below 80, an error) is left to gb_ascii_and_pairs and the general path.
std::size_t gb_pairs_prefix(std::string_view block, std::size_t i) {
#if defined(__SSE2__)
    const std::size_t n = block.size();
    const __m128i zero = _mm_setzero_si128();
    const __m128i x80 = _mm_set1_epi8(static_cast<char>(0x80));
    const __m128i xff = _mm_set1_epi8(static_cast<char>(0xFF));
    constexpr unsigned k_even = 0x15555;  // positions 0, 2, … 16
    constexpr unsigned k_odd = 0x0AAAA;   // positions 1, 3, … 15
    while (i + 16 <= n) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block.data() + i));
        const auto bad = static_cast<unsigned>(_mm_movemask_epi8(
            _mm_or_si128(_mm_cmpeq_epi8(x, zero), _mm_or_si128(_mm_cmpeq_epi8(x, x80), _mm_cmpeq_epi8(x, xff)))));
        if (bad != 0) return i;
        const auto high = static_cast<unsigned>(_mm_movemask_epi8(x));
        // Each run's start, added to the run, carries to the position just past its end: a run from an
        // even position is odd when that is odd, and one from an odd position when that is even.
        const unsigned starts = high & ~(high << 1);
        const unsigned past_even = (high + (starts & k_even)) & ~high;
        const unsigned past_odd = (high + (starts & k_odd)) & ~high;
        const unsigned odd_runs = (past_even & k_odd) | (past_odd & k_even);
        if (odd_runs == 0) {
            i += 16;
        } else if (odd_runs == 1U << 16) {
            i += 15;  // the run at the end is odd: its last byte starts a code the next sixteen end
        } else {
            return i;
        }
    }
#else
    (void)block;
#endif
    return i;
}

// The encoding scan, a block at a time: both validators over every byte until one fails, then the other
// alone. scan() feeds it a whole stream; the reader of a stream whose start decided its encoding feeds
// it each block it reads (TextCheck).
class Scanner {
public:
    /// A scan that validates `encoding` only: the other is already ruled out (by the stream's start).
    static Scanner only(Encoding encoding) {
        Scanner s;
        (encoding == Encoding::gb18030 ? s.m_r.utf8 : s.m_r.gb).failed = true;
        return s;
    }
    /// `block`: the bytes that follow those fed before. False once a NUL ends the scan (nothing more is
    /// looked at).
    bool feed(std::string_view block);
    /// The result once the stream has ended: a sequence still open is a truncated one.
    const ScanResult& finish();
    [[nodiscard]] const ScanResult& so_far() const { return m_r; }
    /// The bytes fed so far.
    [[nodiscard]] std::size_t so_far_offset() const { return m_offset; }

private:
    ScanResult m_r;
    Utf8Validator m_u;
    Gb18030Validator m_g;
    std::size_t m_u_start = 0;
    std::size_t m_g_start = 0;
    std::size_t m_offset = 0;
    std::string m_tail;  // the last (up to) four bytes fed so far
};

bool Scanner::feed(std::string_view block) {
    ScanResult& r = m_r;
    Utf8Validator& u = m_u;
    Gb18030Validator& g = m_g;
    if (r.nul_offset != std::string::npos) return false;
    const std::size_t n = block.size();
    if (m_offset == 0 && n >= 3 && block[0] == '\xEF' && block[1] == '\xBB' && block[2] == '\xBF') r.has_bom = true;
    for (std::size_t i = 0; i < n; ++i) {
        // Once GB18030 is ruled out (early, in any UTF-8 table with Chinese text) and no sequence is
        // open: ASCII but NUL and whole three-byte characters of the common range are skipped sixteen
        // bytes at a time (util::common_utf8_text_prefix), without the byte-at-a-time validator;
        // anything else falls through to the general path below. (A failed validator is reset, so it
        // stays "complete".)
        if (r.gb.failed && u.complete()) {
            i += util::common_utf8_text_prefix(block.substr(i));
            if (i == n) break;
        }
        // Likewise in a GB18030 table once UTF-8 is ruled out: ASCII (not NUL) and whole two-byte codes.
        // Sixteen bytes at a time where they are only such (gb_pairs_prefix), then one character at a
        // time through the block of sixteen that was not, and on.
        if (r.utf8.failed && g.complete()) {
            while (i < n) {
                i = gb_pairs_prefix(block, i);
                const std::size_t stop = std::min(n, i + 16);
                const std::size_t at = gb_ascii_and_pairs(block, i, stop);
                i = at;
                if (at < stop) break;  // something else: the general path below
            }
            if (i == n) break;
        }
        const auto b = static_cast<unsigned char>(block[i]);
        // ASCII between sequences is valid in both encodings: most bytes of a table take this path.
        if (b < 0x80 && b != 0 && u.complete() && g.complete()) continue;
        if (b == 0) {
            // Binary data: that is the file's error whatever else is wrong with it, so the scan ends
            // here (going on over a long run of NULs would restart the fast paths at every one).
            r.nul_offset = m_offset + i;
            return false;
        }
        step(u, r.utf8, m_u_start, block, i, m_offset, m_tail);
        step(g, r.gb, m_g_start, block, i, m_offset, m_tail);
        // Once one encoding has failed only the other is validated; a failed one stays "complete"
        // for the ASCII fast path above.
        if (r.utf8.failed) u = Utf8Validator{};
        if (r.gb.failed) g = Gb18030Validator{};
    }
    // Keep the block's last bytes: a sequence broken in the next block starts among them.
    m_tail += block.substr(n > 4 ? n - 4 : 0);
    if (m_tail.size() > 4) m_tail.erase(0, m_tail.size() - 4);
    m_offset += n;
    return true;
}

const ScanResult& Scanner::finish() {
    ScanResult& r = m_r;
    r.size = m_offset;
    if (r.nul_offset != std::string::npos) return r;
    // A sequence still open at the end of the file is truncated: report it with the bytes it has.
    auto truncated = [&](std::size_t start) {
        Failure f{true, start, {}};
        // Everything from `start` to the end of the file: at most three bytes, all in the tail.
        const std::size_t have = std::min(m_offset - start, m_tail.size());
        f.bytes = m_tail.substr(m_tail.size() - have);
        return f;
    };
    if (!r.utf8.failed && !m_u.complete()) r.utf8 = truncated(m_u_start);
    if (!r.gb.failed && !m_g.complete()) r.gb = truncated(m_g_start);
    return r;
}

// Scans `in` from where it is, and rewinds it. With `decide_early`, a stream whose first block is in
// one encoding and not the other (a table with Chinese text in its first rows: nearly every table) is
// scanned no further: `early` is then set, and the rest is the reader's to check (TextCheck). A smaller
// stream, or one whose start does not decide, is scanned whole.
ScanResult scan(std::istream& in, bool decide_early = false, bool* early = nullptr) {
    Scanner scanner;
    std::vector<char> buf(k_read_block);
    while (in) {
        in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        const auto n = static_cast<std::size_t>(in.gcount());
        if (n == 0) break;
        if (!scanner.feed(std::string_view(buf.data(), n))) break;
        const ScanResult& r = scanner.so_far();
        if (decide_early && n == buf.size() && r.utf8.failed != r.gb.failed) {
            *early = true;
            in.clear();
            in.seekg(0);
            return r;
        }
        decide_early = false;  // the first block only
    }
    ScanResult r = scanner.finish();
    in.clear();
    in.seekg(0);
    return r;
}

// What to do about a file that is not in the encoding it was read as.
constexpr const char* k_unknown_encoding_hint =
    " (文件编码无法识别：请另存为 UTF-8 或 GB18030 编码的 CSV，或用 --encoding 指定编码)";

Error failure_error(std::istream& in, const Failure& f, const char* encoding, const std::string& file,
                    const char* hint = k_unknown_encoding_hint) {
    Error e;
    e.file = file;
    e.line = static_cast<int>(line_at(in, f.offset));
    e.message = "not valid " + std::string(encoding) + " text: bad byte sequence " + util::hex_bytes(f.bytes) +
                " at byte offset " + std::to_string(f.offset) + hint;
    return e;
}

// A forced encoding that fails: say whether the other one reads the file, rather than suggest the
// --encoding the user has just given.
const char* forced_hint(const ScanResult& r, Encoding forced) {
    const bool other_reads = forced == Encoding::gb18030 ? !r.utf8.failed : !r.gb.failed;
    if (!other_reads) return " (文件不是 UTF-8 或 GB18030 编码：请另存为 UTF-8 或 GB18030 编码的 CSV)";
    if (forced == Encoding::gb18030) return " (文件是 UTF-8 编码：去掉 --encoding 即可自动识别)";
    return " (文件是 GB18030 编码：去掉 --encoding 即可自动识别，或用 --encoding gb18030)";
}

Error nul_error(std::istream& in, const ScanResult& r, const std::string& file) {
    Error e;
    e.file = file;
    e.line = static_cast<int>(line_at(in, r.nul_offset));
    e.message = "binary data (NUL byte at byte offset " + std::to_string(r.nul_offset) +
                "): this is not a CSV text table (不是文本表格：请导出为 CSV 或 XLSX)";
    return e;
}

// What detect_encoding says of a scan that found a NUL or read in neither encoding; nullopt when the scan
// found neither.
std::optional<Error> scan_error(std::istream& in, const ScanResult& r, const std::string& file) {
    if (r.nul_offset != std::string::npos) return nul_error(in, r, file);
    if (!r.utf8.failed || !r.gb.failed) return std::nullopt;
    // Report against the encoding that read further: that is the one the author most likely used.
    if (r.utf8.offset >= r.gb.offset) return failure_error(in, r.utf8, "UTF-8 or GB18030", file);
    return failure_error(in, r.gb, "UTF-8 or GB18030", file);
}

}  // namespace

struct TextCheck::State {
    Encoding encoding;
    Scanner scanner = Scanner::only(encoding);
};

TextCheck::TextCheck(Encoding encoding) : m_state(std::make_unique<State>(State{encoding})) {}
TextCheck::~TextCheck() = default;
TextCheck::TextCheck(TextCheck&&) noexcept = default;
TextCheck& TextCheck::operator=(TextCheck&&) noexcept = default;

Encoding TextCheck::encoding() const {
    return m_state->encoding;
}

// The scan's verdict on the encoding checked.
const Failure& checked(const ScanResult& r, Encoding encoding) {
    return encoding == Encoding::gb18030 ? r.gb : r.utf8;
}

bool TextCheck::feed(std::string_view block) {
    return m_state->scanner.feed(block) && !checked(m_state->scanner.so_far(), m_state->encoding).failed;
}

bool TextCheck::finish() {
    const ScanResult& r = m_state->scanner.finish();
    return r.nul_offset == std::string::npos && !checked(r, m_state->encoding).failed;
}

bool TextCheck::refused() const {
    const ScanResult& r = m_state->scanner.so_far();
    return r.nul_offset != std::string::npos || checked(r, m_state->encoding).failed;
}

std::optional<std::size_t> TextCheck::pass(std::string_view bytes, std::size_t fresh) {
    const std::size_t offset = m_state->scanner.so_far_offset() - fresh;  // the file offset of bytes[0]
    if (fresh == bytes.size() ? finish() : feed(bytes.substr(fresh))) return std::nullopt;
    // The first bytes refused: a NUL, or the start of the first sequence not in the encoding.
    const ScanResult& r = m_state->scanner.so_far();
    const Failure& f = checked(r, m_state->encoding);
    const std::size_t bad = f.failed ? std::min(f.offset, r.nul_offset) : r.nul_offset;
    if (bad <= offset) return 0;
    const std::size_t line_feed = bytes.substr(0, bad - offset).rfind('\n');
    return line_feed == std::string_view::npos ? 0 : line_feed + 1;
}

std::optional<Error> TextCheck::whole_error(std::istream& in, const std::string& file) const {
    // The scan the check stands in for, on the error path only: its verdict, word for word, whatever the
    // check saw (a NUL further on outranks a bad byte; a sequence the first block's end cut is judged as
    // the whole scan judges it).
    in.clear();
    const std::streampos at = in.tellg();
    in.seekg(0);
    const ScanResult r = scan(in);
    auto e = scan_error(in, r, file);
    in.clear();
    in.seekg(at);
    return e;
}

std::optional<Error> TextCheck::refusal(std::istream& in, const std::string& file) const {
    if (!refused()) return std::nullopt;
    auto e = whole_error(in, file);
    // (The whole scan fails too when the check has said no.)
    return e ? *e : Error{std::string("not valid ") + encoding_name(m_state->encoding) + " text", file};
}

Expected<Encoding> detect_encoding(std::istream& in, const std::string& file, std::optional<TextCheck>* rest) {
    bool early = false;
    const ScanResult r = scan(in, rest != nullptr, &early);
    if (early) {
        const Encoding read_as = r.gb.failed ? Encoding::utf8 : Encoding::gb18030;
        rest->emplace(read_as);
        return read_as == Encoding::utf8 && r.has_bom ? Encoding::utf8_bom : read_as;
    }
    if (auto e = scan_error(in, r, file)) return *e;
    if (!r.utf8.failed) return r.has_bom ? Encoding::utf8_bom : Encoding::utf8;
    return Encoding::gb18030;
}

Expected<Encoding> verify_encoding(std::istream& in, Encoding forced, const std::string& file) {
    const ScanResult r = scan(in);
    if (r.nul_offset != std::string::npos) return nul_error(in, r, file);
    if (forced == Encoding::gb18030) {
        if (r.gb.failed) return failure_error(in, r.gb, "GB18030", file, forced_hint(r, forced));
        return forced;
    }
    if (r.utf8.failed) return failure_error(in, r.utf8, "UTF-8", file, forced_hint(r, forced));
    return forced;
}

namespace {

// What iconv_open returns when it cannot convert: (iconv_t)-1, as its manual says.
iconv_t iconv_failed() {
    return reinterpret_cast<iconv_t>(-1);  // NOLINT(performance-no-int-to-ptr): the API's own value
}

// One conversion descriptor per thread, opened on first use and reset before each cell: opening one
// costs far more than converting a cell.
class Gb18030Decoder {
public:
    Gb18030Decoder() : m_cd(iconv_open("UTF-8", "GB18030")) {}
    ~Gb18030Decoder() {
        if (ok()) iconv_close(m_cd);
    }
    Gb18030Decoder(const Gb18030Decoder&) = delete;
    Gb18030Decoder& operator=(const Gb18030Decoder&) = delete;
    [[nodiscard]] bool ok() const { return m_cd != iconv_failed(); }
    [[nodiscard]] iconv_t get() const {
        iconv(m_cd, nullptr, nullptr, nullptr, nullptr);
        return m_cd;
    }

private:
    iconv_t m_cd;
};

}  // namespace

namespace {

// Every cell of a GB18030 file goes through here: iconv per cell cost more than all the checking. The
// two-byte codes (all of GBK: every Chinese character of a real table) are looked up in a table that
// iconv itself fills once per process; a cell with anything else (four-byte codes, invalid bytes) is
// converted by iconv as a whole, so the output is iconv's either way.
class TwoByteTable {
public:
    static const TwoByteTable& get() {
        static const TwoByteTable table;
        return table;
    }
    /// The UTF-8 of the two bytes `lead` and `trail`, entry lead | trail << 8 (the two bytes read as one
    /// little-endian number: see pair_at): up to three bytes in the low bits, their count in the top
    /// byte; 0 when they are no two-byte code (lead 0x81–0xFE, trail 0x40–0xFE but 0x7F) or iconv does
    /// not map it. Every pair of bytes has its entry, so the decoder tests no range: an ASCII lead's
    /// entries are 0 too.
    [[nodiscard]] const std::uint32_t* pairs() const { return m_utf8.data(); }

private:
    TwoByteTable() : m_utf8(std::size_t{256} * 256, 0) {
        iconv_t cd = iconv_open("UTF-8", "GB18030");
        if (cd == iconv_failed()) return;  // every cell then goes to iconv (which fails alike)
        for (unsigned lead = 0x81; lead <= 0xFE; ++lead) {
            for (unsigned trail = 0x40; trail <= 0xFE; ++trail) {
                if (trail == 0x7F) continue;
                char in[2] = {static_cast<char>(lead), static_cast<char>(trail)};
                char out[8];
                char* in_ptr = in;
                std::size_t in_left = 2;
                char* out_ptr = out;
                std::size_t out_left = sizeof out;
                iconv(cd, nullptr, nullptr, nullptr, nullptr);
                const std::size_t rc = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
                const auto len = static_cast<std::size_t>(out_ptr - out);
                if (rc == static_cast<std::size_t>(-1) || in_left != 0 || len == 0 || len > 3) continue;
                std::uint32_t packed = static_cast<std::uint32_t>(len) << 24;
                for (std::size_t k = 0; k < len; ++k) packed |= static_cast<std::uint32_t>(static_cast<unsigned char>(out[k])) << (8 * k);
                m_utf8[lead | trail << 8] = packed;
            }
        }
        iconv_close(cd);
    }
    std::vector<std::uint32_t> m_utf8;
};

// `span` through iconv, appended to `out`; how many of its bytes were used. Invalid sequences become
// U+FFFD, one byte at a time; so does an incomplete last character when `last` (nothing follows the
// span that could complete it), which is otherwise left unused for the bytes that follow.
std::size_t iconv_span(std::string_view span, bool last, std::string& out) {
    thread_local Gb18030Decoder decoder;
    if (!decoder.ok()) {
        out.append(span);
        return span.size();
    }
    iconv_t cd = decoder.get();
    const std::size_t base = out.size();
    out.resize(base + span.size() * 2 + 8);
    char* in_ptr = const_cast<char*>(span.data());  // iconv's signature is not const-correct
    std::size_t in_left = span.size();
    char* out_ptr = out.data() + base;
    std::size_t out_left = out.size() - base;
    auto grow = [&] {
        const std::size_t used = static_cast<std::size_t>(out_ptr - out.data());
        out.resize(out.size() * 2);
        out_ptr = out.data() + used;
        out_left = out.size() - used;
    };
    while (in_left > 0) {
        const std::size_t rc = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
        if (rc != static_cast<std::size_t>(-1)) break;
        if (errno == E2BIG) {
            grow();
        } else if (errno == EINVAL && !last) {
            break;  // a character the next bytes complete
        } else {
            // Invalid or truncated sequence: emit U+FFFD and skip one byte.
            if (out_left < 3) grow();
            *out_ptr++ = '\xEF';
            *out_ptr++ = '\xBF';
            *out_ptr++ = '\xBD';
            out_left -= 3;
            ++in_ptr;
            --in_left;
        }
    }
    out.resize(static_cast<std::size_t>(out_ptr - out.data()));
    return span.size() - in_left;
}

// Where decode_ascii_and_pairs stopped: the first byte it did not decode, and where the next output goes.
struct DecodedUpTo {
    std::size_t i;
    char* p;
};

// From in[i] to the first byte that is neither ASCII nor the lead of a two-byte code the table maps (or
// to n), decoded to UTF-8 at `p`: all of a Chinese table but its rare four-byte codes and damage. `p`
// has room for one and a half bytes per byte and sixteen more. Apart from decode_gb18030 so that its
// few values stay in registers: inside it, the loop reloaded the input and the table from the stack
// for every character (18 instructions a character; now 10).
DecodedUpTo decode_ascii_and_pairs(const char* in, std::size_t i, const std::size_t n, char* p,
                                   const std::uint32_t* pairs) {
    // The two bytes at `at` as TwoByteTable numbers them: one load where the machine is little-endian.
    const auto pair_at = [](const char* at) -> std::size_t {
        if constexpr (std::endian::native == std::endian::little) {
            std::uint16_t two = 0;
            std::memcpy(&two, at, 2);
            return two;
        } else {
            return static_cast<unsigned char>(at[0]) | static_cast<std::size_t>(static_cast<unsigned char>(at[1])) << 8;
        }
    };
    while (i < n) {
        const auto b = static_cast<unsigned char>(in[i]);
        if (b < 0x80) {
#if defined(__SSE2__)
            // A run of ASCII (figures, units, punctuation) sixteen bytes at a time, to the next lead byte.
            if (i + 16 <= n) {
                const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + i));
                const auto high = static_cast<unsigned>(_mm_movemask_epi8(x));
                const std::size_t ascii = high == 0 ? 16 : static_cast<std::size_t>(__builtin_ctz(high));
                _mm_storeu_si128(reinterpret_cast<__m128i*>(p), x);
                p += ascii;
                i += ascii;
                continue;
            }
#endif
            *p++ = static_cast<char>(b);
            ++i;
            continue;
        }
        if (i + 1 == n) break;  // a lead byte the end cuts off
        std::uint32_t packed = pairs[pair_at(in + i)];
        if (packed == 0) break;
        // Chinese text: two-byte codes one after another, to the next byte that starts none (ASCII, which
        // the loop above takes, or something the table does not map, which it gives back).
        do {
            if constexpr (std::endian::native == std::endian::little) {
                std::memcpy(p, &packed, 4);  // the low bytes first: the UTF-8 in order
            } else {
                for (std::size_t k = 0; k < 3; ++k) p[k] = static_cast<char>((packed >> (8 * k)) & 0xFF);
            }
            p += packed >> 24;
            i += 2;
            if (i + 1 >= n) break;
            packed = pairs[pair_at(in + i)];
        } while (packed != 0);
    }
    return {i, p};
}

// GB18030 `bytes` decoded into `out`, which then holds that text and nothing else; how many were used:
// all when `last`, else all but an incomplete character at the end (the next chunk's bytes complete
// it). Two-byte codes come from the table; anything else (four-byte codes, invalid bytes) goes to iconv
// up to the next byte below 0x30, which no character continues with (a delimiter, a space, a line end),
// so the output is iconv's either way: it keeps no state from one character to the next.
// What `out` held is written over, its length kept as room: a string reused from chunk to chunk, grown
// by resize() each time, had what it added zero-filled (a chunk's room each time, about 1% of a GB18030
// check's instructions).
std::size_t decode_gb18030(std::string_view bytes, bool last, std::string& out) {
    const std::uint32_t* const pairs = TwoByteTable::get().pairs();
    const std::size_t n = bytes.size();
    const char* const in = bytes.data();
    // Room for the rest: a byte becomes at most one and a half (a two-byte code, three), each character
    // is stored as four bytes of which its length counts, and a run of ASCII as sixteen.
    std::size_t i = 0;
    const auto make_room = [&](std::size_t from) {
        const std::size_t need = from + (n - i) + (n - i) / 2 + 16;
        if (out.size() < need) out.resize(need);
        return out.data() + from;
    };
    char* p = make_room(0);
    for (;;) {
        const DecodedUpTo d = decode_ascii_and_pairs(in, i, n, p, pairs);
        i = d.i;
        p = d.p;
        if (i == n) break;
        std::size_t end = i;
        while (end < n && static_cast<unsigned char>(in[end]) >= 0x30) ++end;
        out.resize(static_cast<std::size_t>(p - out.data()));
        const std::size_t used = iconv_span(bytes.substr(i, end - i), last || end < n, out);
        i += used;
        if (i < end) return i;  // the rest waits for the next chunk
        p = make_room(out.size());
    }
    out.resize(static_cast<std::size_t>(p - out.data()));
    return n;
}

}  // namespace

std::optional<Utf16> utf16_bom(std::istream& in) {
    char bom[2] = {};
    in.read(bom, 2);
    const auto got = in.gcount();
    in.clear();
    in.seekg(0);
    if (got < 2) return std::nullopt;
    if (bom[0] == '\xFF' && bom[1] == '\xFE') return Utf16::le;
    if (bom[0] == '\xFE' && bom[1] == '\xFF') return Utf16::be;
    return std::nullopt;
}

const char* utf16_name(Utf16 order) {
    return order == Utf16::le ? "UTF-16LE" : "UTF-16BE";
}

namespace {

// A source decoded to UTF-8 as the reader asks for bytes: one chunk of the source at a time, so a file
// in another encoding streams like any other (the CSV reader, encoding detection and delimiter
// sniffing read through it unchanged).
class DecodingBuffer : public std::streambuf {
public:
    DecodingBuffer(const DecodingBuffer&) = delete;
    DecodingBuffer& operator=(const DecodingBuffer&) = delete;
    ~DecodingBuffer() override = default;

protected:
    /// The text starts `start` bytes into `in` (after a byte-order mark). With `check`, each chunk of `in`
    /// is checked before it is decoded.
    DecodingBuffer(std::unique_ptr<std::istream> in, std::streamoff start,
                   std::optional<TextCheck> check = std::nullopt)
        : m_in(std::move(in)), m_start(start), m_check(std::move(check)) {}

    /// Decodes `raw` into `out`, replacing what it held (whose length a decoder may use as room); how many
    /// of its bytes were used: all when `last` (no bytes follow), else all but a character the chunk's
    /// end cuts, which comes again first with the next chunk.
    virtual std::size_t decode(std::string_view raw, bool last, std::string& out) = 0;
    /// Back to the state of the start of the text.
    virtual void reset() {}

    /// Starts at the start of the text; called by the constructor of the class that decodes.
    void restart() {
        m_in->clear();
        m_in->seekg(m_start);
        m_carry.clear();
        m_ended = false;
        if (m_check) m_check.emplace(m_check->encoding());
        reset();
        setg(m_out.data(), m_out.data(), m_out.data());
    }

    int_type underflow() override {
        while (gptr() == egptr()) {
            if (!fill()) return traits_type::eof();
        }
        return traits_type::to_int_type(*gptr());
    }
    pos_type seekoff(off_type off, std::ios_base::seekdir dir, std::ios_base::openmode which) override {
        if (off == 0 && dir == std::ios_base::beg) return seekpos(0, which);
        return pos_type(off_type(-1));
    }
    pos_type seekpos(pos_type pos, std::ios_base::openmode which) override {
        if (pos != pos_type(0) || !(which & std::ios_base::in)) return pos_type(off_type(-1));
        restart();
        return m_in ? pos_type(0) : pos_type(off_type(-1));
    }

public:
    /// ChunkedStream::refusal.
    std::optional<Error> refusal(const std::string& file) {
        if (!m_check) return std::nullopt;
        return m_check->refusal(*m_in, file);
    }
    /// ChunkedStream::text_error.
    std::optional<Error> text_error(const std::string& file) {
        if (!m_check) return std::nullopt;
        return m_check->whole_error(*m_in, file);
    }

    /// ChunkedStream::take_chunk.
    bool take_chunk(std::string& out) {
        if (gptr() != egptr()) {  // what a read through the buffer left
            out.assign(gptr(), egptr());
            setg(m_out.data(), m_out.data(), m_out.data());
            return true;
        }
        do {
            if (!fill()) {
                out.clear();
                return false;
            }
        } while (m_out.empty());
        out.swap(m_out);  // m_out keeps `out`'s storage: the next chunk is decoded into it
        setg(m_out.data(), m_out.data(), m_out.data());
        return true;
    }

private:
    // Decodes the next chunk into m_out; false at the end of the source.
    bool fill() {
        if (m_ended) {
            m_out.clear();
            return false;
        }
        // The bytes of a character the last chunk's end cut (three at most) go first, and the chunk is
        // read in after them (appending the chunk to them copied half the file again).
        constexpr std::size_t k_chunk = std::size_t{1} << 16;
        const std::size_t kept = m_carry.size();
        m_raw.resize(kept + k_chunk);
        std::copy(m_carry.begin(), m_carry.end(), m_raw.begin());
        m_in->read(m_raw.data() + kept, static_cast<std::streamsize>(k_chunk));
        const auto got = static_cast<std::size_t>(m_in->gcount());
        m_raw.resize(kept + got);
        bool last = got == 0;
        // Checked before it is decoded. Of a chunk refused, the lines before the one the bad bytes are on
        // are decoded, and the text ends there.
        if (m_check) {
            if (const auto lines = m_check->pass(m_raw, kept)) {
                m_raw.resize(*lines);
                last = true;
            }
        }
        m_carry.assign(m_raw, decode(m_raw, last, m_out));
        if (last) {
            m_ended = true;
            m_carry.clear();
        }
        setg(m_out.data(), m_out.data(), m_out.data() + m_out.size());
        return !m_out.empty() || !m_ended;
    }

    std::unique_ptr<std::istream> m_in;
    std::streamoff m_start;
    std::optional<TextCheck> m_check;
    std::string m_raw;
    std::string m_carry;  // the bytes of a character the last chunk's end cut: at most three
    std::string m_out;
    bool m_ended = false;
};

class Utf16Buffer final : public DecodingBuffer {
public:
    Utf16Buffer(std::unique_ptr<std::istream> in, Utf16 order) : DecodingBuffer(std::move(in), 2), m_order(order) {
        restart();
    }

private:
    std::size_t decode(std::string_view raw, bool last, std::string& out) override {
        out.clear();
        const std::size_t whole = raw.size() & ~std::size_t{1};
        for (std::size_t i = 0; i < whole; i += 2) {
            const auto a = static_cast<unsigned char>(raw[i]);
            const auto b = static_cast<unsigned char>(raw[i + 1]);
            unit(static_cast<char16_t>(m_order == Utf16::le ? (b << 8) | a : (a << 8) | b), out);
        }
        if (!last) return whole;
        if (m_high != 0 || whole != raw.size()) util::append_utf8(out, 0xFFFD);  // cut off mid-character
        m_high = 0;
        return raw.size();
    }
    void reset() override { m_high = 0; }

    void unit(char16_t u, std::string& out) {
        if (m_high != 0) {
            if (u >= 0xDC00 && u <= 0xDFFF) {
                util::append_utf8(out, 0x10000 + ((static_cast<char32_t>(m_high) - 0xD800) << 10) + (u - 0xDC00));
                m_high = 0;
                return;
            }
            util::append_utf8(out, 0xFFFD);  // a high surrogate with no low one after it
            m_high = 0;
        }
        if (u >= 0xD800 && u <= 0xDBFF)
            m_high = u;
        else if (u >= 0xDC00 && u <= 0xDFFF)
            util::append_utf8(out, 0xFFFD);
        else
            util::append_utf8(out, u);
    }

    Utf16 m_order;
    char16_t m_high = 0;  // a high surrogate waiting for its low one
};

class Gb18030Buffer final : public DecodingBuffer {
public:
    Gb18030Buffer(std::unique_ptr<std::istream> in, std::optional<TextCheck> check)
        : DecodingBuffer(std::move(in), 0, std::move(check)) {
        restart();
    }

private:
    std::size_t decode(std::string_view raw, bool last, std::string& out) override {
        return decode_gb18030(raw, last, out);
    }
};

template <class Buffer>
class DecodedStream final : public ChunkedStream {
public:
    template <class... Args>
    explicit DecodedStream(Args&&... args) : m_buf(std::forward<Args>(args)...) {
        rdbuf(&m_buf);
    }
    bool take_chunk(std::string& out) override { return m_buf.take_chunk(out); }
    std::optional<Error> refusal(const std::string& file) override { return m_buf.refusal(file); }
    std::optional<Error> text_error(const std::string& file) override { return m_buf.text_error(file); }

private:
    Buffer m_buf;
};

}  // namespace

std::unique_ptr<ChunkedStream> utf16_as_utf8(std::unique_ptr<std::istream> in, Utf16 order) {
    return std::make_unique<DecodedStream<Utf16Buffer>>(std::move(in), order);
}

std::unique_ptr<ChunkedStream> gb18030_as_utf8(std::unique_ptr<std::istream> in, std::optional<TextCheck> check) {
    return std::make_unique<DecodedStream<Gb18030Buffer>>(std::move(in), std::move(check));
}

std::string gb18030_to_utf8(std::string_view bytes) {
    std::string out;
    decode_gb18030(bytes, true, out);
    return out;
}

}  // namespace perf_check::io
