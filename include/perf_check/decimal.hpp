// Exact decimal numbers for money, weights and scores: no binary-float noise in what we print.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace perf_check {

/// A fixed-point decimal with 6 fractional digits, stored as a 64-bit count of millionths.
/// Range about ±9.2e12, enough for money in 元 up to 9 trillion. Arithmetic rounds half away from
/// zero to 6 digits; multiplication and division go through 128-bit intermediates. Overflowing
/// operations saturate rather than wrap (callers validate magnitudes at parse time).
class Decimal {
public:
    static constexpr std::int64_t k_scale = 1000000;

    constexpr Decimal() = default;
    static constexpr Decimal from_int(std::int64_t v) { return Decimal(v * k_scale, raw_tag{}); }
    static constexpr Decimal from_raw(std::int64_t micros) { return Decimal(micros, raw_tag{}); }

    /// Parses plain ASCII decimal text: optional sign, digits, optional '.' and digits, optional
    /// exponent (e/E). No grouping commas, units or spaces (normalise first). Returns nullopt for
    /// anything else, for NaN/Inf spellings and for magnitudes beyond the range.
    static std::optional<Decimal> parse(std::string_view text);

    [[nodiscard]] constexpr std::int64_t raw() const { return m_micros; }
    [[nodiscard]] double to_double() const { return static_cast<double>(m_micros) / k_scale; }

    /// Rounds half away from zero to `places` fractional digits (0..6).
    [[nodiscard]] Decimal round(int places) const;
    /// Largest integer not above this value.
    [[nodiscard]] Decimal floor() const;
    /// Smallest integer not below this value.
    [[nodiscard]] Decimal ceil() const;
    [[nodiscard]] Decimal abs() const { return m_micros < 0 ? -*this : *this; }

    /// Shortest text that represents the value exactly: "842.07", "20", "-0.5". Never exponent form.
    [[nodiscard]] std::string str() const;
    /// Text with exactly `places` fractional digits after rounding: fixed(2) of 8.5 is "8.50".
    [[nodiscard]] std::string fixed(int places) const;

    friend Decimal operator+(Decimal a, Decimal b);
    friend Decimal operator-(Decimal a, Decimal b);
    friend Decimal operator*(Decimal a, Decimal b);
    /// Division by zero yields zero; callers check the divisor where it matters.
    friend Decimal operator/(Decimal a, Decimal b);
    /// Negation saturates like the other operations: the most negative value becomes the most positive.
    Decimal operator-() const {
        return Decimal(m_micros == INT64_MIN ? INT64_MAX : -m_micros, raw_tag{});
    }
    Decimal& operator+=(Decimal o) { return *this = *this + o; }
    Decimal& operator-=(Decimal o) { return *this = *this - o; }
    // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 sees the 0 of a defaulted <=>'s comparison category
    friend constexpr auto operator<=>(Decimal a, Decimal b) = default;
    friend constexpr bool operator==(Decimal a, Decimal b) = default;

private:
    struct raw_tag {};
    constexpr Decimal(std::int64_t micros, raw_tag) : m_micros(micros) {}
    std::int64_t m_micros = 0;
};

}  // namespace perf_check
