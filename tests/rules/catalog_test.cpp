// The catalog is the single source of rules: every row has its source, doc, test and default settings.
#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "config/rule_set_loader.hpp"
#include "io/columns.hpp"
#include "rules/catalog.hpp"
#include "support/paths.hpp"
#include "util/embedded.hpp"
#include "util/text.hpp"

using namespace perf_check;

namespace {
std::string snake(const std::string& id) { return util::replace_all(id, "-", "_"); }
}  // namespace

TEST_CASE("every catalog row has its source file, doc, test and default entry", "[catalog]") {
    std::set<std::string> seen;
    const std::regex kebab("^[a-z]+(-[a-z]+)*$");
    const RuleSet& defaults = config::default_rule_set();
    for (const auto& e : rules::catalog()) {
        const std::string id = e.id;
        INFO("rule " << id);
        CHECK(seen.insert(id).second);
        CHECK(std::regex_match(id, kebab));
        CHECK_FALSE(e.summary.zh.empty());
        CHECK_FALSE(e.summary.en.empty());
        // Source: one file named after the id, not a stub.
        const std::string source = test::slurp(test::source_path("src/rules/" + snake(id) + ".cpp"));
        CHECK_FALSE(source.empty());
        CHECK_FALSE(util::contains(source, "STUB"));
        // Doc: compiled in, and it shows a bad and a good example.
        bool documented = false;
        for (const auto& [doc_id, text] : embedded::rule_docs()) {
            if (doc_id == id) documented = !text.empty() && util::contains(text, id);
        }
        CHECK(documented);
        // Test: a file named after the id, using the id as its tag.
        const std::string test_file = test::slurp(test::source_path("tests/rules/" + snake(id) + "_test.cpp"));
        CHECK(util::contains(test_file, "[" + id + "]"));
        // Default rule set: an entry, enabled.
        const auto it = defaults.rules.find(id);
        REQUIRE(it != defaults.rules.end());
        CHECK(it->second.enabled);
        // The factory accepts the default parameters.
        CHECK(e.factory(defaults, it->second.params).has_value());
    }
    // No doc without a rule.
    for (const auto& [doc_id, text] : embedded::rule_docs()) CHECK(rules::find_rule(doc_id) != nullptr);
}

TEST_CASE("the columns a rule reads are required columns, named as missing-column names them", "[catalog]") {
    // A misspelt name would never match TableInfo::missing_columns, and the rule would go on repeating
    // a missing column's absence on every project.
    std::set<std::string> required;
    for (const auto& spec : io::column_specs()) {
        if (spec.required) required.insert(spec.canonical);
    }
    std::size_t reading = 0;
    for (const auto& e : rules::catalog()) {
        INFO("rule " << e.id);
        for (const char* column : e.reads) CHECK(required.count(column) == 1);
        if (!e.reads.empty()) ++reading;
    }
    CHECK(reading > 0);
    // missing-column's doc lists them, each under the columns it reads.
    std::string doc;
    for (const auto& [doc_id, text] : embedded::rule_docs()) {
        if (doc_id == "missing-column") doc = text;
    }
    for (const auto& e : rules::catalog()) {
        for (const char* column : e.reads) {
            INFO("rule " << e.id << " reading " << column);
            bool listed = false;
            for (const auto& line : util::split(doc, '\n')) {
                if (util::starts_with(line, "| ") && util::contains(line, e.id) &&
                    util::contains(line.substr(0, line.find(" | ", 2)), column)) {
                    listed = true;
                }
            }
            CHECK(listed);
        }
    }
    // Those that judge weights and deductions among them (the columns most often left out).
    // (Compared as text: the pointers of equal literals need not be equal.)
    const auto reads = [](const char* id) {
        const auto& r = rules::find_rule(id)->reads;
        return std::vector<std::string>(r.begin(), r.end());
    };
    CHECK(reads("weight-missing") == std::vector<std::string>{"备注"});
    CHECK(reads("deduction-missing") == std::vector<std::string>{"评（扣分标准）"});
}
