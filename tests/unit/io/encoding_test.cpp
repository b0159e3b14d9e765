// Unit tests of encoding detection (UTF-8, UTF-8 with BOM, GB18030), verification and GB18030 decoding.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <memory>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/encoding.hpp"
#include "support/utf16.hpp"
#include "util/text.hpp"

using namespace perf_check;
using namespace perf_check::io;
using perf_check::test::to_utf16;

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    std::ostringstream buf;
    buf << in.rdbuf();
    return buf.str();
}

std::string seed_gb18030() { return read_file(PERF_CHECK_SOURCE_DIR "/samples/targets-2024.gb18030.csv"); }
std::string seed_utf8() { return read_file(PERF_CHECK_SOURCE_DIR "/samples/targets-2024.csv"); }

// "项目支出绩效目标表" in GB18030.
const std::string k_title_gb = "\xCF\xEE\xC4\xBF\xD6\xA7\xB3\xF6\xBC\xA8\xD0\xA7\xC4\xBF\xB1\xEA\xB1\xED";

Expected<Encoding> detect(const std::string& bytes) {
    std::istringstream in(bytes);
    return detect_encoding(in, "t.csv");
}

Expected<Encoding> verify(const std::string& bytes, Encoding forced) {
    std::istringstream in(bytes);
    return verify_encoding(in, forced, "t.csv");
}

// Everything the UTF-16 stream of `bytes` gives.
std::string through_utf16(const std::string& bytes, Utf16 order) {
    auto in = utf16_as_utf8(std::make_unique<std::istringstream>(bytes), order);
    std::ostringstream out;
    out << in->rdbuf();
    return out.str();
}

}  // namespace

TEST_CASE("encoding_name and parse_encoding_name", "[encoding]") {
    CHECK(std::string(encoding_name(Encoding::utf8)) == "UTF-8");
    CHECK(std::string(encoding_name(Encoding::utf8_bom)) == "UTF-8-BOM");
    CHECK(std::string(encoding_name(Encoding::gb18030)) == "GB18030");

    CHECK(*parse_encoding_name("utf-8") == Encoding::utf8);
    CHECK(*parse_encoding_name("UTF8") == Encoding::utf8);
    CHECK(*parse_encoding_name("utf_8") == Encoding::utf8);
    CHECK(*parse_encoding_name("UTF-8-BOM") == Encoding::utf8_bom);
    CHECK(*parse_encoding_name("utf-8-sig") == Encoding::utf8_bom);
    CHECK(*parse_encoding_name("GB18030") == Encoding::gb18030);
    CHECK(*parse_encoding_name("gbk") == Encoding::gb18030);
    CHECK(*parse_encoding_name("GB2312") == Encoding::gb18030);
    CHECK(*parse_encoding_name("cp936") == Encoding::gb18030);

    const auto bad = parse_encoding_name("latin1");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message == "unknown encoding 'latin1' (use utf-8, utf-8-bom or gb18030)");
    CHECK_FALSE(parse_encoding_name(""));
    CHECK_FALSE(parse_encoding_name("utf-16"));
}

TEST_CASE("detect_encoding: UTF-8, with and without BOM, and ASCII", "[encoding]") {
    CHECK(*detect("a,b\n1,2\n") == Encoding::utf8);
    CHECK(*detect("") == Encoding::utf8);
    CHECK(*detect("单位代码,名称\n301001,项目\n") == Encoding::utf8);
    CHECK(*detect("\xEF\xBB\xBF单位代码,名称\n") == Encoding::utf8_bom);
    CHECK(*detect("\xEF\xBB\xBF") == Encoding::utf8_bom);
    CHECK(*detect(seed_utf8()) == Encoding::utf8);
    // A BOM later in the file is not a BOM.
    CHECK(*detect("a\xEF\xBB\xBF") == Encoding::utf8);
}

TEST_CASE("detect_encoding: the seed GB18030 file", "[encoding]") {
    const std::string bytes = seed_gb18030();
    REQUIRE(bytes.compare(0, k_title_gb.size(), k_title_gb) == 0);
    std::istringstream in(bytes);
    const auto enc = detect_encoding(in, "seed.csv");
    REQUIRE(enc);
    CHECK(*enc == Encoding::gb18030);
    // The stream is rewound for the reader.
    CHECK(in.good());
    CHECK(in.tellg() == 0);
    CHECK(in.get() == 0xCF);
}

TEST_CASE("detect_encoding: a multi-byte character across the 64 KiB chunk boundary", "[encoding]") {
    const std::string bytes = std::string(65535, 'a') + "中\n";
    CHECK(*detect(bytes) == Encoding::utf8);
    const std::string gb = std::string(65535, 'a') + "\xD6\xD0\n";  // 中 in GB18030
    CHECK(*detect(gb) == Encoding::gb18030);
}

TEST_CASE("detect_encoding: bytes valid in neither encoding", "[encoding]") {
    SECTION("both fail at the same byte: UTF-8's view is reported") {
        const auto r = detect("ab\n\xC3\x28,x\n");
        REQUIRE_FALSE(r);
        CHECK(r.error().file == "t.csv");
        CHECK(r.error().line == 2);
        CHECK(r.error().message ==
              "not valid UTF-8 or GB18030 text: bad byte sequence C3 28 at byte offset 3 "
              "(文件编码无法识别：请另存为 UTF-8 或 GB18030 编码的 CSV，或用 --encoding 指定编码)");
    }
    SECTION("GB18030 reads further: its failure is reported") {
        // Line 2 holds a valid GB18030 four-byte sequence (invalid UTF-8), then an 0xFF on line 3.
        const auto r = detect("ok\n\x81\x30\x81\x30,x\n\xFF\n");
        REQUIRE_FALSE(r);
        CHECK(r.error().line == 3);
        CHECK_THAT(r.error().message, Catch::Contains("bad byte sequence FF at byte offset 10 "));
    }
    SECTION("line and offset are right far into the file") {
        std::string bytes;
        for (int i = 0; i < 40000; ++i) bytes += "a\n";
        bytes += "x\xFF";
        const auto r = detect(bytes);
        REQUIRE_FALSE(r);
        CHECK(r.error().line == 40001);
        CHECK_THAT(r.error().message, Catch::Contains("bad byte sequence FF at byte offset 80001 "));
        CHECK(r.error().render(Lang::en).rfind("t.csv:40001: not valid UTF-8 or GB18030 text", 0) == 0);
        // In Chinese (the default) the Chinese comes first, the English kept after it.
        CHECK(r.error().render().rfind("t.csv:40001: 文件编码无法识别：", 0) == 0);
        CHECK_THAT(r.error().render(), Catch::EndsWith("（" + r.error().render(Lang::en).substr(13) + "）"));
    }
}

TEST_CASE("detect_encoding: a NUL byte means binary data", "[encoding]") {
    const auto r = detect(std::string("a,b\n1,\0\n", 8));
    REQUIRE_FALSE(r);
    CHECK(r.error().file == "t.csv");
    CHECK(r.error().line == 2);
    CHECK(r.error().message ==
          "binary data (NUL byte at byte offset 6): this is not a CSV text table (不是文本表格：请导出为 CSV 或 XLSX)");
    // Even when everything else is valid GB18030.
    CHECK_FALSE(detect(k_title_gb + std::string(1, '\0')));
    // verify_encoding rejects it too.
    const auto v = verify(std::string("x\0", 2), Encoding::utf8);
    REQUIRE_FALSE(v);
    CHECK_THAT(v.error().message, Catch::Contains("NUL byte at byte offset 1"));
}

TEST_CASE("detect_encoding: UTF-8 truncated at the end of the file", "[encoding]") {
    SECTION("Chinese text cut inside the last character: UTF-8 read further and is reported") {
        std::string bytes = "金额单位：万元,\n资金";
        bytes.pop_back();  // 金 = E9 87 91 → E9 87
        const auto r = detect(bytes);
        REQUIRE_FALSE(r);
        CHECK(r.error().line == 2);
        CHECK_THAT(r.error().message, Catch::StartsWith("not valid UTF-8 or GB18030 text: bad byte sequence E9 87 at "
                                                        "byte offset " + std::to_string(bytes.size() - 2) + " "));
    }
    SECTION("a single dangling lead byte") {
        const auto r = detect("abc\xE4");
        REQUIRE_FALSE(r);
        CHECK(r.error().line == 1);
        CHECK_THAT(r.error().message, Catch::Contains("bad byte sequence E4 at byte offset 3 "));
    }
    SECTION("two dangling bytes that happen to form a GB18030 character decode as GB18030") {
        // E4 B8 is the start of 中 in UTF-8 but a complete GB18030 pair: the whole file is valid GB18030.
        CHECK(*detect("abc\xE4\xB8") == Encoding::gb18030);
    }
}

TEST_CASE("detect_encoding: UTF-8 with one GB18030 line", "[encoding]") {
    SECTION("the UTF-8 part is also valid GB18030: the whole file is GB18030") {
        // 单位代码,名称 is an even number of UTF-8 bytes between ASCII, so it pairs up as GB18030.
        const std::string bytes = "单位代码,名称\n" + k_title_gb + "\n";
        CHECK(*detect(bytes) == Encoding::gb18030);
    }
    SECTION("the UTF-8 part is not valid GB18030: an error at the GB18030 line") {
        const std::string line1 = "金额单位：万元\n";
        const std::string bytes = line1 + k_title_gb + "\n";
        const auto r = detect(bytes);
        REQUIRE_FALSE(r);
        CHECK(r.error().line == 2);
        CHECK_THAT(r.error().message, Catch::Contains("bad byte sequence CF EE at byte offset " +
                                                      std::to_string(line1.size()) + " "));
    }
}

TEST_CASE("verify_encoding checks a forced encoding", "[encoding]") {
    SECTION("GB18030 file forced as UTF-8") {
        std::istringstream in(seed_gb18030());
        const auto r = verify_encoding(in, Encoding::utf8, "seed.csv");
        REQUIRE_FALSE(r);
        CHECK(r.error().file == "seed.csv");
        CHECK(r.error().line == 1);
        CHECK_THAT(r.error().message, Catch::StartsWith("not valid UTF-8 text: bad byte sequence CF EE at byte offset 0 "));
        // The user gave --encoding: the hint names the encoding that does read the file.
        CHECK_THAT(r.error().message,
                   Catch::EndsWith("(文件是 GB18030 编码：去掉 --encoding 即可自动识别，或用 --encoding gb18030)"));
        CHECK(in.tellg() == 0);  // rewound
    }
    SECTION("UTF-8 seed forced as GB18030") {
        const auto r = verify(seed_utf8(), Encoding::gb18030);
        REQUIRE_FALSE(r);
        // 表 (E8 A1 A8) ends on an odd byte, so A8 pairs with the comma after it.
        CHECK_THAT(r.error().message, Catch::StartsWith("not valid GB18030 text: bad byte sequence A8 2C at byte offset 26 "));
        CHECK_THAT(r.error().message, Catch::EndsWith("(文件是 UTF-8 编码：去掉 --encoding 即可自动识别)"));
        CHECK(r.error().line == 1);
    }
    SECTION("matching forced encodings pass") {
        CHECK(*verify(seed_gb18030(), Encoding::gb18030) == Encoding::gb18030);
        CHECK(*verify(seed_utf8(), Encoding::utf8) == Encoding::utf8);
        CHECK(*verify("\xEF\xBB\xBF" "a,b\n", Encoding::utf8_bom) == Encoding::utf8_bom);
        CHECK(*verify("a,b\n", Encoding::gb18030) == Encoding::gb18030);  // ASCII is both
        CHECK(*verify("a,b\n", Encoding::utf8_bom) == Encoding::utf8_bom);
    }
    SECTION("UTF-8-BOM forced on invalid UTF-8") {
        const auto r = verify("ok\n\xFF", Encoding::utf8_bom);
        REQUIRE_FALSE(r);
        CHECK(r.error().line == 2);
        CHECK_THAT(r.error().message, Catch::StartsWith("not valid UTF-8 text: bad byte sequence FF at byte offset 3 "));
        // FF is no GB18030 either: nothing to switch to, and --encoding is not suggested again.
        CHECK_THAT(r.error().message,
                   Catch::EndsWith("(文件不是 UTF-8 或 GB18030 编码：请另存为 UTF-8 或 GB18030 编码的 CSV)"));
    }
}

TEST_CASE("gb18030_to_utf8 decodes", "[encoding]") {
    CHECK(gb18030_to_utf8(k_title_gb) == "项目支出绩效目标表");
    CHECK(gb18030_to_utf8("") == "");
    CHECK(gb18030_to_utf8("301001,842.07") == "301001,842.07");
    CHECK(gb18030_to_utf8("\xA3\xA5") == "％");                 // full-width percent
    CHECK(gb18030_to_utf8("\xA1\xDD") == "≥");
    CHECK(gb18030_to_utf8("\x81\x30\x81\x30") == "\u0080");     // four-byte form
    CHECK(gb18030_to_utf8("\x90\x30\x81\x30") == "\U00010000");  // beyond the BMP
    CHECK(gb18030_to_utf8("\x95\x32\x82\x36") == "\U00020000");
    CHECK(gb18030_to_utf8("a\xFF" "b") == "a\uFFFD" "b");
    CHECK(gb18030_to_utf8("a\xD6") == "a\uFFFD");  // truncated pair at the end

    // The seed's first line, title then commas.
    const std::string seed = seed_gb18030();
    const std::string first_line = seed.substr(0, seed.find('\n'));
    CHECK(gb18030_to_utf8(first_line) == "项目支出绩效目标表,,,,,,,,,,,,\r");
    // A long input grows the output buffer correctly.
    std::string many;
    for (int i = 0; i < 5000; ++i) many += "\xD6\xD0";
    std::string expect;
    for (int i = 0; i < 5000; ++i) expect += "中";
    CHECK(gb18030_to_utf8(many) == expect);
}

TEST_CASE("detect_encoding: sequences and failures across the read block", "[encoding]") {
    constexpr std::size_t k_block = k_read_block;
    CHECK(*detect(std::string(k_block - 1, 'a') + "中\n") == Encoding::utf8);
    CHECK(*detect(std::string(k_block - 2, 'a') + "中\n") == Encoding::utf8);
    CHECK(*detect(std::string(k_block - 1, 'a') + "\xD6\xD0\n") == Encoding::gb18030);
    // A bad sequence that starts in the first block and breaks in the second: named whole, with its line.
    // (E4 B8 28 is valid GB18030, so the UTF-8 reading is asked for.)
    std::string bytes;
    for (std::size_t i = 0; i < (k_block - 2) / 2; ++i) bytes += "a\n";
    bytes += "\xE4\xB8";  // the first two bytes of 中, at the end of the first block
    bytes += "(\n";       // not a continuation byte
    std::istringstream in(bytes);
    const auto r = verify_encoding(in, Encoding::utf8, "t.csv");
    REQUIRE_FALSE(r);
    CHECK_THAT(r.error().message, Catch::Contains("bad byte sequence E4 B8 28 "));
    CHECK(r.error().line == static_cast<int>((k_block - 2) / 2 + 1));
    CHECK_THAT(r.error().message, Catch::Contains("at byte offset " + std::to_string(k_block - 2) + " "));
    // Far into the file: line and offset count every block before.
    std::string far;
    for (int i = 0; i < 600000; ++i) far += "a\n";
    far += "x\xFF";
    const auto f = detect(far);
    REQUIRE_FALSE(f);
    CHECK(f.error().line == 600001);
    CHECK_THAT(f.error().message, Catch::Contains("bad byte sequence FF at byte offset 1200001 "));
}

// Two-byte codes are looked up in a table that iconv fills; a cell with anything else goes to iconv
// whole. A four-byte code (81 30 81 30 = U+0080) after a two-byte one sends the cell to iconv: for
// every two-byte code, the table must give what iconv gives.
namespace {
// Where GB18030 reading of `s` fails, character by character as the standard defines it: the offset of
// the first NUL (binary data, whatever else is wrong), else of the first byte that starts no valid
// character, and whether it is a NUL; npos when none does.
std::pair<std::size_t, bool> reference_gb18030_failure(const std::string& s) {
    if (const std::size_t nul = s.find('\0'); nul != std::string::npos) return {nul, true};
    const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const auto in = [](unsigned char b, unsigned lo, unsigned hi) { return b >= lo && b <= hi; };
    std::size_t i = 0;
    while (i < s.size()) {
        const unsigned char b = at(i);
        if (b < 0x80) {
            ++i;
        } else if (in(b, 0x81, 0xFE) && i + 1 < s.size() && (in(at(i + 1), 0x40, 0x7E) || in(at(i + 1), 0x80, 0xFE))) {
            i += 2;
        } else if (in(b, 0x81, 0xFE) && i + 3 < s.size() && in(at(i + 1), 0x30, 0x39) && in(at(i + 2), 0x81, 0xFE) &&
                   in(at(i + 3), 0x30, 0x39)) {
            i += 4;
        } else {
            return {i, false};
        }
    }
    return {std::string::npos, false};
}

// `r`, the reading of `s`, failed at byte `at` (a NUL there when `nul`): its offset exactly (the text after
// it too, so that 12 does not pass for 127) and its line.
void require_failure_at(const Expected<Encoding>& r, const std::string& s, std::size_t at, bool nul) {
    REQUIRE_FALSE(r);
    const std::string where =
        (nul ? "NUL byte at byte offset " : " at byte offset ") + std::to_string(at) + (nul ? ")" : " (");
    REQUIRE_THAT(r.error().message, Catch::Contains(where));
    const auto line = 1 + std::count(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(at), '\n');
    REQUIRE(r.error().line == static_cast<int>(line));
}
}  // namespace

// A GB18030 table is validated sixteen bytes at a time where they are ASCII and two-byte codes with a
// second byte from 81 (runs of such bytes of even length), and a character at a time elsewhere: codes with
// a second byte below 80, four-byte codes, NUL, 80, FF, cut-off codes and errors at every offset of the
// sixteen, in texts longer than a read block, must read as the standard reads them.
TEST_CASE("detect_encoding: GB18030 validated in blocks of sixteen agrees with a character at a time", "[encoding]") {
    const std::vector<std::string> pieces = {
        "a",        ",",        "\n",       "12.5",     "\xD6\xD0",         "\xCE\xC4\xBB\xAF",
        "\xA3\xAC",                                                          // 中 文化 ，
        "\x81\x40", "\xFE\x7E", "\x81\x80", "\xFE\xFE", "\x81\x30\x81\x30",  // low and edge second bytes, a four-byte
                                                                             // code
        "\xD6",     "\x80",     "\xFF",     "\x81\x30",  // a lone lead, bytes that start nothing, a cut four-byte code
    };
    std::uint32_t seed = 1234;
    const auto next = [&] {
        seed = seed * 1664525U + 1013904223U;
        return seed >> 16;
    };
    int valid = 0;
    for (int n = 0; n < 3000; ++n) {
        // Valid GB18030 and invalid UTF-8 from its first byte: the GB18030 reading is the one that counts.
        std::string s = "\xD6\xD0,";
        // Mostly good text, so that a failure comes late and after many blocks of sixteen.
        const bool clean = n % 3 == 0;
        const std::size_t len = 1 + next() % 200;
        for (std::size_t k = 0; k < len; ++k) {
            const std::size_t pick = next() % (clean ? 7 : (next() % 8 == 0 ? pieces.size() : 12));
            s += pieces[pick];
        }
        if (n % 50 == 0) s.insert(s.size() / 2, std::string(1, '\0'));
        if (n % 7 == 0)
            s = std::string(k_read_block - 1 - n % 40, 'a').insert(0, "\xD6\xD0") + s;  // across the read block
        INFO(perf_check::util::hex_bytes(s.substr(0, 400)));
        const auto [fails_at, nul] = reference_gb18030_failure(s);
        const auto r = detect(s);
        if (fails_at == std::string::npos) {
            REQUIRE(r);
            REQUIRE(*r == Encoding::gb18030);
            ++valid;
            continue;
        }
        require_failure_at(r, s, fails_at, nul);
    }
    CHECK(valid > 500);
}

// A UTF-8 table is scanned sixteen bytes at a time up to its first NUL or character of another kind, and
// lines are counted only for an error: a NUL, or a byte that starts nothing in either encoding (FF),
// planted at any character boundary of Chinese text, before or after the end of a read block, must be
// reported at its offset and on its line.
TEST_CASE("detect_encoding: a UTF-8 table's NUL or bad byte is found at its offset and line", "[encoding]") {
    const std::vector<std::string> pieces = {"中", "文", "，", ",", "\n", "12.5", "资金到位率", "a"};
    std::mt19937 rng(61);
    for (int n = 0; n < 2000; ++n) {
        std::string s = "项目,";
        const std::size_t len = 1 + rng() % 120;
        for (std::size_t k = 0; k < len; ++k) s += pieces[rng() % pieces.size()];
        // A character boundary: any position of an ASCII byte or a lead; for one text in five, after a
        // prefix of ASCII lines that ends near the end of the first read block, within 64 bytes of it.
        std::size_t at = rng() % (s.size() + 1);
        if (n % 5 == 0) {
            std::string lines;
            const std::size_t lines_end = k_read_block - 64 + rng() % 64;
            while (lines.size() < lines_end) lines += "a,b,c,12.5\n";
            s.insert(0, lines);
            at = k_read_block - 64 + rng() % 128;
            if (at > s.size()) at = s.size();
        }
        while (at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) ++at;
        const bool nul = n % 2 == 0;
        s.insert(at, std::string(1, nul ? '\0' : '\xFF'));
        INFO(n << " at " << at);
        require_failure_at(detect(s), s, at, nul);
    }
}

TEST_CASE("gb18030: every two-byte code decodes as iconv decodes it", "[encoding]") {
    const std::string four_byte = "\x81\x30\x81\x30";
    int mapped = 0;
    for (int lead = 0x81; lead <= 0xFE; ++lead) {
        for (int trail = 0x40; trail <= 0xFE; ++trail) {
            if (trail == 0x7F) continue;
            const std::string code{static_cast<char>(lead), static_cast<char>(trail)};
            const std::string by_table = gb18030_to_utf8("a" + code + "b");
            const std::string by_iconv = gb18030_to_utf8("a" + code + "b" + four_byte);
            INFO(std::hex << lead << " " << trail);
            REQUIRE(by_iconv == by_table + "\xC2\x80");
            if (by_table.find("\xEF\xBF\xBD") == std::string::npos) ++mapped;
        }
    }
    CHECK(mapped > 21000);  // GBK's characters and symbols
    CHECK(gb18030_to_utf8("\xD6\xD0\xCE\xC4 ok") == "中文 ok");
    CHECK(gb18030_to_utf8("\xD6") == "\xEF\xBF\xBD");        // a lead byte at the end: iconv's U+FFFD
    CHECK(gb18030_to_utf8("\xFF\xD6\xD0") == "\xEF\xBF\xBD中");  // an invalid byte, then a character
}

TEST_CASE("utf16_bom recognises both byte orders and rewinds", "[encoding][utf16]") {
    std::istringstream le("\xFF\xFEx\0");
    CHECK(utf16_bom(le) == Utf16::le);
    CHECK(le.tellg() == 0);
    std::istringstream be("\xFE\xFF\0x");
    CHECK(utf16_bom(be) == Utf16::be);
    std::istringstream utf8("\xEF\xBB\xBFx");
    CHECK_FALSE(utf16_bom(utf8));
    std::istringstream one("\xFF");
    CHECK_FALSE(utf16_bom(one));
    CHECK(one.tellg() == 0);
    CHECK(std::string(utf16_name(Utf16::le)) == "UTF-16LE");
    CHECK(std::string(utf16_name(Utf16::be)) == "UTF-16BE");
}

TEST_CASE("utf16_as_utf8 decodes both byte orders, surrogate pairs and damage", "[encoding][utf16]") {
    const std::string text = "单位代码\t项目\r\n𠀀≥50个,90%\n";           // 𠀀 is U+20000: a surrogate pair
    CHECK(to_utf16(text, Utf16::le).substr(0, 4) == "\xFF\xFE\x55\x53");  // 单 is U+5355
    CHECK(through_utf16(to_utf16(text, Utf16::le), Utf16::le) == text);
    CHECK(through_utf16(to_utf16(text, Utf16::be), Utf16::be) == text);
    // A lone low surrogate, a high surrogate followed by a letter, a high one and a lone byte at the end.
    const std::string damaged(
        "\xFF\xFE"
        "\x00\xDC"
        "\x00\xD8"
        "a\0"
        "\x00\xD8"
        "b",
        11);
    CHECK(through_utf16(damaged, Utf16::le) == "\uFFFD\uFFFDa\uFFFD");
    CHECK(through_utf16("\xFF\xFE", Utf16::le).empty());
}

TEST_CASE("utf16_as_utf8 streams across its read chunks and rewinds to the start", "[encoding][utf16]") {
    // Long enough for several 64 KiB chunks, with an odd-length prefix so that characters and surrogate
    // pairs fall across chunk ends at every alignment.
    std::string text = "x";
    for (int i = 0; i < 30000; ++i) text += i % 7 == 0 ? "𠀀" : (i % 3 == 0 ? "指标," : "a\n");
    const std::string bytes = to_utf16(text, Utf16::le);
    auto in = utf16_as_utf8(std::make_unique<std::istringstream>(bytes), Utf16::le);
    std::string first(100, '\0');
    in->read(first.data(), 100);
    CHECK(first == text.substr(0, 100));
    // Encoding detection and delimiter sniffing read ahead, then rewind: the text starts again.
    in->clear();
    in->seekg(0);
    std::ostringstream all;
    all << in->rdbuf();
    CHECK(all.str() == text);
    CHECK(detect(text));  // what the CSV reader then gets is plain UTF-8
}

// Everything the GB18030 stream of `bytes` gives.
std::string through_gb18030(const std::string& bytes) {
    auto in = gb18030_as_utf8(std::make_unique<std::istringstream>(bytes));
    std::ostringstream out;
    out << in->rdbuf();
    return out.str();
}

TEST_CASE("gb18030_as_utf8 decodes across its read chunks as the whole text decodes, and rewinds", "[encoding]") {
    // Over 64 KiB, several chunks: two-byte characters, four-byte codes and invalid bytes fall across
    // chunk ends at every alignment (an odd-length prefix, pieces of one to four bytes).
    const std::vector<std::string> pieces = {"a",    "\xD6\xD0", "\x81\x30\x81\x30", "\x95\x32\x82\x36", ",", "\n",
                                             "\xFF", "7"};
    std::string bytes = "x";
    std::uint32_t seed = 5;
    while (bytes.size() < 200000) {
        seed = seed * 1664525U + 1013904223U;
        bytes += pieces[(seed >> 16) % pieces.size()];
    }
    CHECK(through_gb18030(bytes) == gb18030_to_utf8(bytes));
    // A run of characters with no byte below 0x30 (no delimiter, space or line end) across chunks, four-byte
    // codes in it: what iconv decodes is cut where a chunk ends, and completed by the next.
    std::string run;
    for (int i = 0; i < 40000; ++i) run += i % 5 == 0 ? "\x81\x30\x81\x30" : "\xD6\xD0";
    const std::string decoded = through_gb18030(run + "\xD6");  // and a lead byte cut off at the end
    CHECK(decoded == gb18030_to_utf8(run) + "\xEF\xBF\xBD");
    CHECK(decoded.size() == 32000 * 3 + 8000 * 2 + 3);  // 中 and U+0080, not replacement characters
    // Encoding detection and delimiter sniffing read ahead, then rewind: the text starts again.
    auto in = gb18030_as_utf8(std::make_unique<std::istringstream>(bytes));
    std::string first(1000, '\0');
    in->read(first.data(), 1000);
    in->clear();
    in->seekg(0);
    std::ostringstream all;
    all << in->rdbuf();
    CHECK(all.str().substr(0, 1000) == first);
    CHECK(all.str() == gb18030_to_utf8(bytes));
}

// The CSV reader takes a decoded stream's chunks whole (ChunkedStream::take_chunk) rather than reading
// them out of its buffer: after a read through the buffer, after a rewind, in both decoded encodings,
// the chunks put together are the text, and the end is the end.
TEST_CASE("decoded streams: chunks taken whole are the text a read gives", "[encoding]") {
    const std::vector<std::string> pieces = {"a", "\xD6\xD0", "\x81\x30\x81\x30", ",", "\n", "\xFF", "\xA3\xA5"};
    std::string bytes;
    std::uint32_t seed = 17;
    while (bytes.size() < 300000) {
        seed = seed * 1664525U + 1013904223U;
        bytes += pieces[(seed >> 16) % pieces.size()];
    }
    const std::string text = gb18030_to_utf8(bytes);
    const auto take_all = [](ChunkedStream& in, int& chunks) {
        std::string all;
        std::string chunk = "stale";
        while (in.take_chunk(chunk)) {
            REQUIRE_FALSE(chunk.empty());
            all += chunk;
            ++chunks;
        }
        CHECK(chunk.empty());
        CHECK_FALSE(in.take_chunk(chunk));  // and stays at the end
        return all;
    };
    auto in = gb18030_as_utf8(std::make_unique<std::istringstream>(bytes));
    std::string first(1001, '\0');
    in->read(first.data(), 1001);
    int chunks = 0;
    CHECK(first + take_all(*in, chunks) == text);
    CHECK(chunks > 3);  // 300 kB in chunks of 64 KiB read
    in->clear();
    in->seekg(0);
    chunks = 0;
    CHECK(take_all(*in, chunks) == text);

    // UTF-16 (little-endian, with its BOM): the same.
    std::string utf16 = "\xFF\xFE";
    for (int i = 0; i < 50000; ++i) utf16 += i % 3 == 0 ? std::string("\x2D\x4E", 2) : std::string("a\0", 2);  // 中 a a
    auto u = utf16_as_utf8(std::make_unique<std::istringstream>(utf16), Utf16::le);
    std::string expect;
    for (int i = 0; i < 50000; ++i) expect += i % 3 == 0 ? "中" : "a";
    chunks = 0;
    CHECK(take_all(*u, chunks) == expect);
}

// The table's decoding copies runs of ASCII sixteen bytes at a time: against iconv (a four-byte code at
// the end sends the text after the last byte below 0x30 there) for runs of every length around the
// block, in short texts and long ones.
TEST_CASE("gb18030: ASCII runs and cell sizes decode as iconv decodes them", "[encoding]") {
    const std::string four_byte = "\x81\x30\x81\x30";
    const std::vector<std::string> pieces = {"a", "12345", "842.07万元,", "\xD6\xD0", "\xA3\xA5", "\xA1\xDD", " "};
    std::uint32_t seed = 99;
    for (int n = 0; n < 2000; ++n) {
        std::string s;
        const int len = 1 + n % 40 + (n % 97 == 0 ? 400 : 0);  // now and then past the stack buffer
        for (int k = 0; k < len; ++k) {
            seed = seed * 1664525U + 1013904223U;
            s += pieces[(seed >> 16) % pieces.size()];
        }
        INFO(s.size());
        REQUIRE(gb18030_to_utf8(s + four_byte) == gb18030_to_utf8(s) + "\xC2\x80");
    }
    const std::string long_ascii(1000, 'x');
    CHECK(gb18030_to_utf8(long_ascii + "\xD6\xD0") == long_ascii + "中");
}

// detect_encoding decides on the first read block alone only when that block reads in one encoding and
// not the other and more of the stream follows; otherwise it scans the whole stream, as without `rest`.
TEST_CASE("detect_encoding: the first block decides only a larger table with Chinese text", "[encoding]") {
    const auto decided_early = [](const std::string& bytes, Encoding want) {
        std::istringstream in(bytes);
        std::optional<TextCheck> rest;
        const auto r = detect_encoding(in, "t.csv", &rest);
        REQUIRE(r);
        CHECK(*r == want);
        // Rewound for the reader either way.
        CHECK(in.tellg() == std::streampos(0));
        return rest.has_value();
    };
    std::string chinese;
    while (chinese.size() < 2 * k_read_block) chinese += "项目,资金到位率,12.5\n";
    CHECK(decided_early(chinese, Encoding::utf8));
    CHECK(decided_early("\xEF\xBB\xBF" + chinese, Encoding::utf8_bom));
    // Within one block: scanned whole.
    CHECK_FALSE(decided_early(chinese.substr(0, k_read_block - 100), Encoding::utf8));
    // A first block of ASCII decides nothing (GB18030 reads it too): the Chinese after it is scanned.
    CHECK_FALSE(decided_early(std::string(k_read_block + 10, 'a') + chinese, Encoding::utf8));
    // Likewise GB18030 with Chinese text in its first block; within one block it is scanned whole.
    std::string gb;
    while (gb.size() < 2 * k_read_block) gb += k_title_gb + ",12.5\n";
    CHECK(decided_early(gb, Encoding::gb18030));
    CHECK_FALSE(decided_early(gb.substr(0, 1000), Encoding::gb18030));
    // A first block neither encoding reads is an error at once, as without `rest`.
    std::istringstream bad("\xFF" + chinese);
    std::optional<TextCheck> rest;
    const auto r = detect_encoding(bad, "t.csv", &rest);
    REQUIRE_FALSE(r);
    CHECK_FALSE(rest.has_value());
    CHECK_THAT(r.error().message, Catch::Contains("bad byte sequence FF at byte offset 0 "));
}

TEST_CASE("TextCheck: blocks fed in turn fail at the byte the whole scan fails at", "[encoding]") {
    std::string s;
    while (s.size() < 3 * k_read_block) s += "中文,资金到位率\n";
    std::size_t at = 2 * k_read_block + 7;
    while ((static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) ++at;  // a character's first byte
    s.insert(at, "\xC3\x28");  // C3 (a lead) wants a continuation byte: 28 is none
    std::istringstream whole(s);
    const auto expected = detect_encoding(whole, "t.csv");
    REQUIRE_FALSE(expected);
    TextCheck check(Encoding::utf8);
    std::size_t fed = 0;
    bool ok = true;
    while (ok && fed < s.size()) {
        const std::size_t n = std::min(k_read_block, s.size() - fed);
        ok = check.feed(std::string_view(s).substr(fed, n));
        fed += n;
    }
    CHECK_FALSE(ok);
    CHECK(fed == 3 * k_read_block);  // refused with the block that holds the bad byte
    std::istringstream in(s);
    const auto refusal = check.refusal(in, "t.csv");
    REQUIRE(refusal);
    const Error& e = *refusal;
    CHECK(e.message == expected.error().message);
    CHECK(e.line == expected.error().line);
    CHECK_THAT(e.message, Catch::Contains("bad byte sequence C3 28 at byte offset " + std::to_string(at) + " "));
    // A valid stream passes to its end.
    TextCheck clean(Encoding::utf8);
    CHECK(clean.feed("项目,12.5\n"));
    CHECK(clean.finish());
    std::istringstream clean_in("项目,12.5\n");
    CHECK_FALSE(clean.refusal(clean_in, "t.csv"));
}
