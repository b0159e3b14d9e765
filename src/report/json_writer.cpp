// The streaming JSON writer: one buffer, one pass over each string, nothing kept once written.
#include "report/json_writer.hpp"

#include <charconv>
#include <cstdint>
#include <cstring>
#include <istream>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "util/text.hpp"

namespace perf_check::report {

namespace {
constexpr std::size_t k_flush_at = 1 << 16;

// A byte JSON must escape in a string: a control character, '"' or '\\'.
bool needs_escape(char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return c < 0x20 || c == '"' || c == '\\';
}

// Position of the first byte at or after `i` that JSON must escape (a control character, '"' or
// '\\'), or text.size(). Most text has none: sixteen bytes at a time with SSE2 (every x86-64), eight
// at a time elsewhere, then byte by byte.
std::size_t next_special(std::string_view text, std::size_t i) {
    const std::size_t n = text.size();
#if defined(__SSE2__)
    const __m128i below_space = _mm_set1_epi8(0x1F);
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    for (; i + 16 <= n; i += 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
        const __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(x, below_space), below_space);  // x <= 0x1F
        const __m128i special =
            _mm_or_si128(control, _mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)));
        const int mask = _mm_movemask_epi8(special);
        if (mask != 0) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    }
#endif
    for (; i + 8 <= n; i += 8) {
        std::uint64_t x;
        std::memcpy(&x, text.data() + i, 8);
        constexpr std::uint64_t k_ones = 0x0101010101010101ULL;
        constexpr std::uint64_t k_highs = 0x8080808080808080ULL;
        const std::uint64_t control = (x - k_ones * 0x20) & ~x & k_highs;
        const std::uint64_t q = x ^ (k_ones * '"');
        const std::uint64_t bs = x ^ (k_ones * '\\');
        if ((control | ((q - k_ones) & ~q & k_highs) | ((bs - k_ones) & ~bs & k_highs)) != 0) break;
    }
    for (; i < n; ++i) {
        if (needs_escape(text[i])) return i;
    }
    return n;
}

#if defined(__SSE2__)
// Whether the sixteen bytes of `x` can stand in a JSON string as they are, continuing from `carry`
// (the continuation bytes earlier leads expect in this block, by position; set to those expected
// in the next block), looking only at the positions in `fresh`: the test of
// util::common_utf8_prefix_until's block loop, its conditions joined so that a block takes one branch.
// Declared inline: GCC would otherwise call it for a string's last block, a tenth of its cost.
inline bool plain_block(__m128i x, unsigned& carry, unsigned fresh = 0xFFFF) {
    const __m128i below_space = _mm_set1_epi8(0x1F);
    const __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(x, below_space), below_space);  // x <= 0x1F
    // Leads E0 and ED can start overlong forms and surrogates: left to the careful path, as there.
    const __m128i stops = _mm_or_si128(_mm_or_si128(control, _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')),
                                                                          _mm_cmpeq_epi8(x, _mm_set1_epi8('\\')))),
                                       _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(static_cast<char>(0xE0))),
                                                    _mm_cmpeq_epi8(x, _mm_set1_epi8(static_cast<char>(0xED)))));
    const auto high = static_cast<unsigned>(_mm_movemask_epi8(x));
    // 80–BF, the continuation bytes, are the bytes below C0 as signed bytes.
    const auto cont =
        static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(x, _mm_set1_epi8(static_cast<char>(0xC0)))));
    const auto leads = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(
        _mm_and_si128(x, _mm_set1_epi8(static_cast<char>(0xF0))), _mm_set1_epi8(static_cast<char>(0xE0)))));
    const unsigned expected = (leads << 1) | (leads << 2) | carry;
    carry = expected >> 16;
    // Continuation bytes and three-byte leads are high bytes: any other high byte is another kind of
    // character (or an error), and the continuation bytes must be exactly the two after each lead.
    return ((static_cast<unsigned>(_mm_movemask_epi8(stops)) | (high ^ (cont | leads)) | (expected ^ cont)) & fresh) ==
           0;
}

#endif

// Writes `n` spaces at `p`, which has room for n + 7 bytes, and returns their end: a word at a time,
// as an indentation is short (a call of memset cost more than the copy of the key after it).
char* spaces(char* p, std::size_t n) {
    // Eight of the literal's nine bytes, no terminator: spaces, not a string.
    for (std::size_t k = 0; k < n; k += 8)
        std::memcpy(p + k, "        ", 8);  // NOLINT(bugprone-not-null-terminated-result)
    return p + n;
}

// copy_if_plain(), inline in the writer: a call for each of a finding's eleven strings (and, when keys
// were checked the same way, its eleven keys) was a twentieth of writing them.
inline bool copy_plain(std::string_view text, char* out) {
#if defined(__SSE2__)
    // Copying and checking in one pass, sixteen bytes at a time (a report's strings are short: the
    // calls of memcpy and of a byte-by-byte scan of the last few bytes cost as much as the rest).
    const std::size_t n = text.size();
    const char* const in = text.data();
    unsigned carry = 0;
    if (n < 16) {
        // Padded with spaces in `out`'s scratch (the text itself may end at the end of a page): a
        // character cut by the end of the text expects continuation bytes where the padding is.
        _mm_storeu_si128(reinterpret_cast<__m128i*>(out), _mm_set1_epi8(' '));
        util::copy_bytes(out, in, n);
        return plain_block(_mm_loadu_si128(reinterpret_cast<const __m128i*>(out)), carry);
    }
    std::size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + i));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i), x);
        if (!plain_block(x, carry)) return false;
    }
    if (i < n) {
        // The last sixteen bytes, of which the first 16 - (n - i) have been checked: their leads say
        // which of the new ones are continuations, with the carry for a lead just before them.
        const std::size_t seen = 16 - (n - i);
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + n - 16));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(out + n - 16), x);
        carry <<= seen;
        if (!plain_block(x, carry, (0xFFFFU << seen) & 0xFFFFU)) return false;
    }
    return carry == 0;
#else
    std::memcpy(out, text.data(), text.size());
    return util::common_utf8_prefix_until(text, '"', '\\') == text.size();
#endif
}
}  // namespace

bool copy_if_plain(std::string_view text, char* out) {
    return copy_plain(text, out);
}

JsonWriter::JsonWriter(std::ostream& out) : m_out(&out) { m_buf.reserve(k_flush_at * 2); }

JsonWriter JsonWriter::continuing_array(std::ostream& out, int depth) {
    JsonWriter w(out);
    w.m_base = depth > 0 ? static_cast<std::size_t>(depth) : 0;
    w.m_stack.push_back({true, true});
    return w;
}

JsonWriter JsonWriter::elements(int depth) {
    JsonWriter w;
    w.m_base = depth > 0 ? static_cast<std::size_t>(depth) : 0;
    w.m_stack.push_back({true, true});
    return w;
}

JsonWriter JsonWriter::elements(int depth, OutputBuffer&& storage) {
    JsonWriter w = elements(depth);
    w.m_buf = std::move(storage);
    w.m_buf.clear();
    return w;
}

void JsonWriter::take_into(std::string& out) {
    out.assign(m_buf.data(), m_buf.size());
    m_buf.clear();
    if (!m_stack.empty()) m_stack.back().empty = true;
}

OutputBuffer JsonWriter::release() {
    return std::move(m_buf);
}

std::string JsonWriter::take() {
    std::string out = m_buf.take();
    if (!m_stack.empty()) m_stack.back().empty = true;
    return out;
}

JsonWriter::~JsonWriter() { flush(); }

void JsonWriter::flush() {
    if (m_out && !m_buf.empty()) {
        m_out->write(m_buf.data(), static_cast<std::streamsize>(m_buf.size()));
        m_buf.clear();
    }
}

void JsonWriter::end_document() {
    m_buf += '\n';
    flush();
}

void JsonWriter::maybe_flush() {
    if (m_buf.size() >= k_flush_at) flush();
}

void JsonWriter::newline_indent(std::size_t depth) {
    m_buf.newline_and_spaces(2 * depth);
}

void JsonWriter::before_value() {
    if (m_after_key) {
        m_after_key = false;
        return;
    }
    if (m_stack.empty()) return;
    Level& top = m_stack.back();
    if (!top.empty) m_buf += ',';
    top.empty = false;
    newline_indent(m_base + m_stack.size());
}

void JsonWriter::open(char bracket, bool array) {
    before_value();
    m_buf += bracket;
    m_stack.push_back({array, true});
}

void JsonWriter::close(char bracket) {
    const bool empty = m_stack.back().empty;
    m_stack.pop_back();
    if (!empty) newline_indent(m_base + m_stack.size());
    m_buf += bracket;
    maybe_flush();
}

JsonWriter& JsonWriter::begin_object() {
    open('{', false);
    return *this;
}

JsonWriter& JsonWriter::end_object() {
    close('}');
    return *this;
}

JsonWriter& JsonWriter::begin_array() {
    open('[', true);
    return *this;
}

JsonWriter& JsonWriter::end_array() {
    close(']');
    return *this;
}

JsonWriter& JsonWriter::key(const JsonKey& name) {
    Level& top = m_stack.back();
    // Written in one go with its indentation (about a tenth of a report's bytes and, written piece by
    // piece, a fifth of its time): the key's block is copied whole, the bytes past its size are scratch.
    const std::size_t indent = 2 * (m_base + m_stack.size());
    char* const start = m_buf.claim(indent + 3 + JsonKey::k_block + 8);  // spaces() writes up to 7 past
    char* p = start;
    if (!top.empty) *p++ = ',';
    top.empty = false;
    *p++ = '\n';
    p = spaces(p, indent);
    *p++ = '"';
    std::memcpy(p, name.block(), JsonKey::k_block);
    m_buf.commit(static_cast<std::size_t>(p - start) + name.size());
    m_after_key = true;
    return *this;
}

JsonWriter& JsonWriter::runtime_key(std::string_view name) {
    Level& top = m_stack.back();
    if (!top.empty) m_buf += ',';
    top.empty = false;
    newline_indent(m_base + m_stack.size());
    escaped(name);
    m_buf += ": ";
    m_after_key = true;
    return *this;
}

void JsonWriter::escaped(std::string_view text) {
    // Most strings are copied as they are: one pass finds how much of it is plain (ASCII without
    // anything to escape, and common three-byte characters), usually all of it.
    const std::size_t plain = util::common_utf8_prefix_until(text, '"', '\\');
    m_buf += '"';
    m_buf.append(text.data(), plain);
    const std::string_view rest = text.substr(plain);
    // A report is valid UTF-8 whatever it quotes: a file name in GBK (a Windows zip unpacked on
    // Linux) gets U+FFFD for its undecodable bytes, as nlohmann's error_handler_t::replace would.
    if (!rest.empty()) {
        if (util::is_valid_utf8(rest)) {
            escaped_valid(rest);
        } else {
            escaped_valid(util::to_valid_utf8(rest));
        }
    }
    m_buf += '"';
}

void JsonWriter::escaped_valid(std::string_view text) {
    static constexpr char k_hex[] = "0123456789abcdef";
    std::size_t run = 0;  // start of the pending run of bytes that need no escape
    for (std::size_t i = next_special(text, 0); i < text.size(); i = next_special(text, i + 1)) {
        const auto c = static_cast<unsigned char>(text[i]);
        m_buf.append(text.data() + run, i - run);
        run = i + 1;
        switch (c) {
            case '"': m_buf += "\\\""; break;
            case '\\': m_buf += "\\\\"; break;
            case '\b': m_buf += "\\b"; break;
            case '\f': m_buf += "\\f"; break;
            case '\n': m_buf += "\\n"; break;
            case '\r': m_buf += "\\r"; break;
            case '\t': m_buf += "\\t"; break;
            default:
                m_buf += "\\u00";
                m_buf += k_hex[c >> 4];
                m_buf += k_hex[c & 0xF];
        }
    }
    m_buf.append(text.data() + run, text.size() - run);
}

JsonWriter& JsonWriter::string(std::string_view text) {
    before_value();
    // Most strings are copied as they are (a finding's are all Chinese text and ASCII), checked as they
    // are copied; the others are written again from the quote.
    char* const start = m_buf.claim(text.size() + 1 + 16);
    *start = '"';
    if (copy_plain(text, start + 1)) {
        start[text.size() + 1] = '"';
        m_buf.commit(text.size() + 2);
    } else {
        escaped(text);
    }
    maybe_flush();
    return *this;
}

JsonWriter& JsonWriter::number(std::string_view text) {
    before_value();
    m_buf += text;
    return *this;
}

JsonWriter& JsonWriter::integer(long long n) {
    before_value();
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
    m_buf.append(digits, static_cast<std::size_t>(end - digits));
    return *this;
}

JsonWriter& JsonWriter::boolean(bool b) {
    before_value();
    m_buf += b ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::null() {
    before_value();
    m_buf += "null";
    return *this;
}

JsonWriter& JsonWriter::pretty(std::string_view json) {
    before_value();
    const std::string indent(2 * (m_base + m_stack.size()), ' ');
    for (const char c : json) {
        m_buf += c;
        if (c == '\n') m_buf += indent;
    }
    maybe_flush();
    return *this;
}

void JsonWriter::before_splice() {
    Level& top = m_stack.back();
    if (!top.empty) m_buf += ',';
    top.empty = false;
    flush();
}

bool JsonWriter::splice_elements(util::SpillBuffer& spooled, bool any) {
    if (!any) return true;
    before_splice();
    return spooled.drain_to(*m_out);
}

JsonWriter& JsonWriter::splice_elements(std::istream& spooled, bool any) {
    if (!any) return *this;
    before_splice();
    // In large blocks: a file stream would otherwise copy it a buffer (8 KiB) at a time.
    constexpr std::streamsize k_block = 1 << 20;
    if (!m_splice_block) m_splice_block = std::make_unique_for_overwrite<char[]>(k_block);
    while (spooled.read(m_splice_block.get(), k_block) || spooled.gcount() > 0) {
        m_out->write(m_splice_block.get(), spooled.gcount());
    }
    return *this;
}

}  // namespace perf_check::report
