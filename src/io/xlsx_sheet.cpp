// Worksheet XML → RawRows: the merged-range pass, then a paused, one-row-at-a-time stream of <sheetData>.
#include "io/xlsx_sheet.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "io/sheet_scanner.hpp"
#include "io/xlsx_limits.hpp"
#include "util/text.hpp"

namespace perf_check::io {

namespace {

// First pass: only <mergeCell ref="A5:A15"/> matters; everything else streams past.
class MergeHandler final : public XmlHandler {
public:
    explicit MergeHandler(std::vector<MergedRange>& out) : m_out(out) {}
    void on_start(XmlControl& xml, std::string_view name, const char* const* attrs) override {
        if (name != "mergeCell") return;
        const std::string_view ref = xml_attr(attrs, "ref").value_or("");
        const auto colon = ref.find(':');
        if (colon == std::string_view::npos) return;  // a one-cell "range" merges nothing
        MergedRange m;
        if (!parse_cell_ref(ref.substr(0, colon), m.first_column, m.first_row) ||
            !parse_cell_ref(ref.substr(colon + 1), m.last_column, m.last_row) || m.first_row == 0 ||
            m.last_row == 0) {
            xml.fail(fmt::format("invalid merged range \"{}\"", ref), "合并单元格范围无效");
            return;
        }
        if (m.first_row > m.last_row) std::swap(m.first_row, m.last_row);
        if (m.first_column > m.last_column) std::swap(m.first_column, m.last_column);
        if (m_out.size() >= xlsx_limits::k_max_merged_ranges) {
            xml.fail(fmt::format("more than {} merged ranges in one sheet", xlsx_limits::k_max_merged_ranges),
                     "合并单元格过多");
            return;
        }
        m_out.push_back(m);
    }
    void on_end(XmlControl& xml, std::string_view name) override {
        if (name == "mergeCells") xml.stop();  // nothing after it matters to this pass
    }

private:
    std::vector<MergedRange>& m_out;
};

bool xml_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '.';
}

// Where the start tag "<mergeCells" (or "<x:mergeCells") begins in `data`, or npos. `keep` is set to how
// many trailing bytes might begin a tag that the next chunk completes. A raw '<' cannot occur in XML
// text or attribute values (it is written &lt;), so a match is a tag, not content.
std::size_t find_merge_tag(std::string_view data, std::size_t& keep) {
    constexpr std::string_view k_name = "mergeCells";
    constexpr std::size_t k_max_prefix = 64;
    keep = std::min<std::size_t>(data.size(), k_name.size() + k_max_prefix + 2);
    for (std::size_t i = data.find(k_name); i != std::string_view::npos; i = data.find(k_name, i + 1)) {
        const std::size_t after = i + k_name.size();
        if (after >= data.size()) return std::string_view::npos;  // cannot tell "mergeCells" from "mergeCellsX" yet
        const char next = data[after];
        if (next != ' ' && next != '>' && next != '/' && next != '\t' && next != '\n' && next != '\r') continue;
        if (i == 0) continue;
        std::size_t start = i - 1;
        if (data[start] == ':') {
            while (start > 0 && i - start <= k_max_prefix && xml_name_char(data[start - 1])) --start;
            if (start == 0) continue;
            --start;
        }
        if (data[start] == '<') return start;
    }
    return std::string_view::npos;
}

// The first pass. Decompressing the sheet is unavoidable, but parsing all of it is not: the raw bytes
// are scanned for the <mergeCells> tag and only that element goes through the XML parser. A sheet in
// UTF-16 (which Excel never writes, but XML allows) cannot be scanned as bytes and is parsed whole.
Expected<bool> read_merged_ranges(const ZipArchive& zip, const std::string& part, std::uint64_t max_bytes,
                                  std::vector<MergedRange>& out) {
    auto entry = zip.open_entry(part, max_bytes);
    if (!entry) return entry.error();
    MergeHandler handler(out);
    XmlStream xml(handler, **entry, zip.path());
    std::string window;
    std::vector<char> buf(xlsx_limits::k_chunk_bytes);
    bool found = false;
    bool first = true;
    while (true) {
        auto got = (*entry)->read(buf.data(), buf.size());
        if (!got) return got.error();
        const std::string_view chunk(buf.data(), *got);
        if (first) {
            first = false;
            if (chunk.size() >= 2 && ((chunk[0] == '\xFF' && chunk[1] == '\xFE') || (chunk[0] == '\xFE' && chunk[1] == '\xFF'))) {
                auto whole = zip.open_entry(part, max_bytes);
                if (!whole) return whole.error();
                XmlStream full(handler, **whole, zip.path());
                return full.run();
            }
        }
        if (!found) {
            window.append(chunk);
            std::size_t keep = 0;
            const std::size_t at = find_merge_tag(window, keep);
            if (at == std::string::npos) {
                if (*got == 0) return true;  // no merged ranges
                window.erase(0, window.size() - keep);
                continue;
            }
            found = true;
            auto more = xml.feed(window.data() + at, window.size() - at, *got == 0);
            if (!more) return more.error();
            if (!*more) return true;
            window.clear();
            continue;
        }
        auto more = xml.feed(chunk.data(), chunk.size(), *got == 0);
        if (!more) return more.error();
        if (!*more) return true;
    }
}

enum class CellType { number, shared, inline_string, formula_string, boolean, error, iso_date };

CellType cell_type(std::string_view t) {
    if (t == "s") return CellType::shared;
    if (t == "inlineStr") return CellType::inline_string;
    if (t == "str") return CellType::formula_string;
    if (t == "b") return CellType::boolean;
    if (t == "e") return CellType::error;
    if (t == "d") return CellType::iso_date;
    return CellType::number;
}

bool to_index(std::string_view s, std::size_t& out) {
    s = s.substr(0, s.find_last_not_of(" \t\r\n") + 1);
    if (s.empty() || s.size() > 12) return false;
    out = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        out = out * 10 + static_cast<std::size_t>(c - '0');
    }
    return true;
}

std::string cell_name(int column, int row) {
    std::string letters;
    for (int c = column; c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
    return letters + std::to_string(row);
}

}  // namespace

// Second pass: builds one row at a time, fills merged ranges, and pauses the parser at each </row>.
class XlsxRowSource::Handler final : public XmlHandler {
public:
    /// Rows up to `skip_through` were handed out by an earlier reading of the sheet (see next()): they
    /// are read again, for the merged ranges and the budgets, but not yielded.
    Handler(const XlsxWorkbook& workbook, const std::vector<MergedRange>& merges, int skip_through = 0)
        : m_workbook(workbook), m_merges(merges), m_skip_through(skip_through) {}

    void on_start(XmlControl& xml, std::string_view name, const char* const* attrs) override {
        if (name == "c") {
            if (!m_in_row) return;
            start_cell(xml, attrs);
        } else if (name == "v") {
            m_in_v = m_in_cell;
            m_has_v = m_in_cell;
        } else if (name == "is") {
            m_in_is = m_in_cell;
            m_has_inline = m_in_cell;
        } else if (name == "t") {
            m_in_t = m_in_is && m_phonetic == 0;
        } else if (name == "rPh") {
            ++m_phonetic;
        } else if (name == "f") {
            m_in_f = m_in_cell;
            m_has_formula = m_in_cell;
        } else if (name == "row") {
            start_row(xml, attrs);
        }
    }

    void on_end(XmlControl& xml, std::string_view name) override {
        if (name == "c") {
            if (m_in_cell) end_cell(xml);
        } else if (name == "v") {
            m_in_v = false;
        } else if (name == "t") {
            m_in_t = false;
        } else if (name == "is") {
            m_in_is = false;
        } else if (name == "rPh") {
            --m_phonetic;
        } else if (name == "f") {
            m_in_f = false;
        } else if (name == "row") {
            if (m_in_row) end_row(xml);
        }
    }

    void on_text(XmlControl& xml, std::string_view text) override {
        std::string* dst = m_in_v ? &m_value : (m_in_t ? &m_inline : (m_in_f ? &m_formula : nullptr));
        if (!dst) return;
        if (dst->size() + text.size() > m_workbook.limits().max_cell_bytes) {
            xml.fail(fmt::format("cell {} is larger than {}", cell_name(m_column, m_row_number),
                                 human_size(m_workbook.limits().max_cell_bytes)),
                     fmt::format("单元格 {} 内容过大", cell_name(m_column, m_row_number)));
            return;
        }
        dst->append(text);
    }

    /// A row as the sheet gives it: its own cell texts, which the RawRow handed out views.
    struct SheetRow {
        std::vector<std::string> cells;
        int row = 0;
        std::vector<RawRow::UnsavedFormula> unsaved_formulas;
    };
    std::deque<SheetRow> ready;
    SheetRow yielded;  ///< the row next() handed out last: its caller views it until the next call

    /// Hands out the first ready row, viewed by `row`; the one handed out before is recycled: its
    /// strings are refilled by a later row (no allocation per cell once they are large enough).
    void yield(RawRow& row) {
        if (yielded.cells.capacity() > m_spare.cells.capacity()) m_spare = std::move(yielded);
        yielded = std::move(ready.front());
        ready.pop_front();
        row.cells.assign(yielded.cells.begin(), yielded.cells.end());
        row.row = yielded.row;
        row.record = 0;
        row.unsaved_formulas = yielded.unsaved_formulas;
    }

private:
    void start_row(XmlControl& xml, const char* const* attrs) {
        int row = m_last_row + 1;
        if (const auto r = xml_attr(attrs, "r")) {
            int col = 0;
            std::string ref = "A";  // appended, not "A" + string: g++ 12 warns (-Wrestrict, falsely) on that
            ref += *r;
            if (!parse_cell_ref(ref, col, row) || row == 0) {
                xml.fail(fmt::format("invalid row number \"{}\"", *r), "行号无效");
                return;
            }
        }
        if (row <= m_last_row) {
            xml.fail(fmt::format("row {} comes after row {} (rows out of order)", row, m_last_row), "行顺序错乱");
            return;
        }
        if (row > xlsx_limits::k_max_rows) {
            xml.fail(fmt::format("row {} is beyond Excel's last row {}", row, xlsx_limits::k_max_rows), "行号超出 Excel 上限");
            return;
        }
        m_in_row = true;
        m_row_number = row;
        // The cells keep their strings (cleared) from the row they last held: m_width says how many
        // this row has, and end_row cuts the rest off.
        for (auto& c : m_row.cells) c.clear();
        m_row.unsaved_formulas.clear();
        m_width = 0;
        m_row.row = row;
        m_row_bytes = 0;
        m_column = 0;
    }

    void start_cell(XmlControl& xml, const char* const* attrs) {
        int column = m_column + 1;
        if (const auto r = xml_attr(attrs, "r")) {
            int row = 0;
            if (!parse_cell_ref(*r, column, row)) {
                xml.fail(fmt::format("invalid cell reference \"{}\" in row {}", *r, m_row_number), "单元格引用无效");
                return;
            }
        }
        if (column > xlsx_limits::k_max_columns || static_cast<std::size_t>(column) > m_workbook.limits().max_columns) {
            xml.fail(fmt::format("row {} has more than {} columns", m_row_number,
                                 std::min<std::size_t>(xlsx_limits::k_max_columns, m_workbook.limits().max_columns)),
                     "行内列数超过上限");
            return;
        }
        m_in_cell = true;
        m_column = column;
        m_type = cell_type(xml_attr(attrs, "t").value_or("n"));
        m_style = 0;
        if (const auto s = xml_attr(attrs, "s")) {
            if (!to_index(*s, m_style)) m_style = 0;
        }
        m_value.clear();
        m_inline.clear();
        m_has_inline = false;
        m_formula.clear();
        m_has_formula = false;
        m_has_v = false;
    }

    void end_cell(XmlControl& xml) {
        m_in_cell = false;
        m_in_v = m_in_is = m_in_t = m_in_f = false;
        // A formula without a cached result reads as "" like an empty cell, but is none: noted, so
        // that the user is told to let Excel or WPS save the result rather than to fill the cell in. A
        // text result may be saved empty (=IF(G6="无","",20) gives <c t="str"><f>…</f><v></v></c>); an
        // empty <v> of a number is none (what scripts write for a formula they cannot compute).
        const bool unsaved = !m_has_v || (m_value.empty() && m_type == CellType::number);
        if (m_has_formula && unsaved && !m_has_inline) {
            const auto column = static_cast<std::size_t>(m_column - 1);
            m_row.unsaved_formulas.push_back({column, util::trim(m_formula)});
        }
        std::string& text = m_text;  // swapped into the row below: its buffer goes round
        text.clear();
        switch (m_type) {
            case CellType::shared: {
                std::size_t index = 0;
                const auto& strings = m_workbook.strings();
                if (m_value.empty()) break;
                if (!to_index(m_value, index) || index >= strings.size()) {
                    xml.fail(fmt::format("cell {} refers to shared string {}, but the workbook has {}",
                                         cell_name(m_column, m_row_number), m_value, strings.size()),
                             fmt::format("单元格 {} 引用的共享字符串编号越界", cell_name(m_column, m_row_number)));
                    return;
                }
                const std::string_view s = strings.at(index);
                text.assign(s.data(), s.size());
                break;
            }
            case CellType::inline_string:
                text = decode_ooxml_escapes(m_has_inline ? m_inline : m_value);
                break;
            case CellType::formula_string:
                text = decode_ooxml_escapes(m_value);
                break;
            case CellType::boolean:
                text = m_value == "1" || m_value == "true" ? "TRUE" : (m_value.empty() ? "" : "FALSE");
                break;
            case CellType::error:
                text = m_value;
                break;
            case CellType::iso_date:
                text = m_value.substr(0, m_value.find('T'));
                break;
            case CellType::number:
                if (!m_value.empty()) {
                    text = number_cell_text(util::trim(m_value), m_workbook.style(m_style), m_workbook.date1904());
                }
                break;
        }
        if (text.empty()) return;
        const auto index = static_cast<std::size_t>(m_column - 1);
        widen(index + 1);
        m_row_bytes += text.size();
        m_row.cells[index].swap(text);
        check_budgets(xml);
    }

    void end_row(XmlControl& xml) {
        m_in_row = false;
        m_last_row = m_row_number;
        fill_merged(xml);
        if (!check_budgets(xml)) return;
        if (m_row_number <= m_skip_through) return;
        m_row.cells.resize(m_width);
        ready.push_back(std::move(m_row));
        m_row = std::move(m_spare);
        m_spare = SheetRow{};
        xml.pause();
    }

    // Every cell of a merged range but the anchor is blank in the XML (or holds text Excel hides):
    // give each the anchor's text, as the person looking at the sheet sees it.
    void fill_merged(XmlControl& xml) {
        const int r = m_row_number;
        m_active.erase(std::remove_if(m_active.begin(), m_active.end(),
                                      [r](const Active& a) { return a.range->last_row < r; }),
                       m_active.end());
        while (m_next_merge < m_merges.size() && m_merges[m_next_merge].first_row <= r) {
            const MergedRange& m = m_merges[m_next_merge++];
            if (m.last_row < r) continue;  // lies wholly in rows the XML omits
            Active a{&m, {}};
            // An anchor in an omitted row (or an empty anchor) is blank.
            const auto anchor = static_cast<std::size_t>(m.first_column - 1);
            if (m.first_row == r && anchor < m_width) a.value = m_row.cells[anchor];
            m_active.push_back(std::move(a));
        }
        for (const auto& a : m_active) {
            const MergedRange& m = *a.range;
            for (int c = m.first_column; c <= m.last_column; ++c) {
                if (r == m.first_row && c == m.first_column) continue;
                ++m_filled;
                const auto index = static_cast<std::size_t>(c - 1);
                if (a.value.empty() && index >= m_width) continue;
                widen(index + 1);
                m_row.cells[index] = a.value;
                m_row_bytes += a.value.size();
            }
            if (m_filled > xlsx_limits::k_max_filled_cells) {
                xml.fail(fmt::format("merged ranges cover more than {} cells", xlsx_limits::k_max_filled_cells),
                         "合并单元格范围过大");
                return;
            }
            if (m_row_bytes > xlsx_limits::k_max_row_bytes) break;  // reported by check_budgets
        }
    }

    // The row holds at least `width` cells (new ones blank).
    void widen(std::size_t width) {
        if (m_row.cells.size() < width) m_row.cells.resize(width);
        m_width = std::max(m_width, width);
    }

    bool check_budgets(XmlControl& xml) {
        if (m_row_bytes > xlsx_limits::k_max_row_bytes) {
            xml.fail(fmt::format("row {} holds more than {} of text", m_row_number,
                                 human_size(xlsx_limits::k_max_row_bytes)),
                     "单行内容过大");
            return false;
        }
        if (m_sheet_bytes + m_row_bytes > xlsx_limits::k_max_sheet_text_bytes) {
            xml.fail(fmt::format("the sheet holds more than {} of text", human_size(xlsx_limits::k_max_sheet_text_bytes)),
                     "工作表内容过大");
            return false;
        }
        if (!m_in_row) m_sheet_bytes += m_row_bytes;
        return true;
    }

    struct Active {
        const MergedRange* range;
        std::string value;
    };

    const XlsxWorkbook& m_workbook;
    const std::vector<MergedRange>& m_merges;
    const int m_skip_through;
    std::size_t m_next_merge = 0;
    std::vector<Active> m_active;
    std::uint64_t m_filled = 0;
    std::uint64_t m_sheet_bytes = 0;
    std::uint64_t m_row_bytes = 0;

    SheetRow m_row;
    SheetRow m_spare;
    std::size_t m_width = 0;  ///< cells of m_row this row uses (the rest are left from earlier rows)
    std::string m_text;
    int m_row_number = 0;
    int m_last_row = 0;
    bool m_in_row = false;

    int m_column = 0;
    bool m_in_cell = false;
    CellType m_type = CellType::number;
    std::size_t m_style = 0;
    std::string m_value;
    std::string m_inline;
    bool m_has_inline = false;
    std::string m_formula;
    bool m_has_formula = false;
    bool m_has_v = false;  ///< the cell has a <v> element, empty or not
    bool m_in_f = false;
    bool m_in_v = false;
    bool m_in_is = false;
    bool m_in_t = false;
    int m_phonetic = 0;
};

Expected<std::unique_ptr<XlsxRowSource>> XlsxRowSource::open(const std::shared_ptr<const XlsxWorkbook>& workbook,
                                                             std::size_t index) {
    const XlsxSheet& sheet = workbook->sheets().at(index);
    const std::string& path = workbook->path();
    if (!sheet.worksheet) {
        return Error{fmt::format("sheet \"{}\" is a chart sheet, not a table; choose another with --sheet "
                                 "(工作表“{}”是图表，不是表格：请用 --sheet 指定其他工作表)",
                                 sheet.name, sheet.name),
                     path};
    }
    if (sheet.part.empty()) {
        return Error{fmt::format("sheet \"{}\" has no part in the workbook's relationships: the file is damaged, "
                                 "save it again as .xlsx (工作表“{}”缺少数据部件：文件已损坏，请重新另存为 .xlsx)",
                                 sheet.name, sheet.name),
                     path};
    }
    std::unique_ptr<XlsxRowSource> src(new XlsxRowSource());
    src->m_workbook = workbook;
    src->m_name = sheet.name;
    const std::uint64_t max_bytes = workbook->limits().max_xlsx_bytes;
    auto merged = read_merged_ranges(workbook->zip(), sheet.part, max_bytes, src->m_merges);
    if (!merged) return merged.error();
    std::sort(src->m_merges.begin(), src->m_merges.end(), [](const MergedRange& a, const MergedRange& b) {
        return a.first_row != b.first_row ? a.first_row < b.first_row : a.first_column < b.first_column;
    });
    src->m_part = sheet.part;
    auto entry = workbook->zip().open_entry(sheet.part, max_bytes);
    if (!entry) return entry.error();
    src->m_entry = std::move(*entry);
    src->m_handler = std::make_unique<Handler>(*workbook, src->m_merges);
    src->m_fast = std::make_unique<SheetScanner>(
        *src->m_handler, [entry = src->m_entry.get()](char* buf, std::size_t n) { return entry->read(buf, n); });
    return src;
}

// The fast reader gave up (see SheetScanner): the sheet is read again from its start with expat, which
// yields the rows after those already handed out, or the error the fast reader left to it.
Expected<bool> XlsxRowSource::read_with_expat() {
    m_fast.reset();
    m_xml.reset();
    auto entry = m_workbook->zip().open_entry(m_part, m_workbook->limits().max_xlsx_bytes);
    if (!entry) return entry.error();
    m_entry = std::move(*entry);
    m_handler = std::make_unique<Handler>(*m_workbook, m_merges, m_last_yielded);
    m_xml = std::make_unique<XmlStream>(*m_handler, *m_entry, m_workbook->path());
    return true;
}

XlsxRowSource::~XlsxRowSource() = default;

Expected<bool> XlsxRowSource::next(RawRow& row) {
    while (m_handler->ready.empty() && !m_done) {
        if (m_fast) {
            const auto state = m_fast->resume();
            if (state == SheetScanner::State::ended) m_done = true;
            if (state != SheetScanner::State::gave_up) continue;
            auto again = read_with_expat();
            if (!again) return again.error();
            continue;
        }
        auto more = m_xml->resume();
        if (!more) return more.error();
        if (!*more) m_done = true;
    }
    if (m_handler->ready.empty()) return false;
    m_last_yielded = m_handler->ready.front().row;
    m_handler->yield(row);
    return true;
}

}  // namespace perf_check::io
