// Cell value formatting for the XLSX reader: what Excel's "General" display would show, minus float noise.
#include "io/xlsx_values.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>

#include "io/xlsx_limits.hpp"
#include "util/text.hpp"

namespace perf_check::io {

NumberStyle builtin_number_style(int num_fmt_id) {
    if (num_fmt_id >= 14 && num_fmt_id <= 22) return NumberStyle::date;
    // The East Asian built-ins, as zh-CN shows them: 27 yyyy"年"m"月", 28–29 m"月"d"日", 30 m-d-yy, 31
    // yyyy"年"m"月"d"日", 36 as 27, 50–54 and 57–58 as 27–31; 32–35 and 55–56 are times (h"时"mm"分").
    if ((num_fmt_id >= 27 && num_fmt_id <= 31) || num_fmt_id == 36 || (num_fmt_id >= 50 && num_fmt_id <= 54) ||
        num_fmt_id == 57 || num_fmt_id == 58)
        return NumberStyle::date;
    if (num_fmt_id == 9 || num_fmt_id == 10) return NumberStyle::percent;
    return NumberStyle::general;
}

namespace {
// The parts a custom format code shows: which of year, month, day, hour/second, percent.
struct CodeParts {
    bool y = false, m = false, d = false, hs = false, percent = false;
    bool bad = false;  ///< an unclosed bracket: read as General
};

CodeParts code_parts(std::string_view code) {
    CodeParts p;
    bool quoted = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (quoted) {
            if (c == '"') quoted = false;
            continue;
        }
        switch (c) {
            case '"': quoted = true; break;
            case '\\':
            case '_':
            case '*': ++i; break;  // the next character is literal (or a fill/space width)
            case '[': {
                // [Red], [$-804], [<=100]: not date parts. [h] [mm] [ss] are elapsed times.
                const auto close = code.find(']', i);
                if (close == std::string_view::npos) {
                    p.bad = true;
                    return p;
                }
                const std::string_view inner = code.substr(i + 1, close - i - 1);
                if (!inner.empty() && (inner[0] == 'h' || inner[0] == 'H' || inner[0] == 's' || inner[0] == 'S'))
                    p.hs = true;
                i = close;
                break;
            }
            case 'y':
            case 'Y':
                p.y = true;
                break;
            case 'd':
            case 'D':
                p.d = true;
                break;
            case 'm':
            case 'M':
                p.m = true;
                break;
            case 'h':
            case 'H':
            case 's':
            case 'S':
                p.hs = true;
                break;
            case '%':
                p.percent = true;
                break;
            case 'G': case 'g':
                // "General" holds e, n, r, a, l but none of y/m/d; skip the word.
                if (code.substr(i, 7) == "General" || code.substr(i, 7) == "general") i += 6;
                break;
            default: break;
        }
    }
    return p;
}
}  // namespace

NumberStyle custom_number_style(std::string_view code) {
    const CodeParts p = code_parts(code);
    if (p.bad) return NumberStyle::general;
    if (p.y || p.d || (p.m && !p.hs)) return NumberStyle::date;
    if (p.percent) return NumberStyle::percent;
    return NumberStyle::general;
}

NumberFormat builtin_number_format(int num_fmt_id) {
    NumberFormat f(builtin_number_style(num_fmt_id));
    // mmm-yy, and yyyy"年"m"月" as zh-CN shows 27, 36, 50, 52 and 57.
    f.month_only = num_fmt_id == 17 || num_fmt_id == 27 || num_fmt_id == 36 || num_fmt_id == 50 || num_fmt_id == 52 ||
                   num_fmt_id == 57;
    return f;
}

NumberFormat custom_number_format(std::string_view code) {
    NumberFormat f(custom_number_style(code));
    if (f.style == NumberStyle::date) {
        const CodeParts p = code_parts(code);
        f.month_only = p.y && p.m && !p.d && !p.hs;  // yyyy"年"m"月", yyyy-mm: a month, not its first day
        return f;
    }
    std::string before;   // literal text before the first digit placeholder
    std::string after;    // literal text since the last one
    bool digits = false;  // a placeholder seen
    bool point = false;   // the decimal point seen
    int zeros = 0;        // 0 placeholders before it
    bool padded = true;   // … and nothing else there: 000000, a code's zeros
    const auto literal = [&](std::string_view text) { (digits ? after : before) += text; };
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == ';') break;  // the first section is the positive numbers'
        if (c == '"') {
            const auto close = code.find('"', i + 1);
            const std::size_t end = close == std::string_view::npos ? code.size() : close;
            literal(code.substr(i + 1, end - i - 1));
            i = end;
        } else if (c == '\\' && i + 1 < code.size()) {
            std::size_t n = 1;  // the escaped character, a whole UTF-8 sequence
            while (i + 1 + n < code.size() && (static_cast<unsigned char>(code[i + 1 + n]) & 0xC0U) == 0x80U) ++n;
            literal(code.substr(i + 1, n));
            i += n;
        } else if (c == '_' || c == '*') {
            ++i;  // a space as wide as, or a fill of, the next character: nothing shown
        } else if (c == '[') {
            const auto close = code.find(']', i);
            if (close == std::string_view::npos) break;
            i = close;  // [Red], [$-804], [>=100]
        } else if (code.substr(i, 7) == "General" || code.substr(i, 7) == "general" ||
                   util::starts_with(code.substr(i), "G/通用格式")) {
            // The general number, in English or as Chinese Excel writes it: `G/通用格式"元"` is 1700000元.
            digits = true;
            after.clear();
            i += (code[i + 1] == '/' ? std::string_view("G/通用格式").size() : 7) - 1;
        } else if (c == '0' || c == '#' || c == '?') {
            digits = true;
            after.clear();
            if (c == '0' && !point) ++zeros;
            if (c != '0' && !point) padded = false;  // #,##0 pads nothing a code needs
        } else if (c == ',') {
            padded = padded && point;  // 0,000: a number with thousands, not a code
        } else if (c == '.' || ((c == 'E' || c == 'e') && digits)) {
            point = digits;  // the integer part ends (0.00E+00: the exponent's zeros pad nothing)
        } else if ((static_cast<unsigned char>(c) & 0x80U) != 0) {
            std::size_t n = 1;  // unquoted non-ASCII text (WPS writes 元 so): shown as written
            while (i + n < code.size() && (static_cast<unsigned char>(code[i + n]) & 0xC0U) == 0x80U) ++n;
            literal(code.substr(i, n));
            i += n - 1;
        }
    }
    if (!digits) return f;  // "@" (text), or a format without a number
    f.int_digits = padded ? zeros : 0;
    f.after = util::trim(after);
    // Before the number only a comparator is kept: a currency sign (¥, $) would make an amount unreadable.
    const std::string lead = util::trim(before);
    for (const std::string_view comparator : {"≥", "≤", ">=", "<=", ">", "<", "=", "＞", "＜", "＝", "≧", "≦"}) {
        if (lead == comparator) f.before = lead;
    }
    return f;
}

std::string format_number(double value) {
    if (!std::isfinite(value)) return {};
    if (value == 0) return "0";
    // 15 significant digits (what Excel shows) in scientific form: d.dddddddddddddde±XX.
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific, 14);
    const std::string_view sci(buf, static_cast<std::size_t>(res.ptr - buf));
    const auto e_pos = sci.find('e');
    std::string_view mantissa = sci.substr(0, e_pos);
    int exponent = 0;
    std::from_chars(sci.data() + e_pos + 1 + (sci[e_pos + 1] == '+' ? 1 : 0), sci.data() + sci.size(), exponent);
    const bool negative = mantissa[0] == '-';
    if (negative) mantissa.remove_prefix(1);
    std::string digits;
    for (char c : mantissa) {
        if (c != '.') digits += c;
    }
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
    std::string out = negative ? "-" : "";
    if (exponent > 20 || exponent < -15) {
        out += digits.substr(0, 1);
        if (digits.size() > 1) {
            out += '.';  // appended, not "." + string: g++ 12 warns (-Wrestrict, falsely) on that
            out += digits.substr(1);
        }
        out += exponent < 0 ? "E-" : "E+";
        out += std::to_string(std::abs(exponent));
        return out;
    }
    if (exponent >= 0) {
        const auto int_len = static_cast<std::size_t>(exponent) + 1;
        if (digits.size() <= int_len) {
            out += digits + std::string(int_len - digits.size(), '0');
        } else {
            out += digits.substr(0, int_len) + "." + digits.substr(int_len);
        }
    } else {
        out += "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
    }
    return out;
}

namespace {

// Days since 1970-01-01 → civil date (Howard Hinnant's algorithm, proleptic Gregorian).
void civil_from_days(std::int64_t z, int& y, unsigned& m, unsigned& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t yy = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<int>(yy + (m <= 2 ? 1 : 0));
}

std::string two(unsigned v) {
    std::string out = v < 10 ? "0" : "";  // appended: g++ 12 warns (-Wrestrict, falsely) on "0" + string
    out += std::to_string(v);
    return out;
}

}  // namespace

std::optional<std::string> serial_to_date(double serial, bool date1904) {
    if (!std::isfinite(serial) || serial < 1 || serial >= 2958466) return std::nullopt;
    const auto days = static_cast<std::int64_t>(std::floor(serial));
    std::int64_t unix_days = 0;
    if (date1904) {
        unix_days = days - 24107;  // 1904-01-01 is serial 0 and day -24107 since 1970
    } else {
        // Excel counts 1900-02-29, which never existed (a Lotus 1-2-3 compatibility bug): serial 60.
        if (days == 60) return std::string("1900-02-29");
        unix_days = days < 60 ? days - 25568 : days - 25569;  // serial 25569 is 1970-01-01
    }
    int y = 0;
    unsigned m = 0, d = 0;
    civil_from_days(unix_days, y, m, d);
    return std::to_string(y) + "-" + two(m) + "-" + two(d);
}

std::string number_cell_text(std::string_view v, const NumberFormat& format, bool date1904) {
    double value = 0;
    const char* end = v.data() + v.size();
    const auto res = std::from_chars(v.data(), end, value);
    if (res.ec != std::errc() || res.ptr != end) return std::string(v);
    if (format.style == NumberStyle::date) {
        if (auto date = serial_to_date(value, date1904)) return format.month_only ? date->substr(0, 7) : *date;
        return format_number(value);
    }
    std::string text = format_number(format.style == NumberStyle::percent ? value * 100 : value);
    // 000000 pads a whole number: a code typed as 12 shows as 000012.
    if (format.int_digits > 1 && value >= 0 && text.find_first_not_of("0123456789") == std::string::npos &&
        text.size() < static_cast<std::size_t>(format.int_digits)) {
        text.insert(0, static_cast<std::size_t>(format.int_digits) - text.size(), '0');
    }
    if (format.style == NumberStyle::percent) text += '%';
    if (format.before.empty() && format.after.empty()) return text;
    return format.before + text + format.after;
}

bool parse_cell_ref(std::string_view ref, int& column, int& row) {
    std::size_t i = 0;
    if (i < ref.size() && ref[i] == '$') ++i;
    std::int64_t col = 0;
    const std::size_t col_start = i;
    while (i < ref.size() && ((ref[i] >= 'A' && ref[i] <= 'Z') || (ref[i] >= 'a' && ref[i] <= 'z'))) {
        col = col * 26 + ((ref[i] | 0x20) - 'a' + 1);
        if (col > xlsx_limits::k_max_columns) return false;
        ++i;
    }
    if (i == col_start) return false;
    if (i < ref.size() && ref[i] == '$') ++i;
    std::int64_t r = 0;
    const std::size_t row_start = i;
    while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9') {
        r = r * 10 + (ref[i] - '0');
        if (r > xlsx_limits::k_max_rows) return false;
        ++i;
    }
    if (i != ref.size()) return false;
    if (i > row_start && r == 0) return false;
    column = static_cast<int>(col);
    row = static_cast<int>(r);
    return true;
}

std::string decode_ooxml_escapes(std::string_view text) {
    if (text.find("_x") == std::string_view::npos) return std::string(text);
    std::string out;
    out.reserve(text.size());
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && text[i + 6] == '_') {
            int cp = 0;
            bool ok = true;
            for (std::size_t k = 2; k < 6; ++k) {
                const int h = hex(text[i + k]);
                if (h < 0) {
                    ok = false;
                    break;
                }
                cp = cp * 16 + h;
            }
            if (ok) {
                util::append_utf8(out, static_cast<char32_t>(cp));
                i += 7;
                continue;
            }
        }
        out += text[i++];
    }
    return out;
}

}  // namespace perf_check::io
