// Generic UTF-8 text helpers: trimming, full-width folding, display width, edit distance.
// Knows nothing of performance targets.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace perf_check::util {

/// next_code_point() for what its inline part does not decode.
char32_t next_code_point_general(std::string_view s, std::size_t& pos);

/// Decodes one UTF-8 code point at `pos`, advancing it; invalid bytes yield U+FFFD and advance by 1.
/// ASCII and the three-byte characters of Chinese text are decoded inline (scanners call this for
/// every character); the rest, and every malformed sequence, by next_code_point_general().
inline char32_t next_code_point(std::string_view s, std::size_t& pos) {
    const auto b0 = static_cast<unsigned char>(s[pos]);
    if (b0 < 0x80) {
        ++pos;
        return b0;
    }
    // Leads E1–EC and EE–EF with two continuation bytes always encode U+1000–U+FFFF, never an overlong
    // form or a surrogate (E0 and ED, which can, go the general way).
    if (b0 >= 0xE1 && b0 <= 0xEF && b0 != 0xED && pos + 2 < s.size()) {
        const auto b1 = static_cast<unsigned char>(s[pos + 1]);
        const auto b2 = static_cast<unsigned char>(s[pos + 2]);
        if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
            pos += 3;
            return (static_cast<char32_t>(b0 & 0x0F) << 12) | (static_cast<char32_t>(b1 & 0x3F) << 6) | (b2 & 0x3F);
        }
    }
    return next_code_point_general(s, pos);
}
/// True when `s` is well-formed UTF-8 (as next_code_point() reads it: no overlong form, surrogate or
/// value above U+10FFFF); the common text sixteen bytes at a time (common_utf8_prefix).
bool is_valid_utf8(std::string_view s);
/// How many bytes at the start of `s` are ASCII and whole three-byte characters of the common range
/// (leads E1–EC, EE–EF: most Chinese text), checked sixteen at a time; ends on a character boundary.
/// What follows it is unchecked: valid UTF-8 of another kind, an error, or a character cut by the end
/// of `s`. NUL counts as ASCII.
std::size_t common_utf8_prefix(std::string_view s);
/// The same, also ending before the first NUL: the start of `s` that is certainly UTF-8 text (a NUL
/// makes a file binary), found in the same pass.
std::size_t common_utf8_text_prefix(std::string_view s);
/// The same, also ending before the first control character (below 0x20), `a` or `b`: with '"' and
/// '\\', the start of a string a JSON writer can copy as it is, found in the same pass.
std::size_t common_utf8_prefix_until(std::string_view s, char a, char b);
/// `s` with each ill-formed part replaced by one U+FFFD (per maximal subpart, as Unicode recommends and
/// nlohmann's error_handler_t::replace does: "\xE4\xB8A" → "\uFFFDA"): what a report writes for a path or
/// text that is not UTF-8 (a GBK file name, say), so that the report itself stays valid.
std::string to_valid_utf8(std::string_view s);

/// Appends the UTF-8 encoding of `cp`.
void append_utf8(std::string& out, char32_t cp);

/// True for ASCII whitespace, NBSP (U+00A0), ideographic space (U+3000), zero-width space/BOM.
bool is_space(char32_t cp);

namespace detail {
// Every space of is_space() other than ASCII starts with one of these bytes (U+00A0 C2, U+2002/3/9 and
// U+200B E2, U+3000 E3, U+FEFF EF), and so do the full-width forms fold() rewrites (EF). Text without
// them (and without ASCII spaces, for strip_spaces) is returned as it is, without decoding.
// One table lookup per byte on the hot paths (every cell is trimmed and folded, level names are tested
// for spaces many times per indicator); here, for the tests of a text's ends made inline below.
inline constexpr unsigned char k_ascii_space = 1;
inline constexpr unsigned char k_wide_lead = 2;
// The leads of what fold() rewrites inside a text (U+00A0 C2, U+3000 E3, U+FF01–U+FF5E EF): not E2, whose
// spaces are only trimmed, and which starts the quotes, dashes and ≥ ≤ of Chinese text.
inline constexpr unsigned char k_fold_lead = 4;
inline constexpr auto k_byte_class = [] {
    std::array<unsigned char, 256> t{};
    for (const unsigned char b : {' ', '\t', '\r', '\n', '\v', '\f'}) t[b] = k_ascii_space;
    for (const unsigned char b : {0xC2, 0xE2, 0xE3, 0xEF}) t[b] = k_wide_lead;
    for (const unsigned char b : {0xC2, 0xE3, 0xEF}) t[b] |= k_fold_lead;
    return t;
}();

// Most texts have nothing to trim: they start with a byte that starts no space and end in ASCII that is
// not one, or in a three-byte character whose lead byte starts no space (Chinese text). False for
// empty text, and may be a false alarm. Inline: every cell of a table is asked, most answers are yes.
inline bool trim_keeps(std::string_view s) {
    if (s.empty() || k_byte_class[static_cast<unsigned char>(s.front())] != 0) return false;
    const std::size_t n = s.size();
    const auto last = static_cast<unsigned char>(s[n - 1]);
    if (last < 0x80) return k_byte_class[last] == 0;
    if (n >= 3 && (last & 0xC0) == 0x80 && (static_cast<unsigned char>(s[n - 2]) & 0xC0) == 0x80) {
        const auto lead = static_cast<unsigned char>(s[n - 3]);
        return (lead & 0xC0) != 0x80 && k_byte_class[lead] == 0;
    }
    return false;
}
}  // namespace detail

/// Removes leading and trailing spaces in the sense of is_space().
std::string trim(std::string_view s);
/// trim_view() of text whose ends may be spaces.
std::string_view trim_view_general(std::string_view s);
/// trim() without copying: a view into `s`.
inline std::string_view trim_view(std::string_view s) {
    return detail::trim_keeps(s) ? s : trim_view_general(s);
}
/// is_blank() of text that starts with a byte that may start a space.
bool is_blank_general(std::string_view s);
/// True when `s` holds nothing but spaces (is_space); never allocates. A text that starts with a byte
/// that starts no space is not blank, whatever follows: most cells (every cell of every row is asked
/// when rows are assembled), answered inline.
inline bool is_blank(std::string_view s) {
    if (s.empty()) return true;
    if (detail::k_byte_class[static_cast<unsigned char>(s.front())] == 0) return false;
    return is_blank_general(s);
}

/// Folds full-width ASCII variants (U+FF01–U+FF5E) to ASCII, U+3000/NBSP to a space, and trims.
/// "＞＝９０％" → ">=90%". Other characters (≥, 万元, CJK punctuation) are kept.
std::string fold(std::string_view s);
/// fold() written into `out`, replacing what it held but keeping its capacity: a reader that refills
/// the same strings row after row allocates nothing once they are large enough. `s` must not alias `out`.
/// Folding only removes bytes: `out` differs from `s` exactly when it is shorter.
void fold_into(std::string_view s, std::string& out);
/// True when fold() of already trimmed text is that text (no byte it could rewrite): callers may then
/// use the text as it is and skip the copy. A cheap byte test; false may be a false alarm.
bool fold_keeps(std::string_view trimmed);

/// The lead of what fold() rewrites inside a text: NBSP (C2), U+3000 (E3) or a full-width form (EF). A
/// reader that looks at every byte anyway (the CSV reader) notes the cells holding none, and
/// fold_keeps_plain() then needs only their ends.
inline bool is_fold_lead(unsigned char b) {
    return (detail::k_byte_class[b] & detail::k_fold_lead) != 0;
}
/// For text holding no byte of is_fold_lead(): true when fold() leaves it as it is, which it does
/// unless a space starts or ends it (a byte test of its ends; false may be a false alarm).
inline bool fold_keeps_plain(std::string_view plain) {
    // Without a fold lead nothing inside folds: the text is its own fold when trimming keeps it too.
    return plain.empty() || detail::trim_keeps(plain);
}

/// How many bytes of `s` are `c` (sixteen at a time: the encoding scan counts the lines of every block).
std::size_t count_byte(std::string_view s, char c);

/// False when text starting with byte `b` is certainly left as it is by trim_view() and fold() at its
/// start (the byte begins no space and no full-width form): its first byte is then the result's.
inline bool may_trim_or_fold_at(unsigned char b) {
    return detail::k_byte_class[b] != 0;
}

/// Removes every space (is_space) anywhere in the text.
std::string strip_spaces(std::string_view s);
/// strip_spaces(s) appended to `out` (whose room a caller may keep from call to call).
void append_without_spaces(std::string& out, std::string_view s);
/// False when `s` certainly holds no space of is_space() (a cheap byte test; true may be a false alarm),
/// so callers can skip strip_spaces() and its copy.
bool has_spaces(std::string_view s);

/// Terminal display width: 2 for East Asian wide/full-width characters, 0 for combining marks, else 1.
std::size_t display_width(std::string_view s);

/// Levenshtein distance over code points.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word` by edit distance if it is close enough to be a plausible typo
/// (distance ≤ max(1, length/3)); empty string otherwise.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

bool contains(std::string_view haystack, std::string_view needle);

namespace detail {
// Whether the first and the last sizeof(Word) bytes of x and y (n of them, n >= sizeof(Word)) are the
// same: two loads each, overlapping when n < 2 * sizeof(Word), so all n bytes are compared.
template <class Word>
bool same_ends(const char* x, const char* y, std::size_t n) {
    Word x0 = 0, x1 = 0, y0 = 0, y1 = 0;  // NOLINT(readability-isolate-declaration)
    std::memcpy(&x0, x, sizeof(Word));
    std::memcpy(&y0, y, sizeof(Word));
    std::memcpy(&x1, x + n - sizeof(Word), sizeof(Word));
    std::memcpy(&y1, y + n - sizeof(Word), sizeof(Word));
    return ((x0 ^ y0) | (x1 ^ y1)) == 0;
}
}  // namespace detail

/// Copies the `n` bytes at `from` to `to` (which do not overlap); below 16 bytes without a call of memcpy,
/// as two copies that overlap: for pieces of a few bytes the call cost more than the copy.
inline void copy_bytes(char* to, const char* from, std::size_t n) {
    if (n >= 16) {
        std::memcpy(to, from, n);
    } else if (n >= 8) {
        std::memcpy(to, from, 8);
        std::memcpy(to + n - 8, from + n - 8, 8);
    } else if (n >= 4) {
        std::memcpy(to, from, 4);
        std::memcpy(to + n - 4, from + n - 4, 4);
    } else if (n > 0) {
        to[0] = from[0];
        to[n / 2] = from[n / 2];
        to[n - 1] = from[n - 1];
    }
}

/// a == b, without a call of memcmp for texts of up to 16 bytes: level names, units and the memos' keys
/// are compared several times per indicator, and most of them are that short (a call cost more than
/// the comparison).
inline bool same_text(std::string_view a, std::string_view b) {
    const std::size_t n = a.size();
    if (n != b.size()) return false;
    if (n > 16) return a == b;
    const char* x = a.data();
    const char* y = b.data();
    if (n >= 8) return detail::same_ends<std::uint64_t>(x, y, n);
    if (n >= 4) return detail::same_ends<std::uint32_t>(x, y, n);
    // One to three bytes: the first, the middle and the last are all of them.
    return n == 0 || (x[0] == y[0] && x[n / 2] == y[n / 2] && x[n - 1] == y[n - 1]);
}

// Inline: rules call these on every cell, many times per indicator.
inline bool starts_with(std::string_view s, std::string_view prefix) { return s.starts_with(prefix); }
inline bool ends_with(std::string_view s, std::string_view suffix) { return s.ends_with(suffix); }
std::vector<std::string> split(std::string_view s, char sep);
std::string join(const std::vector<std::string>& parts, std::string_view sep);
/// The parts one after another, in a string sized once: a chain of `+` on std::string grows (and copies)
/// its result several times over for a sentence of a dozen parts, as the scorer's steps are.
std::string concat(std::initializer_list<std::string_view> parts);
/// The same written over `out`, which keeps its room: a string refilled from one use to the next then
/// allocates only when a text is longer than any before. No part may view `out` itself.
void concat_into(std::string& out, std::initializer_list<std::string_view> parts);
/// `s` as one CSV field (RFC 4180): in quotes, with its quotes doubled, when it holds a comma, a quote
/// or a line break; as it is otherwise.
std::string csv_quoted(std::string_view s);
std::string replace_all(std::string_view s, std::string_view from, std::string_view to);

/// printf-style substitution of %s and %d, in order, from already formatted strings; a placeholder
/// with no argument left is dropped. Used by the reporters' message tables.
std::string subst(const char* pattern, const std::vector<std::string>& args);

/// Two-digit upper-case hex of each byte, space separated: "C3 28".
std::string hex_bytes(std::string_view bytes);

}  // namespace perf_check::util
