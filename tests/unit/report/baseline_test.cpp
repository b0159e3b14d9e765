// Baselines: keyed by business keys so moved rows still match; counts respected; fixed entries reported;
// the summary recounted; strict reading of the file.
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include "report/baseline.hpp"
#include "unit/report/sample_report.hpp"
#include "util/text.hpp"

using namespace perf_check;

namespace {

report::Baseline baseline_of(const Report& r) {
    std::ostringstream out;
    report::write_baseline(r, out);
    auto b = report::parse_baseline(out.str(), "baseline.json");
    REQUIRE(b);
    return *b;
}

const std::string k_seed_p2 = "机关事业单位养老保险财政预留补助";
const std::string k_timing = "产出指标/时效指标/基础养老金发放时间";

}  // namespace

TEST_CASE("baseline: written sorted by key with counts, no rows, read back equal", "[report][baseline]") {
    Report r = test::sample_report();
    r.findings.push_back(r.findings[0]);  // the same key twice
    r.findings.back().loc.row = 99;
    std::ostringstream out;
    report::write_baseline(r, out);
    const std::string text = out.str();
    CHECK(text.find("\"row\"") == std::string::npos);
    // The key has the file's name only (a moved checkout still matches); the path beside it tells apart
    // files of one name in different folders.
    CHECK(text.find("\"file\": \"targets.csv\"") != std::string::npos);
    CHECK(text.find("\"path\": \"data/局 A/targets.csv\"") != std::string::npos);
    const auto b = report::parse_baseline(text, "b.json");
    REQUIRE(b);
    REQUIRE(b->entries.size() == 5);
    CHECK(b->entries[0].key == report::FindingKey{"comparator-direction", "targets.csv", "301001", test::k_project_1, test::k_count});
    CHECK(b->entries[1].key.rule == "comparator-wording");
    CHECK(b->entries[2].key == report::FindingKey{"cost-breakdown", "targets.csv", "301001", test::k_project_1, test::k_cost});
    CHECK(b->entries[2].count == 2);
    CHECK(b->entries[4].key.file == "b.xlsx");
    CHECK(b->entries == report::make_baseline(r).entries);
    // Deterministic.
    std::ostringstream again;
    report::write_baseline(r, again);
    CHECK(again.str() == text);
}

TEST_CASE("baseline: applying to the same report hides everything and fixes nothing", "[report][baseline]") {
    Report r = test::sample_report();
    const auto b = baseline_of(r);
    const auto result = report::apply_baseline(r, b);
    CHECK(result.suppressed == 5);
    CHECK(result.fixed.empty());
    CHECK(r.findings.empty());
    CHECK(r.summary.errors == 0);
    CHECK(r.summary.warnings == 0);
    CHECK(r.summary.infos == 0);
    for (const auto& u : r.summary.units) CHECK(u.errors + u.warnings + u.infos == 0);
    for (const auto& k : r.summary.key_projects) CHECK(k.findings == 0);
    CHECK(r.summary.projects == 3);  // what was read is unchanged
}

TEST_CASE("baseline: counts are respected and new findings stay", "[report][baseline]") {
    Report old_report = test::sample_report();
    const auto b = baseline_of(old_report);
    Report r = test::sample_report();
    // One more of an accepted key, and a finding of a new key.
    r.findings.push_back(r.findings[0]);
    r.findings.back().loc.row = 30;
    r.findings.push_back(r.findings[2]);
    r.findings.back().indicator = "产出指标/数量指标/新指标";
    const auto result = report::apply_baseline(r, b);
    CHECK(result.suppressed == 5);
    CHECK(result.fixed.empty());
    REQUIRE(r.findings.size() == 2);
    CHECK(r.findings[0].rule == "cost-breakdown");
    CHECK(r.findings[0].loc.row == 30);
    CHECK(r.findings[1].indicator == "产出指标/数量指标/新指标");
    CHECK(r.summary.errors == 1);
    CHECK(r.summary.warnings == 1);
    CHECK(r.summary.units[0].errors == 1);
    CHECK(r.summary.key_projects[0].findings == 2);
}

TEST_CASE("baseline: inserting rows above the problems still matches (seed)", "[report][baseline]") {
    const std::string seed = test::slurp(test::source_path("samples/targets-2024.csv"));
    test::TempDir before_dir, after_dir;
    const Report before = test::pipeline_report({before_dir.write("targets-2024.csv", seed)});
    REQUIRE(before.findings.size() >= 8);
    const auto b = baseline_of(before);
    // Two more title lines at the top and an empty line: every row moves down by three.
    const std::string moved = "附件1\n2024年度项目支出绩效目标\n,,,,,,,,,,,,\n" + seed;
    Report after = test::pipeline_report({after_dir.write("targets-2024.csv", moved)});
    REQUIRE(after.findings.size() == before.findings.size());
    CHECK(after.findings[0].loc.row == before.findings[0].loc.row + 3);
    const auto result = report::apply_baseline(after, b);
    CHECK(result.suppressed == static_cast<int>(before.findings.size()));
    CHECK(result.fixed.empty());
    CHECK(after.findings.empty());
}

TEST_CASE("baseline: fixing one problem reports it as fixed and nothing new", "[report][baseline]") {
    const std::string seed = test::slurp(test::source_path("samples/targets-2024.csv"));
    test::TempDir dir;
    const Report before = test::pipeline_report({dir.write("a/targets-2024.csv", seed)});
    const auto b = baseline_of(before);
    // Row 21: the unit column repeated the target (unit-echoes-value); give it a real unit.
    const std::string broken_line = ",视情况，扣分，扣完为止,每月按时发放,定性,15分";
    REQUIRE(seed.find(broken_line) != std::string::npos);
    const std::string fixed = util::replace_all(seed, broken_line, ",视情况，扣分，扣完为止,月,定性,15分");
    Report after = test::pipeline_report({dir.write("b/targets-2024.csv", fixed)});
    REQUIRE(after.findings.size() + 1 == before.findings.size());
    const auto result = report::apply_baseline(after, b);
    CHECK(after.findings.empty());
    REQUIRE(result.fixed.size() == 1);
    CHECK(result.fixed[0].key == report::FindingKey{"unit-echoes-value", "targets-2024.csv", "301001", k_seed_p2, k_timing});
    CHECK(result.fixed[0].count == 1);
    std::ostringstream text;
    report::write_baseline_result(result, Lang::zh, text);
    CHECK(text.str() == "基线：已隐藏 " + std::to_string(before.findings.size() - 1) +
                            " 条基线中已有的问题。\n基线中已修复的问题（1 项）：\n  已修复：unit-echoes-value  targets-2024.csv 301001 " +
                            k_seed_p2 + " " + k_timing + "\n");
}

TEST_CASE("baseline: files not checked in this run fix nothing", "[report][baseline]") {
    // A review found a baseline of several files, used on one, listing every other file's findings as fixed.
    const std::string seed = test::slurp(test::source_path("samples/targets-2024.csv"));
    test::TempDir dir;
    const std::string one = dir.write("targets-2024.csv", seed);
    const std::string other = dir.write("other-2024.csv", seed);
    const auto b = baseline_of(test::pipeline_report({one, other}));
    Report only_one = test::pipeline_report({one});
    REQUIRE_FALSE(only_one.findings.empty());
    const auto result = report::apply_baseline(only_one, b);
    CHECK(only_one.findings.empty());
    CHECK(result.fixed.empty());
    // The file checked again with a problem fixed: that one is fixed, still none of the other file's.
    const std::string broken_line = ",视情况，扣分，扣完为止,每月按时发放,定性,15分";
    REQUIRE(seed.find(broken_line) != std::string::npos);
    dir.write("targets-2024.csv", util::replace_all(seed, broken_line, ",视情况，扣分，扣完为止,月,定性,15分"));
    Report fixed_one = test::pipeline_report({one});
    const auto fixed = report::apply_baseline(fixed_one, b);
    REQUIRE(fixed.fixed.size() == 1);
    CHECK(fixed.fixed[0].key.file == "targets-2024.csv");
}

TEST_CASE("baseline: a broken file is an error with its location, never an empty baseline", "[report][baseline]") {
    const auto syntax = report::parse_baseline("{\n  \"version\": 1,\n  \"entries\": [\n}", "b.json");
    REQUIRE_FALSE(syntax);
    CHECK(syntax.error().file == "b.json");
    CHECK(syntax.error().line == 4);
    const auto unknown = report::parse_baseline(R"({"version": 1, "entries": [], "extra": 1})", "b.json");
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().message.find("\"extra\"") != std::string::npos);
    const auto bad_count = report::parse_baseline(
        R"({"version": 1, "entries": [{"rule": "r", "file": "f", "unit_code": "", "project": "", "indicator": "", "count": 0}]})",
        "b.json");
    REQUIRE_FALSE(bad_count);
    CHECK(bad_count.error().message.find("entries[0] 的 count") != std::string::npos);
    const auto missing_field = report::parse_baseline(R"({"version": 1, "entries": [{"rule": "r", "count": 1}]})", "b.json");
    REQUIRE_FALSE(missing_field);
    CHECK(missing_field.error().message.find("file") != std::string::npos);
    CHECK_FALSE(report::parse_baseline(R"({"version": 2, "entries": []})", "b.json"));
    CHECK_FALSE(report::read_baseline("/nonexistent/baseline.json"));
    // Duplicate keys merge their counts.
    const auto dup = report::parse_baseline(
        R"({"version": 1, "entries": [{"rule": "r", "file": "f", "unit_code": "", "project": "", "indicator": "", "count": 1},
                                      {"rule": "r", "file": "f", "unit_code": "", "project": "", "indicator": "", "count": 2}]})",
        "b.json");
    REQUIRE(dup);
    REQUIRE(dup->entries.size() == 1);
    CHECK(dup->entries[0].count == 3);
}

TEST_CASE("baseline: files of one name in different folders keep their own findings", "[report][baseline]") {
    // Every unit's folder holds a 绩效目标表.csv. A baseline of one unit's file hid the findings of another
    // unit's identical file added later, and showed the baselined file's findings as new.
    const std::string seed = test::slurp(test::source_path("samples/targets-2024.csv"));
    test::TempDir dir;
    const std::string civil = dir.write("民政局/绩效目标表.csv", seed);
    const Report first = test::pipeline_report({civil});
    const auto b = baseline_of(first);
    REQUIRE(b.entries.front().path == report::baseline_path(civil));
    Report both = test::pipeline_report({civil, dir.write("人社局/绩效目标表.csv", seed)});
    REQUIRE(both.findings.size() == 2 * first.findings.size());
    const auto result = report::apply_baseline(both, b);
    CHECK(result.suppressed == static_cast<int>(first.findings.size()));
    CHECK(result.fixed.empty());
    REQUIRE(both.findings.size() == first.findings.size());
    for (const auto& f : both.findings) CHECK_THAT(f.loc.file, Catch::Contains("人社局"));
    // Run from another directory (the paths differ, the folders do not): still told apart by folder.
    report::Baseline moved = b;
    for (auto& e : moved.entries) e.path = "checkout/民政局/绩效目标表.csv";
    Report elsewhere = test::pipeline_report({civil, dir.path("人社局/绩效目标表.csv")});
    CHECK(report::apply_baseline(elsewhere, moved).suppressed == static_cast<int>(first.findings.size()));
    for (const auto& f : elsewhere.findings) CHECK_THAT(f.loc.file, Catch::Contains("人社局"));
    // Folders that end alike (民政局/2024/ and 人社局/2024/): the shared 2024/ tells nothing, the unit does.
    const std::string civil_2024 = dir.write("民政局/2024/绩效目标表.csv", seed);
    report::Baseline nested = baseline_of(test::pipeline_report({civil_2024}));
    for (auto& e : nested.entries) e.path = "checkout/民政局/2024/绩效目标表.csv";
    Report both_2024 = test::pipeline_report({civil_2024, dir.write("人社局/2024/绩效目标表.csv", seed)});
    CHECK(report::apply_baseline(both_2024, nested).suppressed == static_cast<int>(first.findings.size()));
    for (const auto& f : both_2024.findings) CHECK_THAT(f.loc.file, Catch::Contains("人社局"));
    // A baseline written before paths were kept (no "path") matches by name as it always did, so an
    // upgrade does not turn a green gate red (it cannot tell the two files apart until it is rewritten).
    report::Baseline old = b;
    for (auto& e : old.entries) e.path.clear();
    Report again = test::pipeline_report({civil, dir.path("人社局/绩效目标表.csv")});
    CHECK(report::apply_baseline(again, old).suppressed == static_cast<int>(first.findings.size()));
    // With the name unique in the run, it still matches whatever the path.
    Report alone = test::pipeline_report({civil});
    CHECK(report::apply_baseline(alone, old).suppressed == static_cast<int>(first.findings.size()));
}

TEST_CASE("baseline: file names match across directories and separators", "[report][baseline]") {
    CHECK(report::baseline_path("./a\\b/c.csv") == "a/b/c.csv");
    CHECK(report::file_name("a/b/c.csv") == "c.csv");
    CHECK(report::file_name("a\\b\\c.csv") == "c.csv");
    CHECK(report::file_name("c.csv") == "c.csv");
}

TEST_CASE("baseline: a workbook's forms are told apart by sheet", "[report][baseline][form]") {
    // A county's workbook, one health centre's self-evaluation form a sheet: two forms of one project
    // name and no unit code share every business key but the sheet. A finding fixed on one and new on
    // the other passed as unchanged.
    const std::string forms = test::source_path("tests/data/xlsx/forms.xlsx");
    const Report first = test::pipeline_report({forms});
    const auto b = baseline_of(first);
    const auto low = std::find_if(b.entries.begin(), b.entries.end(),
                                  [](const report::BaselineEntry& e) { return e.key.rule == "execution-low"; });
    REQUIRE(low != b.entries.end());
    CHECK(low->sheet == "河口乡卫生院");
    CHECK(low->key.project == "基本公共卫生服务补助");
    // The same project name is on another sheet, with other findings.
    CHECK(std::count_if(b.entries.begin(), b.entries.end(), [](const report::BaselineEntry& e) {
              return e.key.rule == "cost-breakdown" && e.key.project == "基本公共卫生服务补助";
          }) == 2);
    std::ostringstream written;
    report::write_baseline(first, written);
    CHECK_THAT(written.str(), Catch::Contains("\"sheet\": \"河口乡卫生院\""));
    {
        Report same = test::pipeline_report({forms});
        const auto result = report::apply_baseline(same, b);
        CHECK(result.suppressed == static_cast<int>(first.findings.size()));
        CHECK(result.fixed.empty());
    }
    // Accepted on 城关镇卫生院, seen on 河口乡卫生院: new there, fixed on the other.
    report::Baseline moved = b;
    for (auto& e : moved.entries) {
        if (e.key.rule == "execution-low") e.sheet = "城关镇卫生院";
    }
    Report r = test::pipeline_report({forms});
    const auto result = report::apply_baseline(r, moved);
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].rule == "execution-low");
    CHECK(r.findings[0].loc.sheet == "河口乡卫生院");
    REQUIRE(result.fixed.size() == 1);
    CHECK(result.fixed[0].sheet == "城关镇卫生院");
    std::ostringstream said;
    report::write_baseline_result(result, Lang::zh, said);
    CHECK_THAT(said.str(), Catch::Contains("已修复：execution-low  forms.xlsx（城关镇卫生院） 基本公共卫生服务补助"));
    // A baseline without sheets (written before they were kept) matches on any sheet, as it did.
    report::Baseline old = moved;
    for (auto& e : old.entries) e.sheet.clear();
    Report again = test::pipeline_report({forms});
    CHECK(report::apply_baseline(again, old).suppressed == static_cast<int>(first.findings.size()));
}

TEST_CASE("baseline: a renamed sheet keeps its entries; --sheet fixes nothing of the sheets not read",
          "[report][baseline][form]") {
    const std::string forms = test::source_path("tests/data/xlsx/forms.xlsx");
    const Report first = test::pipeline_report({forms});
    const auto b = baseline_of(first);
    // The baseline written when 白云乡卫生院 was called 白云乡: the workbook has no sheet of that name now, so
    // its entries match its findings (they were 3 new and 3 fixed).
    report::Baseline renamed = b;
    for (auto& e : renamed.entries) {
        if (e.sheet == "白云乡卫生院") e.sheet = "白云乡";
    }
    {
        Report r = test::pipeline_report({forms});
        const auto result = report::apply_baseline(r, renamed);
        CHECK(result.suppressed == static_cast<int>(first.findings.size()));
        CHECK(result.fixed.empty());
    }
    // --sheet 城关镇卫生院: the other forms and the sheet-not-checked findings were not looked at, not fixed.
    Report one = test::pipeline_report({forms}, true, "城关镇卫生院");
    REQUIRE_FALSE(one.files.empty());
    CHECK(one.files[0].one_sheet);
    CHECK(one.files[0].sheets == std::vector<std::string>{"城关镇卫生院"});
    const auto result = report::apply_baseline(one, b);
    CHECK(one.findings.empty());
    CHECK(result.fixed.empty());
    // Without --sheet a form's findings gone are fixed, as ever.
    report::Baseline more = b;
    more.entries.push_back(b.entries.front());
    more.entries.back().key.project = "已删除的项目";
    Report whole = test::pipeline_report({forms});
    CHECK(whole.files[0].sheets.size() == 5);  // three forms read, two other tables named
    const auto fixed = report::apply_baseline(whole, more).fixed;
    REQUIRE(fixed.size() == 1);
    CHECK(fixed[0].key.project == "已删除的项目");
}

TEST_CASE("baseline: a file with findings on one sheet keeps no sheet", "[report][baseline]") {
    // Renaming a workbook's only sheet (Sheet1 → 2024年) must not make its accepted findings new.
    Report r = test::sample_report();
    const auto b = baseline_of(r);
    for (const auto& e : b.entries) CHECK(e.sheet.empty());
    std::ostringstream out;
    report::write_baseline(r, out);
    CHECK(out.str().find("\"sheet\"") == std::string::npos);
    for (auto& f : r.findings) {
        if (f.loc.sheet == "Sheet1") f.loc.sheet = "2024年";
    }
    CHECK(report::apply_baseline(r, b).suppressed == 5);
}

TEST_CASE("baseline: a sheet is read back and must be a string", "[report][baseline]") {
    const std::string entry = R"({"rule": "r", "file": "f.xlsx", "path": "f.xlsx", "unit_code": "", "project": "p", )"
                              R"("indicator": "", "count": 2, "sheet": )";
    const auto b = report::parse_baseline(R"({"version": 1, "entries": [)" + entry + R"("甲"}]})", "b.json");
    REQUIRE(b);
    REQUIRE(b->entries.size() == 1);
    CHECK(b->entries[0].sheet == "甲");
    CHECK(b->entries[0].count == 2);
    const auto bad = report::parse_baseline(R"({"version": 1, "entries": [)" + entry + R"(3}]})", "b.json");
    REQUIRE_FALSE(bad);
    CHECK_THAT(bad.error().message, Catch::Contains("sheet 应是字符串"));
}

TEST_CASE("baseline: occurrences number findings by the folded key, as finding_key keys them", "[report][baseline]") {
    // A name shown as written (（二期）) and one retyped in narrow brackets are one key: numbered on, not both 0.
    Finding wide = test::sample_finding("cost-breakdown", Severity::error, "t.csv", 5, 8, "301001", "补助（二期）",
                                        "成本指标/经济成本指标/总成本（万元）", "m");
    Finding narrow = wide;
    narrow.project = "补助(二期)";
    narrow.indicator = "成本指标/经济成本指标/总成本(万元)";
    CHECK(report::finding_key(wide) == report::finding_key(narrow));
    report::KeyOccurrences seen;
    CHECK(seen.next(wide) == 0);
    CHECK(seen.next(narrow) == 1);
    CHECK(seen.next(wide) == 2);
}
