// Unit tests of the fixed-point Decimal: parsing, printing without float noise, rounding, saturation.
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdio>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "perf_check/decimal.hpp"

using perf_check::Decimal;

namespace {
Decimal d(const char* text) {
    const auto v = Decimal::parse(text);
    REQUIRE(v.has_value());
    return *v;
}
constexpr std::int64_t k_max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t k_min = std::numeric_limits<std::int64_t>::min();
}  // namespace

TEST_CASE("Decimal::parse reads plain decimal text exactly", "[decimal]") {
    CHECK(d("842.07").raw() == 842070000);
    CHECK(d("4500").raw() == 4500000000);
    CHECK(d("-12.5").raw() == -12500000);
    CHECK(d("+3").raw() == 3000000);
    CHECK(d("0.000001").raw() == 1);
    CHECK(d("5.").raw() == 5000000);
    CHECK(d(".5").raw() == 500000);
    CHECK(d("007").raw() == 7000000);
}

TEST_CASE("Decimal::parse of -0 is plain zero", "[decimal]") {
    const Decimal z = d("-0");
    CHECK(z.raw() == 0);
    CHECK(z == Decimal());
    CHECK(z.str() == "0");
    CHECK(d("-0.000").str() == "0");
}

TEST_CASE("Decimal::parse accepts exponents", "[decimal]") {
    CHECK(d("1e3").raw() == 1000000000);
    CHECK(d("1E+3").raw() == 1000000000);
    CHECK(d("2.5e-2").raw() == 25000);
    CHECK(d("-1.5e1").raw() == -15000000);
    CHECK(d("5e-7").raw() == 1);   // 0.0000005 rounds half away from zero
    CHECK(d("4e-7").raw() == 0);
    // Fraction digits beyond six must not be dropped before an exponent moves them into range.
    CHECK(d("1.2345678e3").raw() == 1234567800);
    CHECK(d("1.0000005e1").raw() == 10000005);
}

TEST_CASE("Decimal::parse rejects what is not a number or out of range", "[decimal]") {
    CHECK_FALSE(Decimal::parse("1e308"));
    CHECK_FALSE(Decimal::parse("NaN"));
    CHECK_FALSE(Decimal::parse("nan"));
    CHECK_FALSE(Decimal::parse("inf"));
    CHECK_FALSE(Decimal::parse("Infinity"));
    CHECK_FALSE(Decimal::parse(""));
    CHECK_FALSE(Decimal::parse("."));
    CHECK_FALSE(Decimal::parse("-"));
    CHECK_FALSE(Decimal::parse("+."));
    CHECK_FALSE(Decimal::parse("1.2.3"));
    CHECK_FALSE(Decimal::parse("1e"));
    CHECK_FALSE(Decimal::parse("1e+"));
    CHECK_FALSE(Decimal::parse("e5"));
    CHECK_FALSE(Decimal::parse("4,500"));
    CHECK_FALSE(Decimal::parse(" 1"));
    CHECK_FALSE(Decimal::parse("1 "));
    CHECK_FALSE(Decimal::parse("20分"));
    CHECK_FALSE(Decimal::parse("0x10"));
    CHECK_FALSE(Decimal::parse("99999999999999"));      // 1e14 > ~9.2e12
    CHECK_FALSE(Decimal::parse("9223372036854.775808"));  // one millionth past the maximum
    CHECK(d("9223372036854.775807").raw() == k_max);
}

TEST_CASE("Decimal::parse rounds a 7th fraction digit half away from zero", "[decimal]") {
    CHECK(d("0.1234565").raw() == 123457);
    CHECK(d("0.1234564").raw() == 123456);
    CHECK(d("0.12345649999").raw() == 123456);
    CHECK(d("0.12345650001").raw() == 123457);
    CHECK(d("-0.1234565").raw() == -123457);
    CHECK(d("-0.0000005").raw() == -1);
    CHECK(d("0.0000004").raw() == 0);
    CHECK(d("1.9999995").raw() == 2000000);
    CHECK(d("842.07000000000000000000000001").raw() == 842070000);
}

TEST_CASE("Decimal::str prints the shortest exact text, never float noise", "[decimal]") {
    CHECK((d("0.1") + d("0.2")).str() == "0.3");
    CHECK(d("842.07").str() == "842.07");
    CHECK(d("20").str() == "20");
    CHECK(d("-0.5").str() == "-0.5");
    CHECK(d("4500.00").str() == "4500");
    CHECK(Decimal::from_raw(1).str() == "0.000001");
    CHECK(Decimal::from_raw(-1).str() == "-0.000001");
    CHECK(d("1e12").str() == "1000000000000");
    CHECK(Decimal::from_raw(k_max).str() == "9223372036854.775807");
    CHECK(Decimal::from_raw(k_min).str() == "-9223372036854.775808");
}

TEST_CASE("Decimal::str and fixed write what printf writes, at every digit count and every trailing zero",
          "[decimal]") {
    // The writers take two digits at a time and strip zeros in steps of 4, 2 and 1: checked against
    // printf of the raw value's whole and six-digit fraction (the zeros stripped by hand).
    const auto without_trailing_zeros = [](std::string text) {
        while (text.back() == '0') text.pop_back();
        if (text.back() == '.') text.pop_back();
        return text;
    };
    auto reference = [&](std::int64_t raw) {
        const bool neg = raw < 0;
        const std::uint64_t mag = neg ? 0 - static_cast<std::uint64_t>(raw) : static_cast<std::uint64_t>(raw);
        char buf[48];
        std::snprintf(buf, sizeof buf, "%s%llu.%06llu", neg ? "-" : "", static_cast<unsigned long long>(mag / 1000000),
                      static_cast<unsigned long long>(mag % 1000000));
        return without_trailing_zeros(buf);
    };
    std::mt19937_64 rng(43);
    std::vector<std::int64_t> raws = {0, 1, -1, 9, 10, 99, 100, 999999, 1000000, k_max, k_min, k_min + 1};
    std::int64_t power = 1;
    for (int digits = 1; digits <= 18; ++digits) {
        power *= 10;  // 10^digits
        for (int k = 0; k < 200; ++k) {
            // A value of about `digits` digits with 0 to 6 trailing zeros in its raw form.
            std::int64_t r = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(power));
            std::int64_t zeros = 1;
            for (int z = static_cast<int>(rng() % 7); z > 0; --z) zeros *= 10;
            r -= r % zeros;
            raws.push_back(r);
            raws.push_back(-r);
        }
        raws.push_back(power - 1);
        raws.push_back(power);
    }
    for (const std::int64_t raw : raws) {
        INFO(raw);
        const Decimal v = Decimal::from_raw(raw);
        REQUIRE(v.str() == reference(raw));
        // fixed(6) is the raw value with all six places; fewer places round (checked above), so
        // here only a value that needs no rounding: its zeros kept.
        const std::string six = v.fixed(6);
        CHECK(six.find('.') == six.size() - 7);
        CHECK(without_trailing_zeros(six) == v.str());
    }
}

TEST_CASE("Decimal::fixed pads and rounds to the asked places", "[decimal]") {
    CHECK(d("8.5").fixed(2) == "8.50");
    CHECK(d("2.5").fixed(0) == "3");
    CHECK(d("-2.5").fixed(0) == "-3");
    CHECK(d("2.345").fixed(2) == "2.35");
    CHECK(d("-2.345").fixed(2) == "-2.35");
    CHECK(d("0.05").fixed(1) == "0.1");
    CHECK(d("-0.004").fixed(2) == "0.00");  // no "-0.00"
    CHECK(d("1").fixed(6) == "1.000000");
    CHECK(d("1.23").fixed(9) == "1.230000");  // clamped to 6
    CHECK(d("1.5").fixed(-3) == "2");         // clamped to 0
    CHECK(d("0.000123").fixed(4) == "0.0001");
}

TEST_CASE("Decimal + and - are exact", "[decimal]") {
    CHECK((d("842.07") + d("0.01")).str() == "842.08");
    CHECK((d("0.3") - d("0.1")).str() == "0.2");
    CHECK((d("1") - d("1.000001")).raw() == -1);
    Decimal acc;
    for (int i = 0; i < 10; ++i) acc += d("0.1");
    CHECK(acc == Decimal::from_int(1));
    acc -= d("0.25");
    CHECK(acc.str() == "0.75");
    CHECK((-d("3.5")).str() == "-3.5");
    CHECK(d("-3.5").abs().str() == "3.5");
    CHECK(d("3.5").abs().str() == "3.5");
}

TEST_CASE("Decimal * rounds half away from zero to six places", "[decimal]") {
    CHECK((d("10") * d("0.95")).str() == "9.5");
    CHECK((d("842.07") * d("10000")).str() == "8420700");
    CHECK((d("0.000001") * d("0.5")).raw() == 1);
    CHECK((d("-0.000001") * d("0.5")).raw() == -1);
    CHECK((d("0.000001") * d("0.4")).raw() == 0);
    CHECK((d("0.000003") * d("0.5")).raw() == 2);  // 1.5 millionths → 2
    CHECK((d("-2") * d("-3.5")).str() == "7");
    CHECK((d("-2") * d("3.5")).str() == "-7");
}

TEST_CASE("Decimal / rounds half away from zero; division by zero is zero", "[decimal]") {
    CHECK((d("1") / d("3")).raw() == 333333);
    CHECK((d("2") / d("3")).raw() == 666667);
    CHECK((d("-2") / d("3")).raw() == -666667);
    CHECK((d("2") / d("-3")).raw() == -666667);
    CHECK((d("-2") / d("-3")).raw() == 666667);
    CHECK((d("8420700") / d("10000")).str() == "842.07");
    CHECK((d("86.5") / d("90")).str() == "0.961111");
    CHECK((d("0.000001") / d("2")).raw() == 1);
    CHECK((d("-0.000001") / d("2")).raw() == -1);
    CHECK((d("5") / Decimal()).raw() == 0);
    CHECK((d("-5") / Decimal()).raw() == 0);
    CHECK((Decimal() / Decimal()).raw() == 0);
}

TEST_CASE("Decimal::round, floor and ceil", "[decimal]") {
    CHECK(d("2.345").round(2).str() == "2.35");
    CHECK(d("-2.345").round(2).str() == "-2.35");
    CHECK(d("2.344999").round(2).str() == "2.34");
    CHECK(d("0.5").round(0).str() == "1");
    CHECK(d("-0.5").round(0).str() == "-1");
    CHECK(d("0.4999999").round(0).str() == "1");  // parse already rounded to 0.5
    CHECK(d("0.499999").round(0).str() == "0");
    CHECK(d("1.234567").round(6) == d("1.234567"));
    CHECK(d("1.234567").round(9) == d("1.234567"));
    CHECK(d("1.5").round(-2).str() == "2");

    CHECK(d("2.5").floor().str() == "2");
    CHECK(d("-2.5").floor().str() == "-3");
    CHECK(d("-2").floor().str() == "-2");
    CHECK(d("-0.000001").floor().str() == "-1");
    CHECK(d("0.999999").floor().str() == "0");
    CHECK(d("2.1").ceil().str() == "3");
    CHECK(d("-2.5").ceil().str() == "-2");
    CHECK(d("-0.000001").ceil().str() == "0");
    CHECK(d("3").ceil().str() == "3");
    CHECK(d("-3").ceil().str() == "-3");
}

TEST_CASE("Decimal saturates on overflow instead of wrapping", "[decimal]") {
    const Decimal max = Decimal::from_raw(k_max);
    const Decimal min = Decimal::from_raw(k_min);
    CHECK((max + Decimal::from_raw(1)).raw() == k_max);
    CHECK((max + max).raw() == k_max);
    CHECK((min - Decimal::from_raw(1)).raw() == k_min);
    CHECK((min + min).raw() == k_min);
    CHECK((max * d("2")).raw() == k_max);
    CHECK((max * d("-2")).raw() == k_min);
    CHECK((d("9000000000000") * d("9000000000000")).raw() == k_max);
    CHECK((max / d("0.5")).raw() == k_max);
    CHECK((min / d("0.000001")).raw() == k_min);
    CHECK(max.round(0).raw() == k_max);
}

TEST_CASE("Decimal compares by value", "[decimal]") {
    CHECK(d("0.1") < d("0.2"));
    CHECK(d("-1") < d("0"));
    CHECK(d("20") == d("20.000"));
    CHECK(d("20") != d("20.000001"));
    CHECK(d("90") >= d("90"));
    CHECK(Decimal::from_int(842) == d("842"));
    CHECK(d("842.07").to_double() == Approx(842.07));
}

TEST_CASE("negation and abs() saturate at the most negative value instead of overflowing", "[decimal]") {
    const Decimal lowest = Decimal::from_raw(INT64_MIN);
    const Decimal highest = Decimal::from_raw(INT64_MAX);
    CHECK(-lowest == highest);
    CHECK(lowest.abs() == highest);
    CHECK(-highest == Decimal::from_raw(-INT64_MAX));
    CHECK(Decimal::from_raw(-5).abs() == Decimal::from_raw(5));
    CHECK(-Decimal{} == Decimal{});
}

// str() writes its digits itself: it must print what fixed(6) prints without the trailing zeros.
TEST_CASE("decimal: str is fixed(6) without trailing zeros, at the extremes too", "[decimal]") {
    auto reference = [](const Decimal& v) {
        std::string s = v.fixed(6);
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
        return s == "-0" ? std::string("0") : s;
    };
    std::uint64_t seed = 42;
    for (int i = 0; i < 20000; ++i) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        // Every magnitude from 1e-6 to 9e12 and both signs; small raw values (trailing zeros) often.
        const auto raw = static_cast<std::int64_t>(seed >> (i % 3 == 0 ? 44 : (i % 64)));
        const Decimal v = Decimal::from_raw(i % 2 ? -raw : raw);
        INFO(v.raw());
        REQUIRE(v.str() == reference(v));
    }
    CHECK(Decimal::from_raw(k_min).str() == "-9223372036854.775808");
    CHECK(Decimal::from_raw(k_max).str() == "9223372036854.775807");
    CHECK(Decimal::from_raw(-1000000).str() == "-1");
    CHECK(Decimal::from_raw(10).str() == "0.00001");
}

TEST_CASE("Decimal::parse reads short plain numbers as the general reading does", "[decimal]") {
    // Up to 12 digits before the point and 6 after are read in 64 bits; an exponent ("e0") sends the
    // same text the general way, which must give the same value, at every edge of the short form.
    for (const std::string text : {"0",
                                   "-0",
                                   "+0",
                                   "842.07",
                                   "-842.07",
                                   "+5",
                                   "1.",
                                   ".5",
                                   "-.5",
                                   "007",
                                   "999999999999",
                                   "999999999999.999999",
                                   "-999999999999.999999",
                                   "1000000000000",
                                   "0.000001",
                                   "0.0000005",
                                   "1.2345678",
                                   "123456789012.5",
                                   "5.000000",
                                   "12.3456789012",
                                   "9223372036854.775807",
                                   "9223372036854.775808"}) {
        INFO(text);
        const auto plain = Decimal::parse(text);
        const auto general = Decimal::parse(text + "e0");
        REQUIRE(plain.has_value() == general.has_value());
        if (plain) CHECK(plain->raw() == general->raw());
    }
    CHECK(Decimal::parse("842.07")->raw() == 842070000);
    CHECK(Decimal::parse("-999999999999.999999")->raw() == -999999999999999999);
    for (const char* bad : {"", ".", "-", "+", "-.", "1.2.3", "1,5", " 1", "1 ", "--1", "1-"}) {
        INFO(bad);
        CHECK_FALSE(Decimal::parse(bad).has_value());
    }
}
