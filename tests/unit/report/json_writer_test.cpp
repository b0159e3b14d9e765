// The streaming JSON writer: escaping, the exact dump(2) layout, and arrays spliced from a spool.
#include <catch2/catch.hpp>

#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "report/json_writer.hpp"
#include "util/text.hpp"

using perf_check::report::JsonKey;
using perf_check::report::JsonWriter;
using perf_check::report::OutputBuffer;

namespace {
// A key literal of `N` bytes, cycling through printable ASCII but for '"' and '\\' (' ' and '~' included).
template <std::size_t N>
struct KeyName {
    char text[N + 1] = {};
};
template <std::size_t N>
constexpr KeyName<N> key_name() {
    KeyName<N> k;
    char c = ' ';
    for (std::size_t i = 0; i < N; ++i) {
        k.text[i] = c;
        c = c == '~' ? ' ' : static_cast<char>(c + 1);
        if (c == '"' || c == '\\') ++c;
    }
    return k;
}
template <std::size_t N>
constexpr KeyName<N> k_key_name = key_name<N>();

// One object holding a key of every length from 1 to the longest, each with the value of its length:
// through JsonKey (`literal`) or runtime_key.
template <std::size_t... I>
void keys_of_every_length(JsonWriter& w, bool literal, std::index_sequence<I...>) {
    w.begin_object();
    ((literal ? w.key(k_key_name<I + 1>.text) : w.runtime_key(k_key_name<I + 1>.text)).integer(I + 1), ...);
    w.end_object();
}
}  // namespace

TEST_CASE("JsonWriter escapes what JSON requires and passes UTF-8 through", "[json-writer]") {
    std::ostringstream out;
    {
        JsonWriter w(out);
        w.begin_array();
        w.string("plain 中文 text, long enough to take the eight-byte path");
        w.string(std::string("q\"b\\n\nt\tc\x01z\x1f", 13));
        w.string("12345678\"");  // the special byte right after a clean eight-byte word
        w.string("");
        w.end_array();
        w.end_document();
    }
    const auto doc = nlohmann::json::parse(out.str());
    REQUIRE(doc.size() == 4);
    CHECK(doc[0] == "plain 中文 text, long enough to take the eight-byte path");
    CHECK(doc[1] == std::string("q\"b\\n\nt\tc\x01z\x1f", 13));
    CHECK(doc[2] == "12345678\"");
    CHECK(doc[3] == "");
    CHECK(out.str().find("\\u0001") != std::string::npos);
    CHECK(out.str().find("\\u001f") != std::string::npos);
}

TEST_CASE("JsonWriter writes U+FFFD for bytes that are not UTF-8, so the document stays valid", "[json-writer]") {
    // A GBK file name (a Windows zip unpacked on Linux) and a cut-off character, as key and as value.
    const std::string gbk_path = "/tmp/\xB2\xE2\xCA\xD4.csv";
    std::ostringstream out;
    {
        JsonWriter w(out);
        w.begin_object();
        w.key("file").string(gbk_path);
        w.runtime_key("\xE6\x88").string("中\"\xE6");
        w.end_object();
        w.end_document();
    }
    const auto doc = nlohmann::json::parse(out.str());  // throws on invalid UTF-8
    CHECK(doc["file"] == "/tmp/\uFFFD\uFFFD\uFFFD\uFFFD.csv");
    CHECK(doc["\uFFFD"] == "中\"\uFFFD");  // one U+FFFD for a cut-off character's bytes
}

TEST_CASE("JsonWriter escapes a special byte wherever it falls in a long string", "[json-writer]") {
    // The scan for bytes to escape goes 16 and 8 bytes at a time: put each kind of special byte at
    // every offset of strings around those widths, among UTF-8 text.
    for (const char special : {'"', '\\', '\n', '\x01', '\x1f', '\x7f'}) {
        for (std::size_t len = 1; len <= 40; ++len) {
            for (std::size_t at = 0; at < len; ++at) {
                std::string text = "中";  // three bytes ≥ 0x80 first, so offsets cross word boundaries
                for (std::size_t k = 0; k < len; ++k) text += (k % 5 == 3) ? ' ' : static_cast<char>('a' + k % 26);
                text[3 + at] = special;
                text += "文";
                std::ostringstream out;
                {
                    JsonWriter w(out);
                    w.string(text);
                    w.end_document();
                }
                CHECK(out.str() == nlohmann::json(text).dump() + "\n");
            }
        }
    }
}

TEST_CASE("JsonWriter lays out a document exactly like nlohmann's dump(2)", "[json-writer]") {
    std::ostringstream out;
    {
        JsonWriter w(out);
        w.begin_object();
        w.key("version").integer(1);
        w.key("empty_array").begin_array().end_array();
        w.key("empty_object").begin_object().end_object();
        w.key("list").begin_array();
        w.begin_object().key("n").number("12.5").key("ok").boolean(true).key("none").null().end_object();
        w.integer(-3);
        w.end_array();
        w.key("nested").pretty(nlohmann::ordered_json{{"a", {1, 2}}, {"b", "x"}}.dump(2));
        w.end_object();
        w.end_document();
    }
    nlohmann::ordered_json expected;
    expected["version"] = 1;
    expected["empty_array"] = nlohmann::ordered_json::array();
    expected["empty_object"] = nlohmann::ordered_json::object();
    expected["list"] = {{{"n", 12.5}, {"ok", true}, {"none", nullptr}}, -3};
    expected["nested"] = {{"a", {1, 2}}, {"b", "x"}};
    CHECK(out.str() == expected.dump(2) + "\n");
}

TEST_CASE("JsonWriter splices array elements written to a spool", "[json-writer]") {
    std::stringstream spool;
    {
        auto side = JsonWriter::continuing_array(spool, 1);
        side.begin_object().key("k").string("v1").end_object();
        side.begin_object().key("k").string("v2").end_object();
    }
    std::ostringstream out;
    {
        JsonWriter w(out);
        w.begin_object();
        w.key("first").begin_array().string("a").end_array();
        w.key("spooled").begin_array().splice_elements(spool, true).end_array();
        w.key("none").begin_array();
        std::stringstream empty;
        w.splice_elements(empty, false).end_array();
        w.end_object();
        w.end_document();
    }
    nlohmann::ordered_json expected;
    expected["first"] = {"a"};
    expected["spooled"] = {{{"k", "v1"}}, {{"k", "v2"}}};
    expected["none"] = nlohmann::ordered_json::array();
    CHECK(out.str() == expected.dump(2) + "\n");
}

TEST_CASE("JsonWriter splices array elements spooled in a SpillBuffer, spilled or not", "[json-writer]") {
    // The same layout as the stream above, from memory (a big limit) and from a temporary file (a limit
    // of a few bytes: every flush spills).
    for (const std::size_t limit : {std::size_t{1} << 20, std::size_t{8}}) {
        INFO("limit " << limit);
        perf_check::util::SpillBuffer spooled(limit);
        {
            perf_check::util::SpillStream stream(spooled);
            auto side = JsonWriter::continuing_array(stream, 1);
            side.begin_object().key("k").string("v1").end_object();
            side.flush();
            side.begin_object().key("k").string("第二").end_object();
        }
        std::ostringstream out;
        {
            JsonWriter w(out);
            w.begin_object();
            w.key("first").begin_array().string("a").end_array();
            w.key("spooled").begin_array().string("direct");
            CHECK(w.splice_elements(spooled, true));
            w.end_array();
            w.key("none").begin_array();
            perf_check::util::SpillBuffer empty;
            CHECK(w.splice_elements(empty, false));
            w.end_array();
            w.end_object();
            w.end_document();
        }
        nlohmann::ordered_json expected;
        expected["first"] = {"a"};
        expected["spooled"] = {"direct", {{"k", "v1"}}, {{"k", "第二"}}};
        expected["none"] = nlohmann::ordered_json::array();
        CHECK(out.str() == expected.dump(2) + "\n");
        CHECK(spooled.empty());
    }
}

TEST_CASE("JsonWriter renders element runs into storage handed from writer to writer as take() does", "[json-writer]") {
    // The JSON report renders each project ahead through one storage per thread (take_into, release):
    // what it gives must be what a fresh writer's take() gives, run after run, whatever came before.
    const auto render = [](JsonWriter& w, int n) {
        for (int i = 0; i < n; ++i) w.begin_object().key("k").string("第" + std::to_string(i)).end_object();
    };
    OutputBuffer storage;
    std::string out = "left over from before";
    for (const int n : {3, 0, 1, 40, 2}) {
        INFO("run of " << n);
        auto fresh = JsonWriter::elements(1);
        render(fresh, n);
        const std::string expected = fresh.take();
        auto w = JsonWriter::elements(1, std::move(storage));
        render(w, n);
        w.take_into(out);
        CHECK(out == expected);
        render(w, 1);  // the same writer starts a new, separate run after take_into
        std::string again;
        w.take_into(again);
        auto one = JsonWriter::elements(1);
        render(one, 1);
        CHECK(again == one.take());
        storage = w.release();
        CHECK(storage.empty());
    }
}

TEST_CASE("JsonWriter splices element runs rendered ahead and joined by commas, after direct ones", "[json-writer]") {
    auto ahead = JsonWriter::elements(1);
    ahead.begin_object().key("k").integer(1).end_object();
    ahead.string("two");
    const std::string first = ahead.take();
    ahead.null();  // after take() the writer starts a new, separate run of elements
    const std::string second = ahead.take();
    CHECK(ahead.take().empty());
    std::stringstream joined;
    joined << first << ',' << second;
    std::ostringstream out;
    {
        JsonWriter w(out);
        w.begin_object();
        w.key("items").begin_array();
        w.string("direct");
        w.splice_elements(joined, true);
        w.string("after");
        w.end_array();
        std::stringstream nothing;
        w.key("empty").begin_array().splice_elements(nothing, false).end_array();
        w.end_object();
        w.end_document();
    }
    nlohmann::ordered_json expected;
    expected["items"] = {"direct", {{"k", 1}}, "two", nullptr, "after"};
    expected["empty"] = nlohmann::ordered_json::array();
    CHECK(out.str() == expected.dump(2) + "\n");
}

TEST_CASE("A JsonWriter moved mid-document leaves nothing behind to write", "[json-writer]") {
    std::ostringstream out;
    {
        JsonWriter first(out);
        first.begin_array();
        first.string("hello");  // still in the buffer, not yet flushed
        JsonWriter second(std::move(first));
        second.end_array();
        second.end_document();
    }  // the moved-from writer is destroyed here: it must write nothing
    CHECK(out.str() == "[\n  \"hello\"\n]\n");
    CHECK(nlohmann::json::parse(out.str()) == nlohmann::json::array({"hello"}));
}

TEST_CASE("JsonWriter writes any mix of text, specials and broken bytes as nlohmann does", "[json-writer]") {
    // The plain part of a string is found in one pass and copied; the rest is checked and escaped
    // apart. Wherever the first special or broken byte falls, the result must be the same.
    const std::vector<std::string> pieces = {
        "a",        " 12.5%", "资", "金", "，", "\xC3\xA9", "\xF0\x9F\x98\x80", "\xE0\xA4\x85", "\x80",
        "\xE6\x88", "\xFF",   "\"", "\\", "\n", "\x01"};
    std::mt19937 rng(29);
    for (int round = 0; round < 5000; ++round) {
        std::string text;
        const int n = static_cast<int>(rng() % 40);
        for (int k = 0; k < n; ++k) text += pieces[rng() % 6 == 0 ? rng() % pieces.size() : rng() % 5];
        std::ostringstream out;
        {
            JsonWriter w(out);
            w.string(text);
            w.end_document();
        }
        INFO(text);
        REQUIRE(out.str() ==
                nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    }
}

TEST_CASE("JsonWriter writes literal keys of every length as it writes the same keys at run time", "[json-writer]") {
    // A JsonKey is copied as a whole block after its indentation, and only its size is kept: at every
    // length up to the longest and every nesting (indentations cut the scratch differently), the
    // output must be the runtime path's, which is nlohmann's (the test below).
    constexpr auto lengths = std::make_index_sequence<JsonKey::k_max>();
    for (int depth = 1; depth < 6; ++depth) {
        std::string by_key[2];
        for (const bool literal : {true, false}) {
            std::ostringstream out;
            {
                JsonWriter w(out);
                for (int d = 0; d < depth; ++d) w.begin_array();
                keys_of_every_length(w, literal, lengths);
                keys_of_every_length(w, literal, lengths);  // after a value: with the comma
                for (int d = 0; d < depth; ++d) w.end_array();
                w.end_document();
            }
            by_key[literal ? 0 : 1] = out.str();
        }
        INFO(depth);
        CHECK(by_key[0] == by_key[1]);
        const auto doc = nlohmann::json::parse(by_key[0]);
        nlohmann::json inner = doc;
        for (int d = 1; d < depth; ++d) inner = inner.at(0);
        REQUIRE(inner.size() == 2);
        inner = inner.at(1);
        REQUIRE(inner.size() == JsonKey::k_max);
        CHECK(inner.at(std::string(k_key_name<JsonKey::k_max>.text)) == JsonKey::k_max);
        CHECK(inner.at(" ") == 1);
    }
    static_assert(JsonKey("rule").size() == 7);  // "rule": then `": `
}

TEST_CASE("JsonWriter keys at every offset near the end of the buffer's room", "[json-writer]") {
    // A key's whole 32-byte block is copied: the room claimed for it must cover that block wherever the
    // key falls. An elements() writer starts with no room (256 bytes at the first claim, then doubling),
    // so padding moves the longest key across each edge; under the sanitizers a short claim is an overflow.
    for (std::size_t pad = 0; pad < 600; ++pad) {
        std::string by_key[2];
        for (const bool literal : {true, false}) {
            JsonWriter w = JsonWriter::elements(0);
            w.begin_object();
            (literal ? w.key("k") : w.runtime_key("k")).string(std::string(pad, 'x'));
            (literal ? w.key("key_evaluation_threshold_wan") : w.runtime_key("key_evaluation_threshold_wan"))
                .integer(1);
            w.end_object();
            by_key[literal ? 0 : 1] = w.take();
        }
        INFO(pad);
        REQUIRE(by_key[0] == by_key[1]);
        REQUIRE(by_key[0].size() == pad + 59);  // "\n  {\n    \"k\": \"…\",\n    \"key_…_wan\": 1\n  }"
    }
}

TEST_CASE("JsonKey accepts exactly the literals that need no escaping and fit its block", "[json-writer]") {
    // A literal valid() refuses does not compile as a JsonKey: checked here through valid() itself.
    static_assert(JsonKey::valid("rule"));
    static_assert(JsonKey::valid(" ~!#$%&'()*+,-./09:;<=>?@AZ"));
    static_assert(JsonKey::valid("abcdefghijklmnopqrstuvwxyz01"));    // 28 bytes
    static_assert(!JsonKey::valid("abcdefghijklmnopqrstuvwxyz012"));  // 29
    static_assert(!JsonKey::valid("a\"b"));
    static_assert(!JsonKey::valid("a\\b"));
    static_assert(!JsonKey::valid("tab\there"));
    static_assert(!JsonKey::valid("\x7f"));
    static_assert(!JsonKey::valid("键"));
    static constexpr char unterminated[2] = {'a', 'b'};
    static_assert(!JsonKey::valid(unterminated));
    // Every printable byte but the two is accepted, at both ends of a key.
    for (char c = 0x20; c <= 0x7E; ++c) {
        const char name[3] = {c, 'k', c};
        INFO(static_cast<int>(c));
        CHECK(JsonKey::valid(name) == false);  // not terminated
        const char terminated[4] = {c, 'k', c, '\0'};
        CHECK(JsonKey::valid(terminated) == (c != '"' && c != '\\'));
    }
}

TEST_CASE("JsonWriter writes keys of any text as nlohmann does", "[json-writer]") {
    // Keys known only at run time are escaped as values are: specials and broken bytes must still be
    // escaped or replaced.
    const std::vector<std::string> pieces = {"k",        "_",  "键",  "名", "\xC3\xA9", "\xED\x9F\xBF",
                                             "\xE6\x88", "\"", "\x1f"};
    std::mt19937 rng(31);
    for (int round = 0; round < 2000; ++round) {
        std::string name;
        const int n = static_cast<int>(rng() % 30);
        for (int k = 0; k < n; ++k) name += pieces[rng() % 8 == 0 ? rng() % pieces.size() : rng() % 4];
        std::ostringstream out;
        {
            JsonWriter w(out);
            w.begin_object().key("first").integer(1).runtime_key(name).string(name).end_object();
            w.end_document();
        }
        nlohmann::ordered_json expected;
        expected["first"] = 1;
        expected[name] = name;
        INFO(name);
        REQUIRE(out.str() == expected.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    }
}

TEST_CASE("copy_if_plain copies plain text and accepts exactly what common_utf8_prefix_until does", "[json-writer]") {
    // Sixteen bytes at a time, the last few padded: characters cut by a block's edge or by the end,
    // at every offset around one and two blocks, and the bytes it must refuse.
    const std::vector<std::string> pieces = {"a",
                                             "中",
                                             "“",
                                             "\x7f",
                                             "\xEF\xBF\xBD",
                                             "\xC3\xB7",
                                             "\xF0\x9F\x98\x80",
                                             "\xE0\xA4\x85",
                                             "\xED\x9F\xBF",
                                             "\x80",
                                             "\xE6\x88",
                                             "\xFF",
                                             "\"",
                                             "\\",
                                             "\n",
                                             std::string(1, '\0'),
                                             "\x1f",
                                             " "};
    std::mt19937 rng(37);
    std::vector<std::string> texts = {"", "中", "\xE6\xB8", "\xE6"};
    for (std::size_t len = 1; len <= 40; ++len) {
        for (std::size_t at = 0; at + 1 <= len; ++at) {
            std::string text(len, 'x');
            text.replace(at, 1, "中");  // a character crossing a block's edge wherever `at` puts it
            texts.push_back(text);
            texts.push_back(text.substr(0, text.size() - 1));  // the last character cut
            texts.push_back(text.substr(0, at + 2));
        }
    }
    for (int round = 0; round < 5000; ++round) {
        std::string text;
        const int n = static_cast<int>(rng() % 24);
        for (int k = 0; k < n; ++k) text += pieces[rng() % 5 == 0 ? rng() % pieces.size() : rng() % 4];
        texts.push_back(text);
    }
    for (const auto& text : texts) {
        std::vector<char> out(text.size() + 16, '?');
        const bool plain = perf_check::report::copy_if_plain(text, out.data());
        INFO(text);
        CHECK(plain == (perf_check::util::common_utf8_prefix_until(text, '"', '\\') == text.size()));
        if (plain) CHECK(std::string(out.data(), text.size()) == text);
    }
}
