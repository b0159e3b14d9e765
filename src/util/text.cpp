// Implementation of the generic UTF-8 helpers.
#include "util/text.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace perf_check::util {

char32_t next_code_point_general(std::string_view s, std::size_t& pos) {
    const auto b0 = static_cast<unsigned char>(s[pos]);
    if (b0 < 0x80) {
        ++pos;
        return b0;
    }
    int len = 0;
    char32_t cp = 0;
    if ((b0 & 0xE0) == 0xC0) {
        len = 2;
        cp = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3;
        cp = b0 & 0x0F;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4;
        cp = b0 & 0x07;
    } else {
        ++pos;
        return 0xFFFD;
    }
    if (pos + len > s.size()) {
        ++pos;
        return 0xFFFD;
    }
    for (int i = 1; i < len; ++i) {
        const auto b = static_cast<unsigned char>(s[pos + i]);
        if ((b & 0xC0) != 0x80) {
            ++pos;
            return 0xFFFD;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    // Overlong forms (C0 80 for NUL, E0 80 AF for '/'), UTF-16 surrogates and values above U+10FFFF
    // are not UTF-8: decoding them would let a byte sequence pass for a character it does not encode.
    constexpr char32_t k_min_for_len[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < k_min_for_len[len] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
        ++pos;
        return 0xFFFD;
    }
    pos += len;
    return cp;
}

namespace {

// A code point next_code_point() read at `start`..`pos` is a decoding failure, not a U+FFFD written out.
bool undecodable(char32_t cp, std::size_t start, std::size_t pos) {
    return cp == 0xFFFD && pos - start != 3;
}

// is_valid_utf8() from `i` (a character boundary) on, a character at a time as next_code_point()
// reads it (ASCII and the three-byte characters of Chinese text inline).
bool valid_utf8_from(std::string_view s, std::size_t i) {
    while (i < s.size()) {
        const std::size_t start = i;
        const char32_t cp = next_code_point(s, i);
        if (undecodable(cp, start, i)) return false;
    }
    return true;
}

}  // namespace

namespace {

// Where common_prefix() also ends: nowhere else, before a NUL, or before a control character (below
// 0x20), `a` or `b`.
enum class PrefixStop { none, nul, control };

// common_utf8_prefix() and its forms that also end at a stop.
template <PrefixStop Stop>
std::size_t common_prefix(std::string_view s, [[maybe_unused]] char a, [[maybe_unused]] char b) {
    std::size_t i = 0;
    const auto* const data = reinterpret_cast<const unsigned char*>(s.data());
#if defined(__SSE2__)
    // Reports check every string they write and the CSV reader every byte of a table, so the usual
    // text (ASCII and three-byte characters with leads E1–EC, EE–EF, which are always well formed) is
    // checked sixteen bytes at a time: every non-ASCII byte must be such a lead or a continuation byte,
    // and the continuation bytes must be exactly the two after each lead (carried into the next
    // block). Anything else (two- and four-byte characters, leads E0 and ED, which can start overlong
    // forms and surrogates, or an error) ends the prefix at the start of the character the block
    // began in.
    const __m128i high_two = _mm_set1_epi8(static_cast<char>(0xC0));
    const __m128i high_four = _mm_set1_epi8(static_cast<char>(0xF0));
    const __m128i continuation = _mm_set1_epi8(static_cast<char>(0x80));
    const __m128i lead3 = _mm_set1_epi8(static_cast<char>(0xE0));
    const __m128i lead_e0 = _mm_set1_epi8(static_cast<char>(0xE0));
    const __m128i lead_ed = _mm_set1_epi8(static_cast<char>(0xED));
    const __m128i below_space = _mm_set1_epi8(0x1F);
    const __m128i stop_a = _mm_set1_epi8(a);
    const __m128i stop_b = _mm_set1_epi8(b);
    unsigned carry = 0;  // continuation bytes the previous block's last leads expect here (bits 0–1)
    for (; i + 16 <= s.size(); i += 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
        if constexpr (Stop == PrefixStop::nul) {
            if (_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_setzero_si128())) != 0) break;
        } else if constexpr (Stop == PrefixStop::control) {
            // Unsigned x <= 0x1F; bytes of 0x80 and above are not controls.
            const __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(x, below_space), below_space);
            const __m128i stops =
                _mm_or_si128(control, _mm_or_si128(_mm_cmpeq_epi8(x, stop_a), _mm_cmpeq_epi8(x, stop_b)));
            if (_mm_movemask_epi8(stops) != 0) break;
        }
        const auto high = static_cast<unsigned>(_mm_movemask_epi8(x));
        if (high == 0 && carry == 0) continue;
        const auto cont =
            static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(x, high_two), continuation)));
        const auto leads = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(x, high_four), lead3)));
        const auto risky = static_cast<unsigned>(
            _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(x, lead_e0), _mm_cmpeq_epi8(x, lead_ed))));
        const unsigned expected = (leads << 1) | (leads << 2) | carry;
        if ((high & ~(cont | leads)) != 0 || risky != 0 || (expected & 0xFFFF) != cont) break;
        carry = expected >> 16;
    }
    // Back to the lead of a character cut by the block's start: one or two bytes before it.
    if (carry != 0) i -= (carry & 2) != 0 ? 1 : 2;
#endif
    // The rest (short strings, the last bytes, or from where a block stopped) a character at a time.
    const std::size_t n = s.size();
    while (i < n) {
        const unsigned char c = data[i];
        if (c < 0x80) {
            if constexpr (Stop == PrefixStop::nul) {
                if (c == 0) break;
            } else if constexpr (Stop == PrefixStop::control) {
                if (c < 0x20 || c == static_cast<unsigned char>(a) || c == static_cast<unsigned char>(b)) break;
            }
            ++i;
        } else if (i + 2 < n && c >= 0xE1 && c <= 0xEF && c != 0xED && (data[i + 1] & 0xC0) == 0x80 &&
                   (data[i + 2] & 0xC0) == 0x80) {
            i += 3;
        } else {
            break;
        }
    }
    return i;
}

}  // namespace

std::size_t common_utf8_prefix(std::string_view s) {
    return common_prefix<PrefixStop::none>(s, 0, 0);
}

std::size_t common_utf8_text_prefix(std::string_view s) {
    return common_prefix<PrefixStop::nul>(s, 0, 0);
}

std::size_t common_utf8_prefix_until(std::string_view s, char a, char b) {
    return common_prefix<PrefixStop::control>(s, a, b);
}

bool is_valid_utf8(std::string_view s) {
    return valid_utf8_from(s, common_utf8_prefix(s));
}

namespace {

// How many bytes from `i` form the longest start of a well-formed UTF-8 sequence (at least 1): what
// one U+FFFD replaces when the sequence is not complete (Unicode's "maximal subpart", which is also
// what nlohmann's error_handler_t::replace writes).
std::size_t maximal_subpart(std::string_view s, std::size_t i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    int need = 0;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        need = 1;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        need = 2;
        if (b0 == 0xE0) lo = 0xA0;
        if (b0 == 0xED) hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        need = 3;
        if (b0 == 0xF0) lo = 0x90;
        if (b0 == 0xF4) hi = 0x8F;
    } else {
        return 1;  // not a lead byte at all
    }
    std::size_t n = 1;
    for (int k = 0; k < need && i + n < s.size(); ++k) {
        const auto b = static_cast<unsigned char>(s[i + n]);
        if (b < lo || b > hi) break;
        ++n;
        lo = 0x80;
        hi = 0xBF;
    }
    return n;
}

}  // namespace

std::string to_valid_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 8);
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t start = i;
        const char32_t cp = next_code_point(s, i);
        if (!undecodable(cp, start, i)) {
            out.append(s.data() + start, i - start);
            continue;
        }
        append_utf8(out, 0xFFFD);
        i = start + maximal_subpart(s, start);
    }
    return out;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool is_space(char32_t cp) {
    return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == '\v' || cp == '\f' || cp == 0xA0 ||
           cp == 0x3000 || cp == 0x200B || cp == 0xFEFF || cp == 0x2002 || cp == 0x2003 || cp == 0x2009;
}

namespace {

// The byte classes (text.hpp): what may start a space or a character fold() rewrites.
using detail::k_ascii_space;
using detail::k_byte_class;
using detail::k_fold_lead;
using detail::k_wide_lead;
bool may_hold_wide_space(unsigned char b) {
    return (k_byte_class[b] & k_wide_lead) != 0;
}
bool is_ascii_space(unsigned char b) { return k_byte_class[b] == k_ascii_space; }
// Position of the first byte at or after `from` of one of `classes`, or s.size().
std::size_t find_byte_of(std::string_view s, unsigned char classes, std::size_t from = 0) {
    std::size_t i = from;
#if defined(__SSE2__)
    // Sixteen bytes at a time: cells are tested on every read and level names many times each.
    const bool wide = (classes & k_wide_lead) != 0;
    const bool fold = wide || (classes & k_fold_lead) != 0;  // the fold leads are wide leads too
    const bool ascii = (classes & k_ascii_space) != 0;
    const auto hits = [&](__m128i x) {
        __m128i hit = _mm_setzero_si128();
        if (fold) {
            hit = _mm_or_si128(hit, _mm_cmpeq_epi8(x, _mm_set1_epi8(static_cast<char>(0xC2))));
            hit = _mm_or_si128(hit, _mm_cmpeq_epi8(x, _mm_set1_epi8(static_cast<char>(0xE3))));
            hit = _mm_or_si128(hit, _mm_cmpeq_epi8(x, _mm_set1_epi8(static_cast<char>(0xEF))));
        }
        if (wide) hit = _mm_or_si128(hit, _mm_cmpeq_epi8(x, _mm_set1_epi8(static_cast<char>(0xE2))));
        if (ascii) {
            // ' ' or '\t'..'\r' (0x09–0x0D): x − 0x09 ≤ 4, unsigned.
            const __m128i shifted = _mm_sub_epi8(x, _mm_set1_epi8(0x09));
            const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(shifted, _mm_set1_epi8(4)), shifted);
            hit = _mm_or_si128(hit, _mm_or_si128(control, _mm_cmpeq_epi8(x, _mm_set1_epi8(' '))));
        }
        return static_cast<unsigned>(_mm_movemask_epi8(hit));
    };
    for (; i + 16 <= s.size(); i += 16) {
        const unsigned mask = hits(_mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i)));
        if (mask != 0) return i + static_cast<std::size_t>(__builtin_ctz(mask));
    }
    if (i + 8 <= s.size()) {
        // Eight to fifteen bytes left (most level names and units: twelve): their first eight and last
        // eight, overlapping, as one block.
        const std::size_t last = s.size() - 8;
        const __m128i head = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(s.data() + i));
        const __m128i tail = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(s.data() + last));
        const unsigned mask = hits(_mm_unpacklo_epi64(head, tail));
        if ((mask & 0xFFU) != 0) return i + static_cast<std::size_t>(__builtin_ctz(mask));
        return mask != 0 ? last + static_cast<std::size_t>(__builtin_ctz(mask >> 8)) : s.size();
    }
#endif
    for (; i < s.size(); ++i) {
        if (k_byte_class[static_cast<unsigned char>(s[i])] & classes) return i;
    }
    return s.size();
}
bool any_byte_of(std::string_view s, unsigned char classes) {
    return find_byte_of(s, classes) != s.size();
}

// Start of the code point that ends at `end` (exclusive): back over continuation bytes.
std::size_t previous_start(std::string_view s, std::size_t end) {
    std::size_t p = end - 1;
    while (p > 0 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80 && end - p < 4) --p;
    return p;
}

}  // namespace

std::string_view trim_view_general(std::string_view s) {
    std::size_t begin = 0;
    std::size_t end = s.size();
    while (begin < end) {
        const auto b = static_cast<unsigned char>(s[begin]);
        if (b < 0x80) {
            if (!is_ascii_space(b)) break;
            ++begin;
            continue;
        }
        if (!may_hold_wide_space(b)) break;  // a CJK character, not a space: no need to decode it
        std::size_t p = begin;
        if (!is_space(next_code_point(s, p))) break;
        begin = p;
    }
    while (end > begin) {
        const auto b = static_cast<unsigned char>(s[end - 1]);
        if (b < 0x80) {
            if (!is_ascii_space(b)) break;
            --end;
            continue;
        }
        const std::size_t start = std::max(begin, previous_start(s, end));
        if (!may_hold_wide_space(static_cast<unsigned char>(s[start]))) break;
        std::size_t p = start;
        const char32_t cp = next_code_point(s, p);
        // Only a whole, valid space code point ending exactly here is trimmed.
        if (p != end || !is_space(cp)) break;
        end = start;
    }
    return s.substr(begin, end - begin);
}

std::string trim(std::string_view s) { return std::string(trim_view(s)); }

std::string fold(std::string_view s) {
    std::string out;
    fold_into(s, out);
    return out;
}

namespace {
// What folds at `i`: EF BC 81–EF BD 9E (U+FF01–U+FF5E) to ASCII, E3 80 80 (U+3000) and C2 A0 (NBSP) to a
// space. {bytes folded, the byte they become}; {0, 0} when nothing folds there.
std::pair<std::size_t, char> fold_at(std::string_view t, std::size_t i) {
    const std::size_t n = t.size();
    const auto b0 = static_cast<unsigned char>(t[i]);
    if (b0 == 0xEF && i + 2 < n) {
        const auto b1 = static_cast<unsigned char>(t[i + 1]);
        const auto b2 = static_cast<unsigned char>(t[i + 2]);
        if (b1 == 0xBC && b2 >= 0x81 && b2 <= 0xBF) return {3, static_cast<char>(b2 - 0x81 + 0x21)};  // U+FF01–U+FF3F
        if (b1 == 0xBD && b2 >= 0x80 && b2 <= 0x9E) return {3, static_cast<char>(b2 - 0x80 + 0x60)};  // U+FF40–U+FF5E
    } else if (b0 == 0xE3 && i + 2 < n && t[i + 1] == '\x80' && t[i + 2] == '\x80') {
        return {3, ' '};
    } else if (b0 == 0xC2 && i + 1 < n && t[i + 1] == '\xA0') {
        return {2, ' '};
    }
    return {0, '\0'};
}

// The first position at or after `i` where something folds, or t.size(). Only the leads of what folds
// stop the scan, and those that start something else (、。《》 are E3 too) are passed over in place.
std::size_t next_fold(std::string_view t, std::size_t i) {
    while ((i = find_byte_of(t, k_fold_lead, i)) < t.size()) {
        if (fold_at(t, i).first > 0) return i;
        ++i;
    }
    return t.size();
}
}  // namespace

void fold_into(std::string_view s, std::string& out) {
    // Most cells have nothing to trim (trim_view looks at their ends only) and nothing to fold: they are
    // copied whole. A cell with inner spaces, quotes or 、。 is no exception: those neither trim nor fold.
    const std::string_view t = trim_view(s);
    std::size_t i = next_fold(t, 0);
    if (i == t.size()) {
        out.assign(t);
        return;
    }
    // Byte-level rewrite: only what fold_at() names changes; every other byte (valid UTF-8, checked when
    // the file was read) is copied as it is, in runs between the folded characters.
    out.clear();
    out.reserve(t.size());
    const std::size_t n = t.size();
    std::size_t run = 0;  // start of the bytes not yet copied
    for (; i < n; i = next_fold(t, i)) {
        out.append(t.data() + run, i - run);
        const auto [bytes, folded] = fold_at(t, i);
        out += folded;
        run = i += bytes;
    }
    out.append(t.data() + run, n - run);
    // A folded space at either end (U+3000 → ' ') is trimmed too.
    const std::string_view folded = trim_view(out);
    if (folded.size() == out.size()) return;
    const std::size_t lead = static_cast<std::size_t>(folded.data() - out.data());
    const std::size_t keep = folded.size();
    out.erase(0, lead);
    out.resize(keep);
}

bool has_spaces(std::string_view s) { return any_byte_of(s, k_ascii_space | k_wide_lead); }

std::size_t count_byte(std::string_view s, char c) {
    std::size_t n = 0;
    std::size_t i = 0;
#if defined(__SSE2__)
    // Each lane counts its matches (a match is -1: subtracted) for up to 255 blocks, then the lanes are
    // summed (no popcount instruction in baseline x86-64: __builtin_popcount is a library call there).
    const __m128i needle = _mm_set1_epi8(c);
    const __m128i zero = _mm_setzero_si128();
    const auto lanes_sum = [&](__m128i counts) {
        const __m128i sums = _mm_sad_epu8(counts, zero);
        return static_cast<std::size_t>(_mm_cvtsi128_si32(sums)) + static_cast<std::size_t>(_mm_extract_epi16(sums, 4));
    };
    __m128i counts = zero;
    int blocks = 0;
    for (; i + 16 <= s.size(); i += 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
        counts = _mm_sub_epi8(counts, _mm_cmpeq_epi8(x, needle));
        if (++blocks == 255) {
            n += lanes_sum(counts);
            counts = zero;
            blocks = 0;
        }
    }
    n += lanes_sum(counts);
#endif
    for (; i < s.size(); ++i) n += s[i] == c ? 1 : 0;
    return n;
}

bool fold_keeps(std::string_view trimmed) { return !any_byte_of(trimmed, k_wide_lead); }

std::string strip_spaces(std::string_view s) {
    std::string out;
    append_without_spaces(out, s);
    return out;
}

void append_without_spaces(std::string& out, std::string_view s) {
    if (!has_spaces(s)) {
        out.append(s);
        return;
    }
    // Only a byte that may start a space is decoded; the runs between spaces are copied whole.
    out.reserve(out.size() + s.size());
    std::size_t run = 0;
    std::size_t p = 0;
    while (p < s.size()) {
        if (k_byte_class[static_cast<unsigned char>(s[p])] == 0) {
            ++p;
            continue;
        }
        const std::size_t start = p;
        const char32_t cp = next_code_point(s, p);
        if (is_space(cp)) {
            out.append(s.substr(run, start - run));
            run = p;
        }
    }
    out.append(s.substr(run));
}

bool is_blank_general(std::string_view s) {
    return trim_view(s).empty();
}

namespace {
bool is_wide(char32_t cp) {
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF) ||
           (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
           (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
           (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
           (cp >= 0x20000 && cp <= 0x3FFFD);
}
}  // namespace

std::size_t display_width(std::string_view s) {
    std::size_t w = 0;
    std::size_t p = 0;
    while (p < s.size()) {
        const char32_t cp = next_code_point(s, p);
        if (cp >= 0x300 && cp <= 0x36F) continue;  // combining marks
        if (cp == 0x200B || cp == 0xFEFF) continue;
        w += is_wide(cp) ? 2 : 1;
    }
    return w;
}

namespace {
std::u32string to_u32(std::string_view s) {
    std::u32string out;
    std::size_t p = 0;
    while (p < s.size()) out += next_code_point(s, p);
    return out;
}
}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
    const std::u32string x = to_u32(a);
    const std::u32string y = to_u32(b);
    std::vector<std::size_t> prev(y.size() + 1);
    std::vector<std::size_t> cur(y.size() + 1);
    for (std::size_t j = 0; j <= y.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= x.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= y.size(); ++j) {
            const std::size_t sub = prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
        }
        std::swap(prev, cur);
    }
    return prev[y.size()];
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
    std::string best;
    std::size_t best_d = static_cast<std::size_t>(-1);
    for (const auto& c : candidates) {
        const std::size_t d = edit_distance(word, c);
        if (d < best_d) {
            best_d = d;
            best = c;
        }
    }
    const std::size_t len = to_u32(word).size();
    const std::size_t limit = std::max<std::size_t>(1, len / 3);
    return best_d <= limit ? best : std::string();
}

bool contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == sep) {
            out.emplace_back(s.substr(start, i - start));
            start = i + 1;
        }
    }
    return out;
}

void concat_into(std::string& out, std::initializer_list<std::string_view> parts) {
    std::size_t n = 0;
    for (const std::string_view p : parts) n += p.size();
    // Sized once, then copied into: an append checks the room and the size of each part again. A string
    // too small is emptied first, so that growing it copies none of its old text.
    if (n > out.capacity()) out.clear();
    out.resize(n);
    char* to = out.data();
    for (const std::string_view p : parts) {
        copy_bytes(to, p.data(), p.size());
        to += p.size();
    }
}

std::string concat(std::initializer_list<std::string_view> parts) {
    std::string out;
    concat_into(out, parts);
    return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) out += sep;
        out += parts[i];
    }
    return out;
}

std::string csv_quoted(std::string_view s) {
    // Appended piece by piece, not "\"" + s: g++ 12 warns about that (-Wrestrict, a known false alarm).
    std::string out;
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) return out.assign(s);
    out.reserve(s.size() + 2);
    out += '"';
    for (const char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string replace_all(std::string_view s, std::string_view from, std::string_view to) {
    std::string out;
    if (from.empty()) return std::string(s);
    std::size_t pos = 0;
    while (true) {
        const std::size_t hit = s.find(from, pos);
        if (hit == std::string_view::npos) break;
        out.append(s.substr(pos, hit - pos));
        out.append(to);
        pos = hit + from.size();
    }
    out.append(s.substr(pos));
    return out;
}

std::string hex_bytes(std::string_view bytes) {
    static const char* k_digits = "0123456789ABCDEF";
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i) out += ' ';
        const auto b = static_cast<unsigned char>(bytes[i]);
        out += k_digits[b >> 4];
        out += k_digits[b & 0xF];
    }
    return out;
}

std::string subst(const char* pattern, const std::vector<std::string>& args) {
    std::string out;
    std::size_t next = 0;
    for (const char* p = pattern; *p; ++p) {
        if (p[0] == '%' && (p[1] == 's' || p[1] == 'd')) {
            if (next < args.size()) out += args[next++];
            ++p;
        } else {
            out += *p;
        }
    }
    return out;
}

}  // namespace perf_check::util
