// Turning spreadsheet cell values into the text a person sees: numbers without float noise, dates, refs.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace perf_check::io {

/// How a number cell is shown, from its style's number format.
enum class NumberStyle : unsigned char { general, date, percent };

/// Style of a built-in number format id: 14–22 are dates (and date-times), and so are the East Asian
/// ids Chinese Excel and WPS save (27–31, 36, 50–54, 57, 58: yyyy"年"m"月"d"日" and the like; 32–35, 55, 56
/// are times of day); 9–10 percentages.
NumberStyle builtin_number_style(int num_fmt_id);

/// Style of a custom format code: a date when y, d, or m without h/s appears outside quotes, brackets
/// and escapes (`yyyy"年"m"月"d"日"`, `yyyy/mm/dd`); a percentage when % does; else general.
NumberStyle custom_number_style(std::string_view format_code);

/// How a number cell is shown: its style, and what its format writes around the digits. Excel shows
/// 1700000 in `#,##0"元"` as 1,700,000元, and a code 12 in `000000` as 000012: read without them, an amount
/// in 元 was taken for 万元 and a code lost its zeros.
struct NumberFormat {
    NumberFormat(NumberStyle s = NumberStyle::general) : style(s) {}  // NOLINT(google-explicit-constructor)
    NumberStyle style;
    std::string before;  ///< a comparator the format writes before the number (`"≥"0%`); other text is not kept
    std::string after;   ///< literal text after the number (`#,##0"元"`: 元), trimmed; "" for dates
    int int_digits = 0;  ///< integer digits shown at least, padded with zeros (`000000`: 6)
    /// A date shown as its month (`yyyy"年"m"月"`, `yyyy-mm`): read as 2024-10, the month, not 2024-10-01.
    bool month_only = false;
};

/// The format of a built-in id (builtin_number_style; built-in formats write no text).
NumberFormat builtin_number_format(int num_fmt_id);

/// The format of a custom code: custom_number_style, and for numbers, from its first section (the
/// positive one) the literal text after the last digit placeholder (quoted, escaped with \, or non-ASCII),
/// a comparator before the first, and the count of 0 placeholders before the decimal point.
NumberFormat custom_number_format(std::string_view format_code);

/// A number with 15 significant digits and no trailing zeros, never in exponent form for magnitudes
/// tables hold: 274.65999999999997 → "274.66", 842.0700000000001 → "842.07", 4500 → "4500",
/// 0.1 + 0.2 → "0.3". Exponent form ("1.5E+25") only beyond 1e20 or below 1e-15.
std::string format_number(double value);

/// The number text of a cell (<v>) shown in `style`: dates as "YYYY-MM-DD" (1900 or 1904 date system,
/// keeping Excel's phantom 1900-02-29 at serial 60), percentages as "90%" for 0.9, others via
/// format_number. Text that is not a number comes back unchanged.
/// The format's text around the number (NumberFormat): a code padded with zeros, 元 after an amount.
std::string number_cell_text(std::string_view v, const NumberFormat& format, bool date1904);

/// "YYYY-MM-DD" for an Excel date serial (the fraction, a time of day, is dropped); nullopt outside
/// 1 ≤ serial < 2958466 (9999-12-31).
std::optional<std::string> serial_to_date(double serial, bool date1904);

/// Parses "C12" (or "$C$12") into 1-based column and row. A bare column ("C") gives row 0. Returns
/// false for anything else, or beyond Excel's grid.
bool parse_cell_ref(std::string_view ref, int& column, int& row);

/// Decodes OOXML's _xHHHH_ escapes in strings ("a_x000D_b" → "a\rb"; "_x005F_" is a literal "_").
std::string decode_ooxml_escapes(std::string_view text);

}  // namespace perf_check::io
