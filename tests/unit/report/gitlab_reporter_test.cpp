// GitLab Code Quality: the documented fields, the severity mapping, row-free fingerprints, no BOM.
#include <catch2/catch.hpp>

#include <set>

#include <nlohmann/json.hpp>

#include "unit/report/sample_report.hpp"

using namespace perf_check;
using nlohmann::json;

TEST_CASE("gitlab: an array of issues with exactly the documented fields", "[report][gitlab]") {
    const std::string out = test::render(test::sample_report(), "gitlab");
    CHECK(out.rfind("[", 0) == 0);  // no BOM: GitLab's parser rejects one
    const json doc = json::parse(out);
    REQUIRE(doc.is_array());
    REQUIRE(doc.size() == 6);  // the unreadable file + 5 findings
    const std::set<std::string> fields = {"description", "check_name", "fingerprint", "severity", "location"};
    std::set<std::string> fingerprints;
    for (const auto& issue : doc) {
        std::set<std::string> keys;
        for (const auto& [k, v] : issue.items()) keys.insert(k);
        CHECK(keys == fields);
        CHECK(issue["location"]["lines"]["begin"].get<int>() >= 1);
        CHECK(issue["location"]["path"].is_string());
        fingerprints.insert(issue["fingerprint"].get<std::string>());
    }
    CHECK(fingerprints.size() == doc.size());
    // Findings in report order, then the unreadable file (known once its file has been tried).
    CHECK(doc[5]["check_name"] == "unreadable-file");
    CHECK(doc[5]["severity"] == "blocker");
    CHECK(doc[5]["location"]["path"] == "broken.csv");
    const json& first = doc[0];
    CHECK(first["check_name"] == "cost-breakdown");
    CHECK(first["severity"] == "major");
    CHECK(first["location"]["path"] == "data/局 A/targets.csv");
    CHECK(first["location"]["lines"]["begin"] == 5);
    CHECK(first["description"] == test::k_project_1 + " · " + test::k_cost + "：" + test::k_nasty + " 修改：请修改" + test::k_cost);
    CHECK(doc[2]["severity"] == "minor");
    CHECK(doc[3]["severity"] == "info");
    CHECK(doc[4]["location"]["lines"]["begin"] == 12);
}

TEST_CASE("gitlab: fingerprints survive moved rows and change with the business keys", "[report][gitlab]") {
    Report r = test::sample_report();
    const json before = json::parse(test::render(r, "gitlab"));
    for (auto& f : r.findings) f.loc.row += 10;
    const json moved = json::parse(test::render(r, "gitlab"));
    for (std::size_t i = 0; i < before.size(); ++i) CHECK(before[i]["fingerprint"] == moved[i]["fingerprint"]);
    r.findings[0].project = "另一个项目";
    const json changed = json::parse(test::render(r, "gitlab"));
    CHECK(changed[0]["fingerprint"] != before[0]["fingerprint"]);
    CHECK(changed[1]["fingerprint"] == before[1]["fingerprint"]);
    // File-level findings (row 0) point at line 1.
    r.findings[0].loc.row = 0;
    CHECK(json::parse(test::render(r, "gitlab"))[0]["location"]["lines"]["begin"] == 1);
}
