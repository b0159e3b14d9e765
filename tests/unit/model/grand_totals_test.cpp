// A table's grand total (a 合计 row after the last project, stating every project's funds together) is
// told apart from a project's own total, so that it is never compared with one project's funds.
#include <catch2/catch.hpp>

#include <sstream>

#include <nlohmann/json.hpp>

#include "model/normalize.hpp"
#include "pipeline/pipeline.hpp"
#include "support/paths.hpp"

using namespace perf_check;

namespace {

Project with_funds(const std::string& funds, MoneyUnit unit = MoneyUnit::wan_yuan) {
    Project p;
    p.funds.text = funds;
    p.money_unit = unit;
    p.funds_wan = model::money_wan(funds, unit);
    return p;
}

TotalRow total(const std::string& funds) {
    TotalRow t;
    t.label = "合计";
    t.funds.text = funds;
    return t;
}

std::vector<std::string> total_mismatch_rows(const std::string& csv) {
    test::TempDir dir;
    dir.write("t.csv", csv);
    RunOptions opts;
    opts.paths = {dir.path("t.csv")};
    opts.reports = {{"json", ""}};
    std::ostringstream out;
    std::ostringstream err;
    pipeline::run(opts, out, err);
    const auto doc = nlohmann::json::parse(out.str());
    REQUIRE(doc["summary"]["projects"] == 2);
    std::vector<std::string> rows;
    for (const auto& f : doc["findings"]) {
        if (f["rule"] != "total-mismatch") continue;
        rows.push_back(f["project_code"].get<std::string>() + ":" + std::to_string(f["row"].get<int>()));
    }
    return rows;
}

}  // namespace

TEST_CASE("money_wan reads an amount cell in 万元", "[grand-total]") {
    CHECK(model::money_wan("120.5", MoneyUnit::wan_yuan) == Decimal::parse("120.5"));
    CHECK(model::money_wan("1205000", MoneyUnit::yuan) == Decimal::parse("120.5"));
    CHECK(model::money_wan("1205000元", MoneyUnit::wan_yuan) == Decimal::parse("120.5"));
    CHECK(model::money_wan("1.2亿元", MoneyUnit::wan_yuan) == Decimal::parse("12000"));
    // A bare 亿 is 亿元 as a bare 万 is 万元 ("1.2亿" was "not a number" while "120万" read), in a 元 table too.
    CHECK(model::money_wan("1.2亿", MoneyUnit::wan_yuan) == Decimal::parse("12000"));
    CHECK(model::money_wan("1.5 亿", MoneyUnit::yuan) == Decimal::parse("15000"));
    CHECK(model::money_wan("120万", MoneyUnit::yuan) == Decimal::parse("120"));
    CHECK_FALSE(model::money_wan("≤120", MoneyUnit::wan_yuan));
    CHECK_FALSE(model::money_wan("120人", MoneyUnit::wan_yuan));
    CHECK_FALSE(model::money_wan("见上", MoneyUnit::wan_yuan));
}

TEST_CASE("a total stating every project's funds after two projects is the table's", "[grand-total]") {
    model::GrandTotals grand;
    Project first = with_funds("120");
    first.totals.push_back(total("120"));  // its own total
    grand.see(first);
    CHECK_FALSE(first.totals[0].grand);
    Project second = with_funds("80");
    second.totals.push_back(total("80"));    // its own
    second.totals.push_back(total("200"));   // 120 + 80: the table's
    second.totals.push_back(total("150"));   // neither: left to the rule, which reports it
    grand.see(second);
    CHECK_FALSE(second.totals[0].grand);
    CHECK(second.totals[1].grand);
    CHECK_FALSE(second.totals[2].grand);
}

TEST_CASE("one project's total is never the table's", "[grand-total]") {
    model::GrandTotals grand;
    Project only = with_funds("120");
    only.totals.push_back(total("120"));
    grand.see(only);
    CHECK_FALSE(only.totals[0].grand);
    // A total equal to the project's own funds stays the project's even when it is also the sum (0 + x).
    model::GrandTotals after_empty;
    Project empty = with_funds("0");
    after_empty.see(empty);
    Project next = with_funds("80");
    next.totals.push_back(total("80"));
    after_empty.see(next);
    CHECK_FALSE(next.totals[0].grand);
}

TEST_CASE("a grand 合计 after the last project is not reported against it; a wrong one still is", "[grand-total]") {
    CHECK(total_mismatch_rows(test::two_clean_projects() + "合计,,200.00,,,,,,,,,,\n").empty());
    CHECK(total_mismatch_rows(test::two_clean_projects() + "合计,,150.00,,,,,,,,,,\n") == std::vector<std::string>{"302006:29"});
    // A mistyped grand total is the table's, compared with the projects' sum, and its points (two projects'
    // 90) are not compared with the last project's: a review found two false findings for one typo.
    CHECK(total_mismatch_rows(test::two_clean_projects() + "合计,,210.00,,,,,,,,,,180分\n") ==
          std::vector<std::string>{":29"});
}
