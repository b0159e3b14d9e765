// The reporter table: every format named once and found by name, and every text format deterministic
// (same report, same bytes: no timestamps, no hash-map order) in both languages.
#include <catch2/catch.hpp>

#include <set>

#include <nlohmann/json.hpp>

#include "report/build.hpp"
#include "report/reporters.hpp"
#include "unit/report/sample_report.hpp"

using namespace perf_check;

TEST_CASE("reporters: the table names each format once and finds it", "[report][reporters]") {
    std::set<std::string> names;
    for (const auto& r : report::reporters()) {
        INFO(r.name);
        CHECK(names.insert(r.name).second);
        CHECK(report::find_reporter(r.name) == &r);
        CHECK(std::string(r.description).size() > 5);
    }
    for (const char* name : {"text", "json", "sarif", "junit", "gitlab", "github", "markdown", "csv", "html", "xlsx"}) {
        INFO(name);
        CHECK(names.count(name) == 1);
    }
    CHECK(report::find_reporter("xlsx")->binary);
    CHECK_FALSE(report::find_reporter("html")->binary);
    CHECK(report::find_reporter("pdf") == nullptr);
    CHECK(report::reporter_names().size() == report::reporters().size());
    CHECK(report::reporter_names()[0] == "text");
}

TEST_CASE("reporters: every text format is deterministic and non-empty", "[report][reporters]") {
    for (const Lang lang : {Lang::zh, Lang::en}) {
        Report r = test::sample_report(true);
        r.lang = lang;
        for (const auto& entry : report::reporters()) {
            if (entry.binary) continue;
            INFO(entry.name);
            const std::string first = test::render(r, entry.name);
            CHECK_FALSE(first.empty());
            CHECK(first == test::render(r, entry.name));
        }
    }
}

TEST_CASE("reporters: the formats that can be written as results arrive are, and a dropped stream writes nothing",
          "[report][reporters]") {
    // A run streams only when every requested output can; otherwise it drops the streams it made and
    // writes the whole report at the end, which must then be all the output holds.
    const std::set<std::string> streamed = {"json",  "csv",      "gitlab", "sarif", "text",
                                            "junit", "markdown", "github", "html",  "xlsx"};
    for (const auto& entry : report::reporters()) {
        INFO(entry.name);
        const auto reporter = entry.factory({});
        std::ostringstream out;
        {
            auto stream = reporter->stream(out, Lang::zh, false);
            CHECK((stream != nullptr) == (streamed.count(entry.name) == 1));
        }
        CHECK(out.str().empty());
    }
}

TEST_CASE("every summary format lists the projects a later file gave again, and the unit's total says so",
          "[report][summary]") {
    Report r = test::sample_report();
    r.with_summary = true;
    REQUIRE_FALSE(r.summary.units.empty());
    r.summary.units[0].repeated = 2;
    r.summary.repeated.push_back({"b/重报.csv", r.summary.units[0].code, "重复的项目", Decimal{}, 0, "a/首报.csv"});
    for (const char* format : {"text", "markdown", "html", "csv", "json"}) {
        INFO(format);
        const std::string out = test::render(r, format);
        CHECK_THAT(out,
                   Catch::Contains("重复的项目") && Catch::Contains("b/重报.csv") && Catch::Contains("a/首报.csv"));
        if (std::string(format) != "json") CHECK_THAT(out, Catch::Contains("2 个项目重复报送，只计一次"));
    }
    const auto doc = nlohmann::json::parse(test::render(r, "json"));
    CHECK(doc["summary"]["repeated_projects"][0]["first_file"] == "a/首报.csv");
    CHECK(doc["summary"]["units"][0]["repeated"] == 2);
    CHECK(doc["summary"]["repeated_projects"][0]["funds_wan"].is_null());
}

TEST_CASE("a project a sheet gives again names the first sheet in the report's language", "[report][summary][form]") {
    // The first place was one string written in Chinese brackets, 书.xlsx（甲）, in English reports too, and
    // JSON's first_file held it: a file name that names no file.
    Report r = test::sample_report();
    r.with_summary = true;
    KeyProject again;
    again.file = "书.xlsx";
    again.sheet = "甲副本";
    again.project = "校舍维修";
    again.funds_text = "书.xlsx";
    again.first_sheet = "甲";
    r.summary.repeated.push_back(again);
    r.lang = Lang::en;
    for (const char* format : {"text", "markdown", "html", "csv"}) {
        INFO(format);
        const std::string en = test::render(r, format, {});
        CHECK_THAT(en, Catch::Contains("书.xlsx (甲)") && !Catch::Contains("书.xlsx（甲）"));
    }
    const auto doc = nlohmann::json::parse(test::render(r, "json"));
    const auto& entry = doc["summary"]["repeated_projects"][0];
    CHECK(entry["first_file"] == "书.xlsx");
    CHECK(entry["first_sheet"] == "甲");
    CHECK(entry["sheet"] == "甲副本");
    r.lang = Lang::zh;
    CHECK_THAT(test::render(r, "text"), Catch::Contains("书.xlsx（甲）"));
}

TEST_CASE("a project a later file gives again with another amount shows both amounts in every summary format",
          "[report][summary]") {
    // A review found a resubmission's 4600 against the first file's 4500 listed with no amount: the summary
    // counted 4500 and nothing showed the conflict.
    Report r = test::sample_report();
    r.with_summary = true;
    KeyProject again;
    again.file = "b/调整.csv";
    again.project_code = r.summary.units[0].code;
    again.project = "调整过的项目";
    again.funds_text = "a/首报.csv";
    again.repeat_funds_wan = Decimal::from_int(4600);
    again.first_funds_wan = Decimal::from_int(4500);
    r.summary.repeated.push_back(again);
    KeyProject same = again;
    same.project = "同额的项目";
    same.repeat_funds_wan = Decimal::from_int(120);
    same.first_funds_wan = Decimal::from_int(120);
    r.summary.repeated.push_back(same);
    for (const char* format : {"text", "markdown", "html", "csv"}) {
        INFO(format);
        const std::string out = test::render(r, format);
        CHECK_THAT(out, Catch::Contains("4600.00（首次 4500.00，不同）") && Catch::Contains("资金总额（万元）"));
        CHECK_THAT(out, Catch::Contains("120.00") && !Catch::Contains("120.00（首次"));
    }
    const auto doc = nlohmann::json::parse(test::render(r, "json"));
    CHECK(doc["summary"]["repeated_projects"][0]["funds_wan"] == 4600);
    CHECK(doc["summary"]["repeated_projects"][0]["first_funds_wan"] == 4500);
    CHECK(report::repeated_funds_text(again, Lang::en) == "4600.00 (first: 4500.00, differs)");
    again.first_funds_wan.reset();  // the first file's amount unreadable
    CHECK(report::repeated_funds_text(again, Lang::zh) == "4600.00（首次 —，不同）");
}

TEST_CASE("summary amounts are never rounded across a threshold", "[report][summary]") {
    // A review found 999,999.99元 (99.999999万元) shown as 100.00 in its unit's line, left out of the ≥ 100万元 list.
    CHECK(report::money_text(*Decimal::parse("842.07")) == "842.07");
    CHECK(report::money_text(Decimal::from_int(4500)) == "4500.00");
    CHECK(report::money_text(*Decimal::parse("99.999999")) == "99.999999");
    CHECK(report::money_text(*Decimal::parse("99.995")) == "99.995");
    Report r = test::sample_report();
    r.with_summary = true;
    r.summary.units[0].funds_wan = *Decimal::parse("99.999999");
    for (const char* format : {"text", "markdown", "html", "csv"}) {
        INFO(format);
        const std::string out = test::render(r, format);
        CHECK_THAT(out, Catch::Contains("99.999999") && !Catch::Contains("100.00"));
    }
}
