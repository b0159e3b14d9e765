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
