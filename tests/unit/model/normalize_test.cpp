// Unit tests of normalisation: quantities, comparators, weights, units and whole-project derivation.
#include <catch2/catch.hpp>

#include <string>

#include "config/rule_set_loader.hpp"
#include "model/normalize.hpp"
#include "support/builders.hpp"
#include "util/text.hpp"

using namespace perf_check;
using model::canonical_unit;
using model::read_comparator;
using model::read_quantity;
using model::read_weight;

namespace {
Decimal dec(const char* text) { return *Decimal::parse(text); }
}  // namespace

TEST_CASE("read_quantity reads numbers as written in tables", "[normalize]") {
    SECTION("grouping commas") {
        const Quantity q = read_quantity("4,500.00");
        REQUIRE(q.number);
        CHECK(*q.number == dec("4500"));
        CHECK(q.comparator == Comparator::none);
        CHECK(q.unit.empty());
        CHECK(q.text == "4,500.00");
        CHECK(*read_quantity("1,234,567").number == dec("1234567"));
    }
    SECTION("full-width digits") {
        const Quantity q = read_quantity("１３６");
        REQUIRE(q.number);
        CHECK(*q.number == dec("136"));
        CHECK(q.text == "136");
    }
    SECTION("percent") {
        const Quantity q = read_quantity("90%");
        REQUIRE(q.number);
        CHECK(*q.number == dec("90"));
        CHECK(q.unit == "%");
        CHECK(q.comparator == Comparator::none);
    }
    SECTION("full-width comparator and percent") {
        const Quantity q = read_quantity("＞＝９０％");
        REQUIRE(q.number);
        CHECK(q.comparator == Comparator::ge);
        CHECK(*q.number == dec("90"));
        CHECK(q.unit == "%");
    }
    SECTION("comparator and unit in the value cell") {
        const Quantity a = read_quantity("≥50个");
        CHECK(a.comparator == Comparator::ge);
        REQUIRE(a.number);
        CHECK(*a.number == dec("50"));
        CHECK(a.unit == "个");

        const Quantity b = read_quantity("≤202.6万元");
        CHECK(b.comparator == Comparator::le);
        REQUIRE(b.number);
        CHECK(*b.number == dec("202.6"));
        CHECK(b.unit == "万元");

        const Quantity c = read_quantity("≥100百分比");
        CHECK(c.comparator == Comparator::ge);
        REQUIRE(c.number);
        CHECK(*c.number == dec("100"));
        CHECK(c.unit == "%");

        const Quantity e = read_quantity("=8个");
        CHECK(e.comparator == Comparator::eq);
        REQUIRE(e.number);
        CHECK(*e.number == dec("8"));
        CHECK(e.unit == "个");

        const Quantity f = read_quantity("≥ 50 个");
        CHECK(f.comparator == Comparator::ge);
        REQUIRE(f.number);
        CHECK(*f.number == dec("50"));
        CHECK(f.unit == "个");

        const Quantity g = read_quantity("大于等于95%");
        CHECK(g.comparator == Comparator::ge);
        CHECK(*g.number == dec("95"));
        CHECK(g.unit == "%");

        const Quantity h = read_quantity("超过5万");
        CHECK(h.comparator == Comparator::gt);
        CHECK(*h.number == dec("5"));
        CHECK(h.unit == "万元");
    }
    SECTION("text that merely starts with a number is not a number") {
        const Quantity q = read_quantity("2024年1-12月");
        CHECK_FALSE(q.number);
        CHECK(q.comparator == Comparator::none);
        CHECK(q.unit.empty());
        CHECK(q.text == "2024年1-12月");
        CHECK_FALSE(read_quantity("3个工作日内完成全部发放").number);
        CHECK_FALSE(read_quantity("1,2,3").number);
        CHECK_FALSE(read_quantity("4,50").number);
        CHECK_FALSE(read_quantity("4,5000").number);
    }
    SECTION("qualitative text") {
        const Quantity q = read_quantity("有效保障");
        CHECK_FALSE(q.number);
        CHECK(q.comparator == Comparator::none);
        CHECK(q.text == "有效保障");
        const Quantity w = read_quantity("不低于上年度衡阳市在岗职工平均工资");
        CHECK_FALSE(w.number);
        CHECK(w.comparator == Comparator::ge);
        CHECK_FALSE(read_quantity("").number);
        CHECK_FALSE(read_quantity("无").number);
    }
    SECTION("a unit after the number") {
        const Quantity q = read_quantity("20分");
        REQUIRE(q.number);
        CHECK(*q.number == dec("20"));
        CHECK(q.unit == "分");
    }
    SECTION("trailing words restate the comparator") {
        const Quantity q = read_quantity("100以上");
        REQUIRE(q.number);
        CHECK(*q.number == dec("100"));
        CHECK(q.comparator == Comparator::ge);
        CHECK(q.unit.empty());

        const Quantity r = read_quantity("5万元以内");
        REQUIRE(r.number);
        CHECK(r.comparator == Comparator::le);
        CHECK(r.unit == "万元");

        const Quantity s = read_quantity("95%及以上");
        REQUIRE(s.number);
        CHECK(*s.number == dec("95"));
        CHECK(s.comparator == Comparator::ge);
        CHECK(s.unit == "%");

        const Quantity t = read_quantity("50人及以下");
        REQUIRE(t.number);
        CHECK(t.comparator == Comparator::le);
        CHECK(t.unit == "人");

        // An explicit comparator is not overridden by the trailing word.
        CHECK(read_quantity("≤100以上").comparator == Comparator::le);
    }
    SECTION("words that lead a target: 达到, 控制在, 保持在") {
        const Quantity reach = read_quantity("达到98%");
        REQUIRE(reach.number);
        CHECK(*reach.number == dec("98"));
        CHECK(reach.comparator == Comparator::ge);
        CHECK(reach.unit == "%");
        const Quantity cap = read_quantity("控制在120万元以内");
        REQUIRE(cap.number);
        CHECK(cap.comparator == Comparator::le);
        CHECK(cap.unit == "万元");
        CHECK(read_quantity("控制在120万元").comparator == Comparator::le);
        // The words after say the direction when the lead says none, and win over one that does.
        CHECK(read_quantity("保持在95%以上").comparator == Comparator::ge);
        CHECK(read_quantity("保持在95%").comparator == Comparator::none);
        CHECK(read_quantity("控制在5%以上").comparator == Comparator::ge);
        // Before no number they say nothing: 达到预期效果 is a 定性 target.
        const Quantity words = read_quantity("达到预期效果");
        CHECK_FALSE(words.number);
        CHECK(words.comparator == Comparator::none);
    }
    SECTION("negative and plain numbers") {
        const Quantity q = read_quantity("-5");
        REQUIRE(q.number);
        CHECK(*q.number == dec("-5"));
        CHECK(q.comparator == Comparator::none);
        CHECK(*read_quantity(" 842.07 ").number == dec("842.07"));
        CHECK(*read_quantity("1e3").number == dec("1000"));
    }
}

TEST_CASE("read_comparator reads 指标值类型 cells", "[normalize]") {
    CHECK(read_comparator("≥") == Comparator::ge);
    CHECK(read_comparator("≤") == Comparator::le);
    CHECK(read_comparator(">") == Comparator::gt);
    CHECK(read_comparator("<") == Comparator::lt);
    CHECK(read_comparator("=") == Comparator::eq);
    CHECK(read_comparator("＞＝") == Comparator::ge);
    CHECK(read_comparator("＜＝") == Comparator::le);
    CHECK(read_comparator(">=") == Comparator::ge);
    CHECK(read_comparator("> =") == Comparator::ge);
    CHECK(read_comparator(" ≥ ") == Comparator::ge);
    CHECK(read_comparator("定性") == Comparator::qualitative);
    CHECK(read_comparator("大于等于") == Comparator::ge);
    CHECK(read_comparator("小于等于") == Comparator::le);
    CHECK(read_comparator("不低于") == Comparator::ge);
    CHECK(read_comparator("不超过") == Comparator::le);
    CHECK(read_comparator("正向") == Comparator::ge);
    CHECK(read_comparator("反向指标") == Comparator::le);
    CHECK(read_comparator("大于") == Comparator::gt);
    CHECK(read_comparator("等于") == Comparator::eq);
    CHECK(read_comparator("") == Comparator::none);
    CHECK(read_comparator("garbage") == Comparator::none);
    CHECK(read_comparator("≥90") == Comparator::none);  // a whole-cell match, not a prefix
    CHECK(read_comparator("定量") == Comparator::none);
}

TEST_CASE("read_weight reads points", "[normalize]") {
    CHECK(read_weight("20分") == dec("20"));
    CHECK(read_weight("２０") == dec("20"));
    CHECK(read_weight("２０分") == dec("20"));
    CHECK(read_weight("20.5") == dec("20.5"));
    CHECK(read_weight("20.5分") == dec("20.5"));
    CHECK(read_weight(" 20 分 ") == dec("20"));
    CHECK(read_weight("10%") == dec("10"));
    CHECK(read_weight("0") == dec("0"));
    CHECK_FALSE(read_weight("二十分"));
    CHECK_FALSE(read_weight(""));
    CHECK_FALSE(read_weight("分"));
    CHECK_FALSE(read_weight("20分分"));
    CHECK_FALSE(read_weight("约20分"));
    CHECK_FALSE(read_weight("20个"));
}

TEST_CASE("canonical_unit maps synonyms", "[normalize]") {
    CHECK(canonical_unit("百分比") == "%");
    CHECK(canonical_unit("％") == "%");
    CHECK(canonical_unit("%") == "%");
    CHECK(canonical_unit("百分点") == "%");
    CHECK(canonical_unit("个百分点") == "%");
    CHECK(canonical_unit(" 万元 ") == "万元");
    CHECK(canonical_unit("万") == "万元");
    CHECK(canonical_unit("亿") == "亿元");
    CHECK(canonical_unit("元") == "元");
    CHECK(canonical_unit("人") == "人");
    CHECK(canonical_unit("‰") == "‰");
    CHECK(canonical_unit("") == "");
    CHECK(canonical_unit("\u3000个\u3000") == "个");
    // As deduction texts count steps (每超过1个工作日): the unit column's 个工作日 is the same unit.
    CHECK(canonical_unit("个工作日") == "工作日");
    CHECK(canonical_unit("个月") == "月");
    CHECK(canonical_unit("个小时") == "小时");
}

namespace {

test::Row qty_row(const std::string& target, const std::string& unit, const std::string& type,
                  const std::string& weight) {
    return {"产出指标", "数量指标", "享受补贴人数", target, "", "视情况扣分", unit, type, weight};
}

Project one_indicator(const test::Row& row) { return test::project("301001", "项目", "100", "目标", {row}); }

}  // namespace

TEST_CASE("normalize_project converts funds to 万元", "[normalize]") {
    const RuleSet& rules = config::default_rule_set();
    Project p = test::project("301001", "项目", "8,420,700", "目标", {});
    CHECK(p.funds_wan == dec("8420700"));  // a 万元 table takes the number as written

    p.money_unit = MoneyUnit::yuan;
    model::normalize_project(p, rules);
    REQUIRE(p.funds_wan);
    CHECK(p.funds_wan->str() == "842.07");

    p.funds = test::cell("8420700元", 5, 3);
    p.money_unit = MoneyUnit::wan_yuan;
    model::normalize_project(p, rules);
    CHECK(p.funds_wan == dec("842.07"));

    p.funds = test::cell("842.07万元", 5, 3);
    p.money_unit = MoneyUnit::yuan;  // an explicit unit in the cell wins over the table's
    model::normalize_project(p, rules);
    CHECK(p.funds_wan == dec("842.07"));

    p.funds = test::cell("1.5亿元", 5, 3);
    model::normalize_project(p, rules);
    CHECK(p.funds_wan == dec("15000"));

    for (const char* bad : {"无", "", "≥100", "待定", "100人"}) {
        p.funds = test::cell(bad, 5, 3);
        model::normalize_project(p, rules);
        INFO(bad);
        CHECK_FALSE(p.funds_wan);
    }
}

TEST_CASE("normalize_project marks placeholder rows", "[normalize]") {
    const Project p = test::project("301001", "项目", "842.07", "目标", test::seed_rows());
    REQUIRE(p.indicators.size() == 11);
    std::vector<int> placeholder_rows;
    for (const auto& ind : p.indicators) {
        if (ind.placeholder) placeholder_rows.push_back(ind.row);
        CHECK(ind.problems.empty());
    }
    CHECK(placeholder_rows == std::vector<int>{6, 7, 11, 13, 14});

    CHECK(one_indicator({"成本指标", "社会成本指标", "—", "/", "", "", "", "", ""}).indicators[0].placeholder);
    CHECK(one_indicator({"成本指标", "社会成本指标", "N/a", "暂无", "", "", "", "", ""}).indicators[0].placeholder);
    CHECK_FALSE(one_indicator({"成本指标", "社会成本指标", "无", "5", "", "", "", "", ""}).indicators[0].placeholder);
    CHECK_FALSE(one_indicator({"成本指标", "社会成本指标", "人数", "无", "", "", "", "", ""}).indicators[0].placeholder);
}

TEST_CASE("normalize_project derives comparator, value and weight of the seed rows", "[normalize]") {
    const Project p = test::project("301001", "项目", "842.07", "目标", test::seed_rows());
    const Indicator& cost = p.indicators[0];
    CHECK(cost.comparator == Comparator::le);
    CHECK(cost.value.number == dec("842.07"));
    CHECK(cost.value.unit == "万元");
    CHECK(cost.weight_points == dec("20"));

    const Indicator& count = p.indicators[3];
    CHECK(count.comparator == Comparator::lt);
    CHECK(count.value.number == dec("136"));
    CHECK(count.value.unit == "人");

    const Indicator& time = p.indicators[5];
    CHECK(time.comparator == Comparator::qualitative);
    CHECK_FALSE(time.value.number);
    CHECK(time.weight_points == dec("15"));

    const Indicator& social = p.indicators[7];
    CHECK(social.comparator == Comparator::qualitative);
    CHECK(social.value.unit.empty());  // "-" is a placeholder unit

    const Indicator& placeholder = p.indicators[1];
    CHECK_FALSE(placeholder.weight_points);
    CHECK(placeholder.problems.empty());
}

TEST_CASE("normalize_project records a bad weight as a CellProblem", "[normalize]") {
    const Project p = one_indicator(qty_row("136", "人", "≥", "二十分"));
    const Indicator& ind = p.indicators[0];
    CHECK_FALSE(ind.weight_points);
    REQUIRE(ind.problems.size() == 1);
    CHECK(ind.problems[0].column == "备注（分值）");
    CHECK(ind.problems[0].cell.text == "二十分");
    CHECK(ind.problems[0].cell.loc.row == 5);
    CHECK(ind.problems[0].cell.loc.column == 13);

    // A placeholder or empty weight is "no weight", not a bad cell.
    for (const char* w : {"", "无", "/"}) {
        const Project q = one_indicator(qty_row("136", "人", "≥", w));
        INFO(w);
        CHECK(q.indicators[0].problems.empty());
        CHECK_FALSE(q.indicators[0].weight_points);
    }
}

TEST_CASE("normalize_project records an unknown 指标值类型 as a CellProblem", "[normalize]") {
    const Project p = one_indicator(qty_row("136", "人", "约等于", "10分"));
    const Indicator& ind = p.indicators[0];
    REQUIRE(ind.problems.size() == 1);
    CHECK(ind.problems[0].column == "指标值类型");
    CHECK(ind.problems[0].cell.text == "约等于");
    CHECK(ind.comparator == Comparator::none);
    CHECK(ind.weight_points == dec("10"));

    // Both problems at once, in column order: type then weight.
    const Project both = one_indicator(qty_row("136", "人", "?", "x"));
    REQUIRE(both.indicators[0].problems.size() == 2);
    CHECK(both.indicators[0].problems[0].column == "指标值类型");
    CHECK(both.indicators[0].problems[1].column == "备注（分值）");

    // A placeholder type is not a problem.
    CHECK(one_indicator(qty_row("136", "人", "无", "10分")).indicators[0].problems.empty());
}

TEST_CASE("normalize_project takes the comparator from the value cell when the type column is empty", "[normalize]") {
    const Indicator a = one_indicator(qty_row("≥50个", "", "", "10分")).indicators[0];
    CHECK(a.comparator == Comparator::ge);
    CHECK(a.value.number == dec("50"));
    CHECK(a.value.unit == "个");
    CHECK(a.problems.empty());

    const Indicator b = one_indicator(qty_row("≤202.6万元", "", "", "10分")).indicators[0];
    CHECK(b.comparator == Comparator::le);

    // The type column wins when both are stated.
    const Indicator c = one_indicator(qty_row("≥50", "个", "≤", "10分")).indicators[0];
    CHECK(c.comparator == Comparator::le);
    CHECK(c.value.comparator == Comparator::ge);

    // Nothing stated anywhere.
    CHECK(one_indicator(qty_row("50", "个", "", "10分")).indicators[0].comparator == Comparator::none);
}

TEST_CASE("normalize_project reads a 指标性质 of 定量 as quantitative, its comparator the value's", "[normalize]") {
    // 指标性质 columns hold 定量/定性 and the value carries the comparator: 定量 was a bad cell on every row.
    const Indicator a = one_indicator(qty_row("≥800", "人", "定量", "10分")).indicators[0];
    CHECK(a.comparator == Comparator::ge);
    CHECK(a.problems.empty());
    const Indicator b = one_indicator(qty_row("≤96", "万元", " 定量指标 ", "10分")).indicators[0];
    CHECK(b.comparator == Comparator::le);
    CHECK(b.problems.empty());
    CHECK(one_indicator(qty_row("有效保障", "", "定性指标", "10分")).indicators[0].comparator ==
          Comparator::qualitative);
    // 定量 and a bare number: no comparator (comparator-missing says so), not an unreadable type.
    const Indicator c = one_indicator(qty_row("800", "人", "定量", "10分")).indicators[0];
    CHECK(c.comparator == Comparator::none);
    CHECK(c.problems.empty());
    // Other words stay unreadable.
    const Indicator d = one_indicator(qty_row("800", "人", "定量的", "10分")).indicators[0];
    REQUIRE(d.problems.size() == 1);
    CHECK(d.problems[0].expected == "≥ ≤ > < =、定性，或 定量（比较符写在指标值中）");
}

TEST_CASE("normalize_project takes the unit from 度量单位 only when the cell has none", "[normalize]") {
    CHECK(one_indicator(qty_row("90", "百分比", "≥", "10分")).indicators[0].value.unit == "%");
    CHECK(one_indicator(qty_row("90%", "人", "≥", "10分")).indicators[0].value.unit == "%");
    CHECK(one_indicator(qty_row("90", "无", "≥", "10分")).indicators[0].value.unit.empty());
    CHECK(one_indicator(qty_row("90", "", "≥", "10分")).indicators[0].value.unit.empty());
}

TEST_CASE("normalize_project reads a bare 万/亿 in the unit of 度量单位, money only when that is money",
          "[normalize]") {
    const auto unit_of = [](const char* value, const char* column) {
        return one_indicator(qty_row(value, column, "≥", "10分")).indicators[0].value.unit;
    };
    CHECK(unit_of("1.2万", "人次") == "万人次");  // was 万元: a step in 人次 then did not apply
    CHECK(unit_of("≥1.2万", "人次") == "万人次");
    CHECK(unit_of("3亿", "人") == "亿人");
    CHECK(unit_of("1.2万", "万人次") == "万人次");  // the column already says 万
    CHECK(unit_of("1.2万", "元") == "万元");
    CHECK(unit_of("1.2万", "万元") == "万元");
    CHECK(unit_of("1.2万", "") == "万元");
    CHECK(unit_of("1.2万", "无") == "万元");
    CHECK(unit_of("1.2万元", "人次") == "万元");  // 元 written: money whatever the column says
    CHECK(unit_of("1.2万", "%") == "万元");       // no 万% to read it as
    // Any unit naming 元 is money (a review found these turned into 万元/人, 万千元: steps in 元 then did not apply).
    CHECK(unit_of("0.5万", "元/人") == "万元");
    CHECK(unit_of("40万", "千元") == "万元");
    CHECK(unit_of("60万", "元/年") == "万元");
    // The column's own 万/亿 gives way to the value's (not 亿万人次).
    CHECK(unit_of("1.2亿", "万人次") == "亿人次");
    CHECK(unit_of("1.2万", "亿人") == "万人");
}

TEST_CASE("normalize_project is idempotent", "[normalize]") {
    Project p = one_indicator(qty_row("136", "人", "约等于", "二十分"));
    model::normalize_project(p, config::default_rule_set());
    model::normalize_project(p, config::default_rule_set());
    CHECK(p.indicators[0].problems.size() == 2);
    CHECK(p.problems.empty());
}

TEST_CASE("bare_multiple names the 万/亿 of a value written without 元", "[normalize]") {
    CHECK(model::bare_multiple(read_quantity("1.2万")) == "万");
    CHECK(model::bare_multiple(read_quantity("≥3亿")) == "亿");
    CHECK(model::bare_multiple(read_quantity("1.2万元")).empty());
    CHECK(model::bare_multiple(read_quantity("1.2万人")).empty());
    CHECK(model::bare_multiple(read_quantity("12000")).empty());
}

TEST_CASE("a plain number reads as the general reader reads it", "[normalize]") {
    // Digits with at most one point between digits are read directly, not through the memo: the result
    // must be what the general reader gives the same text (with a space after it, which the direct
    // path does not take and trimming removes).
    for (const std::string text : {"842.07", "10", "007", "0.5", "100.000", "0", "12345678901234567890123456789012345",
                                   "1.", ".5", "1.2.3", "1,000", "5e3"}) {
        INFO(text);
        const Quantity direct = read_quantity(text);  // copied: the reference lasts until the next reading
        const Quantity general = read_quantity(text + " ");
        CHECK(direct.comparator == general.comparator);
        CHECK(direct.number == general.number);
        CHECK(direct.unit == general.unit);
        CHECK(direct.text == general.text);
    }
    CHECK(*read_quantity("842.07").number == dec("842.07"));
    CHECK(read_quantity("842.07").text == "842.07");
    CHECK(read_quantity("842.07").unit.empty());
    // A reading after a plain number does not change the plain number's copy, nor the reverse.
    const Quantity plain = read_quantity("95");
    const Quantity worded = read_quantity("≥95%");
    CHECK(*plain.number == dec("95"));
    CHECK(plain.comparator == Comparator::none);
    CHECK(worded.comparator == Comparator::ge);
    CHECK(worded.unit == "%");
}

TEST_CASE("set_plain_text sets what set_text sets, for text without a fold lead", "[normalize]") {
    // The reader notes such cells (RawRow::plain); whether their ends need trimming is still looked at.
    for (const std::string read : {"项目实施成本", " 90 ", "≥", "≤90%", "\u2003中\u2003", "x\u200B", "\t", "", "a"}) {
        INFO(read);
        Cell full;
        full.text = "the previous cell's text";
        full.raw = "the previous cell's raw";
        Cell plain = full;
        model::set_text(full, read);
        model::set_plain_text(plain, read);
        CHECK(plain.text == full.text);
        CHECK(plain.raw == full.raw);
    }
}

// Each indicator's level names come from its own cells, spaces removed, whatever the indicator above
// holds: a 二级 of 满意度指标 is 服务对象满意度指标 only under the 一级 满意度指标 (the merged cell), not
// under another 一级 right after it. Pins the names for any change that reuses the names above.
TEST_CASE("normalize_project names each indicator's levels as its own cells say", "[normalize]") {
    const Project p = test::project("301001", "项目", "100", "目标",
                                    {{"满意度指标", "满意度指标", "服务对象满意度", "≥90%", "", "", "%", "", "10分"},
                                     {"满意度指标", "满意度指标", "群众满意度", "≥90%", "", "", "%", "", "10分"},
                                     {"效益指标", "满意度指标", "社会满意度", "≥90%", "", "", "%", "", "10分"},
                                     {"效益指标", "社会 效益指标", "惠及人数", "≥100", "", "", "人", "", "10分"},
                                     {"效益指标", "社会 效益指标", "覆盖率", "≥90%", "", "", "%", "", "10分"},
                                     {"产出 指标", "社会 效益指标", "完成率", "≥90%", "", "", "%", "", "10分"}});
    REQUIRE(p.indicators.size() == 6);
    const auto names = [&](std::size_t i) { return p.indicators[i].level1_name + "/" + p.indicators[i].level2_name; };
    CHECK(names(0) == "满意度指标/服务对象满意度指标");
    CHECK(names(1) == "满意度指标/服务对象满意度指标");
    CHECK(names(2) == "效益指标/满意度指标");
    CHECK(names(3) == "效益指标/社会效益指标");
    CHECK(names(4) == "效益指标/社会效益指标");
    CHECK(names(5) == "产出指标/社会效益指标");
}

TEST_CASE("normalize_project reads each 实际完成值 once, as read_quantity reads it", "[normalize]") {
    Project p = test::project("301001", "项目", "100", "目标",
                              {{"成本指标", "经济成本指标", "总成本", "≤842.07", "", "", "万元", "", "20分"},
                               {"产出指标", "数量指标", "人数", "≥136", "", "", "人", "", "10分"},
                               {"效益指标", "社会效益指标", "效果", "有效", "", "", "", "定性", "10分"}});
    p.indicators[0].actual = test::cell("855.00万元", 5, 14);
    p.indicators[1].actual = test::cell("１４０", 6, 14);  // full-width, as a reader would not leave it
    model::normalize_project(p, config::default_rule_set());
    const Quantity& money = p.indicators[0].actual_value;
    CHECK(money.text == "855.00万元");
    CHECK(money.number == dec("855"));
    CHECK(money.unit == "万元");
    const Quantity& people = p.indicators[1].actual_value;
    CHECK(people.text == "140");  // folded: unlike the cell, so read_actual reads the cell itself
    CHECK(people.number == dec("140"));
    CHECK(people.unit.empty());
    // No actual: nothing read (and nothing left of a reading before).
    p.indicators[1].actual = test::cell("", 6, 14);
    model::normalize_project(p, config::default_rule_set());
    CHECK(p.indicators[1].actual_value.text.empty());
    CHECK_FALSE(p.indicators[1].actual_value.number);
    CHECK(p.indicators[2].actual_value.text.empty());
}

TEST_CASE("normalize_project reads the points written in a level's name apart from the name", "[normalize]") {
    const auto level1 = [](const std::string& text) {
        test::Row row = {text, "数量指标(15分)", "享受补贴人数", "136", "", "视情况扣分", "人", "≥", "15分"};
        return one_indicator(row).indicators[0];
    };
    for (const char* text : {"产出指标（40分）", "产出指标(40分)", "产出指标40分", "产出指标 （40 分）"}) {
        INFO(text);
        const Indicator ind = level1(text);
        CHECK(ind.level1_name == "产出指标");
        REQUIRE(ind.level1_points);
        CHECK(*ind.level1_points == dec("40"));
        CHECK(ind.level2_name == "数量指标");
        CHECK(ind.level2_points == dec("15"));
    }
    // Names that end otherwise keep all they say.
    for (const char* text :
         {"产出指标", "产出指标（一）", "产出指标(分)", "（40分）", "满意度指标", "产出指标（40）", "数量指标(1)"}) {
        INFO(text);
        const Indicator ind = level1(text);
        CHECK(ind.level1_name == util::strip_spaces(text));
        CHECK_FALSE(ind.level1_points);
    }
}
