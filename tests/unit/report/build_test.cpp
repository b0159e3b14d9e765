// Report assembly helpers: file order, sorting findings into report order, findings per file.
#include <catch2/catch.hpp>

#include <array>
#include <map>
#include <random>
#include <set>

#include "report/build.hpp"
#include "unit/report/sample_report.hpp"

using namespace perf_check;

namespace {

std::vector<FileResult> files_of(std::initializer_list<const char*> paths) {
    std::vector<FileResult> out;
    for (const char* p : paths) out.push_back({p, "UTF-8", 1, 1, std::nullopt});
    return out;
}

}  // namespace

TEST_CASE("FileOrder gives a path's first position, and one past the end for a path not in the run") {
    const auto files = files_of({"a.csv", "b.csv", "a.csv"});
    const report::FileOrder order(files);
    // Asked in an order that exercises the one-entry cache: the same path twice, then others.
    CHECK(order("b.csv") == 1);
    CHECK(order("b.csv") == 1);
    CHECK(order("a.csv") == 0);
    CHECK(order("actuals.csv") == 3);
    CHECK(order("") == 3);
    CHECK(order("a.csv") == 0);
    // A path holding a NUL byte is a path like any other, not the empty cache's marker.
    CHECK(order(std::string(1, '\0')) == 3);
}

TEST_CASE("sort_findings and report_order give the order a stable sort by finding_before gives") {
    const auto files = files_of({"z.csv", "a.csv"});
    const report::FileOrder order(files);
    std::mt19937 rng(7);
    const std::vector<std::string> paths = {"z.csv", "a.csv", "late.csv"};
    const std::vector<std::string> rules = {"weight-total", "cost-breakdown", "goal-missing"};
    for (int round = 0; round < 200; ++round) {
        std::vector<Finding> findings;
        // Short lists (sorted by insertion) and long ones (stable_sort), and the lengths between.
        const int n = static_cast<int>(rng() % (round % 2 ? 34 : 80));
        for (int i = 0; i < n; ++i) {
            // Few distinct keys, so that ties (kept in input order) are common; the English text tells
            // tied findings apart afterwards.
            findings.push_back(test::sample_finding(rules[rng() % 3], Severity::error, paths[rng() % 3],
                                                    static_cast<int>(rng() % 4), static_cast<int>(rng() % 2), "", "",
                                                    "", rng() % 2 ? "甲" : "乙"));
            findings.back().message.en = std::to_string(i);
        }
        auto expected = findings;
        std::stable_sort(expected.begin(), expected.end(),
                         [&](const Finding& a, const Finding& b) { return report::finding_before(a, b, order); });
        const auto positions = report::report_order(findings, order);
        REQUIRE(positions.size() == expected.size());
        for (std::size_t i = 0; i < positions.size(); ++i) {
            CHECK(findings[positions[i]].message.en == expected[i].message.en);
        }
        report::sort_findings(findings, order);
        REQUIRE(findings.size() == expected.size());
        for (std::size_t i = 0; i < findings.size(); ++i) {
            CHECK(findings[i].loc.file == expected[i].loc.file);
            CHECK(findings[i].message.en == expected[i].message.en);
        }
        // Sorting sorted findings changes nothing.
        report::sort_findings(findings, order);
        for (std::size_t i = 0; i < findings.size(); ++i) CHECK(findings[i].message.en == expected[i].message.en);
    }
}

TEST_CASE("findings_per_file lists each file's findings in report order, a repeated path twice") {
    Report r;
    r.files = files_of({"a.csv", "b.csv", "a.csv", "clean.csv"});
    r.findings.push_back(test::sample_finding("goal-missing", Severity::error, "a.csv", 3, 1, "", "", "", "一"));
    r.findings.push_back(test::sample_finding("goal-missing", Severity::error, "a.csv", 5, 1, "", "", "", "二"));
    r.findings.push_back(test::sample_finding("goal-missing", Severity::error, "b.csv", 2, 1, "", "", "", "三"));
    r.findings.push_back(
        test::sample_finding("actual-unmatched", Severity::error, "actuals.csv", 2, 1, "", "", "", "四"));
    const auto per_file = report::findings_per_file(r);
    REQUIRE(per_file.size() == 4);
    REQUIRE(per_file[0].size() == 2);
    CHECK(per_file[0][0] == &r.findings[0]);
    CHECK(per_file[0][1] == &r.findings[1]);
    REQUIRE(per_file[1].size() == 1);
    CHECK(per_file[1][0] == &r.findings[2]);
    CHECK(per_file[2] == per_file[0]);
    CHECK(per_file[3].empty());
}

TEST_CASE("the summary adds only positive funds: a negative or zero amount (funds-invalid's) lowers no total") {
    report::SummaryBuilder b(Decimal::from_int(100), true);
    b.add_project({0, "a.csv", "301001", "甲", Decimal::from_int(500)});
    b.add_project({0, "a.csv", "301001", "乙", Decimal::from_int(-100), 2, "-100"});
    b.add_project({0, "a.csv", "301001", "丙", Decimal::from_int(0), 0, "0"});
    b.add_project({0, "a.csv", "301001", "丁", std::nullopt, 1, "待定"});
    const Summary s = b.finish(files_of({"a.csv"}));
    CHECK(s.projects == 4);
    CHECK(s.funds_wan == Decimal::from_int(500));
    REQUIRE(s.units.size() == 1);
    CHECK(s.units[0].projects == 4);
    CHECK(s.units[0].funds_wan == Decimal::from_int(500));
    CHECK(s.key_projects.size() == 1);
    // They do not vanish: the totals say some funds are missing from them, and the projects are listed for
    // a person to decide whether they are for key evaluation (待定 used to leave a confident 0.00 and no trace).
    CHECK(s.funds_unreadable == 3);
    CHECK(s.units[0].funds_unreadable == 3);
    REQUIRE(s.funds_to_review.size() == 3);
    CHECK(s.funds_to_review[0].project == "乙");
    CHECK(s.funds_to_review[0].funds_text == "-100");
    CHECK(s.funds_to_review[0].findings == 2);
    CHECK(s.funds_to_review[2].project == "丁");
    CHECK(s.funds_to_review[2].funds_text == "待定");
    CHECK(report::funds_total_text(s.units[0].funds_wan, s.units[0].funds_unreadable, Lang::zh) ==
          "500.00（另有 3 个项目的资金总额缺失或无效，未计入）");
    CHECK(report::funds_total_text(Decimal::from_int(500), 0, Lang::zh) == "500.00");
    // A table without a 资金总额 column (an actuals or progress file checked as one) has no funds to review:
    // a review of a directory holding them found 60 such projects listed as （空）.
    report::SummaryBuilder no_column(Decimal::from_int(100), true);
    no_column.add_project({0, "actuals.csv", "301001", "甲", std::nullopt, 0, "", false});
    const Summary n = no_column.finish(files_of({"actuals.csv"}));
    CHECK(n.projects == 1);
    CHECK(n.funds_unreadable == 0);
    CHECK(n.funds_to_review.empty());
    // Without --summary the list is not kept (it grows with the projects), the counts are.
    report::SummaryBuilder lean(Decimal::from_int(100), false);
    lean.add_project({0, "a.csv", "301001", "丁", std::nullopt, 1, "待定"});
    const Summary l = lean.finish(files_of({"a.csv"}));
    CHECK(l.funds_unreadable == 1);
    CHECK(l.funds_to_review.empty());
}

TEST_CASE("the key-evaluation list: each listing of a key counts every listing's findings; ties by file, code, name") {
    report::SummaryBuilder b(Decimal::from_int(100), true);
    b.add_project({1, "b.csv", "301002", "乙", Decimal::from_int(300), 1});
    b.add_project({0, "a.csv", "301001", "甲", Decimal::from_int(200), 2});
    b.add_project({0, "a.csv", "301002", "丙", Decimal::from_int(300), 0});
    b.add_project({0, "a.csv", "301001", "甲", Decimal::from_int(200), 3});  // the same key listed again
    b.add_project({0, "a.csv", "301001", "丁", Decimal::from_int(99), 4});   // under the threshold
    b.add_project({0, "a.csv", "301001", "戊", std::nullopt, 1, "待定"});
    b.add_project({1, "b.csv", "301001", "戊", std::nullopt, 2, "另行测算"});  // another file: another key
    const Summary s = b.finish(files_of({"a.csv", "b.csv"}));
    REQUIRE(s.key_projects.size() == 4);
    // Most funds first; equal funds in the files' order, then by code and name.
    CHECK(s.key_projects[0].file == "a.csv");
    CHECK(s.key_projects[0].project == "丙");
    CHECK(s.key_projects[1].file == "b.csv");
    CHECK(s.key_projects[1].project == "乙");
    CHECK(s.key_projects[1].findings == 1);
    for (const std::size_t i : {std::size_t{2}, std::size_t{3}}) {
        CHECK(s.key_projects[i].project == "甲");
        CHECK(s.key_projects[i].funds_wan == Decimal::from_int(200));
        CHECK(s.key_projects[i].findings == 5);
        CHECK(s.key_projects[i].funds_text.empty());
    }
    REQUIRE(s.funds_to_review.size() == 2);
    CHECK(s.funds_to_review[0].file == "a.csv");
    CHECK(s.funds_to_review[0].findings == 1);
    CHECK(s.funds_to_review[0].funds_text == "待定");
    CHECK(s.funds_to_review[1].file == "b.csv");
    CHECK(s.funds_to_review[1].findings == 2);
    CHECK(s.funds_to_review[1].funds_text == "另行测算");
}

TEST_CASE("execution_working shows the budget execution arithmetic, or why it is 0") {
    BudgetExecution b;
    b.weight = Decimal::from_int(10);
    b.budget = Decimal::from_int(180);
    b.spent = Decimal::from_int(170);
    b.rate = *b.spent / *b.budget;
    b.score = *Decimal::parse("9.44");
    CHECK(report::execution_working(b, Lang::zh) == "全年执行数170万元 ÷ 全年预算数180万元 = 94.44% × 分值10 = 9.44分");
    CHECK(report::execution_working(b, Lang::en) == "spent 170万元 ÷ budget 180万元 = 94.44% × weight 10 = 9.44");
    b.spent = Decimal::from_int(-5);
    b.rate = *b.spent / *b.budget;
    b.score = Decimal{};
    CHECK(report::execution_working(b, Lang::zh) ==
          "全年执行数-5万元 ÷ 全年预算数180万元 = -2.78%（为负数按0计） × 分值10 = 0分");
    b.rate.reset();
    b.spent.reset();
    CHECK(report::execution_working(b, Lang::zh) ==
          "无法计算执行率（缺少全年预算数或全年执行数，或预算数不大于0）：0分");
}

TEST_CASE("row_shown: the spreadsheet's row, and the file's line when cells with line breaks make them differ") {
    SourceLocation plain;
    plain.row = 11;
    CHECK(report::row_shown(plain, Lang::zh) == "11");
    CHECK(report::row_shown(plain, Lang::en) == "11");
    SourceLocation shifted = plain;
    shifted.sheet_row = 9;
    shifted.column = 8;
    CHECK(report::row_shown(shifted, Lang::zh) == "9（文件第11行）");
    CHECK(report::row_shown(shifted, Lang::en) == "9 (line 11)");
    CHECK(shifted.cell_ref() == "H9");  // the cell and the row agree
    CHECK(report::row_shown(SourceLocation{}, Lang::zh).empty());
}

TEST_CASE("the summary ranks units by problems: errors, then warnings, then infos, most first; then by code") {
    // SPEC: the bureau ranks by problems; units were listed by code, a unit with ten errors under a clean one.
    report::SummaryBuilder b(Decimal::from_int(100), true);
    for (const char* code : {"301001", "302002", "303003", "304004"}) {
        b.add_project({0, "a.csv", code, std::string("项目") + code, Decimal::from_int(10), 0, "10"});
    }
    const auto add = [&](const char* code, int errors, int warnings, int infos) {
        report::FindingCounts c;
        c.project_code = code;
        c.keyed = true;
        c.errors = errors;
        c.warnings = warnings;
        c.infos = infos;
        b.add_counts(c);
    };
    add("302002", 1, 0, 0);
    add("303003", 1, 2, 0);
    add("304004", 0, 5, 9);
    const Summary s = b.finish(files_of({"a.csv"}));
    REQUIRE(s.units.size() == 4);
    CHECK(s.units[0].code == "303003");  // 1 error, 2 warnings
    CHECK(s.units[1].code == "302002");  // 1 error
    CHECK(s.units[2].code == "304004");  // warnings only
    CHECK(s.units[3].code == "301001");  // clean, last
}

TEST_CASE("the summary's unit and file counts do not depend on the order findings and projects come in") {
    // SummaryBuilder remembers the last unit and file it counted for: interleaved codes and files, and
    // findings that name no project, must count as a per-unit tally made here does.
    const std::vector<std::string> codes = {"301001", "301002", "302001"};
    const std::vector<std::string> paths = {"a.csv", "b.csv"};
    std::mt19937 rng(41);
    for (int round = 0; round < 200; ++round) {
        report::SummaryBuilder b(Decimal::from_int(100), true);
        std::map<std::string, std::array<int, 4>> want;  // code → errors, warnings, infos, projects
        std::map<std::string, std::array<int, 3>> file_level;
        std::map<std::string, std::set<std::string>> file_units;
        for (int n = static_cast<int>(rng() % 40); n > 0; --n) {
            const std::string& code = codes[rng() % codes.size()];
            const std::string& path = paths[rng() % paths.size()];
            if (rng() % 4 == 0) {
                b.add_project({0, path, code, "项目" + std::to_string(n), Decimal::from_int(200)});
                ++want[code][3];
                file_units[path].insert(code);
                continue;
            }
            Finding f;
            f.severity = static_cast<Severity>(rng() % 3);
            f.loc.file = path;
            const int k = f.severity == Severity::error ? 0 : f.severity == Severity::warning ? 1 : 2;
            if (rng() % 5 == 0) {
                ++file_level[path][static_cast<std::size_t>(k)];  // names no project
            } else {
                f.project_code = code;
                ++want[code][static_cast<std::size_t>(k)];
            }
            b.add_finding(f);
        }
        // A file's findings that name no project are its units' too.
        for (const auto& [path, counts] : file_level) {
            for (const auto& code : file_units[path]) {
                for (std::size_t k = 0; k < 3; ++k) want[code][k] += counts[k];
            }
        }
        const Summary s = b.finish(files_of({"a.csv", "b.csv"}));
        std::map<std::string, std::array<int, 4>> got;
        for (const auto& u : s.units) got[u.code] = {u.errors, u.warnings, u.infos, u.projects};
        CHECK(got == want);
    }
}
