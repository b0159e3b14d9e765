// Fixed-point decimal arithmetic with 128-bit intermediates and half-away-from-zero rounding.
#include "perf_check/decimal.hpp"

#include <cstdlib>
#include <cstring>
#include <limits>

namespace perf_check {

namespace {
__extension__ typedef __int128 i128;  // NOLINT(modernize-use-using): __extension__ silences -Wpedantic
constexpr std::int64_t k_max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t k_min = std::numeric_limits<std::int64_t>::min();

std::int64_t saturate(i128 v) {
    if (v > k_max) return k_max;
    if (v < k_min) return k_min;
    return static_cast<std::int64_t>(v);
}

// Divides rounding half away from zero.
i128 div_round(i128 num, i128 den) {
    if (den == 0) return 0;
    const bool neg = (num < 0) != (den < 0);
    i128 n = num < 0 ? -num : num;
    i128 d = den < 0 ? -den : den;
    i128 q = n / d;
    if ((n % d) * 2 >= d) ++q;
    return neg ? -q : q;
}

constexpr std::int64_t pow10(int n) {
    std::int64_t p = 1;
    for (int i = 0; i < n; ++i) p *= 10;
    return p;
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// `text` in micros when it is a sign, up to 12 digits, and a point with up to 6 digits after it (each
// part optional, one digit at least): exact in 64 bits, nothing to round. False for anything else,
// valid or not, which the general reading then takes.
bool parse_plain(std::string_view text, std::int64_t& micros) {
    constexpr int k_whole_digits = 12;  // 10^12 × 10^6 is below 2^63
    constexpr int k_places = 6;
    std::size_t i = 0;
    const bool neg = !text.empty() && text[0] == '-';
    if (!text.empty() && (text[0] == '-' || text[0] == '+')) i = 1;
    std::int64_t whole = 0;
    int whole_digits = 0;
    for (; i < text.size() && is_digit(text[i]); ++i) {
        if (++whole_digits > k_whole_digits) return false;
        whole = whole * 10 + (text[i] - '0');
    }
    std::int64_t fraction = 0;
    int places = 0;
    if (i < text.size() && text[i] == '.') {
        for (++i; i < text.size() && is_digit(text[i]); ++i) {
            if (++places > k_places) return false;
            fraction = fraction * 10 + (text[i] - '0');
        }
    }
    if (i != text.size() || whole_digits + places == 0) return false;
    micros = whole * pow10(k_places) + fraction * pow10(k_places - places);
    if (neg) micros = -micros;
    return true;
}
}  // namespace

std::optional<Decimal> Decimal::parse(std::string_view text) {
    // Most numbers in a table are short and plain ("842.07", "95", "-5"): read in 64 bits, without the
    // 128-bit arithmetic and rounding the general reading below needs (read_quantity parses every
    // amount and actual, and this was a twentieth of a check).
    if (std::int64_t micros = 0; parse_plain(text, micros)) return Decimal(micros, raw_tag{});
    std::size_t i = 0;
    bool neg = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
        neg = text[i] == '-';
        ++i;
    }
    i128 mantissa = 0;
    int frac_digits = 0;
    int digits = 0;
    bool seen_dot = false;
    // Fraction digits are all kept (up to 30 significant digits, far inside i128) rather than cut at
    // six: an exponent can still move them into range ("1.2345678e3" is 1234.5678), and the single
    // division by a power of ten below rounds them correctly. Digits past the 30th cannot change a
    // half-away-from-zero rounding at six places, so they are ignored.
    constexpr i128 k_mantissa_cap = static_cast<i128>(1000000000000000LL) * 1000000000000000LL;  // 1e30
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9') {
            ++digits;
            if (mantissa >= k_mantissa_cap) {
                if (!seen_dot) return std::nullopt;  // an integer part this long is out of range anyway
                continue;
            }
            mantissa = mantissa * 10 + (c - '0');
            if (!seen_dot && mantissa > static_cast<i128>(k_max) * 1000) return std::nullopt;
            if (seen_dot) ++frac_digits;
        } else if (c == '.' && !seen_dot) {
            seen_dot = true;
        } else {
            break;
        }
    }
    if (digits == 0) return std::nullopt;
    int exponent = 0;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        bool eneg = false;
        if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
            eneg = text[i] == '-';
            ++i;
        }
        int edigits = 0;
        for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
            exponent = exponent * 10 + (text[i] - '0');
            ++edigits;
            if (exponent > 40) return std::nullopt;  // beyond range or below precision either way
        }
        if (edigits == 0) return std::nullopt;
        if (eneg) exponent = -exponent;
    }
    if (i != text.size()) return std::nullopt;
    // value = mantissa × 10^(exponent − frac_digits); we want micros = value × 10^6.
    int shift = exponent - frac_digits + 6;
    i128 micros = mantissa;
    while (shift > 0) {
        micros *= 10;
        if (micros > static_cast<i128>(k_max)) return std::nullopt;
        --shift;
    }
    if (shift < 0) {
        i128 den = 1;
        for (int k = 0; k < -shift && k < 38; ++k) den *= 10;
        micros = -shift >= 38 ? 0 : div_round(micros, den);
    }
    if (micros > static_cast<i128>(k_max)) return std::nullopt;
    const auto v = static_cast<std::int64_t>(micros);
    return Decimal(neg ? -v : v, raw_tag{});
}

Decimal Decimal::round(int places) const {
    if (places >= 6) return *this;
    if (places < 0) places = 0;
    const std::int64_t unit = pow10(6 - places);
    return Decimal(saturate(div_round(m_micros, unit) * unit), raw_tag{});
}

// floor and ceil saturate like the arithmetic: near the ends of the range the next whole number is
// not representable (ceil of 9223372036854.775807 overflowed; found by fuzz_numbers under UBSan).
Decimal Decimal::floor() const {
    std::int64_t q = m_micros / k_scale;
    if (m_micros % k_scale != 0 && m_micros < 0) --q;
    return Decimal(saturate(static_cast<i128>(q) * k_scale), raw_tag{});
}

Decimal Decimal::ceil() const {
    std::int64_t q = m_micros / k_scale;
    if (m_micros % k_scale != 0 && m_micros > 0) ++q;
    return Decimal(saturate(static_cast<i128>(q) * k_scale), raw_tag{});
}

namespace {
// "00" to "99": whole numbers are written two digits at a time.
constexpr char k_digit_pairs[] =
    "0001020304050607080910111213141516171819202122232425262728293031323334353637383940414243444546474849"
    "5051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899";

// "-whole.frac" with `places` fraction digits (frac < 10^places), written right to left into a small
// buffer: this runs for every number of every report and scoring step (a million times in the scores
// of a 20 MB table).
std::string write_number(bool neg, std::uint64_t whole, std::uint64_t frac, int places) {
    char buf[32];
    char* const end = buf + sizeof buf;
    char* p = end;
    for (int i = 0; i < places; ++i) {
        *--p = static_cast<char>('0' + frac % 10);
        frac /= 10;
    }
    if (places > 0) *--p = '.';
    while (whole >= 100) {
        p -= 2;
        std::memcpy(p, k_digit_pairs + 2 * (whole % 100), 2);
        whole /= 100;
    }
    if (whole >= 10) {
        p -= 2;
        std::memcpy(p, k_digit_pairs + 2 * whole, 2);
    } else {
        *--p = static_cast<char>('0' + whole);
    }
    if (neg) *--p = '-';
    return std::string(p, end);
}
}  // namespace

std::string Decimal::fixed(int places) const {
    if (places < 0) places = 0;
    if (places > 6) places = 6;
    const Decimal r = round(places);
    const bool neg = r.m_micros < 0;
    const auto mag = static_cast<std::uint64_t>(neg ? -static_cast<i128>(r.m_micros) : r.m_micros);
    std::uint64_t frac = mag % k_scale;
    for (int i = 6; i > places; --i) frac /= 10;
    return write_number(neg, mag / k_scale, frac, places);
}

std::string Decimal::str() const {
    // fixed(6) without its trailing zeros: a whole number has no fraction to write (most numbers of a
    // report are), and up to five zeros come off in three tests (4 + 2 + 1) rather than one at a time.
    const bool neg = m_micros < 0;
    const auto mag = static_cast<std::uint64_t>(neg ? -static_cast<i128>(m_micros) : m_micros);
    std::uint64_t frac = mag % k_scale;
    int places = 0;
    if (frac != 0) {
        places = 6;
        if (frac % 10000 == 0) {
            frac /= 10000;
            places -= 4;
        }
        if (frac % 100 == 0) {
            frac /= 100;
            places -= 2;
        }
        if (frac % 10 == 0) {
            frac /= 10;
            places -= 1;
        }
    }
    return write_number(neg, mag / k_scale, frac, places);  // mag > 0 when neg: never "-0"
}

Decimal operator+(Decimal a, Decimal b) {
    return Decimal::from_raw(saturate(static_cast<i128>(a.m_micros) + b.m_micros));
}
Decimal operator-(Decimal a, Decimal b) {
    return Decimal::from_raw(saturate(static_cast<i128>(a.m_micros) - b.m_micros));
}
Decimal operator*(Decimal a, Decimal b) {
    return Decimal::from_raw(saturate(div_round(static_cast<i128>(a.m_micros) * b.m_micros, Decimal::k_scale)));
}
Decimal operator/(Decimal a, Decimal b) {
    if (b.m_micros == 0) return Decimal();
    return Decimal::from_raw(saturate(div_round(static_cast<i128>(a.m_micros) * Decimal::k_scale, b.m_micros)));
}

}  // namespace perf_check
