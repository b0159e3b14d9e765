// Dates written in cells, read without locale machinery, and the lateness of one after another.
#include "model/dates.hpp"

#include <fmt/format.h>

#include <array>

namespace perf_check::model {

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// A cursor over a cell's text: digits and the words around them, taken in turn.
class Cursor {
public:
    explicit Cursor(std::string_view text) : m_rest(text) {}
    bool take(std::string_view word) {
        if (m_rest.substr(0, word.size()) != word) return false;
        m_rest.remove_prefix(word.size());
        return true;
    }
    // The first of `words` the text goes on with, taken; false when none.
    template <std::size_t N>
    bool take_any(const std::array<std::string_view, N>& words) {
        for (const auto w : words)
            if (take(w)) return true;
        return false;
    }
    // Between `min` and `max` ASCII digits as a number; nullopt (nothing taken) when fewer or more.
    std::optional<int> number(std::size_t min, std::size_t max) {
        std::size_t n = 0;
        int v = 0;
        while (n < m_rest.size() && is_digit(m_rest[n])) {
            if (n == max) return std::nullopt;
            v = v * 10 + (m_rest[n] - '0');
            ++n;
        }
        if (n < min) return std::nullopt;
        m_rest.remove_prefix(n);
        return v;
    }
    [[nodiscard]] bool done() const { return m_rest.empty(); }
    // The rest is at most `max` characters and holds no digit (完成验收, 招标): taken.
    bool short_words(std::size_t max) {
        std::size_t chars = 0;
        for (const char c : m_rest) {
            if (is_digit(c)) return false;
            if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++chars;
        }
        if (chars > max) return false;
        m_rest = {};
        return true;
    }

private:
    std::string_view m_rest;
};

// 第三季度, 三季度, 第3季度: 1–4, taken; nullopt (nothing taken) otherwise.
std::optional<int> quarter(Cursor& in) {
    constexpr std::array<std::pair<std::string_view, int>, 8> k_quarters = {
        {{"一", 1}, {"二", 2}, {"三", 3}, {"四", 4}, {"1", 1}, {"2", 2}, {"3", 3}, {"4", 4}}};
    Cursor c = in;
    c.take("第");
    for (const auto& [word, q] : k_quarters) {
        Cursor after = c;
        if (after.take(word) && after.take("季度")) {
            in = after;
            return q;
        }
    }
    return std::nullopt;
}

// What a reading asks of the day: that the calendar has it, or (to tell an impossible date from no date)
// only that it is a day of some month.
enum class DayCheck { calendar, shape };

// Year 0 is a date whose year is not written (12月底前): every day of some year may be it, 2月29日 too.
std::optional<CalendarDate> make_date(int year, int month, std::optional<int> day, DayCheck check) {
    if ((year != 0 && (year < 1900 || year > 2199)) || month < 1 || month > 12) return std::nullopt;
    const int last = days_in_month(year, month);
    if (day && (*day < 1 || *day > (check == DayCheck::calendar ? last : 31))) return std::nullopt;
    return CalendarDate{year, month, day.value_or(last), !day};
}

// The day of a month after its 月, taken: 31日 / 31号, 上旬 / 中旬 (the 10th, the 20th), 下旬 (the end: nullopt);
// nothing written is the whole month (nullopt, `marked` false). False when a day's number has no 日.
bool day_of_month(Cursor& in, std::optional<int>& day, bool& marked) {
    marked = true;
    day.reset();
    if (const auto d = in.number(1, 2)) {
        if (!in.take("日") && !in.take("号")) return false;
        day = d;
    } else if (in.take("上旬")) {
        day = 10;
    } else if (in.take("中旬")) {
        day = 20;
    } else if (!in.take("下旬")) {
        marked = false;
        in.take("份");
    }
    return true;
}

}  // namespace

bool leap_year(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
    constexpr std::array<int, 12> k_days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && leap_year(year) ? 29 : k_days[static_cast<std::size_t>(month - 1)];
}

namespace {

// Whether `text` may be a date, by its shape alone: most cells are no date, and every value cell a table's
// reader has not seen is asked. A date has, within its first words (不晚于 is 9 bytes), four digits and then
// 年, a separator or a space; or one or two digits and 月 (a date without its year, 12月底前); or no digit
// and 年 (年底前, 年内完成).
bool may_be_date(std::string_view text) {
    const std::size_t first = text.find_first_of("0123456789");
    if (first == std::string_view::npos) return text.size() >= 6 && text.size() <= 60 && text.find("年") <= 12;
    if (first > 12) return false;
    std::size_t digits = 0;
    while (first + digits < text.size() && digits < 5 && is_digit(text[first + digits])) ++digits;
    const std::string_view after = text.substr(first + digits);
    if (digits == 1 || digits == 2) return after.substr(0, 3) == "月";
    if (digits != 4 || after.size() < 2) return false;
    return after[0] == '-' || after[0] == '/' || after[0] == '.' || after[0] == ' ' || after.substr(0, 3) == "年";
}

std::optional<CalendarDate> parse_date(std::string_view text, DayCheck check) {
    if (!may_be_date(text)) return std::nullopt;
    // Spaces dropped, but for one between digits (a date-time's, 2024-12-15 00:00:00).
    std::string compact;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c != ' ' && c != '\t') {
            compact += c;
        } else if (!compact.empty() && is_digit(compact.back()) && i + 1 < text.size() && is_digit(text[i + 1])) {
            compact += ' ';
        }
    }
    Cursor in(compact);
    // Words before it: 不晚于 / 不迟于 (≤ said in words), 截至 / 截止(到), (已)于 / 在, 计划; a comparator sign.
    constexpr std::array<std::string_view, 15> k_before = {
        "不晚于", "不迟于", "截至", "截止到", "截止", "已于", "已在", "计划", "预计", "于", "在", "≤", "<=", "<", "="};
    in.take_any(k_before);
    const auto year = in.number(4, 4);
    std::optional<CalendarDate> date;
    constexpr std::array<std::string_view, 6> k_year_end = {"年底", "年末", "年内", "底", "末", "内"};
    // A date without its year must say it is one: a day, 旬, or (below) 底 / 前 after a month; 12月 alone may
    // be a count of months.
    bool marked = true;
    if (!year) {
        if (in.take_any(k_year_end)) {
            date = make_date(0, 12, std::nullopt, check);  // 年底前, 年内完成: this year's end
        } else {
            const auto month = in.number(1, 2);
            if (!month || !in.take("月")) return std::nullopt;
            std::optional<int> day;
            if (!day_of_month(in, day, marked)) return std::nullopt;
            date = make_date(0, *month, day, check);
        }
    } else if (in.take("年")) {
        if (in.take_any(k_year_end)) {
            date = make_date(*year, 12, std::nullopt, check);
        } else if (const auto q = quarter(in)) {
            date = make_date(*year, 3 * *q, std::nullopt, check);  // 第三季度: by its last month's end
        } else {
            const auto month = in.number(1, 2);
            if (!month || !in.take("月")) return std::nullopt;
            std::optional<int> day;
            if (!day_of_month(in, day, marked)) return std::nullopt;
            date = make_date(*year, *month, day, check);
        }
    } else {
        // 2024-10-31, 2024/10/31, 2024.10.31 (one separator throughout); 2024-10 and 2024/10 (2024.10 is a number:
        // read_month_number reads it where a month is meant).
        std::string_view sep;
        for (const std::string_view s : {"-", "/", "."}) {
            if (in.take(s)) {
                sep = s;
                break;
            }
        }
        if (sep.empty()) return std::nullopt;
        const auto month = in.number(1, 2);
        if (!month) return std::nullopt;
        std::optional<int> day;
        if (in.take(sep)) {
            day = in.number(1, 2);
            if (!day) return std::nullopt;
        } else if (sep == ".") {
            return std::nullopt;
        }
        date = make_date(*year, *month, day, check);
    }
    if (!date) return std::nullopt;
    // A time of day after a day, as a spreadsheet or a JSON export writes a date-time (2024-12-15 00:00:00,
    // 2024-12-15T00:00:00): the day counts.
    if (!date->whole_month) {
        Cursor time = in;
        if ((time.take(" ") || time.take("T")) && time.number(1, 2) && time.take(":") && time.number(2, 2)) {
            if (time.take(":") && !time.number(2, 2)) return std::nullopt;
            in = time;
        }
    }
    // Words after it: 底 / 末 (a month's end: only after a whole month), 前 / 之前 / 以前 / 止, then what was
    // done by it (已完成, 完成验收, 完工, 前完成招标): a word of doing, and a few more characters without digits.
    if (date->whole_month) {
        constexpr std::array<std::string_view, 2> k_end = {"底", "末"};
        if (in.take_any(k_end)) marked = true;
    }
    constexpr std::array<std::string_view, 4> k_by = {"之前", "以前", "前", "止"};
    if (in.take_any(k_by)) marked = true;
    in.take("已");
    constexpr std::array<std::string_view, 10> k_done = {"完成", "完工", "竣工", "办结",     "验收",
                                                         "到位", "交付", "上线", "投入使用", "通过验收"};
    if (in.take_any(k_done)) {
        if (!in.short_words(8)) return std::nullopt;
        marked = true;  // 11月完成: a month something was done in
    }
    if (!marked && !year) return std::nullopt;
    if (!in.done()) return std::nullopt;
    return date;
}

}  // namespace

std::optional<CalendarDate> read_date(std::string_view text) {
    return parse_date(text, DayCheck::calendar);
}

bool impossible_date(std::string_view text) {
    return !read_date(text) && parse_date(text, DayCheck::shape);
}

std::optional<CalendarDate> read_month_number(std::string_view text) {
    if (text.size() < 6 || text.size() > 12) return std::nullopt;  // 2024.1 to ≤2024.12
    Cursor in(text);
    constexpr std::array<std::string_view, 4> k_signs = {"≤", "<=", "<", "="};
    in.take_any(k_signs);
    const auto year = in.number(4, 4);
    if (!year || !in.take(".")) return std::nullopt;
    const auto month = in.number(1, 2);
    if (!month || !in.done()) return std::nullopt;
    return make_date(*year, *month, std::nullopt, DayCheck::calendar);
}

std::int64_t day_number(const CalendarDate& date) {
    // Days from the civil date (the proleptic Gregorian calendar), March-based years.
    const std::int64_t y = date.year - (date.month <= 2 ? 1 : 0);
    const std::int64_t era = y / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t mp = (date.month + 9) % 12;
    const std::int64_t doy = (153 * mp + 2) / 5 + date.day - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

std::string date_text(const CalendarDate& date) {
    std::string s = date.year != 0 ? std::to_string(date.year) + "年" : std::string();
    s += std::to_string(date.month) + "月";
    if (!date.whole_month) s += std::to_string(date.day) + "日";
    return s;
}

std::string date_text_en(const CalendarDate& date) {
    if (date.year == 0) {
        return date.whole_month ? fmt::format("month {}", date.month)
                                : fmt::format("--{:02d}-{:02d}", date.month, date.day);
    }
    return date.whole_month ? fmt::format("{:04d}-{:02d}", date.year, date.month)
                            : fmt::format("{:04d}-{:02d}-{:02d}", date.year, date.month, date.day);
}

CalendarDate in_year(CalendarDate date, int year) {
    date.year = year;
    const int last = days_in_month(year, date.month);
    if (date.whole_month || date.day > last) date.day = last;
    return date;
}

CalendarDate year_beside(const CalendarDate& date, const CalendarDate& other) {
    // The other's year, but across a year end: January beside December is the next one's.
    int year = other.year;
    if (date.month == 1 && other.month == 12) ++year;
    if (date.month == 12 && other.month == 1) --year;
    return in_year(date, year);
}

namespace {
// `from` moved on by `months`, on the same day of the month, or the month's last day when it has fewer
// days or `from` is a month's end (10月31日 → 11月30日 → 12月31日).
CalendarDate add_months(const CalendarDate& from, int months) {
    const int index = from.year * 12 + (from.month - 1) + months;
    CalendarDate d;
    d.year = index / 12;
    d.month = index % 12 + 1;
    const int last = days_in_month(d.year, d.month);
    const bool month_end = from.day == days_in_month(from.year, from.month);
    d.day = month_end || from.day > last ? last : from.day;
    return d;
}
}  // namespace

Lateness lateness(const CalendarDate& deadline, const CalendarDate& actual) {
    Lateness l;
    const std::int64_t due = day_number(deadline);
    const std::int64_t done = day_number(actual);
    if (done <= due) return l;
    l.days = done - due;
    int k = 0;
    while (day_number(add_months(deadline, k + 1)) <= done) ++k;
    l.whole_months = k;
    const std::int64_t start = day_number(add_months(deadline, k));
    l.rest_days = done - start;
    const std::int64_t span = day_number(add_months(deadline, k + 1)) - start;
    l.months = (Decimal::from_int(k) + Decimal::from_int(l.rest_days) / Decimal::from_int(span)).round(2);
    return l;
}

}  // namespace perf_check::model
