// actual-unmatched: actuals that name no indicator (or no project) are reported, never dropped.
#include <catch2/catch.hpp>

#include "io/actuals_file.hpp"
#include "rules/actual_unmatched.hpp"
#include "support/builders.hpp"
#include "support/paths.hpp"

using namespace perf_check;

namespace {

const char* k_actuals =
    "单位代码,项目名称,三级指标,实际完成值,得分,偏差原因分析及改进措施,全年预算数,全年执行数\n"
    "301001,部分军退人员岗位补贴资金,,,,,842.07,800\n"
    "301001,部分军退人员岗位补贴资金,享受补贴人员数,130,,,,\n"
    "301001,部分军退人员岗位补贴资金,补贴资金到位率,90%,,,,\n"
    "309999,不存在的项目,某指标,1,,,,\n";

}  // namespace

TEST_CASE("an actuals indicator that names nothing in its project is reported", "[actual-unmatched]") {
    test::TempDir dir;
    const std::string path = dir.write("actuals.csv", k_actuals);
    auto index = io::ActualsIndex::load(path, {}, config::default_rule_set());
    REQUIRE(index);
    Project p = test::project("301001", "部分军退人员岗位补贴资金", "842.07", "保障我区内六类军退人员被妥善安置。",
                              test::seed_rows());
    index->apply(p);
    // Joined: budget/spent and the matching indicator's actual.
    CHECK(p.budget.text == "842.07");
    CHECK(p.spent.text == "800");
    CHECK(p.indicators[4].actual.text == "90%");
    const auto findings = test::run_rule("actual-unmatched", p);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].indicator == "享受补贴人员数");
    CHECK(findings[0].loc.file == path);
    CHECK(findings[0].loc.row == 3);
    CHECK_THAT(findings[0].message.zh, Catch::Contains("享受补贴人员数"));
    // The project nobody matched is left for the pipeline to report.
    const auto unused = index->unused();
    REQUIRE(unused.size() == 1);
    CHECK(unused[0].name.text == "不存在的项目");
    const Finding f = rules::unmatched_actuals_project(unused[0]);
    CHECK(f.loc.row == 5);
    CHECK_THAT(f.message.zh, Catch::Contains("309999"));
}

TEST_CASE("an actuals row repeating an indicator is called a repeat, not 'not found'", "[actual-unmatched]") {
    test::TempDir dir;
    const std::string path = dir.write("actuals.csv",
                                       "单位代码,项目名称,三级指标,实际完成值,全年预算数,全年执行数\n"
                                       "301001,部分军退人员岗位补贴资金,补贴资金到位率,90%,,\n"
                                       "301001,部分军退人员岗位补贴资金,补贴资金到位率,80%,,\n");
    auto index = io::ActualsIndex::load(path, {}, config::default_rule_set());
    REQUIRE(index);
    Project p = test::project("301001", "部分军退人员岗位补贴资金", "842.07", "保障我区内六类军退人员被妥善安置。",
                              test::seed_rows());
    index->apply(p);
    CHECK(p.indicators[4].actual.text == "90%");  // the first row is scored
    const auto findings = test::run_rule("actual-unmatched", p);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].loc.row == 3);
    CHECK(findings[0].value == "80%");
    CHECK(findings[0].message.zh ==
          "实际完成值文件中项目“部分军退人员岗位补贴资金”的指标“补贴资金到位率”有不止一行："
          "采用先出现的一行，这一行的值“80%”没有采用。");
    // In a monitor run the file is the progress file, and nothing is scored (a review found 没有参与评分 there).
    RuleSet monitoring = config::default_rule_set();
    monitoring.monitoring.as_of = "2024-07-31";
    const auto progress = test::run_rule("actual-unmatched", p, &monitoring);
    REQUIRE(progress.size() == 1);
    CHECK_THAT(progress[0].message.zh, Catch::StartsWith("进度文件中项目“部分军退人员岗位补贴资金”"));
    p.unmatched_actuals.push_back(p.indicators[0].name);
    p.unmatched_actuals.back().text = "不存在的指标";
    const auto unmatched = test::run_rule("actual-unmatched", p, &monitoring);
    REQUIRE(unmatched.size() == 2);
    CHECK_THAT(unmatched[0].message.zh, Catch::EndsWith("在绩效目标表中找不到，该进度值没有纳入监控。"));
    CHECK_THAT(unmatched[0].message.en, Catch::EndsWith("it was not monitored."));
    CHECK_THAT(rules::unmatched_actuals_project(p, true).message.zh, Catch::EndsWith("其进度值没有纳入监控。"));
    CHECK_THAT(rules::unmatched_actuals_project(p).message.zh, Catch::EndsWith("其实际值没有参与评分。"));
}

TEST_CASE("a project's budget figures given twice, differently, are reported, not merged unsaid",
          "[actual-unmatched]") {
    test::TempDir dir;
    const std::string path = dir.write("actuals.csv",
                                       "单位代码,项目名称,三级指标,实际完成值,全年预算数,全年执行数\n"
                                       "301001,部分军退人员岗位补贴资金,,,842.07,855.00\n"
                                       "301001,部分军退人员岗位补贴资金,补贴资金到位率,90%,,\n"
                                       "301001,部分军退人员岗位补贴资金,,,842.07,100.00\n");
    auto index = io::ActualsIndex::load(path, {}, config::default_rule_set());
    REQUIRE(index);
    Project p = test::seed_project();
    index->apply(p);
    CHECK(p.spent.text == "855.00");  // the first is used
    const auto findings = test::run_rule("actual-unmatched", p);
    REQUIRE(findings.size() == 1);  // the equal 全年预算数 is no conflict
    CHECK(findings[0].loc.row == 4);
    CHECK(findings[0].loc.column == 6);
    CHECK(findings[0].indicator.empty());
    CHECK(findings[0].message.zh ==
          "实际完成值文件中项目“部分军退人员岗位补贴资金”的“全年执行数”有不止一行：采用先出现的一行，"
          "这一行的值“100.00”没有采用。");
    // The same when another project's rows come between (two places of the file, merged by the index).
    const std::string apart = dir.write("apart.csv",
                                        "单位代码,项目名称,三级指标,实际完成值,全年预算数,全年执行数\n"
                                        "301001,部分军退人员岗位补贴资金,,,842.07,855.00\n"
                                        "301002,其他项目,,,100,90\n"
                                        "301001,部分军退人员岗位补贴资金,,,842.07,100.00\n");
    auto split = io::ActualsIndex::load(apart, {}, config::default_rule_set());
    REQUIRE(split);
    Project q = test::seed_project();
    split->apply(q);
    const auto again = test::run_rule("actual-unmatched", q);
    REQUIRE(again.size() == 1);
    CHECK(again[0].loc.row == 4);
    CHECK(again[0].value == "100.00");
}

TEST_CASE("actuals that all match give no finding", "[actual-unmatched]") {
    Project p = test::project("301001", "部分军退人员岗位补贴资金", "842.07", "保障我区内六类军退人员被妥善安置。",
                              test::seed_rows());
    CHECK(test::run_rule("actual-unmatched", p).empty());
}

TEST_CASE("actual-unmatched takes no parameters", "[actual-unmatched]") {
    Params params;
    params.set("bogus", Param{{"1"}, false, 7});
    const auto* entry = rules::find_rule("actual-unmatched");
    REQUIRE(entry);
    const auto rule = entry->factory(config::default_rule_set(), params);
    REQUIRE_FALSE(rule);
    CHECK(rule.error().line == 7);
}
