// Unit tests of the canonical JSON model: write then read back gives the same model; structure errors.
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "config/rule_set_loader.hpp"
#include "io/json_model.hpp"
#include "io/open_table.hpp"

using namespace perf_check;
using namespace perf_check::io;

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    std::ostringstream buf;
    buf << in.rdbuf();
    return buf.str();
}

struct Table {
    TableInfo info;
    std::vector<Project> projects;
};

Table drain(ProjectSource& src) {
    Table t;
    t.info = src.table();
    for (int guard = 0; guard < 10000; ++guard) {
        Project p;
        auto got = src.next(p);
        if (!got) FAIL(got.error().render());
        if (!*got) return t;
        t.projects.push_back(std::move(p));
    }
    FAIL("source did not stop");
    return t;
}

Table read_csv(const std::string& text) {
    auto src = open_csv_text(text, "t.csv", {}, config::default_rule_set());
    if (!src) FAIL(src.error().render());
    return drain(**src);
}

std::string write_json(const Table& t) {
    std::ostringstream out;
    JsonModelWriter w(out, t.info);
    for (const auto& p : t.projects) w.add(p);
    w.finish();
    return out.str();
}

Expected<std::unique_ptr<ProjectSource>> open_json(const std::string& text) {
    return open_json_model(std::make_unique<std::istringstream>(text), "t.csv", config::default_rule_set());
}

Table read_json(const std::string& text) {
    auto src = open_json(text);
    if (!src) FAIL(src.error().render());
    return drain(**src);
}

// The error of opening `text`, or of the first next() when opening succeeds.
Error json_error(const std::string& text) {
    auto src = open_json(text);
    if (!src) return src.error();
    Project p;
    auto got = (*src)->next(p);
    if (got) FAIL("expected an error, got a project or the end");
    return got.error();
}

void check_same_cell(const Cell& a, const Cell& b) {
    CHECK(a.raw == b.raw);
    CHECK(a.text == b.text);
    CHECK(a.loc.file == b.loc.file);
    CHECK(a.loc.row == b.loc.row);
    CHECK(a.loc.column == b.loc.column);
}

void check_same_model(const Table& a, const Table& b) {
    CHECK(a.info.money_unit == b.info.money_unit);
    REQUIRE(a.projects.size() == b.projects.size());
    for (std::size_t i = 0; i < a.projects.size(); ++i) {
        INFO("project " << i);
        const Project& p = a.projects[i];
        const Project& q = b.projects[i];
        check_same_cell(p.code, q.code);
        check_same_cell(p.name, q.name);
        check_same_cell(p.funds, q.funds);
        check_same_cell(p.goal, q.goal);
        check_same_cell(p.budget, q.budget);
        check_same_cell(p.spent, q.spent);
        CHECK(p.file == q.file);
        CHECK(p.funds_wan == q.funds_wan);
        CHECK(p.money_unit == q.money_unit);
        CHECK(p.first_row == q.first_row);
        CHECK(p.last_row == q.last_row);
        REQUIRE(p.indicators.size() == q.indicators.size());
        for (std::size_t j = 0; j < p.indicators.size(); ++j) {
            INFO("indicator " << j);
            const Indicator& x = p.indicators[j];
            const Indicator& y = q.indicators[j];
            CHECK(x.row == y.row);
            for (auto m : {&Indicator::level1, &Indicator::level2, &Indicator::name, &Indicator::target,
                           &Indicator::content, &Indicator::deduction, &Indicator::unit, &Indicator::type,
                           &Indicator::weight, &Indicator::actual, &Indicator::score, &Indicator::deviation}) {
                check_same_cell(x.*m, y.*m);
            }
            CHECK(x.comparator == y.comparator);
            CHECK(x.value.number == y.value.number);
            CHECK(x.value.unit == y.value.unit);
            CHECK(x.weight_points == y.weight_points);
            CHECK(x.placeholder == y.placeholder);
            CHECK(x.problems.size() == y.problems.size());
            CHECK(x.path() == y.path());
        }
        REQUIRE(p.totals.size() == q.totals.size());
        for (std::size_t j = 0; j < p.totals.size(); ++j) {
            CHECK(p.totals[j].label == q.totals[j].label);
            CHECK(p.totals[j].row == q.totals[j].row);
            check_same_cell(p.totals[j].funds, q.totals[j].funds);
            check_same_cell(p.totals[j].weight, q.totals[j].weight);
        }
    }
}

}  // namespace

TEST_CASE("json-model: the seed written and read back is the same model", "[json-model]") {
    const Table csv = read_csv(read_file(PERF_CHECK_SOURCE_DIR "/samples/targets-2024.csv"));
    REQUIRE(csv.projects.size() == 4);
    const std::string json = write_json(csv);
    CHECK(json.rfind("{\n  \"format\": \"perf-check-table\"", 0) == 0);
    const Table back = read_json(json);
    check_same_model(csv, back);
    CHECK(back.info.file == "t.csv");
    CHECK(back.info.header_row == 1);
    CHECK(back.projects[1].funds.text == "4,500.00");
    CHECK(back.projects[0].indicators[1].level1.text == "成本指标");  // filled cells are written filled

    // Writing the read-back model gives the same bytes: the format is stable.
    CHECK(write_json(back) == json);
}

TEST_CASE("json-model: totals, 元 tables and self-evaluation columns round-trip", "[json-model]") {
    const Table csv = read_csv(
        "金额单位：元\n"
        "单位代码,单位（专项）名称,资金总额,实施期绩效目标,全年预算数,全年执行数,一级指标,二级指标,三级指标,指标值,"
        "评（扣分标准）,备注,实际完成值,得分,偏差原因分析及改进措施\n"
        "301001,项目,1000000,目标,1000000,950000,产出指标,数量指标,人数,≥10人,视情况扣分,50分,9,45,人员变动\n"
        ",,,,,,,质量指标,合格率,90%,视情况扣分,二十分,,,\n"
        "合计,,1000000,,,,,,,,,70分,,,\n");
    REQUIRE(csv.projects.size() == 1);
    REQUIRE(csv.projects[0].totals.size() == 1);
    CHECK(csv.info.money_unit == MoneyUnit::yuan);
    const Table back = read_json(write_json(csv));
    check_same_model(csv, back);
    CHECK(back.projects[0].funds_wan == Decimal::from_int(100));
    CHECK(back.projects[0].indicators[0].actual.text == "9");
    CHECK(back.projects[0].indicators[1].problems.size() == 1);  // the bad weight is found again
    CHECK(back.projects[0].last_row == 5);
    // The table is a self-evaluation, as its CSV was: `score` of a converted self-evaluation said there was
    // nothing to score (a review found it).
    CHECK(csv.info.self_evaluation);
    CHECK(back.info.self_evaluation);
    CHECK_FALSE(read_json(write_json(read_csv(read_file(PERF_CHECK_SOURCE_DIR "/samples/targets-2024.csv"))))
                    .info.self_evaluation);
    // Written by hand, without columns: values in the self-evaluation fields say so.
    CHECK(read_json(R"({"format": "perf-check-table", "version": 1, "projects": [
        {"row": 5, "name": "项目", "indicators": [{"row": 5, "indicator": "人数", "actual": "9"}]}]})")
              .info.self_evaluation);
}

TEST_CASE("json-model: a national self-evaluation form keeps its mark", "[json-model][form]") {
    const Table csv = read_csv(
        "项目名称,乡镇卫生院基本公共卫生服务补助,,,,,,\n"
        "项目资金（万元）,,年初预算数,全年预算数,全年执行数,分值,执行率,得分\n"
        ",年度资金总额,320.00,350.00,336.00,10,96.00%,9.60\n"
        "绩效指标,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分\n"
        ",产出指标,数量指标,建档率,≥90%,92.3%,90,90\n");
    REQUIRE(csv.projects.size() == 1);
    REQUIRE(csv.projects[0].form);
    const std::string json = write_json(csv);
    CHECK_THAT(json, Catch::Contains("\"form\":true"));
    const Table back = read_json(json);
    CHECK(back.projects[0].form);  // no unit-code-format nor deduction-missing on the way back either
    CHECK(back.projects[0].name.text == "乡镇卫生院基本公共卫生服务补助");
    CHECK(back.projects[0].spent.text == "336.00");
    CHECK(write_json(back) == json);
}

TEST_CASE("json-model: an empty table", "[json-model]") {
    TableInfo info;
    info.file = "empty.csv";
    std::ostringstream out;
    JsonModelWriter w(out, info);
    w.finish();
    const Table back = read_json(out.str());
    CHECK(back.projects.empty());
}

TEST_CASE("json-model: numbers are accepted where cell text is expected", "[json-model]") {
    const Table t = read_json(R"({"format": "perf-check-table", "version": 1, "projects": [
        {"row": 5, "code": 301001, "name": "项目", "funds": 842.07, "goal": null,
         "indicators": [{"row": 5, "level1": "产出指标", "indicator": "人数", "target": 136, "weight": 20}]}]})");
    REQUIRE(t.projects.size() == 1);
    const Project& p = t.projects[0];
    CHECK(p.code.text == "301001");
    CHECK(p.funds.text == "842.07");
    CHECK(p.funds_wan == *Decimal::parse("842.07"));
    CHECK(p.goal.text.empty());
    REQUIRE(p.indicators.size() == 1);
    CHECK(p.indicators[0].value.number == Decimal::from_int(136));
    CHECK(p.indicators[0].weight_points == Decimal::from_int(20));
    CHECK(p.indicators[0].name.loc.row == 5);
    CHECK(p.last_row == 5);
}

TEST_CASE("json-model: invalid JSON names the line", "[json-model]") {
    const auto src = open_json("{\n  \"format\": \"perf-check-table\",\n  oops\n}\n");
    REQUIRE_FALSE(src);
    CHECK(src.error().file == "t.csv");
    CHECK(src.error().line == 3);
    CHECK_THAT(src.error().message, Catch::StartsWith("invalid JSON: "));
    // In words a user can act on, not the library's tag.
    CHECK_THAT(src.error().message, !Catch::Contains("json.exception") && Catch::Contains("JSON 格式错误") &&
                                        Catch::Contains("perf-check convert --to json"));

    const auto truncated = open_json("{\"format\": \"perf-check-table\",\n\"projects\": [\n");
    REQUIRE_FALSE(truncated);
    CHECK(truncated.error().line == 3);

    const auto empty = open_json("");
    REQUIRE_FALSE(empty);
    CHECK_THAT(empty.error().message, Catch::StartsWith("invalid JSON: "));
}

TEST_CASE("json-model: another format or version", "[json-model]") {
    for (const char* text : {R"({"format": "other", "version": 1, "projects": []})", "[]", R"("perf-check-table")",
                             R"({"version": 1, "projects": []})", "42"}) {
        INFO(text);
        const auto src = open_json(text);
        REQUIRE_FALSE(src);
        CHECK_THAT(src.error().message, Catch::StartsWith("not a perf-check table: expected an object with "
                                                          "\"format\": \"perf-check-table\""));
        CHECK_THAT(src.error().message, Catch::Contains("不是 perf-check 的表格 JSON"));  // the default language too
    }
    const auto v2 = open_json(R"({"format": "perf-check-table", "version": 2, "projects": []})");
    REQUIRE_FALSE(v2);
    CHECK(v2.error().message == "unsupported perf-check-table version (this build reads version 1)");

    const auto no_projects = open_json(R"({"format": "perf-check-table", "version": 1})");
    REQUIRE_FALSE(no_projects);
    CHECK(no_projects.error().message == "\"projects\" must be an array");
    const auto bad_projects = open_json(R"({"format": "perf-check-table", "version": 1, "projects": {}})");
    REQUIRE_FALSE(bad_projects);
    CHECK(bad_projects.error().message == "\"projects\" must be an array");
}

TEST_CASE("json-model: deep nesting is refused quickly without recursion", "[json-model]") {
    const auto start = std::chrono::steady_clock::now();
    const auto src = open_json(std::string(100000, '['));
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    REQUIRE_FALSE(src);
    CHECK(src.error().message ==
          "JSON nested deeper than 64 levels at byte offset 64: not a perf-check table (JSON 嵌套过深)");
    CHECK(src.error().line == 1);
    // The place is the bracket that goes too deep, on its own line.
    const auto lines = open_json("{\n\"projects\":\n" + std::string(70, '[') + std::string(70, ']') + "}");
    REQUIRE_FALSE(lines);
    CHECK(lines.error().line == 3);
    CHECK_THAT(lines.error().message, Catch::Contains("at byte offset 77:"));
    CHECK(seconds < 5.0);

    const auto objects = open_json(R"({"format": "perf-check-table", "version": 1, "projects": [)" +
                                   std::string(70, '[') + std::string(70, ']') + "]}");
    REQUIRE_FALSE(objects);
    CHECK_THAT(objects.error().message, Catch::StartsWith("JSON nested deeper than 64 levels"));

    // Brackets inside strings do not count.
    const Table t = read_json(R"({"format": "perf-check-table", "version": 1, "projects": [{"row": 1, "name": ")" +
                              std::string(200, '[') + R"(\"[["}]})");
    REQUIRE(t.projects.size() == 1);
    CHECK(t.projects[0].name.text == std::string(200, '[') + "\"[[");
}

TEST_CASE("json-model: wrong types are Errors, not crashes", "[json-model]") {
    const std::string head = R"({"format": "perf-check-table", "version": 1, "projects": [)";
    CHECK(json_error(head + "42]}").message == "projects[0] must be an object");
    CHECK(json_error(head + R"({"code": {"a": 1}}]})").message == "projects[0].code must be a string");
    CHECK(json_error(head + R"({"name": [1]}]})").message == "projects[0].name must be a string");
    CHECK(json_error(head + R"({"name": true}]})").message == "projects[0].name must be a string");
    CHECK(json_error(head + R"({"indicators": "x"}]})").message == "projects[0].indicators must be an array");
    CHECK(json_error(head + R"({"indicators": [1]}]})").message == "projects[0].indicators[] must hold objects");
    CHECK(json_error(head + R"({"indicators": [{"target": []}]}]})").message ==
          "projects[0].target must be a string");

    // The second project is reported by its index, after the first was read.
    {
        auto src = open_json(head + R"({"name": "a"}, 7]})");
        REQUIRE(src);
        Project p;
        REQUIRE(*(*src)->next(p));
        auto second = (*src)->next(p);
        REQUIRE_FALSE(second);
        CHECK(second.error().message == "projects[1] must be an object");
        CHECK(second.error().file == "t.csv");
    }

    // Keys with a number or text type of the wrong kind.
    for (const std::string& body :
         {head + R"({"row": "5"}]})", head + R"({"row": 1, "indicators": [{"row": [5]}]}]})",
          head + R"({"columns": {"code": "A"}}]})", head + R"({"columns": [1]}]})",
          head + R"({"totals": [{"row": 1, "label": 5}]}]})", head + R"({"totals": [3]}]})"}) {
        INFO(body);
        const Error e = json_error(body);
        CHECK_THAT(e.message, Catch::StartsWith("projects[0]"));
        CHECK(e.file == "t.csv");
    }
    for (const std::string& text :
         {std::string(R"({"format": 5, "version": 1, "projects": []})"),
          std::string(R"({"format": "perf-check-table", "version": "1", "projects": []})"),
          std::string(R"({"format": "perf-check-table", "version": 1, "sheet": 3, "projects": []})"),
          std::string(R"({"format": "perf-check-table", "version": 1, "money_unit": 1, "projects": []})")}) {
        INFO(text);
        const Error e = json_error(text);
        CHECK_FALSE(e.message.empty());
        CHECK(e.file == "t.csv");
    }
}
