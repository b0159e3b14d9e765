// Tests of the YAML rule-set loader: the built-in default, `extends: default` overrides, and the errors.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>

#include "config/rule_set_loader.hpp"
#include "rules/catalog.hpp"
#include "util/embedded.hpp"
#include "util/text.hpp"

using perf_check::Decimal;
using perf_check::Error;
using perf_check::RuleSet;
using perf_check::Severity;
using perf_check::config::default_rule_set;
using perf_check::config::load_rule_set_file;
using perf_check::config::load_rule_set_text;

namespace {

/// The error text of a load that must fail (fails the test if it loaded).
std::string error_of(const std::string& yaml, const std::string& origin = "my.yaml") {
    const auto r = load_rule_set_text(yaml, origin);
    REQUIRE_FALSE(r.has_value());
    return r.error().render();
}

std::vector<std::string> lines_of(const std::string& text) {
    return perf_check::util::split(text, '\n');
}

bool has_child(const RuleSet& rs, const std::string& level1, const std::string& level2) {
    for (const auto& l : rs.framework.levels) {
        if (l.name == level1) {
            return std::find(l.children.begin(), l.children.end(), level2) != l.children.end();
        }
    }
    return false;
}

}  // namespace

TEST_CASE("the built-in default rule set loads with the values of rules/default.yaml", "[config]") {
    const RuleSet& rs = default_rule_set();
    CHECK(rs.name == "default");
    CHECK(&rs == &default_rule_set());  // loaded once

    REQUIRE(rs.framework.levels.size() == 4);
    CHECK(rs.framework.levels[0].name == "成本指标");
    CHECK(rs.framework.levels[1].name == "产出指标");
    CHECK(rs.framework.levels[2].name == "效益指标");
    CHECK(rs.framework.levels[3].name == "满意度指标");
    CHECK(rs.framework.levels[0].children ==
          std::vector<std::string>{"经济成本指标", "社会成本指标", "生态环境成本指标"});
    CHECK(rs.framework.levels[1].children ==
          std::vector<std::string>{"数量指标", "质量指标", "时效指标", "成本指标", "成本控制数"});
    CHECK(has_child(rs, "产出指标", "成本指标"));  // the older framework
    CHECK(rs.framework.levels[3].children == std::vector<std::string>{"服务对象满意度指标"});
    CHECK_FALSE(has_child(rs, "满意度指标", "数量指标"));

    REQUIRE(rs.framework.required.size() == 6);
    CHECK(rs.framework.required[0].name == "经济成本");
    CHECK(rs.framework.required[0].any_of ==
          std::vector<std::string>{"成本指标/经济成本指标", "产出指标/成本指标", "产出指标/成本控制数"});
    CHECK(rs.framework.required[4].name == "效益");
    CHECK(rs.framework.required[4].any_of.size() == 4);
    CHECK(rs.framework.required[5].name == "服务对象满意度");
    CHECK(rs.framework.required[5].any_of == std::vector<std::string>{"满意度指标/服务对象满意度指标"});

    CHECK(rs.placeholders.tokens() == std::vector<std::string>{"无", "暂无", "没有", "不适用", "/", "-", "--", "—",
                                                               "——", "－", "N/A", "NA", "null", "空", "略"});
    CHECK(rs.weight_total == Decimal::from_int(100));
    CHECK(rs.budget_execution_weight == Decimal::from_int(10));
    CHECK(rs.key_evaluation_threshold_wan == Decimal::from_int(100));

    CHECK(rs.scoring.step_mode == perf_check::StepMode::full_steps);
    CHECK(rs.scoring.reverse == perf_check::ReverseVariant::linear);
    CHECK(rs.scoring.rounding == 2);
    CHECK(rs.scoring.execution_threshold == Decimal::from_raw(900000));
    REQUIRE(rs.scoring.bands.size() == 3);
    CHECK(rs.scoring.bands[1].label == "部分达成年度指标并具有一定效果");
    CHECK(rs.scoring.bands[1].low == Decimal::from_raw(600000));
    CHECK(rs.scoring.bands[1].high == Decimal::from_raw(800000));
    CHECK(rs.scoring.bands[1].default_fraction == Decimal::from_raw(700000));
    REQUIRE(rs.scoring.grades.size() == 4);
    CHECK(rs.scoring.grades[0].grade == "优");
    CHECK(rs.scoring.grades[0].min_total == Decimal::from_int(90));
    CHECK(rs.scoring.grades[3].grade == "差");
    CHECK(rs.scoring.grades[3].min_total == Decimal::from_int(0));
}

TEST_CASE("the default rule set has an entry for every catalog rule, with the YAML's settings", "[config]") {
    const RuleSet& rs = default_rule_set();
    CHECK(rs.rules.size() == perf_check::rules::catalog().size());
    for (const auto& c : perf_check::rules::catalog()) {
        INFO(c.id);
        REQUIRE(rs.rules.count(c.id) == 1);
        CHECK(rs.rules.at(c.id).enabled);
    }
    CHECK(rs.rules.at("deduction-discretionary").severity == Severity::info);
    CHECK(rs.rules.at("placeholder-weight").severity == Severity::warning);
    CHECK(rs.rules.at("funds-invalid").severity == Severity::error);

    const auto* tol = rs.rules.at("cost-breakdown").params.find("tolerance");
    REQUIRE(tol != nullptr);
    CHECK(tol->values == std::vector<std::string>{"0.01"});
    CHECK_FALSE(tol->is_list);
    CHECK(tol->line > 40);  // a line of rules/default.yaml, for factory errors

    const auto* at_most = rs.rules.at("comparator-direction").params.find("at_most");
    REQUIRE(at_most != nullptr);
    CHECK(at_most->is_list);
    CHECK(at_most->values == std::vector<std::string>{"成本指标", "产出指标/成本指标", "产出指标/成本控制数"});
    CHECK(rs.rules.at("missing-column").params.items().empty());
}

TEST_CASE("every rule's factory accepts its parameters in the default rule set", "[config]") {
    // default_rule_set() does not build the rules (see the loader); this is where a rule that rejects
    // rules/default.yaml's parameters is caught.
    const RuleSet& rs = default_rule_set();
    for (const auto& c : perf_check::rules::catalog()) {
        const auto built = c.factory(rs, rs.rules.at(c.id).params);
        INFO(c.id << ": " << (built ? std::string() : built.error().render()));
        CHECK(built.has_value());
    }
}

TEST_CASE("the default text loads through load_rule_set_text too, equal to the built-in set", "[config]") {
    const auto r = load_rule_set_text(perf_check::embedded::default_rules(), "default.yaml");
    REQUIRE(r.has_value());
    CHECK(r->framework.levels.size() == default_rule_set().framework.levels.size());
    CHECK(r->rules.at("cost-breakdown").params.find("tolerance")->values == std::vector<std::string>{"0.01"});
}

TEST_CASE("extends: default overrides one rule's severity and one scoring setting, keeps the rest", "[config]") {
    const auto r = load_rule_set_text(
        "extends: default\n"
        "name: strict\n"
        "rules:\n"
        "  placeholder-weight: {severity: error}\n"
        "  deduction-discretionary:\n"
        "    enabled: false\n"
        "scoring:\n"
        "  step_mode: pro_rate\n",
        "strict.yaml");
    REQUIRE(r.has_value());
    CHECK(r->name == "strict");
    CHECK(r->rules.at("placeholder-weight").severity == Severity::error);
    CHECK(r->rules.at("placeholder-weight").enabled);
    CHECK_FALSE(r->rules.at("deduction-discretionary").enabled);
    CHECK(r->rules.at("deduction-discretionary").severity == Severity::info);  // not touched
    CHECK(r->scoring.step_mode == perf_check::StepMode::pro_rate);
    // Everything else is the default's.
    CHECK(r->scoring.reverse == perf_check::ReverseVariant::linear);
    CHECK(r->scoring.rounding == 2);
    CHECK(r->scoring.grades.size() == 4);
    CHECK(r->weight_total == Decimal::from_int(100));
    CHECK(r->framework.levels.size() == 4);
    CHECK(r->rules.at("cost-breakdown").params.find("tolerance")->values == std::vector<std::string>{"0.01"});
    CHECK(r->rules.at("funds-invalid").severity == Severity::error);
    // The default itself is unchanged.
    CHECK(default_rule_set().rules.at("placeholder-weight").severity == Severity::warning);
    CHECK(default_rule_set().scoring.step_mode == perf_check::StepMode::full_steps);
}

TEST_CASE("extends: default replaces whole lists when given", "[config]") {
    const auto r = load_rule_set_text(
        "extends: default\n"
        "placeholders: [无, 不适用]\n"
        "weights: {budget_execution: 0}\n"
        "scoring:\n"
        "  grades:\n"
        "    - {grade: 优, min: 80}\n"
        "    - {grade: 良, min: 70}\n"
        "    - {grade: 中, min: 60}\n"
        "    - {grade: 差, min: 0}\n",
        "province.yaml");
    REQUIRE(r.has_value());
    CHECK(r->placeholders.tokens() == std::vector<std::string>{"无", "不适用"});
    CHECK(r->budget_execution_weight == Decimal());
    CHECK(r->weight_total == Decimal::from_int(100));
    REQUIRE(r->scoring.grades.size() == 4);
    CHECK(r->scoring.grades[0].min_total == Decimal::from_int(80));
    CHECK(r->scoring.grades[1].min_total == Decimal::from_int(70));
    CHECK(r->scoring.bands.size() == 3);
}

TEST_CASE("a misspelt key in a rule is reported with its line and a did-you-mean", "[config]") {
    const std::string err = error_of(
        "extends: default\n"
        "rules:\n"
        "  weight-total:\n"
        "    severty: warning\n");
    CHECK(err == "my.yaml:4:5: unknown key 'severty' in 'rules.weight-total'; did you mean 'severity'?");
}

TEST_CASE("a misspelt section key gets a did-you-mean from that section's keys", "[config]") {
    const std::string err = error_of(
        "extends: default\n"
        "scoring:\n"
        "  step_mod: pro_rate\n");
    CHECK(err == "my.yaml:3:3: unknown key 'step_mod' in 'scoring'; did you mean 'step_mode'?");
    CHECK(error_of("extends: default\nwieghts: {total: 90}\n") ==
          "my.yaml:2:1: unknown key 'wieghts'; did you mean 'weights'?");
}

TEST_CASE("all errors of one file are reported together, in file order", "[config]") {
    const std::string err = error_of(
        "extends: default\n"
        "weights:\n"
        "  total: abc\n"
        "rules:\n"
        "  goal-missing: {severity: fatal}\n"
        "scoring:\n"
        "  reverse: linaer\n");
    const auto lines = lines_of(err);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "my.yaml:3:10: 'weights.total' must be a number, got 'abc'");
    CHECK(lines[1] == "my.yaml:5:28: 'rules.goal-missing.severity' must be one of error | warning | info, got 'fatal'");
    CHECK(lines[2] ==
          "my.yaml:7:12: 'scoring.reverse' must be one of linear | ratio, got 'linaer'; did you mean 'linear'?");
}

TEST_CASE("an unknown rule id is an error with a did-you-mean", "[config]") {
    CHECK(error_of("extends: default\nrules:\n  cost-breakdwn: {severity: error}\n") ==
          "my.yaml:3:3: unknown rule 'cost-breakdwn'; did you mean 'cost-breakdown'?");
    CHECK(error_of("extends: default\nrules:\n  no-such-thing: {}\n") ==
          "my.yaml:3:3: unknown rule 'no-such-thing' (`perf-check rules` lists every rule id)");
}

TEST_CASE("bad numbers and bad values are errors with their position", "[config]") {
    CHECK(error_of("extends: default\nkey_evaluation_threshold: 100万\n") ==
          "my.yaml:2:27: 'key_evaluation_threshold' must be a number, got '100万'");
    CHECK(error_of("extends: default\nscoring: {rounding: 2.5}\n") ==
          "my.yaml:2:21: 'scoring.rounding' must be a whole number of decimal places from 0 to 6, got 2.5");
    CHECK(error_of("extends: default\nrules:\n  bad-cell: {enabled: yes}\n") ==
          "my.yaml:3:23: 'rules.bad-cell.enabled' must be true or false, got 'yes'");
    CHECK(error_of("extends: default\nscoring: {execution_threshold: 90}\n") ==
          "my.yaml:2:32: 'scoring.execution_threshold' is a fraction from 0 to 1 (0.9 means 90%), got 90");
}

TEST_CASE("wrong node types are errors naming what was expected", "[config]") {
    CHECK(error_of("extends: default\nplaceholders: 无\n") ==
          "my.yaml:2:15: 'placeholders' must be a list ([a, b] or '- a' lines), not a single value");
    CHECK(error_of("extends: default\nweights: [100, 10]\n") ==
          "my.yaml:2:10: 'weights' must be a map of 'key: value' lines, not a list");
    CHECK(error_of("extends: default\nweights: {total: [100]}\n") ==
          "my.yaml:2:18: 'weights.total' must be a single value, not a list");
}

TEST_CASE("extends other than default is rejected: no chains", "[config]") {
    const std::string err = error_of("extends: other.yaml\n");
    CHECK(err ==
          "my.yaml:1:10: 'extends' can only be 'default', got 'other.yaml': rule sets cannot extend other files "
          "(no extends chains); copy what you need into this file");
}

TEST_CASE("an empty file, a comment-only file and a non-map document are rejected", "[config]") {
    CHECK(error_of("") == "my.yaml: the rule set is empty; start from 'extends: default' or copy rules/default.yaml");
    CHECK(error_of("# nothing here\n\n") ==
          "my.yaml: the rule set is empty; start from 'extends: default' or copy rules/default.yaml");
    CHECK(error_of("- extends\n- default\n") ==
          "my.yaml:1:1: the rule set must be a map of sections (version, framework, rules, …), not a list");
    CHECK(error_of("extends: default\n---\nname: x\n") ==
          "my.yaml:3:1: only one YAML document is allowed in a rule set (found a second '---')");
}

TEST_CASE("broken YAML syntax is an error with its line", "[config]") {
    CHECK(error_of("extends: default\nplaceholders: [无, 暂无\nweights: {total: 100}\n") ==
          "my.yaml:3:8: YAML syntax error: end of sequence flow not found");
    CHECK(error_of("extends: default\nrules:\n  bad-cell: {severity: error\n") ==
          "my.yaml:4:1: YAML syntax error: end of map flow not found");
}

TEST_CASE("a parameter the rule does not take is reported by the rule's factory, with its position", "[config]") {
    // The tail of the message (the parameters it does know) is the rule's; the position is the loader's.
    const std::string err = error_of("extends: default\nrules:\n  unit-code-format: {bogus: 1}\n");
    CHECK_THAT(err, Catch::StartsWith("my.yaml:3:22: unknown parameter 'bogus' of rule unit-code-format"));
    CHECK(lines_of(err).size() == 1);
}

TEST_CASE("a complete file without extends must give every section", "[config]") {
    const std::string err = error_of(
        "version: 1\n"
        "name: partial\n"
        "weights: {total: 100}\n");
    const auto lines = lines_of(err);
    CHECK(lines ==
          std::vector<std::string>{
              "my.yaml: missing 'framework' (a rule set without 'extends: default' must give every section)",
              "my.yaml: missing 'placeholders' (a rule set without 'extends: default' must give every section)",
              "my.yaml: missing 'key_evaluation_threshold' (a rule set without 'extends: default' must give "
              "every section)",
              "my.yaml: missing 'rules' (a rule set without 'extends: default' must give every section)",
              "my.yaml: missing 'scoring' (a rule set without 'extends: default' must give every section)",
              "my.yaml:3:10: missing 'weights.budget_execution' (a rule set without 'extends: default' must "
              "give every section)",
          });
}

TEST_CASE("sanity checks of weights, bands, grades and required paths", "[config]") {
    CHECK(error_of("extends: default\nweights: {total: 0}\n") ==
          "my.yaml:2:18: 'weights.total' must be greater than 0, got 0");
    CHECK(error_of("extends: default\nweights: {total: 10}\n") ==
          "my.yaml:2:18: 'weights.budget_execution' must be at least 0 and below 'weights.total' (10), got 10");
    CHECK(error_of("extends: default\nscoring:\n  bands:\n    - {label: 达成, low: 0.9, high: 0.8, default: 1}\n") ==
          "my.yaml:4:24: 'scoring.bands[1]' must have 0 ≤ low ≤ high ≤ 1 (fractions of the weight), got low 0.9, "
          "high 0.8");
    CHECK(error_of("extends: default\nscoring:\n  bands:\n    - {label: 达成, low: 0.8, high: 1, default: 0.5}\n") ==
          "my.yaml:4:47: 'scoring.bands[1].default' must lie within the band [0.8, 1], got 0.5");
    CHECK(error_of("extends: default\nscoring:\n  grades:\n    - {grade: 优, min: 80}\n    - {grade: 良, min: 90}\n") ==
          "my.yaml:5:23: grades must be listed highest first with descending min: '良' has min 90, not below '优''s "
          "80");
    CHECK(error_of("extends: default\nframework:\n  required:\n    数量: [产出指标/数目指标]\n") ==
          "my.yaml:4:10: framework.required slot '数量' names '产出指标/数目指标', which is not a 一级/二级 pair of "
          "framework.levels");
    CHECK(error_of("extends: default\nframework: {levels: {}}\n") ==
          "my.yaml:2:21: 'framework.levels' must list at least one 一级指标");
}

TEST_CASE("a band's aliases are optional answers, each meaning one band", "[config]") {
    const RuleSet& rs = default_rule_set();
    REQUIRE(rs.scoring.bands.size() == 3);
    CHECK(std::count(rs.scoring.bands[0].aliases.begin(), rs.scoring.bands[0].aliases.end(), "已完成") == 1);
    CHECK(error_of("extends: default\nscoring:\n  bands:\n    - {label: 达成, low: 0.8, high: 1, default: 1, "
                   "aliases: [完成]}\n    - {label: 未达成, low: 0, high: 0.8, default: 0.3, aliases: [完成]}\n") ==
          "my.yaml:5:62: answer '完成' is given to two bands");
    CHECK(error_of("extends: default\nscoring:\n  bands:\n    - {label: 达成, low: 0.8, high: 1, default: 1, alias: "
                   "[完成]}\n") ==
          "my.yaml:4:50: unknown key 'alias' in 'scoring.bands[1]' (known keys: label, low, high, default, aliases)");
    CHECK(error_of("extends: default\nscoring:\n  bands:\n    - {label: 达成, low: 0.8, high: 1}\n") ==
          "my.yaml:4:7: 'scoring.bands[1]' is missing 'default'");
}

TEST_CASE("duplicate keys are errors, not silently merged", "[config]") {
    CHECK(error_of("extends: default\nrules:\n  bad-cell: {severity: info}\n  bad-cell: {severity: error}\n") ==
          "my.yaml:4:3: duplicate key 'bad-cell' in 'rules' (first given at line 3)");
}

TEST_CASE("a complete file with every section loads, and rules it omits get catalog defaults", "[config]") {
    std::string text(perf_check::embedded::default_rules());
    // Keep only the first rule of the default's `rules:` section.
    const auto rules_at = text.find("\nrules:\n");
    const auto scoring_at = text.find("\nscoring:\n");
    REQUIRE(rules_at != std::string::npos);
    REQUIRE(scoring_at != std::string::npos);
    text = text.substr(0, rules_at) + "\nrules:\n  missing-column: {severity: info}\n" + text.substr(scoring_at);
    const auto r = load_rule_set_text(text, "full.yaml");
    REQUIRE(r.has_value());
    CHECK(r->rules.size() == perf_check::rules::catalog().size());
    CHECK(r->rules.at("missing-column").severity == Severity::info);
    CHECK(r->rules.at("deduction-discretionary").severity == Severity::info);  // the catalog's default
    CHECK(r->rules.at("placeholder-weight").severity == Severity::warning);
    CHECK(r->rules.at("cost-breakdown").params.items().empty());
    CHECK(r->framework.levels.size() == 4);
}

TEST_CASE("load_rule_set_file reads a file and names a missing one", "[config]") {
    const std::string path = "/tmp/perf_check_rule_set_loader_test.yaml";
    {
        std::ofstream out(path, std::ios::binary);
        out << "extends: default\nscoring: {reverse: ratio}\n";
    }
    const auto r = load_rule_set_file(path);
    std::remove(path.c_str());
    REQUIRE(r.has_value());
    CHECK(r->scoring.reverse == perf_check::ReverseVariant::ratio);

    const auto missing = load_rule_set_file("/nonexistent/dir/rules.yaml");
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().render() ==
          "/nonexistent/dir/rules.yaml: cannot open the rule set file; check the --rules path");
}

TEST_CASE("extends: default merges a rule's parameters key by key", "[config]") {
    const auto r = load_rule_set_text(
        "extends: default\n"
        "rules:\n"
        "  comparator-direction:\n"
        "    at_most: [成本指标]\n",
        "mine.yaml");
    REQUIRE(r.has_value());
    const auto& params = r->rules.at("comparator-direction").params;
    const auto* at_most = params.find("at_most");
    REQUIRE(at_most != nullptr);
    CHECK(at_most->values == std::vector<std::string>{"成本指标"});
    CHECK(at_most->is_list);
    CHECK(at_most->line == 4);                       // a line of mine.yaml now
    const auto* at_least = params.find("at_least");  // inherited from the default, untouched
    REQUIRE(at_least != nullptr);
    CHECK(at_least->values.size() == 3);
    CHECK(r->rules.at("comparator-direction").severity == Severity::warning);
}

TEST_CASE("rule parameters and list items of the wrong shape are errors", "[config]") {
    CHECK(error_of("extends: default\nrules:\n  percent-range: {min: {value: 0}}\n") ==
          "my.yaml:3:24: parameter 'rules.percent-range.min' must be a value or a list of values, not a map");
    CHECK(error_of("extends: default\nplaceholders: [无, null]\n") ==
          "my.yaml:2:19: each item of 'placeholders' must be text, not empty (quote it, e.g. \"null\")");
    CHECK(error_of("extends: default\nrules:\n  bad-cell: warning\n") ==
          "my.yaml:3:13: 'rules.bad-cell' must be a map of 'key: value' lines, not a single value");
}

TEST_CASE("a UTF-8 BOM and CRLF line ends are accepted", "[config]") {
    const auto r = load_rule_set_text(
        "\xEF\xBB\xBF"
        "extends: default\r\nscoring:\r\n  rounding: 1\r\n",
        "win.yaml");
    REQUIRE(r.has_value());
    CHECK(r->scoring.rounding == 1);
    CHECK(error_of("\xEF\xBB\xBF"
                   "extends: default\r\nscoring:\r\n  rounding: x\r\n") ==
          "my.yaml:3:13: 'scoring.rounding' must be a number, got 'x'");
}
