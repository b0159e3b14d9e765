// Unit tests of the CSV/TSV reader: quoting, line ends, row numbers, delimiter sniffing and limits.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "io/csv_reader.hpp"

using namespace perf_check;
using namespace perf_check::io;

namespace {

using Cells = std::vector<std::string_view>;

struct Read {
    std::vector<RawRow> rows;
    std::optional<Error> error;
};

// Reads `src` to its end (at most `max_rows` rows), handing each row to `on_row`; the error it ends in, if any.
template <class OnRow>
std::optional<Error> read_rows(CsvRowSource& src, int max_rows, OnRow&& on_row) {
    for (int guard = 0; guard < max_rows; ++guard) {
        RawRow row;
        auto got = src.next(row);
        if (!got) return got.error();
        if (!*got) return std::nullopt;
        on_row(row);
    }
    FAIL("reader did not stop");
    return std::nullopt;
}

Read read_all(const std::string& text, char delimiter = ',', ReadLimits limits = {},
              Encoding encoding = Encoding::utf8) {
    CsvRowSource src(std::make_unique<std::istringstream>(text), encoding, delimiter, "t.csv", limits);
    Read out;
    out.error = read_rows(src, 1000, [&](const RawRow& row) { out.rows.push_back(row); });
    return out;
}

// A table read as perf-check reads it: its encoding decided by its first block, the rest checked as it is
// read (the table must be one its start decides). How many records came before the error, and the error.
struct CheckedRead {
    Encoding encoding = Encoding::utf8;
    std::size_t records = 0;
    std::optional<Error> error;
};

CheckedRead read_checked(const std::string& text) {
    auto in = std::make_unique<std::istringstream>(text);
    std::optional<TextCheck> rest;
    const auto encoding = detect_encoding(*in, "t.csv", &rest);
    REQUIRE(encoding);
    REQUIRE(rest.has_value());
    CheckedRead out;
    out.encoding = *encoding;
    CsvRowSource src(std::move(in), *encoding, ',', "t.csv", {}, std::move(rest));
    out.error = read_rows(src, 100000, [&](const RawRow&) { ++out.records; });
    return out;
}

std::vector<int> row_numbers(const Read& r) {
    std::vector<int> out;
    for (const auto& row : r.rows) out.push_back(row.row);
    return out;
}

}  // namespace

TEST_CASE("csv: plain records with LF", "[csv]") {
    const Read r = read_all("a,b,c\n1,2,3\n");
    REQUIRE_FALSE(r.error);
    REQUIRE(r.rows.size() == 2);
    CHECK(r.rows[0].cells == Cells{"a", "b", "c"});
    CHECK(r.rows[1].cells == Cells{"1", "2", "3"});
    CHECK(row_numbers(r) == std::vector<int>{1, 2});
}

TEST_CASE("csv: CRLF, CR-only and a missing final newline", "[csv]") {
    const Read crlf = read_all("a,b\r\nc,d\r\n");
    REQUIRE(crlf.rows.size() == 2);
    CHECK(crlf.rows[0].cells == Cells{"a", "b"});
    CHECK(crlf.rows[1].cells == Cells{"c", "d"});
    CHECK(row_numbers(crlf) == std::vector<int>{1, 2});

    const Read cr = read_all("a,b\rc,d\r");
    REQUIRE(cr.rows.size() == 2);
    CHECK(cr.rows[0].cells == Cells{"a", "b"});
    CHECK(cr.rows[1].cells == Cells{"c", "d"});
    CHECK(row_numbers(cr) == std::vector<int>{1, 2});

    const Read no_final = read_all("a,b\nc,d");
    REQUIRE(no_final.rows.size() == 2);
    CHECK(no_final.rows[1].cells == Cells{"c", "d"});

    const Read mixed = read_all("a\r\nb\rc\nd");
    CHECK(row_numbers(mixed) == std::vector<int>{1, 2, 3, 4});
    CHECK(mixed.rows[3].cells == Cells{"d"});
}

TEST_CASE("csv: empty cells, empty lines and a trailing empty line", "[csv]") {
    const Read r = read_all("a,,c,\n\n,\nlast\n\n");
    REQUIRE_FALSE(r.error);
    REQUIRE(r.rows.size() == 5);
    CHECK(r.rows[0].cells == Cells{"a", "", "c", ""});
    CHECK(r.rows[1].cells == Cells{""});  // the empty line
    CHECK(r.rows[2].cells == Cells{"", ""});
    CHECK(r.rows[3].cells == Cells{"last"});
    CHECK(r.rows[4].cells == Cells{""});  // the trailing empty line
    CHECK(row_numbers(r) == std::vector<int>{1, 2, 3, 4, 5});

    CHECK(read_all("").rows.empty());
    CHECK(read_all("x\n").rows.size() == 1);
}

TEST_CASE("csv: quoted cells with newlines keep later row numbers physical", "[csv]") {
    const Read r = read_all("a,\"x\ny\nz\",b\nc,d\n\"p\r\nq\",1\r\ne\n\"r\rs\",2\nf\n");
    REQUIRE_FALSE(r.error);
    REQUIRE(r.rows.size() == 6);
    CHECK(r.rows[0].cells == Cells{"a", "x\ny\nz", "b"});
    CHECK(r.rows[1].cells == Cells{"c", "d"});
    CHECK(r.rows[2].cells == Cells{"p\r\nq", "1"});
    CHECK(r.rows[3].cells == Cells{"e"});
    CHECK(r.rows[4].cells == Cells{"r\rs", "2"});
    CHECK(r.rows[5].cells == Cells{"f"});
    CHECK(row_numbers(r) == std::vector<int>{1, 4, 5, 7, 8, 10});
}

TEST_CASE("csv: doubled quotes and delimiters inside quotes", "[csv]") {
    const Read r = read_all("\"say \"\"hi\"\"\",\"a,b\",\"\",\"\"\"\"\n");
    REQUIRE_FALSE(r.error);
    REQUIRE(r.rows.size() == 1);
    CHECK(r.rows[0].cells == Cells{"say \"hi\"", "a,b", "", "\""});
    // A quote inside an unquoted cell is literal.
    CHECK(read_all("4\"5,x\n").rows[0].cells == Cells{"4\"5", "x"});
    // The seed's funds are written "4,500.00".
    CHECK(read_all("301001,\"4,500.00\",x\n").rows[0].cells == Cells{"301001", "4,500.00", "x"});
}

TEST_CASE("csv: an unterminated quote names the line where it opened", "[csv]") {
    const Read r = read_all("a,b\n\"x\ny\",1\nc,\"open\nmore\nstuff");
    REQUIRE(r.rows.size() == 2);
    REQUIRE(r.error);
    CHECK(r.error->file == "t.csv");
    CHECK(r.error->line == 4);
    CHECK(r.error->message == "unterminated quoted cell: the quote opened here is never closed (引号未闭合)");

    const Read first = read_all("\"never closed");
    REQUIRE(first.error);
    CHECK(first.error->line == 1);
}

TEST_CASE("csv: UTF-8 BOM is skipped, GB18030 cells are decoded", "[csv]") {
    const Read bom = read_all("\xEF\xBB\xBF单位代码,名称\n", ',', {}, Encoding::utf8_bom);
    REQUIRE(bom.rows.size() == 1);
    CHECK(bom.rows[0].cells == Cells{"单位代码", "名称"});

    // Not a BOM: EF BB followed by something else stays.
    const Read partial = read_all("\xEF\xBBx,y\n");
    REQUIRE(partial.rows.size() == 1);
    CHECK(partial.rows[0].cells == Cells{"\xEF\xBBx", "y"});

    const Read gb = read_all("\xCF\xEE\xC4\xBF,\"\xA1\xDD" "50\xB8\xF6\"\r\n", ',', {}, Encoding::gb18030);
    REQUIRE(gb.rows.size() == 1);
    CHECK(gb.rows[0].cells == Cells{"项目", "≥50个"});
}

TEST_CASE("csv: tab-separated input", "[csv]") {
    const std::string tsv = "单位代码\t名称\t资金总额\n301001\t\"a,b\"\t4,500.00\n";
    std::istringstream probe(tsv);
    CHECK(sniff_delimiter(probe) == '\t');
    CHECK(probe.tellg() == 0);  // rewound
    const Read r = read_all(tsv, '\t');
    REQUIRE(r.rows.size() == 2);
    CHECK(r.rows[1].cells == Cells{"301001", "a,b", "4,500.00"});
}

TEST_CASE("sniff_delimiter decides on the first line with delimiters", "[csv]") {
    const auto sniff = [](const std::string& text) {
        std::istringstream in(text);
        return sniff_delimiter(in);
    };
    CHECK(sniff("a,b,c\n1,2,3\n") == ',');
    CHECK(sniff("a\tb\tc\n") == '\t');
    CHECK(sniff("\"a,b,c\"\tx\ty\n") == '\t');    // commas in quotes do not count
    CHECK(sniff("\n\r\n  \na\tb\n") == '\t');       // leading empty lines are skipped
    CHECK(sniff("项目支出绩效目标表\na\tb\tc\n") == '\t');  // a title line without delimiters
    CHECK(sniff("a\tb,c\n") == ',');                // a tie is a comma
    CHECK(sniff("a,b,c\nx\ty\tz\tw\tv\n") == ',');  // only the first delimited line counts
    CHECK(sniff("") == ',');
}

TEST_CASE("csv: a cell over the size limit is an error", "[csv]") {
    ReadLimits limits;
    limits.max_cell_bytes = 8;
    const Read big = read_all("ok,1\n123456789,b\n", ',', limits);
    REQUIRE(big.rows.size() == 1);
    REQUIRE(big.error);
    CHECK(big.error->line == 2);
    CHECK(big.error->message ==
          "a cell is larger than 8 bytes (cell A2) (单元格内容过大：请检查该单元格或引号是否未闭合，确需读取可用 "
          "--limit cell-bytes=8MiB 提高上限)");

    // Quoted cells count too.
    const Read quoted = read_all("\"1234\n56789\"\n", ',', limits);
    REQUIRE(quoted.error);
    CHECK(quoted.error->line == 1);

    // The last cell of the file, with no newline after it.
    const Read last = read_all("a,123456789", ',', limits);
    REQUIRE(last.error);
    CHECK_THAT(last.error->message, Catch::Contains("(cell B1)"));

    // Exactly at the limit is fine, wherever the cell is.
    const Read exact = read_all("12345678,87654321\n12345678", ',', limits);
    REQUIRE_FALSE(exact.error);
    REQUIRE(exact.rows.size() == 2);
    CHECK(exact.rows[0].cells == Cells{"12345678", "87654321"});
    CHECK(exact.rows[1].cells == Cells{"12345678"});
}

TEST_CASE("csv: too many columns is an error", "[csv]") {
    ReadLimits limits;
    limits.max_columns = 3;
    const Read ok = read_all("a,b,c\n", ',', limits);
    REQUIRE_FALSE(ok.error);
    CHECK(ok.rows[0].cells.size() == 3);

    const Read r = read_all("a,b,c\nd,e,f,g\n", ',', limits);
    REQUIRE(r.rows.size() == 1);
    REQUIRE(r.error);
    CHECK(r.error->line == 2);
    CHECK(r.error->file == "t.csv");
    CHECK(r.error->message ==
          "more than 3 columns in one row (行内列数超过上限：请检查分隔符，确需读取可用 --limit columns=N 提高上限)");

    // At the end of the file without a newline too.
    CHECK(read_all("a,b,c,d", ',', limits).error);
}

TEST_CASE("csv: records longer than the read buffer", "[csv]") {
    // One quoted cell longer than a read block spans the refill; a CRLF falls across it too.
    const std::string cell(k_read_block + 4464, 'x');
    std::string text = "\"" + cell + "\",1\r\n";
    text = std::string(k_read_block - 3, 'y') + ",z\r\n" + text;  // the \r is the last byte of the first block
    const Read r = read_all(text);
    REQUIRE_FALSE(r.error);
    REQUIRE(r.rows.size() == 2);
    CHECK(r.rows[0].cells[1] == "z");
    CHECK(r.rows[1].cells == Cells{cell, "1"});
    CHECK(row_numbers(r) == std::vector<int>{1, 2});
}

TEST_CASE("csv: a row's cells view the reader's buffer until the next row; a copy keeps its own", "[csv]") {
    // The first row, then over 1 MiB of rows: the buffer the first row was read into is read into again.
    std::string text = "a,b\n";
    for (int i = 0; i < 80000; ++i) text += "filler-row-" + std::to_string(i) + ",x\n";
    CsvRowSource src(std::make_unique<std::istringstream>(text), Encoding::utf8, ',', "t.csv");
    RawRow row;
    REQUIRE(*src.next(row));
    REQUIRE(row.cells == Cells{"a", "b"});
    RawRow copy = row;
    CHECK(copy.cells == Cells{"a", "b"});
    CHECK(copy.cells[0].data() != row.cells[0].data());  // its own text, not the buffer's
    int rows = 1;
    while (*src.next(row)) ++rows;
    CHECK(rows == 80001);
    CHECK(copy.cells == Cells{"a", "b"});
    // Moving a copy keeps the text where its cells view it; so does assigning one copy to another.
    RawRow moved = std::move(copy);
    CHECK(moved.cells == Cells{"a", "b"});
    RawRow again;
    again.cells = {"stale"};
    again = moved;
    moved = RawRow{};
    CHECK(again.cells == Cells{"a", "b"});
}

TEST_CASE("csv: cells, quotes and line breaks across the read block", "[csv]") {
    constexpr std::size_t k_block = k_read_block;
    SECTION("an unquoted cell spanning the refill, with a quote inside it at the boundary") {
        std::string text = std::string(k_block - 1, 'y') + "\"z,2\n3,4\n";
        const Read r = read_all(text);
        REQUIRE_FALSE(r.error);
        REQUIRE(r.rows.size() == 2);
        CHECK(r.rows[0].cells == Cells{std::string(k_block - 1, 'y') + "\"z", "2"});
        CHECK(r.rows[1].cells == Cells{"3", "4"});
    }
    SECTION("a quoted cell whose closing quote and doubled quote fall on the boundary") {
        std::string text = "\"" + std::string(k_block - 2, 'q') + "\"\"x\",5\r\n6\n";
        const Read r = read_all(text);
        REQUIRE_FALSE(r.error);
        REQUIRE(r.rows.size() == 2);
        CHECK(r.rows[0].cells == Cells{std::string(k_block - 2, 'q') + "\"x", "5"});
        CHECK(r.rows[1].cells == Cells{"6"});
        CHECK(row_numbers(r) == std::vector<int>{1, 2});
    }
    SECTION("a CRLF split by the refill and newlines inside a quoted cell keep physical rows") {
        std::string text = std::string(k_block - 1, 'a') + "\r\n\"l1\nl2\r\nl3\",b\nc\n";
        const Read r = read_all(text);
        REQUIRE_FALSE(r.error);
        REQUIRE(r.rows.size() == 3);
        CHECK(r.rows[1].cells == Cells{"l1\nl2\r\nl3", "b"});
        CHECK(row_numbers(r) == std::vector<int>{1, 2, 5});
    }
    SECTION("one RawRow reused: a short row after a long one has only its own cells") {
        CsvRowSource src(std::make_unique<std::istringstream>("a,b,c,d\nx\n,\n"), Encoding::utf8, ',', "t.csv");
        RawRow row;
        REQUIRE(*src.next(row));
        CHECK(row.cells == Cells{"a", "b", "c", "d"});
        REQUIRE(*src.next(row));
        CHECK(row.cells == Cells{"x"});
        REQUIRE(*src.next(row));
        CHECK(row.cells == Cells{"", ""});
        CHECK_FALSE(*src.next(row));
        CHECK(row.cells.empty());
    }
}

TEST_CASE("csv: every cell reads the same wherever the read block ends", "[csv]") {
    // Whole plain cells are taken straight from the block; a cell or row end beyond it, quotes, a lone CR
    // go the general way. Moving the block's end through every byte of a sample mixes the two paths.
    const std::string sample = "a,,\"b,\"\"c\"\"\",中文\r\n\"x\ny\",z\rw,\"\"\n,\n末";
    const Read alone = read_all(sample);
    REQUIRE_FALSE(alone.error);
    REQUIRE(alone.rows.size() == 5);
    CHECK(alone.rows[0].cells == Cells{"a", "", "b,\"c\"", "中文"});
    CHECK(alone.rows[1].cells == Cells{"x\ny", "z"});
    CHECK(alone.rows[2].cells == Cells{"w", ""});
    CHECK(alone.rows[3].cells == Cells{"", ""});
    CHECK(alone.rows[4].cells == Cells{"末"});
    CHECK(row_numbers(alone) == std::vector<int>{1, 2, 4, 5, 6});
    constexpr std::size_t k_block = k_read_block;
    for (std::size_t k = 0; k <= sample.size(); ++k) {
        // Padding of k_block − k bytes in short rows puts the block's end k bytes into the sample.
        const std::size_t pad = k_block - k;
        std::string text = pad % 2 == 1 ? "\n" : "";
        for (std::size_t i = 0; i < pad / 2; ++i) text += "p\n";
        const int pad_rows = static_cast<int>(pad / 2 + pad % 2);
        text += sample;
        INFO("block ends " << k << " bytes into the sample");
        CsvRowSource src(std::make_unique<std::istringstream>(text), Encoding::utf8, ',', "t.csv", ReadLimits{});
        std::vector<RawRow> after_padding;
        int rows = 0;
        RawRow row;
        while (true) {
            auto got = src.next(row);
            if (!got) FAIL(got.error().render());
            if (!*got) break;
            if (++rows > pad_rows) after_padding.push_back(row);
        }
        REQUIRE(after_padding.size() == alone.rows.size());
        for (std::size_t i = 0; i < alone.rows.size(); ++i) {
            CHECK(after_padding[i].cells == alone.rows[i].cells);
            CHECK(after_padding[i].row == alone.rows[i].row + pad_rows);
        }
    }
}

namespace {
struct RefRecord {
    std::vector<std::string> cells;
    int row = 0;
    int record = 0;
};
// Records as RFC 4180 reads them, a byte at a time.
std::vector<RefRecord> reference_records(const std::string& t) {
    std::vector<RefRecord> out;
    std::size_t i = 0;
    int line = 1;
    while (i < t.size()) {
        RefRecord r;
        r.row = line;
        r.record = static_cast<int>(out.size()) + 1;
        std::string cell;
        bool quoted = false;
        while (true) {
            if (i == t.size()) {
                r.cells.push_back(cell);
                break;
            }
            const char c = t[i++];
            const bool crlf = c == '\r' && i < t.size() && t[i] == '\n';
            if (quoted) {
                if (c == '"' && i < t.size() && t[i] == '"') {  // a doubled quote is one
                    cell += '"';
                    ++i;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n' || (c == '\r' && !crlf)) ++line;
                    cell += c;
                }
                continue;
            }
            if (c == '"' && cell.empty()) {
                quoted = true;
            } else if (c == ',') {
                r.cells.push_back(cell);
                cell.clear();
            } else if (c == '\n' || c == '\r') {
                if (crlf) ++i;
                ++line;
                r.cells.push_back(cell);
                break;
            } else {
                cell += c;
            }
        }
        out.push_back(r);
    }
    return out;
}
}  // namespace

TEST_CASE("csv: records read whole from the buffer and byte by byte agree with RFC 4180", "[csv]") {
    // Pieces that put delimiters, CR LF, lone CRs and quoted cells at every offset of the 16-byte blocks
    // the whole-record reading cuts at, in records shorter and longer than the row before them.
    const std::vector<std::string> pieces = {"a",  "项目", "1234567890", ",",       ",",          ",",
                                             "\n", "\r\n", "\r",         "\"x,y\"", "\"多\n行\"", "中文文本中文文本",
                                             " ",  ""};
    std::uint32_t seed = 7;
    for (int n = 0; n < 300; ++n) {
        std::string text;
        const int len = 1 + static_cast<int>(n % 60);
        for (int k = 0; k < len; ++k) {
            seed = seed * 1664525U + 1013904223U;
            text += pieces[(seed >> 16) % pieces.size()];
        }
        INFO(text);
        const auto expected = reference_records(text);
        CsvRowSource src(std::make_unique<std::istringstream>(text), Encoding::utf8, ',', "t.csv");
        RawRow row;  // reused, as the table reader does: a shorter record after a longer one
        std::size_t k = 0;
        while (true) {
            auto got = src.next(row);
            REQUIRE(got.has_value());
            if (!*got) break;
            REQUIRE(k < expected.size());
            CHECK(std::vector<std::string>(row.cells.begin(), row.cells.end()) == expected[k].cells);
            CHECK(row.row == expected[k].row);
            CHECK(row.record == expected[k].record);
            ++k;
        }
        CHECK(k == expected.size());
    }
}

// Cells read whole from the buffer are noted plain (RawRow::plain) when they hold no lead of what folding
// rewrites (C2, E3, EF), so that assembly copies them as they are: never one that holds such a byte.
TEST_CASE("csv: a cell is noted plain exactly when it holds no fold lead", "[csv]") {
    const auto has_lead = [](std::string_view cell) {
        return cell.find_first_of("\xC2\xE3\xEF") != std::string_view::npos;
    };
    SECTION("rows of known cells") {
        // 项目, a deduction with a full-width comma (EF), ≥ (E2: not a lead), NBSP (C2), spaces (trimmed
        // later, not folded: plain), U+3000 (E3), an empty cell.
        std::string text;
        for (int k = 0; k < 20; ++k) text += "项目,每超过5万元，扣1分,≥90%,\u00A0x, 90 ,\u3000,\n";
        const auto r = read_all(text);
        REQUIRE(r.rows.size() == 20);
        // The rows near the end of the buffer are read the general way, which notes nothing.
        for (std::size_t k = 0; k < 10; ++k) CHECK(r.rows[k].plain == 0b1010101);
    }
    SECTION("a row of more than 64 cells notes its first 64") {
        // The first cell holds a lead, the 70 after it none: no cell from the 65th on may note the first
        // cell plain (a cell k from the 65th on shares the bit of cell k - 64).
        std::string line = "，";
        for (int k = 0; k < 70; ++k) line += ",a";
        line += "\n";
        const auto r = read_all(line + line + line);
        REQUIRE(r.rows.size() == 3);
        CHECK(r.rows[0].plain == ~std::uint64_t{1});
        CHECK_FALSE(r.rows[0].plain_cell(0));
        CHECK_FALSE(r.rows[0].plain_cell(64));
        // A lead in the 66th cell: the 2nd, which shares its bit, is taken for one that holds a lead too
        // (folding it the full way is always right); no other cell is.
        std::string late = "a";
        for (int k = 1; k < 70; ++k) late += k == 65 ? ",，" : ",a";
        late += "\n";
        const auto l = read_all(late + late + late);
        REQUIRE(l.rows.size() == 3);
        CHECK(l.rows[0].plain == ~std::uint64_t{2});
        CHECK_FALSE(l.rows[0].plain_cell(65));
    }
    SECTION("a row read the general way after a plain one notes nothing") {
        std::string text = "项目,90\n\"a,b\",c\n";
        for (int k = 0; k < 4; ++k) text += "项目名称很长的一个项目,90\n";
        CsvRowSource src(std::make_unique<std::istringstream>(text), Encoding::utf8, ',', "t.csv");
        RawRow row;
        REQUIRE(*src.next(row));
        CHECK(row.plain == 0b11);
        REQUIRE(*src.next(row));
        CHECK(row.cells[0] == "a,b");
        CHECK(row.plain == 0);
    }
    SECTION("leads at every offset of the sixteen-byte blocks, in cells across them") {
        const std::vector<std::string> pieces = {
            "a", "项目", "1234567890",       ",", ",", "\n", "\r\n", "，", "\u3000", "\u00A0",
            "≥", " ",    "中文文本中文文本", ""};
        std::uint32_t seed = 11;
        int noted = 0;
        for (int n = 0; n < 400; ++n) {
            std::string text;
            const int len = 1 + n % 80;
            for (int k = 0; k < len; ++k) {
                seed = seed * 1664525U + 1013904223U;
                text += pieces[(seed >> 16) % pieces.size()];
            }
            INFO(text);
            CsvRowSource src(std::make_unique<std::istringstream>(text), Encoding::utf8, ',', "t.csv");
            RawRow row;
            while (true) {
                auto got = src.next(row);
                REQUIRE(got.has_value());
                if (!*got) break;
                // A row is read whole from the buffer, and every cell noted as it is, or none is noted.
                if (row.plain == 0) continue;
                for (std::size_t i = 0; i < row.cells.size(); ++i) {
                    INFO("cell " << i << ": " << row.cells[i]);
                    REQUIRE(row.plain_cell(i) == !has_lead(row.cells[i]));
                    noted += row.plain_cell(i) ? 1 : 0;
                }
            }
        }
        CHECK(noted > 1000);
    }
}

// The limits again, in records that the whole-record reading sees (plain, unquoted, sixteen bytes and
// more before the end of the buffer): the same errors, in the same places, as the byte-by-byte reader's.
TEST_CASE("csv: limits hold in whole records read from the buffer", "[csv]") {
    const std::string tail(64, '\n');  // keeps every record below well inside the buffer
    ReadLimits cells;
    cells.max_cell_bytes = 20;
    const std::string at_limit(20, 'x');
    const Read exact = read_all("a," + at_limit + ",b,c,d\n" + at_limit + ",1234567890\n" + tail, ',', cells);
    REQUIRE_FALSE(exact.error);
    CHECK(exact.rows[0].cells == Cells{"a", at_limit, "b", "c", "d"});
    CHECK(exact.rows[1].cells == Cells{at_limit, "1234567890"});
    const Read over = read_all("a,b,1234567890\nc," + at_limit + "y,d,e,f\n" + tail, ',', cells);
    REQUIRE(over.error);
    CHECK(over.rows.size() == 1);
    CHECK(over.error->line == 2);
    CHECK_THAT(over.error->message, Catch::StartsWith("a cell is larger than 20 bytes (cell B2)"));
    // A cell over the limit that spans a whole sixteen-byte block with no delimiter in it.
    const Read long_cell = read_all("1234567890," + std::string(40, 'z') + "\n" + tail, ',', cells);
    REQUIRE(long_cell.error);
    CHECK_THAT(long_cell.error->message, Catch::StartsWith("a cell is larger than 20 bytes (cell B1)"));

    ReadLimits columns;
    columns.max_columns = 5;
    const Read five = read_all("aaaa,bbbb,cccc,dddd,eeee\n" + tail, ',', columns);
    REQUIRE_FALSE(five.error);
    CHECK(five.rows[0].cells.size() == 5);
    const Read six = read_all("aaaa,bbbb,cccc,dddd,eeee\naaaa,bbbb,cccc,dddd,eeee,ffff\n" + tail, ',', columns);
    REQUIRE(six.error);
    CHECK(six.rows.size() == 1);
    CHECK(six.error->line == 2);
    CHECK_THAT(six.error->message, Catch::StartsWith("more than 5 columns in one row"));
}

// A table whose first block decides its encoding is checked as it is read (one pass over the file, not a
// scan and then the parse): UTF-8 by the reader, GB18030 by the stream that decodes it. What is then refused
// (a NUL, a byte that starts nothing, a character cut off by the end of the file) must be what the scan of
// the whole file says, word for word and on the same line; and the records on the lines before the bad
// byte's are read, then the error, nothing after it.
TEST_CASE("csv: a table checked as it is read fails where and as the whole-file scan does", "[csv][encoding]") {
    struct Case {
        Encoding encoding;
        std::vector<std::string> lines;
        std::string cut;  // a character without its last byte
    };
    const std::vector<Case> cases = {
        {Encoding::utf8, {"项目,资金到位率,12.5\n", "a,b,c\n", "中文,\"引号,在内\",x\r\n", ",,\n"}, "结"},
        // 项目,中文,12.5 / 中,"文,，",x in GB18030
        {Encoding::gb18030,
         {"\xCF\xEE\xC4\xBF,\xD6\xD0\xCE\xC4,12.5\n", "a,b,c\n", "\xD6\xD0,\"\xCE\xC4,\xA3\xAC\",x\r\n", ",,\n"},
         "\xD6\xD0"},
    };
    std::mt19937 rng(2026);
    for (int n = 0; n < 120; ++n) {
        const Case& c = cases[static_cast<std::size_t>(n % 2)];
        std::string s;
        const std::size_t size = 2 * k_read_block + rng() % k_read_block;
        while (s.size() < size) s += c.lines[rng() % c.lines.size()];
        const int kind = n / 2 % 3;  // NUL, FF, a character cut off at the end
        std::size_t at = s.size();
        if (kind == 2) {
            at = s.size();
            s += c.cut;
            s.pop_back();
        } else {
            at = k_read_block + rng() % (s.size() - k_read_block);
            if (c.encoding == Encoding::utf8) {
                while ((static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) ++at;  // a character's first byte
            } else {
                at = s.find('\n', at) + 1;  // a line's start (a character's first byte in GB18030)
            }
            s.insert(at, std::string(1, kind == 0 ? '\0' : '\xFF'));
        }
        INFO(n << " at " << at);
        std::istringstream whole(s);
        const auto expected = detect_encoding(whole, "t.csv");
        REQUIRE_FALSE(expected);

        const CheckedRead read = read_checked(s);
        REQUIRE(read.encoding == c.encoding);
        REQUIRE(read.error.has_value());
        CHECK(read.error->message == expected.error().message);
        CHECK(read.error->line == expected.error().line);
        CHECK(read.error->file == "t.csv");
        // Every record on the lines before the bad byte's, and none after.
        CHECK(read.records ==
              static_cast<std::size_t>(std::count(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(at), '\n')));
    }
}

TEST_CASE("csv: a table checked as it is read, and valid, reads as one scanned whole", "[csv][encoding]") {
    std::string utf8 = "\xEF\xBB\xBF";  // with a byte-order mark
    std::string gb;
    for (int i = 0; utf8.size() < 3 * k_read_block; ++i) {
        utf8 += "项目" + std::to_string(i) + ",\"资金,到位率\",12.5\n";
        gb += "\xCF\xEE\xC4\xBF" + std::to_string(i) + ",\"\xD6\xD0,\xCE\xC4\",12.5\n";  // 项目i,"中,文",12.5
    }
    const std::string* text = &utf8;
    Encoding want = Encoding::utf8_bom;
    const auto read = [&](bool one_pass) {
        auto in = std::make_unique<std::istringstream>(*text);
        std::optional<TextCheck> rest;
        const auto encoding = detect_encoding(*in, "t.csv", one_pass ? &rest : nullptr);
        REQUIRE(encoding);
        CHECK(*encoding == want);
        CHECK(rest.has_value() == one_pass);
        CsvRowSource src(std::move(in), *encoding, ',', "t.csv", {}, std::move(rest));
        std::vector<std::string> cells;
        RawRow row;
        while (true) {
            auto got = src.next(row);
            REQUIRE(got);
            if (!*got) break;
            for (auto c : row.cells) cells.emplace_back(c);
        }
        return cells;
    };
    const auto one_pass = read(true);
    CHECK(one_pass.size() > 3 * 9000);
    CHECK(one_pass.front() == "项目0");
    CHECK(one_pass == read(false));
    text = &gb;
    want = Encoding::gb18030;
    const auto gb_one_pass = read(true);
    CHECK(gb_one_pass.size() > 3 * 9000);
    CHECK(gb_one_pass[1] == "中,文");
    CHECK(gb_one_pass == read(false));
}

// What a table checked as it is read refuses is reported as the scan of the whole file reports it, also where
// the check alone would say otherwise: a NUL further on outranks the first bad byte (binary data is the
// file's error), and a sequence that the first block's end cuts, which rules GB18030 out there, is judged
// by which encoding read further.
TEST_CASE("csv: a table checked as it is read reports the whole file's error", "[csv][encoding]") {
    std::string lines;
    while (lines.size() < 3 * k_read_block) lines += "项目,资金到位率,12.5\n";
    std::size_t records = 0;
    const auto error_of = [&records](const std::string& s) {
        const CheckedRead read = read_checked(s);
        REQUIRE(read.error.has_value());
        records = read.records;
        return *read.error;
    };
    const auto whole = [](const std::string& s) {
        std::istringstream in(s);
        auto r = detect_encoding(in, "t.csv");
        REQUIRE_FALSE(r);
        return r.error();
    };
    SECTION("a NUL after a bad byte") {
        std::string s = lines;
        const std::size_t ff = s.find('\n', k_read_block + 1000) + 1;
        s.insert(ff, "\xFF");
        s.insert(s.find('\n', 2 * k_read_block + 500) + 1, std::string(1, '\0'));
        const Error e = error_of(s);
        CHECK_THAT(e.message, Catch::StartsWith("binary data (NUL byte at byte offset"));
        CHECK(e.message == whole(s).message);
        CHECK(e.line == whole(s).line);
        // What was read ends before the bad byte, not the NUL.
        CHECK(records ==
              static_cast<std::size_t>(std::count(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(ff), '\n')));
    }
    SECTION("a NUL after a bad byte in the same block") {
        std::string s = lines;
        const std::size_t ff = s.find('\n', k_read_block + 1000) + 1;
        s.insert(ff, "\xFF");
        s.insert(s.find('\n', ff + 100) + 1, std::string(1, '\0'));
        const Error e = error_of(s);
        CHECK(e.message == whole(s).message);
        CHECK(records ==
              static_cast<std::size_t>(std::count(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(ff), '\n')));
    }
    SECTION("a four-byte character the first block's end cuts, then a byte that does not continue it") {
        // GB18030 fails on the 80 at the block's last byte; UTF-8 is still open there, and fails on the A
        // after it, at the character's start, which is before the 80: GB18030 read further.
        const std::string s = std::string(k_read_block - 3, 'a') + "\xF0\x90\x80" + "A,b\n" + lines;
        const Error e = error_of(s);
        CHECK(e.message == whole(s).message);
        CHECK(e.line == whole(s).line);
        CHECK_THAT(e.message,
                   Catch::Contains("bad byte sequence 80 at byte offset " + std::to_string(k_read_block - 1)));
    }
}
