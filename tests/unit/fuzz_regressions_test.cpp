// Regression tests for the crashes the fuzz targets (fuzz/) found: each input is the reproducer, minimised.
// They fail under the sanitizer build (scripts/test.sh) when the bug comes back.
#include <catch2/catch.hpp>

#include <string>

#include "config/rule_set_loader.hpp"

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
