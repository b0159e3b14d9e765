// The fast worksheet reader (see sheet_scanner.hpp): a tokenizer for the XML subset spreadsheet programs
// write, giving up — never judging — on anything else.
#include "io/sheet_scanner.hpp"

#include <array>
#include <cstdint>
#include <utility>

#include "io/xlsx_limits.hpp"
#include "util/text.hpp"

namespace perf_check::io {

namespace {

constexpr std::size_t k_max_tag = std::size_t{64} * 1024;  // a longer tag is left to expat
constexpr std::size_t k_max_depth = 256;
constexpr std::size_t k_max_reference = 12;  // "&#x10FFFF;" and a little room
constexpr std::size_t k_max_attributes = 32;  // a cell has three or four; more is left to expat (and
                                              // keeps the duplicate test below cheap)

// How a byte of character data is read.
enum : unsigned char { k_plain = 0, k_newline, k_stop, k_lead, k_bad };
constexpr auto k_text_class = [] {
    std::array<unsigned char, 256> t{};
    for (int b = 0; b < 0x20; ++b) t[static_cast<std::size_t>(b)] = k_bad;  // control characters, '\r'
    t['\t'] = k_plain;
    t['\n'] = k_newline;
    t['<'] = k_stop;
    t['&'] = k_stop;
    t['>'] = k_bad;  // legal, but "]]>" is not: Excel escapes it anyway
    t[0x7F] = k_bad;
    for (int b = 0x80; b < 0x100; ++b) t[static_cast<std::size_t>(b)] = k_bad;
    for (int b = 0xC2; b <= 0xF4; ++b) t[static_cast<std::size_t>(b)] = k_lead;
    return t;
}();

// XML's white space. A carriage return is read only where expat reports nothing of it (around the root,
// between attributes): in text and attribute values, where expat would normalise it, it gives up.
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':'; }
bool is_name_char(char c) {
    return is_name_start(c) || (c >= '0' && c <= '9') || c == '.' || c == '-';
}

// The length of the valid UTF-8 sequence of an XML character starting at s[0] (a lead byte C2–F4),
// 0 when it is invalid (or U+FFFE/U+FFFF, which XML forbids), -1 when `n` bytes do not complete it.
int sequence(const unsigned char* s, std::size_t n) {
    const unsigned char b0 = s[0];
    const int len = b0 < 0xE0 ? 2 : (b0 < 0xF0 ? 3 : 4);
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    if (b0 == 0xE0) lo = 0xA0;
    else if (b0 == 0xED) hi = 0x9F;  // no surrogates
    else if (b0 == 0xF0) lo = 0x90;
    else if (b0 == 0xF4) hi = 0x8F;  // nothing past U+10FFFF
    for (int k = 1; k < len; ++k) {
        if (static_cast<std::size_t>(k) >= n) return -1;
        const unsigned char b = s[k];
        if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return 0;
    }
    if (b0 == 0xEF && s[1] == 0xBF && (s[2] == 0xBE || s[2] == 0xBF)) return 0;
    return len;
}

bool xml_char(std::uint32_t cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
           (cp >= 0x10000 && cp <= 0x10FFFF);
}

// "&#…;" without its '&' and ';': the code point, or nothing for a malformed or non-XML one.
bool char_reference(std::string_view body, std::uint32_t& cp) {
    if (body.size() < 2 || body[0] != '#') return false;
    const bool hex = body[1] == 'x';
    const std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 8) return false;
    std::uint32_t v = 0;
    for (const char c : digits) {
        int d = -1;
        if (c >= '0' && c <= '9') d = c - '0';
        else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
        else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
        if (d < 0) return false;
        v = v * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
        if (v > 0x10FFFF) return false;
    }
    cp = v;
    return xml_char(v);
}

}  // namespace

SheetScanner::SheetScanner(XmlHandler& handler, Read read) : m_handler(handler), m_read(std::move(read)) {}

void SheetScanner::fail(std::string message, std::string message_zh) {
    // The expat reader will meet the same event and fail with the same words and its own line numbers.
    (void)message;
    (void)message_zh;
    m_gave_up = true;
}

void SheetScanner::consume(std::size_t n) { m_pos += n; }

bool SheetScanner::fill() {
    m_buf.erase(0, m_pos);
    m_pos = 0;
    const std::size_t old = m_buf.size();
    m_buf.resize(old + xlsx_limits::k_chunk_bytes);
    auto got = m_read(m_buf.data() + old, xlsx_limits::k_chunk_bytes);
    if (!got) {
        m_buf.resize(old);
        m_gave_up = true;  // expat meets the same read error and reports it
        return false;
    }
    m_buf.resize(old + *got);
    return *got > 0;
}

SheetScanner::State SheetScanner::resume() {
    m_pause_asked = false;
    while (!m_gave_up) {
        const Step s = step();
        if (m_gave_up || s == Step::give_up) break;
        if (s == Step::more) {
            if (m_eof) {
                if (m_stage == Stage::epilog && avail() == 0) return State::ended;
                break;  // the input ends inside a token or the root element
            }
            if (!fill()) m_eof = true;
            continue;
        }
        if (m_pause_asked) return State::paused;
    }
    m_gave_up = true;
    return State::gave_up;
}

SheetScanner::Step SheetScanner::step() {
    switch (m_stage) {
        case Stage::start: return xml_declaration();
        case Stage::prolog: return prolog();
        case Stage::epilog: return epilog();
        case Stage::content: break;
    }
    if (avail() == 0) return Step::more;
    const char c = m_buf[m_pos];
    if (c == '&') return reference();
    if (c != '<') return text();
    if (avail() < 2) return Step::more;
    const char c1 = m_buf[m_pos + 1];
    if (c1 == '/') return end_tag();
    if (is_name_start(c1)) return start_tag();
    return Step::give_up;  // a comment, CDATA section or processing instruction
}

// The byte-order mark and `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`, both optional; a
// declaration naming any encoding but UTF-8 gives up.
SheetScanner::Step SheetScanner::xml_declaration() {
    if (avail() < 9 && !m_eof) return Step::more;  // a BOM and "<?xml " (or the whole input)
    if (m_buf.compare(m_pos, 3, "\xEF\xBB\xBF") == 0) consume(3);
    if (m_buf.compare(m_pos, 5, "<?xml") != 0 || avail() < 6 || !is_space(m_buf[m_pos + 5])) {
        m_stage = Stage::prolog;
        return Step::done;
    }
    const std::size_t close = m_buf.find("?>", m_pos);
    if (close == std::string::npos) return avail() > 1024 ? Step::give_up : Step::more;
    std::string_view decl(m_buf.data() + m_pos + 5, close - m_pos - 5);
    // Pseudo-attributes in their required order: version, then encoding, then standalone.
    const std::array<std::string_view, 3> names = {"version", "encoding", "standalone"};
    std::size_t next_name = 0;
    while (true) {
        std::size_t i = 0;
        while (i < decl.size() && is_space(decl[i])) ++i;
        if (i == decl.size()) break;
        if (i == 0) return Step::give_up;
        decl.remove_prefix(i);
        std::size_t k = next_name;
        while (k < names.size() && decl.substr(0, names[k].size()) != names[k]) ++k;
        if (k == names.size() || (next_name == 0 && k != 0)) return Step::give_up;
        next_name = k + 1;
        decl.remove_prefix(names[k].size());
        std::size_t j = 0;
        while (j < decl.size() && is_space(decl[j])) ++j;
        if (j == decl.size() || decl[j] != '=') return Step::give_up;
        ++j;
        while (j < decl.size() && is_space(decl[j])) ++j;
        if (j == decl.size() || (decl[j] != '"' && decl[j] != '\'')) return Step::give_up;
        const std::size_t end = decl.find(decl[j], j + 1);
        if (end == std::string_view::npos) return Step::give_up;
        std::string value(decl.substr(j + 1, end - j - 1));
        if (k == 1) {  // encoding names are case-insensitive; version and standalone values are not
            for (char& c : value) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        }
        if (k == 0 && value != "1.0") return Step::give_up;
        if (k == 1 && value != "utf-8") return Step::give_up;
        if (k == 2 && value != "yes" && value != "no") return Step::give_up;
        decl.remove_prefix(end + 1);
    }
    if (next_name == 0) return Step::give_up;  // no version
    for (std::size_t p = m_pos; p < close; ++p) m_line += m_buf[p] == '\n' ? 1 : 0;
    consume(close + 2 - m_pos);
    m_stage = Stage::prolog;
    return Step::done;
}

// Spaces up to the root element; nothing else (a DOCTYPE, comments, processing instructions) is read here.
SheetScanner::Step SheetScanner::prolog() {
    while (avail() > 0 && is_space(m_buf[m_pos])) {
        if (m_buf[m_pos] == '\n') ++m_line;
        consume(1);
    }
    if (avail() < 2) return Step::more;
    if (m_buf[m_pos] != '<' || !is_name_start(m_buf[m_pos + 1])) return Step::give_up;
    m_stage = Stage::content;
    return start_tag();
}

SheetScanner::Step SheetScanner::epilog() {
    while (avail() > 0 && is_space(m_buf[m_pos])) {
        if (m_buf[m_pos] == '\n') ++m_line;
        consume(1);
    }
    return avail() == 0 ? Step::more : Step::give_up;
}

// A run of character data up to '<' or '&', checked as UTF-8 and XML characters.
SheetScanner::Step SheetScanner::text() {
    const auto* begin = reinterpret_cast<const unsigned char*>(m_buf.data() + m_pos);
    const auto* end = reinterpret_cast<const unsigned char*>(m_buf.data() + m_buf.size());
    const unsigned char* q = begin;
    long lines = 0;
    while (q < end) {
        const unsigned char cls = k_text_class[*q];
        if (cls == k_plain) {
            ++q;
        } else if (cls == k_newline) {
            ++lines;
            ++q;
        } else if (cls == k_lead) {
            const int len = sequence(q, static_cast<std::size_t>(end - q));
            if (len == 0) return Step::give_up;
            if (len < 0) break;  // completed by the next read
            q += len;
        } else if (cls == k_stop) {
            break;
        } else {
            return Step::give_up;
        }
    }
    if (q == begin) return Step::more;  // an incomplete character at the end of the buffer
    const auto n = static_cast<std::size_t>(q - begin);
    m_handler.on_text(*this, std::string_view(m_buf.data() + m_pos, n));
    m_line += lines;
    consume(n);
    return Step::done;
}

// "&lt;" "&gt;" "&amp;" "&quot;" "&apos;" and character references; any other entity gives up.
SheetScanner::Step SheetScanner::reference() {
    const std::size_t limit = std::min(avail(), k_max_reference);
    const std::size_t semi = std::string_view(m_buf.data() + m_pos, limit).find(';');
    if (semi == std::string_view::npos) return avail() < k_max_reference ? Step::more : Step::give_up;
    const std::string_view body(m_buf.data() + m_pos + 1, semi - 1);
    std::string_view out;
    std::string decoded;
    if (body == "lt") out = "<";
    else if (body == "gt") out = ">";
    else if (body == "amp") out = "&";
    else if (body == "quot") out = "\"";
    else if (body == "apos") out = "'";
    else {
        std::uint32_t cp = 0;
        if (!char_reference(body, cp)) return Step::give_up;
        util::append_utf8(decoded, static_cast<char32_t>(cp));
        out = decoded;
    }
    consume(semi + 1);
    m_handler.on_text(*this, out);
    return Step::done;
}

SheetScanner::Step SheetScanner::start_tag() {
    const char* s = m_buf.data();
    const std::size_t n = m_buf.size();
    auto incomplete = [&] { return avail() > k_max_tag ? Step::give_up : Step::more; };
    std::size_t i = m_pos + 1;
    while (i < n && is_name_char(s[i])) ++i;
    if (i == n) return incomplete();
    const std::string_view name(s + m_pos + 1, i - m_pos - 1);
    m_attr_spans.clear();
    long lines = 0;
    bool empty = false;
    while (true) {
        const std::size_t spaces = i;
        while (i < n && is_space(s[i])) lines += s[i++] == '\n' ? 1 : 0;
        if (i == n) return incomplete();
        if (s[i] == '>') {
            ++i;
            break;
        }
        if (s[i] == '/') {
            if (i + 1 == n) return incomplete();
            if (s[i + 1] != '>') return Step::give_up;
            i += 2;
            empty = true;
            break;
        }
        if (i == spaces || !is_name_start(s[i])) return Step::give_up;
        const std::size_t name_at = i;
        while (i < n && is_name_char(s[i])) ++i;
        const std::size_t name_end = i;
        while (i < n && is_space(s[i])) lines += s[i++] == '\n' ? 1 : 0;
        if (i == n) return incomplete();
        if (s[i] != '=') return Step::give_up;
        ++i;
        while (i < n && is_space(s[i])) lines += s[i++] == '\n' ? 1 : 0;
        if (i == n) return incomplete();
        const char quote = s[i];
        if (quote != '"' && quote != '\'') return Step::give_up;
        const std::size_t value_at = ++i;
        while (i < n && s[i] != quote) {
            const auto b = static_cast<unsigned char>(s[i]);
            if (b < 0x20 || b == 0x7F || b == '<' || b == '&') return Step::give_up;
            if (b < 0x80) {
                ++i;
                continue;
            }
            if (k_text_class[b] != k_lead) return Step::give_up;
            const int len = sequence(reinterpret_cast<const unsigned char*>(s + i), n - i);
            if (len == 0) return Step::give_up;
            if (len < 0) return incomplete();
            i += static_cast<std::size_t>(len);
        }
        if (i == n) return incomplete();
        const std::string_view attr(s + name_at, name_end - name_at);
        if (m_attr_spans.size() >= 2 * k_max_attributes) return Step::give_up;
        for (std::size_t k = 0; k < m_attr_spans.size(); k += 2) {  // names only: values sit between them
            if (std::string_view(s + m_attr_spans[k].first, m_attr_spans[k].second) == attr) {
                return Step::give_up;  // expat: duplicate attribute
            }
        }
        m_attr_spans.emplace_back(name_at, name_end - name_at);
        m_attr_spans.emplace_back(value_at, i - value_at);
        ++i;  // the closing quote
    }
    if (i - m_pos > k_max_tag || m_name_starts.size() >= k_max_depth) return Step::give_up;
    // expat's layout: NUL-terminated name and value pairs, then a null pointer.
    m_attr_text.clear();
    for (const auto& [at, len] : m_attr_spans) {
        m_attr_text.append(s + at, len);
        m_attr_text += '\0';
    }
    m_attrs.clear();
    for (std::size_t k = 0, off = 0; k < m_attr_spans.size(); ++k) {
        m_attrs.push_back(m_attr_text.data() + off);
        off += m_attr_spans[k].second + 1;
    }
    m_attrs.push_back(nullptr);
    m_attrs.push_back(nullptr);
    consume(i - m_pos);
    m_name_starts.push_back(m_names.size());
    m_names.append(name);
    m_handler.on_start(*this, xml_local_name(name), m_attrs.data());
    m_line += lines;  // after the handler: line() is where the tag starts, as with expat
    if (m_gave_up) return Step::give_up;
    if (empty) {
        m_names.resize(m_name_starts.back());
        m_name_starts.pop_back();
        m_handler.on_end(*this, xml_local_name(name));
        if (m_gave_up) return Step::give_up;
        if (m_name_starts.empty()) m_stage = Stage::epilog;
    }
    return Step::done;
}

SheetScanner::Step SheetScanner::end_tag() {
    const char* s = m_buf.data();
    const std::size_t n = m_buf.size();
    std::size_t i = m_pos + 2;
    while (i < n && is_name_char(s[i])) ++i;
    const std::string_view name(s + m_pos + 2, i - m_pos - 2);
    long lines = 0;
    while (i < n && is_space(s[i])) lines += s[i++] == '\n' ? 1 : 0;
    if (i == n) return avail() > k_max_tag ? Step::give_up : Step::more;
    if (s[i] != '>' || name.empty() || m_name_starts.empty()) return Step::give_up;
    if (std::string_view(m_names).substr(m_name_starts.back()) != name) return Step::give_up;  // mismatched tag
    m_names.resize(m_name_starts.back());
    m_name_starts.pop_back();
    consume(i + 1 - m_pos);
    m_handler.on_end(*this, xml_local_name(name));
    m_line += lines;
    if (m_gave_up) return Step::give_up;
    if (m_name_starts.empty()) m_stage = Stage::epilog;
    return Step::done;
}

}  // namespace perf_check::io
