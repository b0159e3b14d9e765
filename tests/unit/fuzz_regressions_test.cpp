// Regression tests for the crashes the fuzz targets (fuzz/) found: each input is the reproducer, minimised.
// They fail under the sanitizer build (scripts/test.sh) when the bug comes back.
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <memory>
#include <sstream>
#include <string>

#include "config/rule_set_loader.hpp"
#include "io/json_model.hpp"
#include "perf_check/decimal.hpp"
#include "scoring/deduction.hpp"

using namespace perf_check;

TEST_CASE("fuzz_rule_set: 'extends' naming a file is reported, not read through a dangling node",
          "[fuzz-regression]") {
    // The loader bound a reference to it->second of a yaml-cpp map iterator, a member of a temporary
    // (ASan: stack-use-after-scope in YAML::Node::Type).
    const auto loaded = config::load_rule_set_text("extends: rules-extends-self.yaml\n", "self.yaml");
    REQUIRE_FALSE(loaded.has_value());
    const std::string text = loaded.error().render();
    CHECK(text.find("self.yaml:1:10: 'extends' can only be 'default', got 'rules-extends-self.yaml'") !=
          std::string::npos);

    const auto nested = config::load_rule_set_text("extends: {a: b}\n", "map.yaml");
    REQUIRE_FALSE(nested.has_value());
    CHECK(nested.error().render().find("map.yaml:1:10: 'extends' can only be 'default', got a map") !=
          std::string::npos);

    const auto fine = config::load_rule_set_text("extends: default\n", "ok.yaml");
    CHECK(fine.has_value());
}

TEST_CASE("fuzz_json_model: a number too large for a double is an Error with its line, not an escaped exception",
          "[fuzz-regression]") {
    // The second parse (for the error position) rethrew nlohmann's out_of_range 406, which only
    // parse_error was caught for: std::terminate.
    const std::string text = "{\n  \"format\": \"perf-check-table\",\n  \"version\": 1e999\n}\n";
    auto opened = io::open_json_model(std::make_unique<std::istringstream>(text), "big.json",
                                      config::default_rule_set());
    REQUIRE_FALSE(opened.has_value());
    CHECK(opened.error().file == "big.json");
    CHECK(opened.error().line == 3);
    CHECK(opened.error().message.find("invalid JSON: ") == 0);
    CHECK(opened.error().message.find("number overflow parsing '1e999'") != std::string::npos);

    // A syntax error still reports its line as before.
    auto broken = io::open_json_model(std::make_unique<std::istringstream>("{\n\n  \"format\": ]\n}"), "syntax.json",
                                      config::default_rule_set());
    REQUIRE_FALSE(broken.has_value());
    CHECK(broken.error().line == 3);
    CHECK(broken.error().message.find("invalid JSON: parse error at line 3") == 0);
}

TEST_CASE("fuzz_numbers: floor and ceil at the ends of Decimal's range saturate instead of overflowing",
          "[fuzz-regression]") {
    const auto top = Decimal::parse("9223372036854.775807");
    REQUIRE(top.has_value());
    CHECK(top->raw() == std::numeric_limits<std::int64_t>::max());
    CHECK(top->ceil().raw() == std::numeric_limits<std::int64_t>::max());  // 9223372036855 is out of range
    CHECK(top->floor().raw() == 9223372036854000000);

    const auto bottom = Decimal::from_raw(std::numeric_limits<std::int64_t>::min());  // a saturated result
    CHECK(bottom.floor().raw() == std::numeric_limits<std::int64_t>::min());
    CHECK(bottom.ceil().raw() == -9223372036854000000);

    // Ordinary values are unchanged.
    CHECK(Decimal::parse("-2.5")->floor() == Decimal::from_int(-3));
    CHECK(Decimal::parse("-2.5")->ceil() == Decimal::from_int(-2));
    CHECK(Decimal::parse("2.000001")->ceil() == Decimal::from_int(3));
}

TEST_CASE("fuzz_rule_set: a stray ',' is a syntax error with its place, not an endless loop in yaml-cpp",
          "[fuzz-regression]") {
    // YAML::LoadAll (yaml-cpp 0.7) yields empty documents forever on these, eating memory.
    for (const char* text : {",", ",xt\xc8\x93\x9a\x8c\x9a\x97\x99\xd1yam%", ",a: 1\n"}) {
        INFO(text);
        const auto loaded = config::load_rule_set_text(text, "comma.yaml");
        REQUIRE_FALSE(loaded.has_value());
        CHECK(loaded.error().render().find("comma.yaml:1:1: YAML syntax error: unexpected character where a key or "
                                           "value should start (a stray ',' ']' or '}'?)") != std::string::npos);
    }
    // After a first document, the same stray ',' is found where it stands.
    const auto later = config::load_rule_set_text("extends: default\n,\n", "later.yaml");
    REQUIRE_FALSE(later.has_value());
    CHECK(later.error().render().find("later.yaml:2:1: YAML syntax error") != std::string::npos);

    // A real second document is still the one-document error.
    const auto two = config::load_rule_set_text("extends: default\n---\nextends: default\n", "two.yaml");
    REQUIRE_FALSE(two.has_value());
    CHECK(two.error().render().find("two.yaml:3:1: only one YAML document is allowed") != std::string::npos);
}

TEST_CASE("fuzz_deduction: a long run of digits at a clause's start is no list number and no overflow",
          "[fuzz-regression]") {
    // list_number read every digit of (5555555555555555 into an int before checking the length (UBSan:
    // signed integer overflow).
    CHECK(scoring::normalize_deduction_text("(5555555555555555；最低零分") == "5555555555555555,最低零分");
    CHECK(scoring::normalize_deduction_text("55555555555555555.每少1人扣1分") == "55555555555555555,每少1人扣1分");
    CHECK(scoring::normalize_deduction_text("（12）每少1人扣1分") == "12,每少1人扣1分");  // not the first: no list
    CHECK(scoring::normalize_deduction_text("（1）每少1人扣1分") == "每少1人扣1分");
}

TEST_CASE("fuzz_deduction: normalising a text with list numbers twice gives the same text", "[fuzz-regression]") {
    // A list's (1) and ② were taken as numbers, a later ① was not (the list was at 3): the second pass, not
    // seeing the first two, took ① as a list's 1 and gave another text.
    const std::string text =
        "\xe8\xbe\xbe\xe5\x88\xb0\xe6\x8c\x87\xe6\xa0\x87\xe5\x80\xbc\xe5\xbe\x97\xe6\xbb\xa1\xe5\x88\x86\xef\x9b\xae"
        "\xe6"
        "\xa0\x87\xe5\x80\xbc\xe5\xbe\x97\xe6\xbb\xe5\xa1\x86\x88\xef\xbc\x8c\xef\xbc\x88\x31\xef\xbc\x89\xe5\xae\x8c"
        "\xe6"
        "\x88\x90\x39\xe7\xbc\xba\x30\x25\xe5\xbe\x97\x38\xe5\x88\x86\xef\xbc\x8c\xe2\x91\xa1\xe5\xae\x8c\xe6\x88\x90"
        "\x38"
        "\x30\xbc\x8c\xe6\x9c\xaa\xe8\xbe\xbe\xe5\x88\xb0\xe6\x8c\x9c\xaa\xe8\xbe\xbe\xe5\x88\xb0\xe3\x8c\x87\xe6\xa0"
        "\x87"
        "\xe5\x80\xae\x8c\xe4\xb8\xba\xe6\xad\xa2\xe3\x80\xe8\xbe\xe6\xfe\xff\xe7\xf4\x9b\x8a\xe6\x8c\x87\xbe\xe5\xe5"
        "\x87"
        "\x86\xe5\x88\x86\x2c\xe6\x9c\xaa\xe5\xae\x8c\xe6\xe3\x88\x90\xe7\x9a\xe2\x91\xa0\x84\xe6\x8c\x89\xe5\xae\x9e"
        "\xe9"
        "\x99\x85\xe5\xae\x8c\xe6\x88\x90\xe7\x8e\x87\xe4\xb9\x98\xe4\xbb\xa5\xe6\xa0\x87\xe5\x87\x86\xe5\x88\x86\xe8"
        "\xae"
        "\xa1\xe5\x88\x88\xb0\xe6\x8c\x87\xe6\xa1\x87\xe5\x80\xbc\xe5\xbe\x97\xe6\xbb\xa1\xe5\x88\x86\xef\xbc\x8c\xe6"
        "\x9c"
        "\xaa\xe8\xbe\x87\xe6\xa0\x87\xe5\x80\xbc\xe8\xa7\x86\xe6\x83\x85\xe5\x86\xb5\xe6\x89\xa3\xe5\x88\x86\xef\xbc"
        "\x8c"
        "\xe6\x89\xa3\xe5\xae\x8c\xe4\xb8\xba\xe6\xad\xa2\xe3\x7a\x82";
    const std::string once = scoring::normalize_deduction_text(text);
    CHECK(scoring::normalize_deduction_text(once) == once);
    for (const char* more : {"（1）完成；②完成；①完成", "1.完成；2.完成；1.完成；3.完成", "1.评分标准：完成得满分",
                             "评分标准：评分标准：完成得满分", "2.完成；1.5%以内；3.完成"}) {
        INFO(more);
        const std::string first = scoring::normalize_deduction_text(more);
        CHECK(scoring::normalize_deduction_text(first) == first);
    }
}
