// `perf-check score` end to end: the self-evaluation sample scored to the cent as samples/self-eval/EXPECTED.md
// works out by hand, and the same actuals as a separate --actuals file give the same scores.
#include <catch2/catch.hpp>

#include <set>
#include <sstream>
#include <tuple>

#include "config/rule_set_loader.hpp"
#include "io/actuals_file.hpp"
#include "io/json_model.hpp"
#include "io/open_table.hpp"
#include "pipeline/pipeline.hpp"
#include "support/paths.hpp"

using namespace perf_check;

namespace {

// A path inside the source tree, or an absolute one (a test's own files).
std::string input(const std::string& path) {
    return path.front() == '/' ? path : test::source_path(path);
}

Report score(const std::string& table, const std::string& actuals_file = "") {
    RunOptions opts;
    opts.paths = {input(table)};
    opts.score = true;
    const RuleSet& rules = config::default_rule_set();
    auto active = rules::build_active_rules(rules);
    REQUIRE(active);
    if (actuals_file.empty()) return pipeline::check_inputs(opts, rules, *active);
    auto actuals = io::ActualsIndex::load(input(actuals_file), opts.read, rules);
    REQUIRE(actuals);
    return pipeline::check_inputs(opts, rules, *active, &*actuals);
}

}  // namespace

TEST_CASE("the self-evaluation sample scores as worked out by hand", "[pipeline][score]") {
    const Report r = score("samples/self-eval/self-eval-2024.csv");
    REQUIRE(r.scores.size() == 5);
    // From samples/self-eval/EXPECTED.md's summary: indicators + budget execution = total, grade.
    const std::vector<std::tuple<std::string, std::string, std::string, std::string>> expected = {
        {"部分军退人员岗位补贴资金", "10", "96.06", "优"},
        {"机关事业单位养老保险财政预留补助", "8.8", "86.8", "良"},
        {"社区及改制企业人员养老金补差", "6.5", "77.5", "中"},
        {"同级财政对城乡居民养老保险的补助", "9.44", "93.94", "优"},
        {"农村公路养护工程", "8", "59.7", "差"},
    };
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const auto& [name, budget, total, grade] = expected[i];
        INFO(name);
        CHECK(r.scores[i].project == name);
        CHECK(r.scores[i].budget_execution.score.str() == budget);
        CHECK(r.scores[i].total.str() == total);
        CHECK(r.scores[i].grade == grade);
        // The total is the sum of the printed parts.
        Decimal sum = r.scores[i].budget_execution.score;
        for (const auto& ind : r.scores[i].indicators) sum += ind.score;
        CHECK(sum == r.scores[i].total);
    }
    // Project 1, row 5: 855.00 against ≤842.07 at 每超过5万元扣1分 → 2 full steps → 18.
    const auto& cost = r.scores[0].indicators[0];
    CHECK(cost.indicator == "成本指标/经济成本指标/项目总成本");
    CHECK(cost.score.str() == "18");
    CHECK_FALSE(cost.steps.empty());
    // The self-evaluation findings EXPECTED.md lists, and no others of those rules.
    std::set<std::tuple<std::string, int>> self_eval;
    for (const auto& f : r.findings) {
        if (f.rule == "score-out-of-band" || f.rule == "deviation-reason-missing" || f.rule == "execution-low" ||
            f.rule == "actual-missing" || f.rule == "actual-not-numeric" || f.rule == "deduction-unparsed") {
            self_eval.insert({f.rule, f.loc.row});
        }
    }
    const std::set<std::tuple<std::string, int>> want = {
        {"score-out-of-band", 23}, {"deviation-reason-missing", 26}, {"execution-low", 16},
        {"score-out-of-band", 56}, {"deviation-reason-missing", 59}, {"execution-low", 49},
    };
    CHECK(self_eval == want);
}

TEST_CASE("actuals in a separate file score the same as embedded columns", "[pipeline][score][actuals]") {
    const Report embedded = score("samples/self-eval/self-eval-2024.csv");
    const Report joined = score("samples/self-eval/targets-2024.csv", "samples/self-eval/actuals-2024.csv");
    REQUIRE(joined.scores.size() == embedded.scores.size());
    for (std::size_t i = 0; i < embedded.scores.size(); ++i) {
        const auto& a = embedded.scores[i];
        const auto& b = joined.scores[i];
        INFO(a.project);
        CHECK(a.project == b.project);
        CHECK(a.total == b.total);
        CHECK(a.grade == b.grade);
        CHECK(a.budget_execution.score == b.budget_execution.score);
        REQUIRE(a.indicators.size() == b.indicators.size());
        for (std::size_t k = 0; k < a.indicators.size(); ++k) {
            CHECK(a.indicators[k].score == b.indicators[k].score);
            CHECK(a.indicators[k].formula == b.indicators[k].formula);
        }
    }
    for (const auto& f : joined.findings) CHECK(f.rule != "actual-unmatched");
}

TEST_CASE("a unit code Excel stripped of its leading zero still joins its actuals", "[pipeline][score][actuals]") {
    // A review found every project of unit 012001 scored 0 (差) against an actuals file holding 12001.
    const auto read = [](const std::string& rel) { return test::slurp(test::source_path(rel)); };
    const auto replace = [](std::string text, const std::string& from, const std::string& to) {
        for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
            text.replace(at, from.size(), to);
        return text;
    };
    test::TempDir dir;
    const std::string targets =
        dir.write("targets.csv", replace(read("samples/self-eval/targets-2024.csv"), "\n301001,", "\n012001,"));
    const std::string actuals =
        dir.write("actuals.csv", replace(read("samples/self-eval/actuals-2024.csv"), "\n301001,", "\n12001,"));
    const Report expected = score("samples/self-eval/targets-2024.csv", "samples/self-eval/actuals-2024.csv");
    const Report joined = score(targets, actuals);
    REQUIRE(joined.scores.size() == expected.scores.size());
    for (std::size_t i = 0; i < expected.scores.size(); ++i) {
        INFO(expected.scores[i].project);
        CHECK(joined.scores[i].total == expected.scores[i].total);
    }
    for (const auto& f : joined.findings) {
        CHECK(f.rule != "actual-unmatched");
        CHECK(f.rule != "actual-missing");
    }
}

TEST_CASE("an indicator marked 其中： in the table joins the actuals file's row without it",
          "[pipeline][score][actuals]") {
    // A review found two cost items (其中：软件运维费) unmatched and scored 0 against an actuals file naming them
    // plainly.
    std::string table = test::slurp(test::source_path("samples/self-eval/targets-2024.csv"));
    const std::string from = ",享受补贴人数,136,";
    REQUIRE(table.find(from) != std::string::npos);
    table.replace(table.find(from), from.size(), ",其中：享受补贴人数,136,");
    test::TempDir dir;
    const Report expected = score("samples/self-eval/targets-2024.csv", "samples/self-eval/actuals-2024.csv");
    const Report joined = score(dir.write("targets.csv", table), "samples/self-eval/actuals-2024.csv");
    REQUIRE(joined.scores.size() == expected.scores.size());
    CHECK(joined.scores[0].total == expected.scores[0].total);
    for (const auto& f : joined.findings) {
        CHECK(f.rule != "actual-unmatched");
        CHECK(f.rule != "actual-missing");
    }
}

TEST_CASE("an actuals file in 元 is read in 元, by its unit line or its column headers", "[pipeline][score][actuals]") {
    // A review found 8550000 in a 金额单位：元 actuals file scored as 8550000万元 (0 of 20), and its budget
    // figures printed as 39600000万元.
    const std::string yuan_rows =
        "301001,部分军退人员岗位补贴资金,,,,,8420700,8550000\n"
        "301001,部分军退人员岗位补贴资金,项目总成本,8550000,,部分人员补发上年度岗位补贴，支出超出目标成本,,\n"
        "301001,部分军退人员岗位补贴资金,享受补贴人数,130,,6人因死亡、迁出停发补贴,,\n"
        "301001,部分军退人员岗位补贴资金,补贴资金到位率,86.5%,,年末部分补贴未及时拨付到位,,\n";
    const std::string header =
        "单位代码,项目名称,三级指标,实际完成值,得分,偏差原因分析及改进措施,全年预算数,全年执行数\n";
    const std::string header_yuan =
        "单位代码,项目名称,三级指标,实际完成值,得分,偏差原因分析及改进措施,全年预算数（元）,全年执行数（元）\n";
    test::TempDir dir;
    const Report expected = score("samples/self-eval/targets-2024.csv", "samples/self-eval/actuals-2024.csv");
    for (const std::string& actuals : {dir.write("unit-line.csv", "金额单位：元\n" + header + yuan_rows),
                                       dir.write("headers.csv", header_yuan + yuan_rows)}) {
        INFO(actuals);
        const Report r = score("samples/self-eval/targets-2024.csv", actuals);
        REQUIRE_FALSE(r.scores.empty());
        CHECK(r.scores[0].project == "部分军退人员岗位补贴资金");
        CHECK(r.scores[0].indicators[0].score == expected.scores[0].indicators[0].score);  // 855万元: 18 of 20
        REQUIRE(r.scores[0].budget_execution.spent);
        CHECK(r.scores[0].budget_execution.spent->str() == "855");
    }
}

TEST_CASE(
    "an actuals file that names no money unit is read in the table's; one that does re-units only its own figures",
    "[pipeline][score][actuals]") {
    // A code review found a unit-less actuals file taken as 万元 against a 元 table (855 as 855万元: 0 of 20),
    // and the table's own 全年预算数 re-read in the actuals file's 元 (a rate of 593774.86%).
    const auto read = [](const std::string& rel) { return test::slurp(test::source_path(rel)); };
    std::string yuan_table = read("samples/self-eval/targets-2024.csv");
    yuan_table.replace(yuan_table.find("金额单位：万元"), std::string("金额单位：万元").size(), "金额单位：元");
    test::TempDir dir;
    const Report plain = score(dir.write("targets-yuan.csv", yuan_table), "samples/self-eval/actuals-2024.csv");
    REQUIRE_FALSE(plain.scores.empty());
    CHECK(plain.scores[0].indicators[0].score == Decimal::from_int(18));  // 855.00万元 as written: 2 steps of 5万元
    REQUIRE(plain.scores[0].budget_execution.spent);
    CHECK(plain.scores[0].budget_execution.spent->str() == "0.0855");  // a bare 855.00 in the table's 元
    const Report spent_only = score("samples/self-eval/self-eval-2024.csv",
                                    dir.write("spent.csv",
                                              "金额单位：元\n单位代码,项目名称,三级指标,实际完成值,全年执行数\n"
                                              "301001,部分军退人员岗位补贴资金,,,5000000\n"));
    REQUIRE_FALSE(spent_only.scores.empty());
    const auto& b = spent_only.scores[0].budget_execution;
    REQUIRE(b.budget);
    REQUIRE(b.spent);
    CHECK(b.budget->str() == "842.07");  // the table's, in its 万元
    CHECK(b.spent->str() == "500");
}

TEST_CASE("a row of an actuals file with more fields than its header is reported there", "[pipeline][score][actuals]") {
    // A code review found such rows recorded by the reader and never reported: the shifted values were used unsaid.
    test::TempDir dir;
    const std::string actuals =
        dir.write("actuals.csv",
                  "单位代码,项目名称,三级指标,实际完成值,得分,偏差原因分析及改进措施,全年预算数,全年执行数\n"
                  "301001,部分军退人员岗位补贴资金,,,,,842.07,855.00\n"
                  "301001,部分军退人员岗位补贴资金,项目总成本,855.00万元,,超支原因,补发上年度,,已说明\n");
    const Report r = score("samples/self-eval/targets-2024.csv", actuals);
    int found = 0;
    for (const auto& f : r.findings) {
        if (f.rule != "bad-cell") continue;
        ++found;
        CHECK(f.loc.file == actuals);
        CHECK(f.loc.row == 3);
        CHECK(f.loc.column == 9);
        CHECK_THAT(f.message.zh, Catch::Contains("第3行有9个字段，表头只有8列"));
    }
    CHECK(found == 1);
    // Its row number is the actuals file's: the table's own row 5 keeps its findings (cost-breakdown at H5).
    const std::string at_row_5 =
        dir.write("actuals5.csv",
                  "单位代码,项目名称,三级指标,实际完成值,得分,偏差原因分析及改进措施,全年预算数,全年执行数\n"
                  "301001,部分军退人员岗位补贴资金,,,,,842.07,855.00\n"
                  "301001,部分军退人员岗位补贴资金,享受补贴人数,130,,6人因死亡、迁出停发补贴,,\n"
                  "301001,部分军退人员岗位补贴资金,补贴资金到位率,86.5%,,年末部分补贴未及时拨付到位,,\n"
                  "301001,部分军退人员岗位补贴资金,项目总成本,855.00万元,,超支原因,补发上年度,,已说明\n");
    const Report five = score("samples/self-eval/targets-2024.csv", at_row_5);
    bool table_row_5 = false;
    bool actuals_row_5 = false;
    for (const auto& f : five.findings) {
        if (f.rule == "cost-breakdown" && f.loc.row == 5) table_row_5 = true;
        if (f.rule == "bad-cell" && f.loc.file == at_row_5 && f.loc.row == 5) actuals_row_5 = true;
    }
    CHECK(actuals_row_5);
    CHECK(table_row_5);
}

TEST_CASE("a directory's actuals file adds no project with funds to review to the summary", "[pipeline][summary]") {
    RunOptions opts;
    opts.paths = {test::source_path("samples/self-eval")};
    opts.summary = true;
    const RuleSet& rules = config::default_rule_set();
    auto active = rules::build_active_rules(rules);
    REQUIRE(active);
    const Report r = pipeline::check_inputs(opts, rules, *active);
    CHECK(r.summary.funds_to_review.empty());
    CHECK(r.summary.funds_unreadable == 0);
    CHECK(r.summary.projects > 0);
}

TEST_CASE("scoring never gives a silent zero: no actual column, or an actuals file with no rows", "[pipeline][score]") {
    // The target table alone has no 实际完成值 column: the file is reported, not scored 0.
    const Report r = score("samples/targets-2024.csv");
    REQUIRE(r.files.size() == 1);
    REQUIRE(r.files[0].error);
    CHECK_THAT(*r.files[0].error, Catch::Contains("nothing to score"));
    CHECK_THAT(*r.files[0].error, Catch::Contains("--actuals"));
    CHECK(r.scores.empty());
    // An actuals file that is only a header cannot be loaded.
    test::TempDir dir;
    const std::string empty = dir.write("actuals.csv", "项目名称,三级指标,实际完成值\n");
    RunOptions opts;
    auto loaded = io::ActualsIndex::load(empty, opts.read, config::default_rule_set());
    REQUIRE_FALSE(loaded);
    CHECK(loaded.error().file == empty);
    CHECK(loaded.error().line == 1);
    CHECK_THAT(loaded.error().message, Catch::Contains("no rows below the header"));
}

TEST_CASE("an actuals file that names indicators without a value column is refused; its usual headers are read",
          "[pipeline][score][actuals]") {
    // A review found a header of 实际完成情况 not read, every indicator then scored 0 as "no actual" (totals 10
    // instead of 96) with no word on the header.
    const std::string sample = test::slurp(test::source_path("samples/self-eval/actuals-2024.csv"));
    test::TempDir dir;
    const auto with_header = [&](const std::string& name) {
        std::string text = sample;
        text.replace(text.find("实际完成值"), std::string("实际完成值").size(), name);
        return dir.write(name + ".csv", text);
    };
    const Report expected = score("samples/self-eval/targets-2024.csv", "samples/self-eval/actuals-2024.csv");
    REQUIRE_FALSE(expected.scores.empty());
    for (const std::string name : {"实际完成情况", "完成情况", "全年完成值"}) {
        INFO(name);
        const Report r = score("samples/self-eval/targets-2024.csv", with_header(name));
        REQUIRE(r.scores.size() == expected.scores.size());
        for (std::size_t i = 0; i < r.scores.size(); ++i) CHECK(r.scores[i].total == expected.scores[i].total);
    }
    RunOptions opts;
    for (const bool progress : {false, true}) {
        auto loaded = io::ActualsIndex::load(with_header("情况说明"), opts.read, config::default_rule_set(), progress);
        REQUIRE_FALSE(loaded);
        CHECK_THAT(loaded.error().message, Catch::Contains("lacks the columns 实际完成值") &&
                                               Catch::Contains(progress ? "进度文件" : "实际完成值文件"));
    }
    // Project figures alone (预算数, 执行数; no 三级指标) need no value column.
    const std::string figures = dir.write(
        "figures.csv", "单位代码,项目名称,全年预算数,全年执行数\n301001,部分军退人员岗位补贴资金,842.07,855\n");
    CHECK(io::ActualsIndex::load(figures, opts.read, config::default_rule_set()));
}

TEST_CASE("a table with a header and no project rows is an error naming the header row", "[pipeline]") {
    test::TempDir dir;
    const std::string seed = test::slurp(test::source_path("samples/targets-2024.csv"));
    // Keep the title rows and the two header rows of the seed, drop every project row.
    std::string head;
    std::size_t pos = 0;
    for (int line = 0; line < 4; ++line) pos = seed.find('\n', pos) + 1;
    head = seed.substr(0, pos);
    RunOptions opts;
    opts.paths = {dir.write("empty.csv", head)};
    const RuleSet& rules = config::default_rule_set();
    auto active = rules::build_active_rules(rules);
    REQUIRE(active);
    const Report r = pipeline::check_inputs(opts, rules, *active);
    REQUIRE(r.files.size() == 1);
    REQUIRE(r.files[0].error);
    CHECK_THAT(*r.files[0].error, Catch::StartsWith(opts.paths[0] + ":4: ") &&
                                      Catch::Contains("no project rows below the header (row 4)"));
    CHECK(pipeline::exit_code(r, opts) == pipeline::k_exit_failed);
}

TEST_CASE("a target table without 三级指标 joins no actuals, and says so once, not per indicator",
          "[pipeline][score][missing-column]") {
    // Every actuals row would be 'unmatched' and every indicator 'missing its actual': 62 findings that
    // only repeat missing-column's one.
    test::TempDir dir;
    std::string table = test::slurp(test::source_path("samples/self-eval/targets-2024.csv"));
    const auto at = table.find(",三级指标,");
    REQUIRE(at != std::string::npos);
    table.replace(at, std::string(",三级指标,").size(), ",名目,");  // a header no alias matches
    RunOptions opts;
    opts.paths = {dir.write("t.csv", table)};
    opts.score = true;
    const RuleSet& rules = config::default_rule_set();
    auto active = rules::build_active_rules(rules);
    REQUIRE(active);
    auto actuals = io::ActualsIndex::load(test::source_path("samples/self-eval/actuals-2024.csv"), opts.read, rules);
    REQUIRE(actuals);
    const Report r = pipeline::check_inputs(opts, rules, *active, &*actuals);
    int missing_column = 0;
    for (const auto& f : r.findings) {
        INFO(f.rule << " row " << f.loc.row);
        CHECK(f.rule != "actual-unmatched");
        CHECK(f.rule != "actual-missing");
        if (f.rule == "missing-column") {
            ++missing_column;
            CHECK(f.value == "三级指标");
        }
    }
    CHECK(missing_column == 1);
}

// The actuals index gathers a project written in two places of its file by moving the second place's
// indicators out of the reader's project: the next project's cells must still be placed in the actuals
// file (a reader that placed refilled cells once per slot left them in no file, session 37).
TEST_CASE("an actuals file in canonical JSON places its cells in itself; its 无 rows join nothing and are not errors",
          "[pipeline][score][actuals]") {
    // A review found, with the self-evaluation converted to JSON as --actuals, its findings placed in the
    // target table at cells it does not have, and its placeholder rows reported as unmatched actuals.
    const RuleSet& rules = config::default_rule_set();
    test::TempDir dir;
    std::ostringstream json;
    {
        auto src = io::open_table(test::source_path("samples/self-eval/self-eval-2024.csv"), {}, rules);
        REQUIRE(src);
        io::JsonModelWriter writer(json, (*src)->table());
        Project p;
        while (*(*src)->next(p)) writer.add(p);
        writer.finish();
    }
    const std::string actuals_path = dir.write("self-eval.json", json.str());
    const Report r = score("samples/self-eval/targets-2024.csv", actuals_path);
    const std::string target = test::source_path("samples/self-eval/targets-2024.csv");
    int in_actuals = 0;
    for (const auto& f : r.findings) {
        INFO(f.rule << " " << f.loc.file << " " << f.loc.cell_ref());
        CHECK(f.rule != "actual-unmatched");
        if (f.rule == "score-out-of-band" || f.rule == "deviation-reason-missing") {
            CHECK(f.loc.file == actuals_path);
            ++in_actuals;
        }
    }
    CHECK(in_actuals > 0);
    // The same scores as the CSV actuals give.
    const Report expected = score("samples/self-eval/targets-2024.csv", "samples/self-eval/actuals-2024.csv");
    REQUIRE(r.scores.size() == expected.scores.size());
    for (std::size_t i = 0; i < r.scores.size(); ++i) CHECK(r.scores[i].total == expected.scores[i].total);
}

TEST_CASE("actuals after a project repeated in the actuals file are placed in that file", "[pipeline][score]") {
    test::TempDir dir;
    const std::string header = "单位代码,单位（专项）名称,一级指标,二级指标,三级指标,指标值,实际完成值\n";
    const std::string actuals_path = dir.write("actuals.csv", header +
                                                                  "301001,甲,产出指标,数量指标,人数,10,12\n"
                                                                  "301002,乙,产出指标,数量指标,人数,10,5\n"
                                                                  "301001,甲,产出指标,质量指标,合格率,90%,95%\n"
                                                                  "301003,丙,产出指标,数量指标,人数,10,很多\n");
    const RuleSet& rules = config::default_rule_set();
    auto actuals = io::ActualsIndex::load(actuals_path, io::ReadOptions{}, rules);
    REQUIRE(actuals);
    auto src = io::open_csv_text(header + "301003,丙,产出指标,数量指标,人数,10,\n", "t.csv", {}, rules);
    REQUIRE(src);
    Project p;
    REQUIRE(*(*src)->next(p));
    actuals->apply(p);
    REQUIRE(p.indicators.size() == 1);
    CHECK(p.indicators[0].actual.text == "很多");
    CHECK(p.indicators[0].actual.loc.file == actuals_path);
    CHECK(p.indicators[0].actual.loc.row == 5);
}

TEST_CASE("--actuals replacing a table's own actuals says so; an empty cell of the file keeps the table's",
          "[pipeline][score][actuals]") {
    // A review found a self-evaluation's 实际完成值 replaced by an actuals file's without a word, and a blank
    // cell of the file blanking the table's value (scored 0, "no actual").
    std::string text = test::slurp(test::source_path("samples/self-eval/actuals-2024.csv"));
    const auto replace = [&text](const std::string& from, const std::string& to) {
        const auto at = text.find(from);
        REQUIRE(at != std::string::npos);
        text.replace(at, from.size(), to);
    };
    replace("享受补贴人数,130,", "享受补贴人数,128,");
    replace("代缴社保缴费基数,达成年度指标,", "代缴社保缴费基数,,");
    replace("项目总成本,855.00万元,", "项目总成本,855万元,");  // the same value: not counted
    // Another result with no 得分: the table's 10.5, written for 部分达成, does not go with it.
    replace("基础养老金发放时间,部分达成年度指标并具有一定效果,10.5,", "基础养老金发放时间,达成年度指标,,");
    const test::TempDir dir;
    const std::string actuals_path = dir.write("actuals.csv", text);
    RunOptions opts;
    opts.paths = {test::source_path("samples/self-eval/self-eval-2024.csv")};
    opts.score = true;
    const RuleSet& rules = config::default_rule_set();
    auto active = rules::build_active_rules(rules);
    REQUIRE(active);
    auto actuals = io::ActualsIndex::load(actuals_path, opts.read, rules);
    REQUIRE(actuals);
    const Report joined = pipeline::check_inputs(opts, rules, *active, &*actuals);
    const Report embedded = score("samples/self-eval/self-eval-2024.csv");
    const auto replaced = actuals->replaced();
    CHECK(replaced.count == 2);
    CHECK(replaced.row == 8);
    CHECK(replaced.indicator == "享受补贴人数");
    CHECK(replaced.table_value == "130");
    CHECK(replaced.file_value == "128");
    // The blank cell left the table's 达成年度指标: that indicator scores as embedded.
    REQUIRE(joined.scores.size() == embedded.scores.size());
    bool seen = false;
    for (std::size_t k = 0; k < embedded.scores[0].indicators.size(); ++k) {
        const auto& e = embedded.scores[0].indicators[k];
        if (e.indicator.find("代缴社保缴费基数") == std::string::npos) continue;
        seen = true;
        CHECK(joined.scores[0].indicators[k].actual == "达成年度指标");
        CHECK(joined.scores[0].indicators[k].score == e.score);
    }
    CHECK(seen);
    bool stale = false;
    for (const auto& p : joined.scores) {
        for (const auto& ind : p.indicators) {
            if (ind.indicator.find("基础养老金发放时间") == std::string::npos) continue;
            stale = true;
            CHECK(ind.actual == "达成年度指标");
            CHECK(ind.score == ind.weight);  // 达成 with no 得分: full marks, not the 10.5 of another result
        }
    }
    CHECK(stale);
    // The command says it on standard error, in the run's language.
    RunOptions run = opts;
    run.actuals_path = actuals_path;
    run.reports = {{"json", dir.path("out.json")}};
    std::ostringstream out;
    std::ostringstream err;
    pipeline::run(run, out, err);
    CHECK_THAT(err.str(), Catch::Contains("表中已填写的 2 个实际完成值按 --actuals 文件") &&
                              Catch::Contains("第 8 行“享受补贴人数”：表中“130”，文件中“128”"));
}

TEST_CASE("a progress file's empty cell is no value to date, whatever the table holds",
          "[pipeline][monitor][actuals]") {
    // The self-evaluation as the monitored table: its year-end 117 is no progress (a review found the empty
    // progress cell taking it, and progress-missing gone).
    const test::TempDir dir;
    RunOptions opts;
    opts.paths = {test::source_path("samples/self-eval/self-eval-2024.csv")};
    opts.monitor = true;
    opts.as_of = "2024-07-31";
    opts.actuals_path = test::source_path("samples/monitor/progress-2024.csv");
    opts.reports = {{"json", dir.path("out.json")}};
    std::ostringstream out;
    std::ostringstream err;
    pipeline::run(opts, out, err);
    const std::string json = test::slurp(dir.path("out.json"));
    std::size_t missing = 0;
    for (auto at = json.find("\"progress-missing\""); at != std::string::npos;
         at = json.find("\"progress-missing\"", at + 1))
        ++missing;
    CHECK(missing == 2);
    CHECK_THAT(err.str(), !Catch::Contains("--actuals"));
}
