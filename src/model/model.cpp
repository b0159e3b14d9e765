// Small helpers of the shared model types: cell references, indicator paths, symbols, findings.
#include <algorithm>
#include <cctype>
#include <string>

#include "perf_check/expected.hpp"
#include "perf_check/finding.hpp"
#include "perf_check/model.hpp"
#include "perf_check/ruleset.hpp"
#include "util/text.hpp"

namespace perf_check {

namespace {
// `message` in `lang` when it ends in a parenthesis holding its Chinese ("file is empty (文件为空：…)");
// as written otherwise.
std::string in_language(const std::string& message, Lang lang) {
    if (message.empty() || message.back() != ')') return message;
    int depth = 0;
    std::size_t open = std::string::npos;
    for (std::size_t i = message.size(); i > 0; --i) {
        const char c = message[i - 1];
        if (c == ')') ++depth;
        if (c == '(' && --depth == 0) {
            open = i - 1;
            break;
        }
    }
    if (open == std::string::npos || open + 1 >= message.size() - 1) return message;
    const std::string_view chinese(message.data() + open + 1, message.size() - open - 2);
    // Chinese when it starts with a Chinese character or holds a full-width colon ("(WPS 表格 .et 格式不受支持：…)");
    // an English aside otherwise ("(Not a zip archive)").
    if (static_cast<unsigned char>(chinese.front()) < 0x80 && chinese.find("：") == std::string_view::npos)
        return message;
    const std::string_view english = util::trim_view(std::string_view(message).substr(0, open));
    if (english.empty()) return message;
    if (lang == Lang::en) return std::string(english);
    return std::string(chinese) + "（" + std::string(english) + "）";
}
}  // namespace

std::string Error::render(Lang lang) const {
    std::string out;
    if (!file.empty()) {
        out += file;
        if (line > 0) {
            out += ':' + std::to_string(line);
            if (column > 0) out += ':' + std::to_string(column);
        }
        out += ": ";
    }
    return out + in_language(message, lang);
}

std::string_view Cell::shown() const {
    return util::trim_view(as_read());
}

namespace {
// True when Excel writes `sheet` in a reference unquoted: letters, digits, _ and . (CJK ideographs are
// letters), not starting with a digit. Any other name is quoted ('2023年旧表'!E6, '柳溪乡''卫生院!'!E6): a
// reference printed unquoted was ambiguous and could not be pasted into Excel's Name Box.
bool plain_sheet_name(std::string_view sheet) {
    if (sheet.front() >= '0' && sheet.front() <= '9') return false;
    // A name that reads as a reference itself (A1, FY2024, R1C1) is quoted too.
    std::size_t letters = 0;
    while (letters < sheet.size() && std::isalpha(static_cast<unsigned char>(sheet[letters])) != 0) ++letters;
    const bool digits_after =
        letters < sheet.size() && std::all_of(sheet.begin() + static_cast<std::ptrdiff_t>(letters), sheet.end(),
                                              [](char c) { return c >= '0' && c <= '9'; });
    // Column letters up to XFD: Sheet1 is no reference (Excel writes it unquoted), FY2024 is.
    if (letters > 0 && letters <= 3 && digits_after) {
        int column = 0;
        for (std::size_t k = 0; k < letters; ++k)
            column = column * 26 + (std::toupper(static_cast<unsigned char>(sheet[k])) - 'A' + 1);
        if (column <= 16384) return false;
    }
    const auto is_rc = [](std::string_view s) {  // R1C1, R, C, RC2…
        std::size_t i = 0;
        const auto number = [&] {
            while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
        };
        if (i < s.size() && (s[i] == 'R' || s[i] == 'r')) {
            ++i;
            number();
        }
        if (i < s.size() && (s[i] == 'C' || s[i] == 'c')) {
            ++i;
            number();
        }
        return i > 0 && i == s.size();
    };
    if (is_rc(sheet)) return false;
    std::size_t i = 0;
    while (i < sheet.size()) {
        const char32_t c = util::next_code_point(sheet, i);
        const bool ascii_word =
            (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9') || c == U'_' || c == U'.';
        const bool ideograph = (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
        if (!ascii_word && !ideograph) return false;
    }
    return true;
}
}  // namespace

std::string SourceLocation::cell_ref() const {
    if (column <= 0 || row <= 0) return {};
    std::string letters;
    for (int c = column; c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
    std::string ref = letters + std::to_string(sheet_row > 0 ? sheet_row : row);
    if (sheet.empty()) return ref;
    if (plain_sheet_name(sheet)) return sheet + "!" + ref;
    return "'" + util::replace_all(sheet, "'", "''") + "'!" + ref;
}

namespace {
const std::string& derived_or_stripped(const std::string& derived, const Cell& cell, std::string& scratch) {
    if (!derived.empty() || cell.text.empty()) return derived;
    scratch = util::strip_spaces(cell.text);
    return scratch;
}
}  // namespace

const std::string& Indicator::level1_view(std::string& scratch) const {
    return derived_or_stripped(level1_name, level1, scratch);
}

const std::string& Indicator::level2_view(std::string& scratch) const {
    return derived_or_stripped(level2_name, level2, scratch);
}

namespace {
// Writes indicator.path() into `out` (empty): make_finding fills its finding's string in place, without a
// temporary moved in.
void write_path(const Indicator& indicator, std::string& out) {
    std::string scratch1;
    std::string scratch2;
    const std::string& level1 = indicator.level1_view(scratch1);
    const std::string& level2 = indicator.level2_view(scratch2);
    // The indicator's own name as written (培训人数（人次）, not the folded 培训人数(人次)), as messages quote it.
    const std::string_view name = indicator.name.shown();
    out.reserve(level1.size() + level2.size() + name.size() + 2);
    out.append(level1).append(1, '/').append(level2).append(1, '/').append(name);
}
}  // namespace

std::string Indicator::path() const {
    std::string out;
    write_path(*this, out);
    return out;
}

void Indicator::path_into(std::string& out) const {
    out.clear();
    write_path(*this, out);
}

const char* comparator_symbol(Comparator c) {
    switch (c) {
        case Comparator::ge: return "≥";
        case Comparator::gt: return ">";
        case Comparator::le: return "≤";
        case Comparator::lt: return "<";
        case Comparator::eq: return "=";
        case Comparator::qualitative: return "定性";
        case Comparator::none: break;
    }
    return "";
}

const char* severity_name(Severity s) {
    switch (s) {
        case Severity::error: return "error";
        case Severity::warning: return "warning";
        case Severity::info: break;
    }
    return "info";
}

Finding make_finding(const Project& project, const Indicator* indicator, const Cell& cell) {
    Finding f;
    f.loc.file = project.file;  // not the cell's: a cell joined from an actuals file is still the project's
    f.loc.sheet = cell.loc.sheet;
    f.loc.row = cell.loc.row;
    f.loc.column = cell.loc.column;
    f.loc.sheet_row = cell.loc.sheet_row;
    if (f.loc.row == 0) {  // a cell with no place of its own: its row's, on its project's sheet
        f.loc.row = indicator ? indicator->row : project.first_row;
        if (f.loc.sheet.empty()) f.loc.sheet = project.sheet;
    }
    f.project_code = project.code.text;
    f.project = project.name.shown();  // as written (（二期）, not the folded (二期)): what the messages quote
    if (indicator) write_path(*indicator, f.indicator);
    f.value.assign(util::trim_view(cell.as_read()));  // in place, not a trimmed copy moved in
    return f;
}

namespace {
// True when folded, trimmed `t` is one of `placeholders` (ASCII letters in any case).
bool matches_placeholder(const std::vector<std::string>& placeholders, std::string_view t) {
    for (const auto& p : placeholders) {
        if (p.size() != t.size()) continue;
        bool same = true;
        for (std::size_t i = 0; i < p.size(); ++i) {
            const char a = p[i];
            const char b = t[i];
            const char la = (a >= 'A' && a <= 'Z') ? static_cast<char>(a - 'A' + 'a') : a;
            const char lb = (b >= 'A' && b <= 'Z') ? static_cast<char>(b - 'A' + 'a') : b;
            if (la != lb) {
                same = false;
                break;
            }
        }
        if (same) return true;
    }
    return false;
}

// `t` without the full stops, commas and semicolons after it: 无。 and 无. are 无 (a sentence's stop after a
// placeholder makes it no content).
std::string_view without_trailing_stops(std::string_view t) {
    constexpr std::string_view k_stops[] = {"。", "、", ".", ",", ";"};
    for (bool more = true; more && !t.empty();) {
        more = false;
        for (const std::string_view stop : k_stops) {
            if (util::ends_with(t, stop)) {
                t.remove_suffix(stop.size());
                more = true;
            }
        }
    }
    return util::trim_view(t);
}

// Whether `t` ends in a byte a stop ends with ('.', ',', ';', or the last byte of 。 or 、): most cells do
// not, and are compared as they are.
bool may_end_in_stop(std::string_view t) {
    if (t.empty()) return false;
    const auto last = static_cast<unsigned char>(t.back());
    return last == '.' || last == ',' || last == ';' || last == 0x82 || last == 0x81;
}

// The bit of Placeholders::m_may_start3 for text beginning with bytes a, b, c: the pair picks one of 64
// groups, the third byte's low six bits its place in the group (the third byte of a Chinese character is a
// continuation byte, 80–BF: the six bits tell them all apart).
std::size_t start3_slot(unsigned char a, unsigned char b, unsigned char c) {
    const std::uint32_t pair = (std::uint32_t{a} << 8) | b;
    return (((pair * 2654435761U) >> 26) << 6) | (c & 63U);
}

// Whether a token may be `n` bytes long (`lengths`: Placeholders::m_lengths).
bool some_token_of(std::uint64_t lengths, std::size_t n) {
    return ((lengths >> (n < 63 ? n : 63)) & 1U) != 0;
}

bool matches_placeholder_text(const std::vector<std::string>& placeholders, std::uint64_t lengths, std::string_view t) {
    if (some_token_of(lengths, t.size()) && matches_placeholder(placeholders, t)) return true;
    if (!may_end_in_stop(t)) return false;
    const std::string_view bare = without_trailing_stops(t);
    return bare.size() != t.size() && (bare.empty() || matches_placeholder(placeholders, bare));
}
}  // namespace

Placeholders::Placeholders(std::vector<std::string> tokens) : m_tokens(std::move(tokens)) {
    const auto lower = [](unsigned char b) {
        return b >= 'A' && b <= 'Z' ? static_cast<unsigned char>(b - 'A' + 'a') : b;
    };
    for (const auto& t : m_tokens) {
        if (util::fold(t) == t) m_as_written.push_back(t);
        m_longest = std::max(m_longest, t.size());
        m_lengths |= std::uint64_t{1} << (t.size() < 63 ? t.size() : 63);
        if (t.empty()) continue;
        const auto b = static_cast<unsigned char>(t.front());
        m_may_start[b] = true;
        m_may_start[lower(b)] = true;
        if (b >= 'a' && b <= 'z') m_may_start[b - 'a' + 'A'] = true;
    }
    // Text whose start trimming or folding may change begins with another byte than its result.
    std::vector<unsigned char> foldable;
    for (int b = 0; b < 256; ++b) {
        if (!util::may_trim_or_fold_at(static_cast<unsigned char>(b))) continue;
        m_may_start[static_cast<std::size_t>(b)] = true;
        foldable.push_back(static_cast<unsigned char>(b));
    }
    // The first two bytes: a token's (in either case), or its first and the start of a character folding
    // may change (N／A), or anything after a one-byte token (/) or a byte trimming or folding changes (。).
    const auto cases = [&](unsigned char b) {
        std::vector<unsigned char> v{b, lower(b)};
        if (b >= 'a' && b <= 'z') v.push_back(static_cast<unsigned char>(b - 'a' + 'A'));
        return v;
    };
    const auto allow = [&](unsigned char first, unsigned char second) {
        m_may_start2.set(std::size_t{first} * 256 + second);
    };
    // A pair after which the third byte is not looked at.
    const auto allow_open = [&](unsigned char first, unsigned char second) {
        allow(first, second);
        m_open2.set(std::size_t{first} * 256 + second);
    };
    const auto allow_any_after = [&](unsigned char first) {
        for (int b = 0; b < 256; ++b) allow_open(first, static_cast<unsigned char>(b));
    };
    for (const unsigned char b : foldable) allow_any_after(b);
    // Stops alone are no content either (" . " is a placeholder, so "." is: the first-byte table once
    // turned it away).
    for (const unsigned char b : {'.', ',', ';'}) {
        m_may_start[b] = true;
        allow_any_after(b);
    }
    for (const auto& t : m_tokens) {
        if (t.empty()) continue;
        for (const unsigned char first : cases(static_cast<unsigned char>(t[0]))) {
            if (t.size() == 1) {
                allow_any_after(first);
                continue;
            }
            for (const unsigned char second : cases(static_cast<unsigned char>(t[1]))) {
                if (t.size() == 2) {
                    allow_open(first, second);
                    continue;
                }
                allow(first, second);
                for (const unsigned char third : cases(static_cast<unsigned char>(t[2])))
                    m_may_start3.set(start3_slot(first, second, third));
                for (const unsigned char b : foldable) m_may_start3.set(start3_slot(first, second, b));
            }
            for (const unsigned char b : foldable) allow_open(first, b);
        }
    }
}

bool Placeholders::match_rest(std::string_view text) const {
    // (match() has answered for empty text and for text whose first byte begins no token, nor a space
    // or full-width form to trim or fold: most cells.)
    if (text.size() >= 2) {
        const auto a = static_cast<unsigned char>(text[0]);
        const auto b = static_cast<unsigned char>(text[1]);
        const std::size_t pair = std::size_t{a} * 256 + b;
        if (!m_may_start2.test(pair)) return false;
        if (text.size() >= 3 && !m_open2.test(pair) &&
            !m_may_start3.test(start3_slot(a, b, static_cast<unsigned char>(text[2]))))
            return false;
    }
    // Most text that gets this far is a token as written (无, -): found without trimming or folding.
    for (const auto& token : m_as_written) {
        if (util::same_text(token, text)) return true;
    }
    const std::string_view trimmed = util::trim_view(text);
    if (trimmed.empty()) return true;
    // Folding shrinks a character to no less than a third of its bytes (ＮＡ → NA): text longer than
    // three times the longest placeholder cannot be one. A goal cell may be megabytes.
    // (Room is left for a full stop or two after it: 无。)
    if (trimmed.size() > 3 * m_longest + (may_end_in_stop(trimmed) ? 6 : 0)) return false;
    // Most cells hold nothing folding would change (cell text is normalised already): compare them as
    // they are, without a copy (a length unlike every placeholder's rejects them at once).
    if (util::fold_keeps(trimmed)) return matches_placeholder_text(m_tokens, m_lengths, trimmed);
    const std::string folded = util::fold(trimmed);
    return folded.empty() || matches_placeholder_text(m_tokens, m_lengths, folded);
}

const Param* Params::find(const std::string& key) const {
    const auto it = m_items.find(key);
    return it == m_items.end() ? nullptr : &it->second;
}

}  // namespace perf_check
