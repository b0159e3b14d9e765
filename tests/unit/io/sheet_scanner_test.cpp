// Tests of the fast worksheet reader (SheetScanner): the same events as expat on what spreadsheet
// programs write, whatever the read boundaries; a hand-over to expat for everything else; and the rows
// of a workbook whose sheets are handed over part-way.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "io/xlsx_sheet.hpp"
#include "io/xlsx_workbook.hpp"
#include "support/paths.hpp"
#include "support/sheet_rows.hpp"
#include "support/xml_events.hpp"

using namespace perf_check;
using namespace perf_check::io;

namespace {

const std::string k_head =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">";

std::string sheet(const std::string& rows) { return k_head + "<sheetData>" + rows + "</sheetData></worksheet>"; }

// Reads `xml` in reads of 1, 2, 3, 7, 64 and 65,536 bytes: every way must agree with expat (see
// test::disagreement) and end, or give up, alike. Returns whether it read to the end.
bool read_to_end(const std::string& xml) {
    const auto slow = test::expat_events(xml);
    std::vector<bool> ends;
    for (const std::size_t chunk : {1, 2, 3, 7, 64, 65536}) {
        INFO("reads of " << chunk << " bytes");
        const auto fast = test::scan_events(xml, chunk);
        CHECK(test::disagreement(xml, fast, slow).empty());
        ends.push_back(fast.ended);
    }
    for (const bool e : ends) CHECK(e == ends.front());
    return ends.front();
}

}  // namespace

TEST_CASE("scanner: a sheet as Excel writes it reads like expat, in reads of any size", "[xlsx][scanner]") {
    const std::string rows =
        "<row r=\"1\" spans=\"1:3\" x14ac:dyDescent=\"0.25\"><c r=\"A1\" s=\"1\" t=\"s\"><v>0</v></c>"
        "<c r=\"B1\" t=\"inlineStr\"><is><r><t xml:space=\"preserve\"> 富文本 </t></r><rPh sb=\"0\" eb=\"1\">"
        "<t>ふ</t></rPh></is></c><c r=\"C1\"/></row>\n"
        "<row r='2'\n  ht='15'><c r='A2' t='str'><f>A1&amp;\"x\"</f><v>&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos;"
        " &#20013;&#x6587; &#x1F600; _x000D_</v></c><c r=\"B2\" ><v>842.07</v></c></row>"
        "<x:row r=\"3\"><x:c r=\"A3\"><x:v>1E+21</x:v></x:c></x:row>";
    CHECK(read_to_end(sheet(rows)));
    // The events themselves (names without prefixes, entities decoded), not only agreement.
    const auto fast = test::scan_events(sheet(rows), 5);
    REQUIRE(fast.ended);
    CHECK(std::find(fast.events.begin(), fast.events.end(), "<row r=\"3\">") != fast.events.end());
    CHECK(std::find(fast.events.begin(), fast.events.end(),
                    "#<a> & \"b\" 'c' 中文 \xF0\x9F\x98\x80 _x000D_") != fast.events.end());
    // A byte-order mark, no declaration, and a declaration without encoding are all UTF-8.
    CHECK(read_to_end("\xEF\xBB\xBF" + sheet("<row r=\"1\"/>")));
    CHECK(read_to_end("<worksheet><sheetData/></worksheet>\n"));
    CHECK(read_to_end("<?xml version='1.0'?><worksheet/>"));
    // Found in review: an attribute named like an earlier value ("t=\"s\" s=\"1\"") is no duplicate, and
    // a document shorter than the declaration check's look-ahead still ends.
    CHECK(read_to_end(sheet("<row r=\"1\"><c r=\"A1\" t=\"s\" s=\"1\"><v>0</v></c></row>")));
    CHECK(read_to_end("<a/>\r\n"));
    CHECK(read_to_end("<a></a>\n"));
}

TEST_CASE("scanner: pausing at every end tag gives the same events", "[xlsx][scanner]") {
    std::string rows;
    for (int r = 1; r <= 300; ++r) {
        rows += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) +
                "\" t=\"inlineStr\"><is><t>项目" + std::to_string(r) + "</t></is></c></row>";
    }
    const std::string xml = sheet(rows);
    const auto whole = test::scan_events(xml, 65536);
    const auto paused = test::scan_events(xml, 100, true);
    REQUIRE(whole.ended);
    REQUIRE(paused.ended);
    CHECK(paused.events == whole.events);
    CHECK(paused.pauses == 300 * 4 + 2);  // </t> </is> </c> </row> per row, </sheetData>, </worksheet>
}

TEST_CASE("scanner: anything else is handed to expat after the same events", "[xlsx][scanner]") {
    const std::string row1 = "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>";
    const std::vector<std::pair<const char*, std::string>> cases = {
        {"comment", sheet(row1 + "<!-- 注释 -->")},
        {"CDATA", sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t><![CDATA[x]]></t></is></c></row>")},
        {"processing instruction", sheet(row1 + "<?mso-application progid=\"Excel.Sheet\"?>")},
        {"DOCTYPE", "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY a \"b\">]><worksheet>&a;</worksheet>"},
        {"another encoding", "<?xml version=\"1.0\" encoding=\"GBK\"?><worksheet/>"},
        {"UTF-16", std::string("\xFF\xFE<\0w\0/\0>\0", 10)},
        {"XML 1.1", "<?xml version=\"1.1\"?><worksheet/>"},
        {"standalone=\"Yes\"", "<?xml version=\"1.0\" standalone=\"Yes\"?><worksheet/>"},  // found by fuzz_sheet_xml
        {"'>' in text", sheet("<row r=\"1\"><c r=\"A1\"><v>a>b</v></c></row>")},
        {"']]>' in text", sheet("<row r=\"1\"><c r=\"A1\"><v>]]></v></c></row>")},
        {"carriage return in text", sheet("<row r=\"1\"><c r=\"A1\"><v>a\rb</v></c></row>")},
        {"control character", sheet("<row r=\"1\"><c r=\"A1\"><v>a\x01</v></c></row>")},
        {"invalid UTF-8", sheet("<row r=\"1\"><c r=\"A1\"><v>\xE4\xB8</v></c></row>")},
        {"overlong UTF-8", sheet("<row r=\"1\"><c r=\"A1\"><v>\xC0\xAF</v></c></row>")},
        {"surrogate", sheet("<row r=\"1\"><c r=\"A1\"><v>\xED\xA0\x80</v></c></row>")},
        {"U+FFFE", sheet("<row r=\"1\"><c r=\"A1\"><v>\xEF\xBF\xBE</v></c></row>")},
        {"undeclared entity", sheet("<row r=\"1\"><c r=\"A1\"><v>&nbsp;</v></c></row>")},
        {"reference to a control character", sheet("<row r=\"1\"><c r=\"A1\"><v>&#1;</v></c></row>")},
        {"reference past U+10FFFF", sheet("<row r=\"1\"><c r=\"A1\"><v>&#x110000;</v></c></row>")},
        {"upper-case X reference", sheet("<row r=\"1\"><c r=\"A1\"><v>&#X41;</v></c></row>")},
        {"entity in an attribute", sheet("<row r=\"1\"><c r=\"A&amp;1\"><v>1</v></c></row>")},
        {"tab in an attribute", sheet("<row r=\"1\"><c r=\"A\t1\"><v>1</v></c></row>")},
        {"'<' in an attribute", sheet("<row r=\"1\"><c r=\"A<1\"><v>1</v></c></row>")},
        {"duplicate attribute", sheet("<row r=\"1\" r=\"2\"></row>")},
        {"33 attributes", sheet("<row" + [] {
             std::string a;
             for (int i = 0; i < 33; ++i) a += " a" + std::to_string(i) + "=\"\"";
             return a;
         }() + "/>")},
        {"attributes without a space", sheet("<row r=\"1\"s=\"2\"></row>")},
        {"unquoted attribute", sheet("<row r=1></row>")},
        {"mismatched end tag", sheet(row1 + "<row r=\"2\"></rowx>")},
        {"unclosed element", k_head + "<sheetData>" + row1},
        {"text after the root", sheet(row1) + "x"},
        {"second root", sheet(row1) + "<worksheet/>"},
        {"text before the root", "x<worksheet/>"},
        {"empty input", ""},
        {"non-ASCII name", sheet("<行 r=\"1\"/>")},
    };
    for (const auto& [what, xml] : cases) {
        INFO(what);
        CHECK_FALSE(read_to_end(xml));
    }
}

TEST_CASE("scanner: nesting up to 256 is read, deeper is handed over", "[xlsx][scanner]") {
    auto nested = [](int depth) {
        std::string open;
        std::string close;
        for (int i = 0; i < depth; ++i) {
            open += "<d>";
            close += "</d>";
        }
        return open + "x" + close;
    };
    CHECK(read_to_end(nested(256)));
    CHECK_FALSE(read_to_end(nested(257)));
}

// The hand-over at the workbook level: each sheet of handover.xlsx holds the same table, all but
// "Clean" with something after row 3 that the fast reader leaves to expat; the merged range A2:A5
// spans that point. Every sheet must give Clean's rows, each once.
TEST_CASE("scanner: a sheet handed over part-way yields every row once", "[xlsx][scanner]") {
    const std::string path = test::source_path("tests/data/xlsx/handover.xlsx");
    auto wb = XlsxWorkbook::open(path, ReadLimits{});
    REQUIRE(wb);
    auto rows_of = [&](std::size_t sheet) { return test::sheet_rows(path, sheet); };
    const auto clean = rows_of(0);
    REQUIRE(clean.size() == 6);
    CHECK(clean[4].cells.at(0) == "项目");  // A5, filled from A2 across the point where the others hand over
    CHECK(clean[3].cells.at(2) == "a>b 文本");
    REQUIRE((*wb)->sheets().size() == 5);
    for (std::size_t s = 1; s < 5; ++s) {
        INFO((*wb)->sheets()[s].name);
        const auto rows = rows_of(s);
        REQUIRE(rows.size() == clean.size());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            CHECK(rows[i].row == clean[i].row);
            CHECK(rows[i].cells == clean[i].cells);
        }
    }
}
