// SARIF output: validates against the official 2.1.0 schema and carries what GitHub code scanning reads.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "report/baseline.hpp"
#include "rules/catalog.hpp"
#include "unit/report/sample_report.hpp"

using namespace perf_check;
using nlohmann::json;

namespace {

// Writes `sarif` to a file and validates it with python3's jsonschema against the schema kept in tests/.
void require_valid_sarif(const std::string& sarif) {
    test::TempDir dir;
    const std::string file = dir.write("out.sarif", sarif);
    const std::string log = dir.path("validate.log");
    const std::string cmd = "/usr/bin/python3 " + test::shell_quote(test::source_path("tests/data/sarif/validate.py")) + " " +
                            test::shell_quote(test::source_path("tests/data/sarif/sarif-schema-2.1.0.json")) + " " +
                            test::shell_quote(file) + " 2>" + test::shell_quote(log);
    const int rc = test::run_command(cmd);
    INFO("validator output: " << test::slurp(log));
    REQUIRE(rc != 3);  // jsonschema missing: scripts/setup.sh installs python3-jsonschema
    REQUIRE(rc == 0);
}

}  // namespace

TEST_CASE("sarif: the sample report validates against the SARIF 2.1.0 schema", "[report][sarif]") {
    const std::string out = test::render(test::sample_report(), "sarif");
    require_valid_sarif(out);
    // The validator must be able to fail: a result without a message is rejected.
    json broken = json::parse(out);
    broken["runs"][0]["results"][0].erase("message");
    test::TempDir dir;
    const std::string file = dir.write("broken.sarif", broken.dump());
    CHECK(test::run_command("/usr/bin/python3 " + test::shell_quote(test::source_path("tests/data/sarif/validate.py")) + " " +
                            test::shell_quote(test::source_path("tests/data/sarif/sarif-schema-2.1.0.json")) + " " +
                            test::shell_quote(file) + " 2>/dev/null") == 1);
}

TEST_CASE("sarif: tool driver lists every catalog rule with descriptions and help", "[report][sarif]") {
    const json doc = json::parse(test::render(test::sample_report(), "sarif"));
    CHECK(doc["version"] == "2.1.0");
    CHECK(doc["$schema"].get<std::string>().find("sarif-schema-2.1.0.json") != std::string::npos);
    REQUIRE(doc["runs"].size() == 1);
    const json& driver = doc["runs"][0]["tool"]["driver"];
    CHECK(driver["name"] == "perf-check");
    CHECK(driver["semanticVersion"] == PERF_CHECK_VERSION);
    const json& rules = driver["rules"];
    REQUIRE(rules.size() == rules::catalog().size());
    for (std::size_t i = 0; i < rules.size(); ++i) {
        const auto& entry = rules::catalog()[i];
        INFO(entry.id);
        CHECK(rules[i]["id"] == entry.id);
        CHECK(rules[i]["shortDescription"]["text"] == entry.summary.zh);
        CHECK_FALSE(rules[i]["fullDescription"]["text"].get<std::string>().empty());
        CHECK_FALSE(rules[i]["help"]["text"].get<std::string>().empty());
        CHECK_FALSE(rules[i]["help"]["markdown"].get<std::string>().empty());
    }
    // cost-breakdown: name from the id, help from its doc (Chinese part only), default level error.
    const auto it = std::find_if(rules.begin(), rules.end(), [](const json& r) { return r["id"] == "cost-breakdown"; });
    REQUIRE(it != rules.end());
    CHECK((*it)["name"] == "CostBreakdown");
    CHECK((*it)["defaultConfiguration"]["level"] == "error");
    CHECK((*it)["help"]["markdown"].get<std::string>().rfind("# cost-breakdown — ", 0) == 0);
    CHECK((*it)["help"]["markdown"].get<std::string>().find("## What it checks") == std::string::npos);
    CHECK((*it)["fullDescription"]["text"].get<std::string>().find("分项合计等于资金总额") != std::string::npos);
    const auto info_rule =
        std::find_if(rules.begin(), rules.end(), [](const json& r) { return r["id"] == "deduction-discretionary"; });
    REQUIRE(info_rule != rules.end());
    CHECK((*info_rule)["defaultConfiguration"]["level"] == "note");
}

TEST_CASE("sarif: results carry rule, level, message, physical and logical locations", "[report][sarif]") {
    const Report report = test::sample_report();
    const json doc = json::parse(test::render(report, "sarif"));
    const json& results = doc["runs"][0]["results"];
    REQUIRE(results.size() == 5);
    const json& first = results[0];
    CHECK(first["ruleId"] == "cost-breakdown");
    const json& rules = doc["runs"][0]["tool"]["driver"]["rules"];
    CHECK(rules[first["ruleIndex"].get<int>()]["id"] == "cost-breakdown");
    CHECK(first["level"] == "error");
    CHECK(first["message"]["text"] == test::k_nasty + "\n修改：请修改" + test::k_cost);
    const json& loc = first["locations"][0];
    // Relative path as given, forward slashes, space and Chinese percent-encoded.
    CHECK(loc["physicalLocation"]["artifactLocation"]["uri"] == "data/%E5%B1%80%20A/targets.csv");
    CHECK(loc["physicalLocation"]["region"]["startLine"] == 5);
    const json& logical = loc["logicalLocations"];
    REQUIRE(logical.size() == 3);
    CHECK(logical[0]["name"] == test::k_project_1);
    CHECK(logical[0]["fullyQualifiedName"] == "301001 " + test::k_project_1);
    CHECK(logical[1]["name"] == "项目总成本");
    CHECK(logical[1]["fullyQualifiedName"] == "301001 " + test::k_project_1 + "/" + test::k_cost);
    CHECK(logical[2]["name"] == "H5");
    // Levels: warning stays warning, info becomes note; the xlsx finding names its Sheet!cell.
    CHECK(results[2]["level"] == "warning");
    CHECK(results[3]["level"] == "note");
    CHECK(results[4]["locations"][0]["logicalLocations"][2]["name"] == "Sheet1!C12");
    CHECK(results[4]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "b.xlsx");
    // English run: message and rule descriptions in English.
    Report en = report;
    en.lang = Lang::en;
    const json en_doc = json::parse(test::render(en, "sarif"));
    CHECK(en_doc["runs"][0]["results"][0]["message"]["text"] == "EN " + test::k_nasty + "\nFix: Fix " + test::k_cost);
    CHECK(en_doc["runs"][0]["tool"]["driver"]["rules"][0]["shortDescription"]["text"] == rules::catalog()[0].summary.en);
}

TEST_CASE("sarif: fingerprints come from business keys, never rows", "[report][sarif]") {
    Report report = test::sample_report();
    const json before = json::parse(test::render(report, "sarif"));
    // Insert three rows above every problem: rows change, fingerprints do not.
    for (auto& f : report.findings) f.loc.row += 3;
    const json after = json::parse(test::render(report, "sarif"));
    const auto& rb = before["runs"][0]["results"];
    const auto& ra = after["runs"][0]["results"];
    std::set<std::string> seen;
    for (std::size_t i = 0; i < rb.size(); ++i) {
        CHECK(ra[i]["locations"][0]["physicalLocation"]["region"]["startLine"] ==
              rb[i]["locations"][0]["physicalLocation"]["region"]["startLine"].get<int>() + 3);
        CHECK(ra[i]["partialFingerprints"] == rb[i]["partialFingerprints"]);
        const std::string fp = rb[i]["partialFingerprints"]["perfCheckBusinessKey/v1"];
        CHECK(fp.size() == 16);
        seen.insert(fp);
    }
    CHECK(seen.size() == rb.size());  // distinct findings, distinct fingerprints
    // The hash is FNV-1a 64 of unit code, project, indicator, rule and occurrence.
    CHECK(rb[0]["partialFingerprints"]["perfCheckBusinessKey/v1"] ==
          report::fingerprint({"301001", test::k_project_1, test::k_cost, "cost-breakdown", "0"}));
    CHECK(report::fingerprint({}) == "cbf29ce484222325");
    CHECK(report::fingerprint({"a"}) == "af63dc4c8601ec8c");
}

TEST_CASE("sarif: unreadable files become tool execution notifications", "[report][sarif]") {
    const json doc = json::parse(test::render(test::sample_report(), "sarif"));
    const json& inv = doc["runs"][0]["invocations"][0];
    CHECK(inv["executionSuccessful"] == false);
    REQUIRE(inv["toolExecutionNotifications"].size() == 1);
    const json& n = inv["toolExecutionNotifications"][0];
    CHECK(n["level"] == "error");
    CHECK(n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "broken.csv");
    CHECK(n["message"]["text"].get<std::string>().find("无法读取") != std::string::npos);

    Report clean = test::sample_report();
    clean.files.erase(clean.files.begin() + 2);
    const json ok = json::parse(test::render(clean, "sarif"));
    CHECK(ok["runs"][0]["invocations"][0]["executionSuccessful"] == true);
    CHECK_FALSE(ok["runs"][0]["invocations"][0].contains("toolExecutionNotifications"));
}

TEST_CASE("sarif: the seed run plus a missing file validates and has one result per finding", "[report][sarif]") {
    const Report report = test::pipeline_report({test::source_path("samples/targets-2024.csv"), "no-such-file.csv"});
    const std::string out = test::render(report, "sarif");
    require_valid_sarif(out);
    const json doc = json::parse(out);
    CHECK(doc["runs"][0]["results"].size() == report.findings.size());
    CHECK(report.findings.size() >= 8);
    CHECK(doc["runs"][0]["invocations"][0]["executionSuccessful"] == false);
    // Absolute paths become file:// URIs.
    CHECK(doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
              .get<std::string>()
              .rfind("file:///", 0) == 0);
    CHECK(out == test::render(report, "sarif"));  // deterministic
}
