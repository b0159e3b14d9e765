// Tests of the scorer: DOMAIN.md's hand-checked vectors (both step modes), SPEC §4's defaults, qualitative
// bands, units, rounding, totals and grades, and the explanation steps.
#include <catch2/catch.hpp>

#include "scoring/actuals.hpp"
#include "scoring/scorer.hpp"
#include "support/builders.hpp"
#include "util/text.hpp"

using namespace perf_check;

namespace {

Decimal d(const char* text) { return *Decimal::parse(text); }

RuleSet with_step_mode(StepMode mode) {
    RuleSet rs = config::default_rule_set();
    rs.scoring.step_mode = mode;
    return rs;
}

test::Row quantitative(const std::string& target, const std::string& type, const std::string& unit,
                       const std::string& deduction, const std::string& weight = "10分",
                       const std::string& level1 = "产出指标", const std::string& level2 = "数量指标") {
    return {level1, level2, "测试指标", target, "测试指标", deduction, unit, type, weight};
}

test::Row qualitative(const std::string& target, const std::string& weight = "20分") {
    return {"效益指标", "社会效益指标", "定性指标", target, "定性指标", "视情况，扣分，扣完为止", "-", "定性", weight};
}

// One project holding `row`, with its actual (and reviewer's score) filled in as a reader would.
Project one(const test::Row& row, const std::string& actual, const std::string& score = "") {
    Project p = test::project("301001", "测试项目", "100", "保障区内退休人员待遇按时足额发放。", {row});
    p.indicators[0].actual = test::cell(actual, 5, 16);
    p.indicators[0].score = test::cell(score, 5, 17);
    return p;
}

IndicatorScore score_of(const test::Row& row, const std::string& actual, const RuleSet& rules,
                        const std::string& score = "") {
    const Project p = one(row, actual, score);
    return scoring::score_indicator(p, p.indicators[0], rules);
}

IndicatorScore score_of(const test::Row& row, const std::string& actual, const std::string& score = "") {
    return score_of(row, actual, config::default_rule_set(), score);
}

bool has_step(const IndicatorScore& s, const std::string& zh) {
    for (const auto& t : s.steps)
        if (t.zh == zh) return true;
    return false;
}

}  // namespace

// ---- DOMAIN.md hand-checked vectors --------------------------------------------------------------

TEST_CASE("vector: ≥ 100, actual 95, weight 10 → 9.5", "[scoring][scorer]") {
    const auto s = score_of(quantitative("100", "≥", "个", ""), "95");
    CHECK(s.score == d("9.5"));
    CHECK(s.formula == "default(>=: w*a/t)");
    CHECK(has_step(s, "默认公式（正向指标）：分值 × 实际 ÷ 目标 = 10 × 95 ÷ 100 = 9.5"));
}

TEST_CASE("a zero step scores by the default formula, not full marks", "[scoring][scorer]") {
    const auto s = score_of(quantitative("10", "≤", "个", "每超过0个扣1分，扣完为止"), "12");
    CHECK(s.score == d("8"));
    CHECK(s.formula == "floor(0) => default(<=: w*(1-(a-t)/t), 0 at a>=2t)");
    for (const auto& step : s.steps) CHECK_FALSE(perf_check::util::contains(step.zh, "÷ 0"));
}

TEST_CASE("an “=” target met from above shows the relation that holds, not a false equation", "[scoring][scorer]") {
    const auto over = score_of(quantitative("5", "=", "起", ""), "6");
    CHECK(over.score == d("10"));
    CHECK(has_step(over, "已达到目标（6起 > 5起，“=”指标超过目标值按达到计）：得满分10分"));
    const auto exact = score_of(quantitative("5", "=", "起", ""), "5");
    CHECK(has_step(exact, "已达到目标（5起 = 5起）：得满分10分"));
}

TEST_CASE("a strict < or > met only in the limit says why the missed target still scores full marks",
          "[scoring][scorer]") {
    for (const char* type : {"<", ">"}) {
        INFO(type);
        const auto s = score_of(quantitative("100", type, "个", ""), "100");
        CHECK(s.score == d("10"));
        CHECK(
            has_step(s, std::string("实际值恰等于目标值：严格的“") + type + "”未满足，但差额为0，按公式计算仍得满分"));
        // A target of 0 gives no ratio and scores 0: nothing says "full marks" there.
        const auto zero = score_of(quantitative("0", type, "个", ""), "0");
        for (const auto& step : zero.steps) CHECK_FALSE(perf_check::util::contains(step.zh, "仍得满分"));
    }
    // Not said when there is a gap.
    const auto gap = score_of(quantitative("100", "<", "个", ""), "110");
    for (const auto& step : gap.steps) CHECK_FALSE(perf_check::util::contains(step.zh, "恰等于"));
}

TEST_CASE("完成得10分，未完成得0分 scores a missed target 0", "[scoring][scorer]") {
    const auto s = score_of(quantitative("100", "≥", "个", "完成得10分，未完成得0分"), "95");
    CHECK(s.score == d("0"));
    const auto met = score_of(quantitative("100", "≥", "个", "完成得10分，未完成得0分"), "100");
    CHECK(met.score == d("10"));
}

TEST_CASE("a weight written but unreadable is not called blank", "[scoring][scorer]") {
    const auto written = score_of(quantitative("100", "≥", "个", "", "权重10"), "95");
    CHECK(written.score == d("0"));
    CHECK(has_step(written, "分值“权重10”无法读取为数字：按分值0计分，本项不计入得分"));
    const auto blank = score_of(quantitative("100", "≥", "个", "", ""), "95");
    CHECK(has_step(blank, "未填写分值：按分值0计分，本项不计入得分"));
}

TEST_CASE("wordings reviewers found misread score as the text says", "[scoring][scorer]") {
    // 每发生1起扣5分 on =0起: two accidents are two steps (it was one flat 5: 15 of 20).
    const auto accidents =
        score_of(quantitative("0", "=", "起", "每发生1起扣5分", "20分", "效益指标", "社会效益指标"), "2");
    CHECK(accidents.score == d("10"));
    // 全部完成得10分，每少完成1个扣2分: 8 of 10 is two steps short (the default formula gave 8).
    const auto short_by_two = score_of(quantitative("10", "≥", "个", "全部完成得10分，每少完成1个扣2分"), "8");
    CHECK(short_by_two.score == d("6"));
    // A tier table is scored by the default formula, never by one of its rows read as the whole rule
    // (超出5%以上不得分 was dropped and 10% over scored 10 − 2 = 8).
    const auto tiers = score_of(
        quantitative("50", "≤", "万元", "超出预算5%以内扣2分，超出5%以上不得分", "10分", "成本指标", "经济成本指标"),
        "55");
    CHECK(tiers.formula == "unsupported(tiered) => default(<=: w*(1-(a-t)/t), 0 at a>=2t)");
    CHECK(tiers.score == d("9"));
}

TEST_CASE("an actual in another unit of the same kind is converted before it is compared", "[scoring][scorer]") {
    // Reviewers saw 12000人 against ≥1.5万人 shown as “12000万人 ≥ 1.5万人” with full marks.
    const auto people = score_of(quantitative("1.5", "≥", "万人", ""), "12000人");
    CHECK(people.score == d("8"));
    CHECK(has_step(people, "实际完成值换算为指标单位：12000人 = 1.2万人"));
    const auto wan = score_of(quantitative("100", "≥", "人", ""), "1.2万人");
    CHECK(wan.score == d("10"));
    const auto bare = score_of(quantitative("100", "≥", "人", ""), "1.2万");  // 万 of the target's unit
    CHECK(bare.score == d("10"));
    CHECK(has_step(bare, "实际完成值换算为指标单位：1.2万 = 12000人"));
    const auto already = score_of(quantitative("1.5", "≥", "万人", ""), "1.2万");  // the target's unit itself
    CHECK(already.score == d("8"));
    for (const auto& step : already.steps) CHECK_FALSE(perf_check::util::contains(step.zh, "无法换算"));
    // 亿 as 万 is: of money (1.2亿 against 万元) or of the target's unit (1.2亿 against 人次).
    const auto yi = score_of(quantitative("15000", "≤", "万元", ""), "1.2亿");
    CHECK(yi.score == d("10"));
    CHECK(has_step(yi, "实际完成值换算为指标单位：1.2亿 = 12000万元"));
    const auto visits = score_of(quantitative("150000000", "≥", "人次", ""), "1.2亿");
    CHECK(visits.score == d("8"));
    CHECK(has_step(visits, "实际完成值换算为指标单位：1.2亿 = 120000000人次"));
    const auto km = score_of(quantitative("5", "≥", "公里", ""), "4000米");
    CHECK(km.score == d("8"));
    // Another kind of unit: compared as written, and said.
    const auto other = score_of(quantitative("100", "≥", "人", ""), "95名");
    CHECK(other.score == d("9.5"));
    CHECK(has_step(other, "实际完成值“95名”的单位“名”与指标单位“人”不同，无法换算：按95人计（请核对）"));
}

TEST_CASE("a percentage actual against a fraction target with no unit is read as a fraction", "[scoring][scorer]") {
    // A review found 85% against a bare ≥0.9 compared as 85 ≥ 0.9: full marks for a missed target.
    const auto missed = score_of(quantitative("0.9", "≥", "", ""), "85%");
    CHECK(missed.score == d("9.44"));  // 10 × 0.85 / 0.9
    CHECK(has_step(missed, "实际完成值换算为指标单位：85% = 0.85"));
    CHECK(score_of(quantitative("0.9", "≥", "", ""), "95%").score == d("10"));
    // A bare target above 1 is a percentage as written (90 and 85%), and a % target takes % as it is.
    CHECK(score_of(quantitative("90", "≥", "", ""), "85%").score == d("9.44"));
    CHECK(score_of(quantitative("90", "≥", "%", ""), "85%").score == d("9.44"));
    // Not a target of 1, nor a ceiling: ≤1 of a 投诉率 is as often 1% (a diff review found 3% against ≤1 read as
    // 0.03 and given full marks).
    CHECK(score_of(quantitative("1", "≥", "", ""), "100%").score == d("10"));
    const auto ceiling =
        score_of(quantitative("1", "≤", "", "每超过1个百分点扣5分", "15分", "效益指标", "社会效益指标"), "3%");
    CHECK_FALSE(has_step(ceiling, "实际完成值换算为指标单位：3% = 0.03"));
    CHECK(has_step(ceiling, "未达到目标（实际 3，目标 ≤1）"));  // missed, as written: not full marks
    CHECK(ceiling.score < d("15"));
    const auto half =
        score_of(quantitative("0.5", "≤", "", "每超过0.1个百分点扣1分", "15分", "效益指标", "社会效益指标"), "2%");
    CHECK(half.score < d("15"));
    // Nor an equality: =1 of 100% is one reading of many.
    CHECK_FALSE(has_step(score_of(quantitative("0.9", "=", "", ""), "90%"), "实际完成值换算为指标单位：90% = 0.9"));
}

TEST_CASE("vector: ≥ 100, actual 120, weight 10 → 10", "[scoring][scorer]") {
    const auto s = score_of(quantitative("100", "≥", "个", ""), "120");
    CHECK(s.score == d("10"));
    CHECK(has_step(s, "已达到目标（120个 ≥ 100个）：得满分10分"));
}

TEST_CASE("vector: ≤ 10, actual 12, weight 10 → 8", "[scoring][scorer]") {
    const auto s = score_of(quantitative("10", "≤", "万元", "", "10分", "成本指标", "经济成本指标"), "12");
    CHECK(s.score == d("8"));
    CHECK(s.formula == "default(<=: w*(1-(a-t)/t), 0 at a>=2t)");
}

TEST_CASE("vector: ≤ 10, actual 25, weight 10 → 0", "[scoring][scorer]") {
    const auto s = score_of(quantitative("10", "≤", "万元", "", "10分", "成本指标", "经济成本指标"), "25");
    CHECK(s.score == d("0"));
    CHECK(has_step(s, "默认公式（反向指标）：实际值达到目标的2倍及以上（25 ≥ 2 × 10）：0分"));
}

TEST_CASE("vector: = 0, actual 0, weight 5 → 5", "[scoring][scorer]") {
    CHECK(score_of(quantitative("0", "=", "起", "", "5分"), "0").score == d("5"));
    // and any actual above 0 scores nothing
    const auto s = score_of(quantitative("0", "=", "起", "", "5分"), "1");
    CHECK(s.score == d("0"));
    CHECK(s.formula == "default(=0: a<=0 -> w, else 0)");
}

TEST_CASE("vector: 预算执行率 89.974 of 89.974 → 10", "[scoring][scorer]") {
    Project p = test::project("301001", "测试项目", "89.974", "保障区内退休人员待遇按时足额发放。",
                              {quantitative("100", "≥", "个", "")});
    p.budget = test::cell("89.974", 5, 4);
    p.spent = test::cell("89.974", 5, 5);
    const auto b = scoring::score_budget_execution(p, config::default_rule_set());
    REQUIRE(b.rate);
    CHECK(*b.rate == d("1"));
    CHECK(b.weight == d("10"));
    CHECK(b.score == d("10"));
    REQUIRE(b.budget);
    CHECK(*b.budget == d("89.974"));
}

TEST_CASE("vector: ≤842.07万元 每超过5万元扣1分, actual 855.00, weight 20 → 18 in full steps", "[scoring][scorer]") {
    const auto row = quantitative("842.07", "≤", "万元", "每超过5万元，扣1分，扣完为止", "20分", "成本指标", "经济成本指标");
    const auto s = score_of(row, "855.00万元");
    CHECK(s.score == d("18"));
    CHECK(s.weight == d("20"));
    CHECK(s.target == "≤842.07万元");
    CHECK(s.actual == "855.00万元");
    CHECK(s.formula == "step(over 5万元: -1); floor(0)");
    REQUIRE(s.steps.size() == 7);
    CHECK(s.steps[0].zh == "目标：≤842.07万元；实际完成值：855.00万元；分值：20分");
    CHECK(s.steps[1].zh == "扣分标准：每超过5万元，扣1分，扣完为止（规范形式：step(over 5万元: -1); floor(0)）");
    CHECK(s.steps[2].zh == "未达到目标（实际 855万元，目标 ≤842.07万元）");
    CHECK(s.steps[3].zh == "超出目标：855 − 842.07 = 12.93万元");
    CHECK(s.steps[4].zh == "按“每超过5万元，扣1分”：12.93 ÷ 5 = 2.586 步，只计整步：2 步；扣分 2 × 1 = 2分");
    CHECK(s.steps[5].zh == "得分：20 − 2 = 18");
    CHECK(s.steps[6].zh == "本项得分：18分");
    CHECK(s.steps[4].en == "Per \"−1 per 5万元 over\": 12.93 ÷ 5 = 2.586 steps; only full steps count: 2; deduction 2 × 1 = 2");
    CHECK(s.steps[6].en == "Score: 18");
}

TEST_CASE("vector: 842.07/855.00/20 under the other step modes", "[scoring][scorer]") {
    const auto row = quantitative("842.07", "≤", "万元", "每超过5万元，扣1分，扣完为止", "20分", "成本指标", "经济成本指标");
    // partial steps count: 2.586 → 3 steps
    CHECK(score_of(row, "855.00", with_step_mode(StepMode::partial_counts)).score == d("17"));
    // pro-rate: 20 − 12.93 × 1 ÷ 5 = 20 − 2.586 = 17.414 → 17.41
    CHECK(score_of(row, "855.00", with_step_mode(StepMode::pro_rate)).score == d("17.41"));
}

TEST_CASE("vector: ≥90% 少于1%扣0.5分, actual 86.5 → 8.5 in full steps, 8.25 pro-rated", "[scoring][scorer]") {
    const auto row = quantitative("90", "≥", "%", "达到指标值得满分，少于1%扣0.5分，扣完为止。", "10分", "产出指标", "质量指标");
    const auto full = score_of(row, "86.5");
    CHECK(full.score == d("8.5"));
    CHECK(has_step(full, "低于目标：90 − 86.5 = 3.5个百分点"));
    CHECK(has_step(full, "按“少于1%扣0.5分”：3.5 ÷ 1 = 3.5 步，只计整步：3 步；扣分 3 × 0.5 = 1.5分"));
    const auto pro = score_of(row, "86.5", with_step_mode(StepMode::pro_rate));
    CHECK(pro.score == d("8.25"));
    CHECK(has_step(pro, "按“少于1%扣0.5分”，规则集规定按比例折算：3.5 ÷ 1 = 3.5 步；扣分 3.5 × 0.5 = 1.75分"));
    CHECK(score_of(row, "86.5", with_step_mode(StepMode::partial_counts)).score == d("8"));
    // "86.5%" reads the same as "86.5"
    CHECK(score_of(row, "86.5%").score == d("8.5"));
}

TEST_CASE("不满N按N计算 in the text makes a partial step count, whatever the rule set's mode", "[scoring][scorer]") {
    const auto row = quantitative("90", "≥", "%", "达到指标值得满分，每低于1%扣0.5分，不满1%按1%计算", "10分");
    const auto s = score_of(row, "86.5");
    CHECK(s.score == d("8"));  // 3.5 → 4 steps × 0.5 = 2
    CHECK(has_step(s, "按“每低于1%扣0.5分”：3.5 ÷ 1 = 3.5 步，按“不满1%按1%计算”，不足一步按一步计：4 步；扣分 4 × 0.5 = 2分"));
}

// ---- other forms of the text -----------------------------------------------------------------------

TEST_CASE("a threshold in the text moves where the gap is counted from", "[scoring][scorer]") {
    // 低于100%每1%扣2分，不满1%按1%计算 on a ≥95% indicator, actual 93.5: gap from 100 is 6.5 → 7 steps × 2 = 14.
    const auto row = quantitative("95", "≥", "%", "低于100%每1%扣2分，不满1%按1%计算", "20分");
    const auto s = score_of(row, "93.5");
    CHECK(s.score == d("6"));
    CHECK(has_step(s, "低于起算值：100 − 93.5 = 6.5个百分点"));
}

TEST_CASE("proportional, all-or-nothing, flat and per-item texts", "[scoring][scorer]") {
    CHECK(score_of(quantitative("50", "≥", "公里", "完成年度投资计划任务得标准分,未完成的按实际完成率乘以标准分计分", "15分"), "42公里")
              .score == d("12.6"));
    CHECK(score_of(quantitative("1400", "≥", "万元", "按完成比例计算得分,满分为止"), "1330").score == d("9.5"));
    CHECK(score_of(quantitative("100", "=", "%", "未完成不得分", "15分"), "96%").score == d("0"));
    CHECK(score_of(quantitative("100", "=", "%", "未完成不得分", "15分"), "100%").score == d("15"));
    CHECK(score_of(quantitative("8", "≥", "项", "未完成扣5分"), "7").score == d("5"));
    CHECK(score_of(quantitative("10", "≥", "项", "每缺1项扣3分"), "8项").score == d("4"));
    CHECK(score_of(quantitative("10", "≥", "项", "未按要求落实到位的，每项扣2分"), "7").score == d("4"));
    // cap: 5 missing × 2 = 10, at most 6
    const auto capped = score_of(quantitative("10", "≥", "项", "每缺1项扣2分，最多扣6分"), "5");
    CHECK(capped.score == d("4"));
    CHECK(has_step(capped, "最多扣6分：扣分由10分降为6分"));
    // delay: 12 against ≤10 months, 2 steps
    CHECK(score_of(quantitative("10", "≤", "月", "每延迟1个月扣1分，扣完为止", "10分", "产出指标", "时效指标"), "12").score ==
          d("8"));
    // average age: ≤45岁, actual 47.5 → 2 full steps × 0.5
    CHECK(score_of(quantitative("45", "≤", "岁", "每超平均年龄1岁的，扣0.5分", "5分"), "47.5").score == d("4"));
    // floor: deductions beyond the weight stop at 0
    CHECK(score_of(quantitative("90", "≥", "%", "每降低1个百分点扣1分", "5分"), "80").score == d("0"));
}

TEST_CASE("a step in a unit that converts to the target's applies, converted", "[scoring][scorer]") {
    // 1.2万 against 人次 was read as 万元: the step in 人次 did not apply and the default formula gave 18.33.
    const auto visits = quantitative("1.2万", "≥", "人次", "每少1000人次扣1分", "20分");
    const auto s = score_of(visits, "1.1万");
    CHECK(s.score == d("19"));
    CHECK(has_step(s, "差额换算为人次：0.1万人次 = 1000人次"));
    // 公斤 against 吨, and a 度量单位 written 人/次 (both found by a review: the step did not apply).
    CHECK(score_of(quantitative("10", "≥", "吨", "每减少500公斤扣1分", "20分"), "8").score == d("16"));
    CHECK(score_of(quantitative("12000", "≥", "人/次", "每少1000人次扣1分", "20分"), "11000").score == d("19"));
    // A fixed ratio: 每少100米 against a target in 公里.
    CHECK(score_of(quantitative("5", "≥", "公里", "每少100米扣1分", "20分"), "4.5").score == d("15"));
    // A cut-off likewise: 6000人次 short of 1.2万人次 is past 减少5000人次以上 (it was “not comparable”, 14 points).
    const auto cut = quantitative("1.2万", "≥", "人次", "每少1000人次扣1分，减少5000人次以上不得分", "20分");
    CHECK(score_of(cut, "0.6万").score == d("0"));
    CHECK(score_of(cut, "0.8万").score == d("16"));
    // A money column other than 元/万元/亿元 keeps a bare 万 money (a review found 9.6 here: the step in 元 dropped).
    CHECK(
        score_of(quantitative("0.5万", "≤", "元/人", "每超过100元扣1分", "10分", "成本指标", "经济成本指标"), "0.52万")
            .score == d("8"));
    // A plain-number actual is in 度量单位's unit, not the 万 of the target's cell (a review found 11000 read as
    // 11000万人次: full marks; 11000 against 1.2万 元 read as 11000万元: 0).
    const auto plain = score_of(quantitative("1.2万", "≥", "人次", "每少1000人次扣1分", "20分"), "11000");
    CHECK(plain.score == d("19"));
    CHECK(has_step(plain, "实际完成值换算为指标单位：11000人次 = 1.1万人次"));
    CHECK(score_of(quantitative("1.2万", "≤", "元", "每超过1000元扣1分", "20分", "成本指标", "经济成本指标"), "11000")
              .score == d("20"));
    CHECK(score_of(quantitative("0.5万", "≤", "元/人", "每超过100元扣1分", "20分", "成本指标", "经济成本指标"), "4800")
              .score == d("20"));
    CHECK(score_of(quantitative("12000", "≥", "人次", "每少1000人次扣1分", "20分"), "11000").score ==
          d("19"));  // as before
    // 1.2亿 against 万人次 is 1.2亿人次: 11000万人次 falls short (it was “1.2亿万人次”, full marks).
    CHECK(score_of(quantitative("1.2亿", "≥", "万人次", "未完成不得分", "20分"), "11000万人次").score == d("0"));
    // 万 in the text: 0.99万 is below 1万人次 (含).
    CHECK(score_of(quantitative("1.2万", "≥", "人次", "每少1000人次扣1分，低于1万人次（含）不得分", "20分"), "0.99万")
              .score == d("0"));
}

TEST_CASE("a threshold or cut-off naming the target is a gap from it, or a share of it", "[scoring][scorer]") {
    // A review found 低于目标值10%的，每低1%扣1分 read as "below 10 of 100" (full marks at 85), and 低于目标值的80%
    // 不得分 as "more than 80% under the target" (7 at 70 of 100).
    const auto gap = score_of(quantitative("100", "≥", "人", "低于目标值10%的，每低1%扣1分"), "85");
    CHECK(gap.score == d("5"));  // from 90: 5% → 5 steps
    CHECK(has_step(gap, "起算值按目标值计：100 × (1 − 10%) = 90人"));
    const auto points = score_of(quantitative("95", "≥", "%", "低于目标值10个百分点的，每低1个百分点扣1分"), "80");
    CHECK(points.score == d("5"));  // from 85: 5 points
    CHECK(has_step(points, "起算值按目标值计：95 − 10 = 85%"));
    const auto budget = score_of(
        quantitative("60", "≤", "万元", "超过预算10%的，每超1%扣0.5分", "20分", "成本指标", "经济成本指标"), "69");
    CHECK(budget.score == d("17.5"));
    for (const char* text : {"低于目标值的80%不得分", "实际完成值低于目标值80%的，不得分"}) {
        INFO(text);
        CHECK(score_of(quantitative("100", "≥", "人", text), "70").score == d("0"));
        CHECK(score_of(quantitative("100", "≥", "人", text), "85").score == d("8.5"));  // the default formula
    }
    // On a % indicator, 目标值的80% is 80% of the target (76 of 95), not an actual of 80.
    CHECK(score_of(quantitative("95", "≥", "%", "低于目标值的80%不得分"), "78").score == d("8.21"));
    CHECK(score_of(quantitative("95", "≥", "%", "低于目标值的80%不得分"), "75").score == d("0"));
}

TEST_CASE("a cut-off alone scores 0 past it and leaves a smaller miss to the default formula", "[scoring][scorer]") {
    // A review found 92% of a 95% target scored 0 under 满意度低于80%不得分, read as all-or-nothing.
    const auto text = quantitative("95", "≥", "%", "满意度低于80%不得分", "10分");
    const auto between = score_of(text, "92");
    CHECK(between.score == d("9.68"));  // 10 × 92 ÷ 95
    CHECK(has_step(between, "未低于80%（92%），“满意度低于80%不得分”不适用"));
    CHECK(has_step(between, "扣分标准只写明不得分的界限，未到界限的未给出公式：采用规则集默认公式"));
    CHECK(score_of(text, "79").score == d("0"));
    CHECK(score_of(text, "95").score == d("10"));
    // On a count, the % is the completion rate: 150 of 200 is 75%, past it; 170 is 85%, scored 8.5.
    const auto count = quantitative("200", "≥", "人", "低于80%不得分", "10分");
    CHECK(score_of(count, "150").score == d("0"));
    CHECK(score_of(count, "170").score == d("8.5"));
    // 未完成不得分 names no bound: any miss scores 0.
    CHECK(score_of(quantitative("95", "≥", "%", "未完成不得分", "10分"), "94").score == d("0"));
}

TEST_CASE("a cut-off beside full marks only leaves a smaller miss to the default formula", "[scoring][scorer]") {
    // A review found 90% of a 95% target scored 0 under 达到目标得满分，低于80%（含）不得分: the text gives 0 only
    // from 80% down.
    const auto text = quantitative("95", "≥", "%", "达到目标得满分，低于80%（含）不得分", "20分");
    const auto between = score_of(text, "90");
    CHECK(between.score == d("18.95"));  // 20 × 90 ÷ 95
    CHECK(has_step(between, "扣分标准只写明达到目标得满分和不得分的界限，其间未给出公式：采用规则集默认公式"));
    CHECK(score_of(text, "80").score == d("0"));
    CHECK(score_of(text, "95").score == d("20"));
    // With the bound at the target it is all-or-nothing in effect.
    CHECK(score_of(quantitative("95", "≥", "%", "达到目标得满分，低于95%不得分", "20分"), "94").score == d("0"));
}

TEST_CASE("the floor at 0 quotes 扣完为止 only when the text says it", "[scoring][scorer]") {
    // A review found “扣完为止：最低0分” in the working of a text without those words.
    const auto bare = score_of(quantitative("100", "≥", "人", "每少1人扣5分", "10分"), "90");
    CHECK(bare.score == d("0"));
    CHECK(has_step(bare, "得分最低为0分"));
    CHECK_FALSE(has_step(bare, "扣完为止：最低0分"));
    CHECK(has_step(score_of(quantitative("100", "≥", "人", "每少1人扣5分，扣完为止", "10分"), "90"),
                   "扣完为止：最低0分"));
}

TEST_CASE("a full-marks line more lenient than the target is where the steps count from", "[scoring][scorer]") {
    // A review found 92% scored 7 against a 95% target under 满意度达到90%以上得满分: the text gives full marks there.
    const auto lenient = quantitative("95", "≥", "%", "满意度达到90%（含）以上得满分，每降低1个百分点扣1分", "10分",
                                      "满意度指标", "服务对象满意度指标");
    const auto at92 = score_of(lenient, "92");
    CHECK(at92.score == d("10"));
    CHECK(has_step(at92, "扣分标准的满分线90%低于目标值95%：按扣分标准，从满分线起算"));
    CHECK(score_of(lenient, "88").score == d("8"));
    // The same line as the target changes nothing; a stricter one leaves a met target its full marks.
    const auto same = score_of(quantitative("95", "≥", "%", "达到95%以上得满分，每降低1个百分点扣1分", "10分"), "92");
    CHECK(same.score == d("7"));
    CHECK_FALSE(has_step(same, "扣分标准的满分线95%低于目标值95%：按扣分标准，从满分线起算"));
    CHECK(score_of(quantitative("90", "≥", "%", "达到95%以上得满分，每降低1个百分点扣1分", "10分"), "92").score ==
          d("10"));
    // Lower is better: 控制在105万元以内得满分 on a ≤100万元 target.
    const auto cost = quantitative("100", "≤", "万元", "支出控制在105万元以内得满分，每超过1万元扣1分", "10分",
                                   "成本指标", "经济成本指标");
    CHECK(score_of(cost, "103").score == d("10"));
    CHECK(score_of(cost, "107").score == d("8"));
}

TEST_CASE("a cut-off beside a step scores 0 past it and leaves the steps short of it", "[scoring][scorer]") {
    // A review found these scored 9 and 10: the cut-off was read as the step's all-or-nothing and dropped.
    const auto rate =
        quantitative("95", "≥", "%", "达到指标值得满分；每低于目标值1个百分点扣1分，扣完为止；低于80%不得分", "25分",
                     "产出指标", "质量指标");
    const auto below = score_of(rate, "79");
    CHECK(below.score == d("0"));
    CHECK(has_step(below, "“低于80%不得分”：79% < 80%，本项0分"));
    const auto above = score_of(rate, "85");
    CHECK(above.score == d("15"));  // 10 steps of 1
    CHECK(has_step(above, "未低于80%（85%），“低于80%不得分”不适用"));
    // Over, in % of a money target: 25% over 80万元 is past 20%; 10% over is two steps of 2.
    const auto cost =
        quantitative("80", "≤", "万元", "每超过预算5%扣2分，超过20%不得分", "20分", "成本指标", "经济成本指标");
    const auto far = score_of(cost, "100");
    CHECK(far.score == d("0"));
    CHECK(has_step(far, "超出目标值的百分比：(100 − 80) ÷ 80 × 100 = 25%"));
    CHECK(score_of(cost, "88").score == d("16"));
    // Number first, and a completion rate on a count: 45 of 100 people is below 50%.
    const auto count = quantitative("100", "≥", "人", "每少10人扣1分，50%以下不得分");
    CHECK(score_of(count, "45").score == d("0"));
    CHECK(score_of(count, "60").score == d("6"));
    // 完成率 on a % indicator is the rate, not the actual (a review found 78% of 95% cut off at 完成率低于80%).
    const auto of_rate = quantitative("95", "≥", "%", "每降低1个百分点扣0.5分，完成率低于80%（含）不得分", "20分");
    CHECK(score_of(of_rate, "78").score == d("11.5"));  // 78 ÷ 95 = 82.1%: 17 steps of 0.5
    CHECK(score_of(of_rate, "75").score == d("0"));     // 78.9%
    // Short of the cut-off, the completion rate it compared is worked out too (a review found it quoted bare).
    CHECK(has_step(score_of(count, "60"), "完成率：60 ÷ 100 × 100 = 60%"));
    // A bound on the target's side is the gap: 超支20万元 against ≤80万元 cuts off 100, not every actual over 20.
    const auto gap =
        quantitative("80", "≤", "万元", "每超过1万元扣1分，超支20万元以上不得分", "20分", "成本指标", "经济成本指标");
    CHECK(score_of(gap, "100.5").score == d("0"));
    CHECK(score_of(gap, "85").score == d("15"));
    CHECK(has_step(score_of(gap, "85"), "未超过20万元（5万元），“超支20万元以上不得分”不适用"));
    // A gap verb measures the gap, and 以上/以下 include the value (found by a code review: these scored 5, 7.5,
    // 12.5 and 16).
    const auto fewer = quantitative("100", "≥", "人", "每减少1人扣1分，减少10人以上不得分", "20分");
    CHECK(score_of(fewer, "85").score == d("0"));
    CHECK(has_step(score_of(fewer, "85"), "“减少10人以上不得分”：15人 ≥ 10人，本项0分"));
    CHECK(score_of(fewer, "91").score == d("11"));
    CHECK(score_of(fewer, "90").score == d("0"));  // 10 short: 10人以上 includes 10
    const auto points = quantitative(
        "95", "≥", "%", "实际完成值每低于目标值1个百分点扣0.5分，低于目标值20个百分点及以上不得分", "20分");
    CHECK(score_of(points, "70").score == d("0"));
    CHECK(score_of(points, "80").score == d("12.5"));
    const auto floor80 = quantitative("95", "≥", "%", "每降低1个百分点扣0.5分，80%(含)以下不得分", "20分");
    CHECK(score_of(floor80, "80").score == d("0"));
    // (含) and (不含) decide the bound itself (both were dropped: 80% scored 12.5 and 0 the other way round).
    const auto strict80 = quantitative("95", "≥", "%", "每降低1个百分点扣0.5分，80%以下（不含）不得分", "20分");
    CHECK(score_of(strict80, "80").score == d("12.5"));
    CHECK(score_of(strict80, "79.9").score == d("0"));
    const auto incl80 = quantitative("95", "≥", "%", "每降低1个百分点扣0.5分，低于80%（含）不得分", "20分");
    CHECK(score_of(incl80, "80").score == d("0"));
    CHECK(has_step(score_of(incl80, "80"), "“低于80%(含)不得分”：80% ≤ 80%，本项0分"));
    CHECK(score_of(floor80, "81").score == d("13"));
    const auto share =
        quantitative("100", "≤", "万元", "每超过5万元扣1分，超支20%(含)以上不得分", "20分", "成本指标", "经济成本指标");
    CHECK(score_of(share, "120").score == d("0"));
    CHECK(score_of(share, "119").score == d("17"));
    // Beside a discretionary or proportional form too (a code review found the first scored 0 at 94% of ≥95%,
    // the second ignored its cut-off: 10.53 at half the target).
    const auto vague = quantitative("95", "≥", "%", "视情况扣分，低于80%不得分", "20分", "产出指标", "质量指标");
    CHECK(score_of(vague, "94").score == score_of(quantitative("95", "≥", "%", "视情况扣分", "20分"), "94").score);
    CHECK(score_of(vague, "79").score == d("0"));
    const auto ratio = quantitative("200", "≥", "公里", "未完成的按实际完成率乘以标准分，完成率低于60%不得分", "20分");
    CHECK(score_of(ratio, "100").score == d("0"));
    CHECK(score_of(ratio, "150").score == d("15"));
    // A cut-off of the other direction does not apply, as its step would not.
    CHECK(score_of(quantitative("10", "≤", "个", "每超过1个扣1分，低于5个不得分"), "12").score == d("8"));
}

TEST_CASE("a % step on a non-% indicator counts percent of the target", "[scoring][scorer]") {
    // 190 of 200 is 5% short → 5 steps × 1
    const auto s = score_of(quantitative("200", "≥", "人", "每低于1%扣1分"), "190");
    CHECK(s.score == d("5"));
    CHECK(has_step(s, "非百分比指标，差额按目标值的百分比计：10 ÷ 200 × 100 = 5%"));
}

TEST_CASE("a % step on an indicator without a unit counts percent of the target too", "[scoring][scorer]") {
    // A review found 180 of 200 with no unit scored 0 (20 read as percentage points), and 0.85 of 0.9 full marks
    // (0.05 of a point): the unit cell left blank is not a % indicator.
    const auto count = score_of(quantitative("200", "≥", "", "每低于1%扣1分", "20分"), "180");
    CHECK(count.score == d("10"));  // 10% short → 10 steps
    CHECK(has_step(count, "非百分比指标，差额按目标值的百分比计：20 ÷ 200 × 100 = 10%"));
    const auto fraction = score_of(quantitative("0.9", "≥", "", "每低于1个百分点扣1分"), "0.85");
    CHECK(fraction.score == d("5"));  // 5.56% short → 5 full steps
}

TEST_CASE("a threshold in % on a non-% indicator is a share of the target", "[scoring][scorer]") {
    // A review found the threshold ignored, the target called 起算值: 69 against ≤60万元 under 超过10%的，每超1%扣0.5分
    // scored 12.5 (15 steps), and 160 against ≥200人 under 完成率低于90%的，每低1个百分点扣0.5分 scored 0 (20 steps).
    const auto over =
        score_of(quantitative("60", "≤", "万元", "超过10%的，每超1%扣0.5分", "20分", "成本指标", "经济成本指标"), "69");
    CHECK(over.score == d("17.5"));  // 15% over, 5 points past 10%
    CHECK(has_step(over, "起算值按目标值计：60 × (1 + 10%) = 66万元"));
    CHECK(has_step(over, "超出起算值：69 − 66 = 3万元"));
    const auto under = score_of(quantitative("200", "≥", "人", "完成率低于90%的，每低1个百分点扣0.5分"), "160");
    CHECK(under.score == d("5"));  // completion 80%, 10 points under 90%
    CHECK(has_step(under, "起算值按目标值计：200 × 90% = 180人"));
    CHECK(has_step(under, "低于起算值：180 − 160 = 20人"));
    // Not yet past the threshold: nothing deducted.
    CHECK(score_of(quantitative("200", "≥", "人", "完成率低于90%的，每低1个百分点扣0.5分"), "185").score == d("10"));
    // A threshold in a unit that does not convert counts from the target, and says so.
    const auto other = score_of(quantitative("200", "≥", "人", "低于100万元每1人扣1分"), "195");
    CHECK(has_step(other, "“每1人扣1分”的起算值单位（万元）与指标单位（人）不同：不按起算值计"));
    CHECK(other.score == d("5"));
}

TEST_CASE("万元 and 元 convert, both ways", "[scoring][scorer]") {
    const auto s = score_of(quantitative("158.62", "≤", "万元", "每超过10万元，扣1分，扣完为止", "20分", "成本指标", "经济成本指标"),
                            "1,700,000元");
    CHECK(s.score == d("19"));
    CHECK(has_step(s, "实际完成值换算为指标单位：1,700,000元 = 170万元"));
    // a step in 元 on a 万元 indicator: 0.6万元 over = 6000元 → 3 steps of 2000元
    CHECK(score_of(quantitative("10", "≤", "万元", "每超过2000元扣1分", "10分", "成本指标", "经济成本指标"), "10.6")
              .score == d("7"));
}

TEST_CASE("the table's text comes first; defaults where it is discretionary, missing or unsupported", "[scoring][scorer]") {
    const auto disc = score_of(quantitative("136", "≥", "人", "达到指标值得满分，未达到指标值视情况扣分，扣完为止。"), "130");
    CHECK(disc.score == d("9.56"));
    CHECK(disc.formula == "full_if_met; discretionary; floor(0) => default(>=: w*a/t)");
    CHECK(has_step(disc, "默认公式（正向指标）：分值 × 实际 ÷ 目标 = 10 × 130 ÷ 136 = 9.558824"));
    CHECK(has_step(disc, "保留2位小数：9.558824 → 9.56"));

    const auto missing = score_of(quantitative("130", "≥", "人", ""), "117");
    CHECK(missing.score == d("9"));
    CHECK(has_step(missing, "未填写扣分标准：采用规则集默认公式"));

    const auto tiered = score_of(quantitative("100", "≥", "%", "按完成情况分三档计分"), "85");
    CHECK(tiered.score == d("8.5"));
    CHECK(tiered.formula == "unsupported(tiered) => default(>=: w*a/t)");

    // a step counting the other way than the miss does not apply
    const auto wrong_way = score_of(quantitative("100", "≥", "个", "每超过5个扣1分"), "90");
    CHECK(wrong_way.score == d("9"));
    CHECK(has_step(wrong_way, "“每超过5个扣1分”的方向与指标（≥）未达标的方向不符，不适用"));
}

TEST_CASE("the reverse ratio variant", "[scoring][scorer]") {
    RuleSet rs = config::default_rule_set();
    rs.scoring.reverse = ReverseVariant::ratio;
    const auto s = score_of(quantitative("10", "≤", "万元", "", "10分", "成本指标", "经济成本指标"), "12", rs);
    CHECK(s.score == d("8.33"));  // 10 × 10 ÷ 12 = 8.333333
    CHECK(s.formula == "default(<=: w*t/a)");
}

// ---- actuals that are not plain numbers ------------------------------------------------------------

TEST_CASE("missing, non-numeric and negative actuals", "[scoring][scorer]") {
    const auto row = quantitative("100", "≥", "个", "");
    const auto missing = score_of(row, "");
    CHECK(missing.score == d("0"));
    CHECK(has_step(missing, "未填写实际完成值：本项按0分计（请补填实际完成值）"));

    const auto text = score_of(row, "基本完成");
    CHECK(text.score == d("0"));
    CHECK(has_step(text, "实际完成值“基本完成”不是数字，无法与指标值比较：本项按0分计"));

    // a qualitative label on a quantitative row is scored by its band
    const auto label = score_of(row, "部分达成年度指标并具有一定效果", "7.5");
    CHECK(label.score == d("7.5"));

    const auto negative = score_of(quantitative("10", "≤", "万元", "", "10分", "成本指标", "经济成本指标"), "-3");
    CHECK(negative.score == d("10"));  // counts as 0, which meets ≤10
    CHECK(has_step(negative, "实际完成值为负数，按0计"));
}

// read_actual takes normalisation's reading of the cell only while the cell still says what was read.
TEST_CASE("an actual read by normalisation and then changed is scored as the cell now says", "[scoring][scorer]") {
    const auto row = quantitative("100", "≥", "个", "");
    Project p = one(row, "95");
    model::normalize_project(p, config::default_rule_set());
    REQUIRE(p.indicators[0].actual_value.number == d("95"));
    CHECK(scoring::score_indicator(p, p.indicators[0], config::default_rule_set()).score == d("9.5"));
    p.indicators[0].actual = test::cell("80", 5, 16);  // e.g. joined from a separate actuals file
    CHECK(scoring::score_indicator(p, p.indicators[0], config::default_rule_set()).score == d("8"));
    p.indicators[0].actual = test::cell("基本完成", 5, 16);
    CHECK(scoring::score_indicator(p, p.indicators[0], config::default_rule_set()).score == d("0"));
}

// ---- qualitative -----------------------------------------------------------------------------------

TEST_CASE("plain answers to a 定性 indicator are its bands' aliases; against a number they are not numbers",
          "[scoring][scorer]") {
    // A review found 已完成 / 按时完成 / 是 for a 时效 indicator scored 0 (优 became 良).
    for (const char* done : {"已完成", "按时完成", "是", " 完成 "}) {
        INFO(done);
        CHECK(score_of(qualitative("按时发放"), done).score == d("20"));
    }
    CHECK(score_of(qualitative("按时发放"), "基本完成").score == d("14"));     // default 0.7 of 部分达成
    CHECK(score_of(qualitative("按时发放"), "未完成").score == d("6"));        // default 0.3 of 未达成
    CHECK(score_of(qualitative("按时发放"), "已完成大部分").score == d("0"));  // aliases match whole
    CHECK(score_of(quantitative("100", "≥", "个", ""), "已完成").score == d("0"));
}

TEST_CASE("qualitative: labels, bands and the reviewer's score", "[scoring][scorer]") {
    CHECK(score_of(qualitative("有效保障"), "达成年度指标").score == d("20"));
    CHECK(score_of(qualitative("有效保障"), "有效保障").score == d("20"));  // equal to the target text
    CHECK(score_of(qualitative("有效保障"), "达成年度指标", "17").score == d("17"));
    CHECK(score_of(qualitative("有效保障"), "部分达成年度指标并具有一定效果").score == d("14"));
    CHECK(score_of(qualitative("有效保障"), "部分达成", "13").score == d("13"));
    CHECK(score_of(qualitative("有效保障"), "未达成年度指标且效果较差").score == d("6"));
    CHECK(score_of(qualitative("有效保障"), "未达成年度指标且效果较差", "11.5").score == d("11.5"));

    // outside its band: taken at the band's edge
    const auto high = score_of(qualitative("有效保障"), "部分达成年度指标并具有一定效果", "19");
    CHECK(high.score == d("16"));
    CHECK(has_step(high, "自评得分19超出“部分达成年度指标并具有一定效果”等级区间[12, 16]：按区间边界计16分"));
    CHECK(score_of(qualitative("有效保障"), "达成年度指标", "12").score == d("16"));

    // not a label, not the target, no score: cannot be scored
    const auto unknown = score_of(qualitative("有效保障"), "基本保障");
    CHECK(unknown.score == d("0"));
    CHECK(unknown.formula == "discretionary; floor(0) => qualitative(bands)");
    // not a label but with a score: the score, clamped to the weight
    CHECK(score_of(qualitative("有效保障"), "基本保障", "18").score == d("18"));
    CHECK(score_of(qualitative("有效保障"), "基本保障", "25").score == d("20"));
}

// ---- weights, placeholders, rounding, totals, grades -------------------------------------------------

TEST_CASE("an indicator without a weight is scored with weight 0 and says so", "[scoring][scorer]") {
    const auto s = score_of(quantitative("90", "≥", "百分比", "达到指标值得满分，少于1%扣0.5分，扣完为止。", ""), "94.4%");
    CHECK(s.weight == d("0"));
    CHECK(s.score == d("0"));
    CHECK(has_step(s, "未填写分值：按分值0计分，本项不计入得分"));
}

TEST_CASE("placeholder rows are not scored", "[scoring][scorer]") {
    Project p = test::project("301001", "部分军退人员岗位补贴资金", "842.07", "保障我区内六类军退人员被妥善安置。",
                              test::seed_rows());
    const auto ps = scoring::score_project(p, config::default_rule_set());
    REQUIRE(ps.indicators.size() == 6);
    CHECK(ps.indicators[0].indicator == "成本指标/经济成本指标/项目总成本");
    CHECK(ps.indicators[5].indicator == "满意度指标/服务对象满意度指标/享受补贴对象满意度");
    CHECK(ps.indicators[1].loc.row == 8);
}

TEST_CASE("no binary-float noise: 0.1 + 0.2 totals 0.3", "[scoring][scorer]") {
    Project p = test::project("301001", "测试项目", "1", "保障区内退休人员待遇按时足额发放。",
                              {quantitative("1", "≥", "个", "", "0.1分"), quantitative("1", "≥", "个", "", "0.2分")});
    p.indicators[0].actual = test::cell("1");
    p.indicators[1].actual = test::cell("1");
    const auto ps = scoring::score_project(p, config::default_rule_set());
    CHECK(ps.indicators[0].score.str() == "0.1");
    CHECK(ps.indicators[1].score.str() == "0.2");
    CHECK(ps.total.str() == "0.3");
    CHECK(ps.total == d("0.3"));
    // and the shown arithmetic has none either
    const auto s = score_of(quantitative("3", "≥", "个", "", "10分"), "1");
    CHECK(s.score.str() == "3.33");
    CHECK(has_step(s, "默认公式（正向指标）：分值 × 实际 ÷ 目标 = 10 × 1 ÷ 3 = 3.333333"));
}

TEST_CASE("the total is the sum of the rounded parts", "[scoring][scorer]") {
    // 10 × 2 ÷ 3 = 6.666667 → 6.67, twice: 13.34 (not 13.33 from rounding the unrounded sum)
    Project p = test::project("301001", "测试项目", "10", "保障区内退休人员待遇按时足额发放。",
                              {quantitative("3", "≥", "个", ""), quantitative("3", "≥", "个", "")});
    p.indicators[0].actual = test::cell("2");
    p.indicators[1].actual = test::cell("2");
    p.budget = test::cell("9");
    p.spent = test::cell("6");  // 6 ÷ 9 = 0.666667 × 10 = 6.66667 → 6.67
    const auto ps = scoring::score_project(p, config::default_rule_set());
    CHECK(ps.indicators[0].score == d("6.67"));
    CHECK(ps.budget_execution.score == d("6.67"));
    CHECK(ps.total == d("20.01"));
}

TEST_CASE("budget execution: over-spending is capped, missing cells score 0, 元 tables convert", "[scoring][scorer]") {
    Project p = test::project("301001", "测试项目", "842.07", "保障区内退休人员待遇按时足额发放。", {quantitative("1", "≥", "个", "")});
    p.budget = test::cell("842.07");
    p.spent = test::cell("855.00");
    auto b = scoring::score_budget_execution(p, config::default_rule_set());
    REQUIRE(b.rate);
    CHECK(*b.rate == d("1.015355"));
    CHECK(b.score == d("10"));

    p.spent = test::cell("");
    b = scoring::score_budget_execution(p, config::default_rule_set());
    CHECK_FALSE(b.rate);
    CHECK(b.score == d("0"));

    p.money_unit = MoneyUnit::yuan;
    p.budget = test::cell("1,200,000");
    p.spent = test::cell("96万元");
    b = scoring::score_budget_execution(p, config::default_rule_set());
    REQUIRE(b.budget);
    CHECK(*b.budget == d("120"));
    CHECK(*b.spent == d("96"));
    CHECK(b.score == d("8"));
}

TEST_CASE("grades follow the rule set's bands", "[scoring][scorer]") {
    const auto& policy = config::default_rule_set().scoring;
    CHECK(scoring::grade_for(d("100"), policy) == "优");
    CHECK(scoring::grade_for(d("90"), policy) == "优");
    CHECK(scoring::grade_for(d("89.99"), policy) == "良");
    CHECK(scoring::grade_for(d("80"), policy) == "良");
    CHECK(scoring::grade_for(d("79.99"), policy) == "中");
    CHECK(scoring::grade_for(d("60"), policy) == "中");
    CHECK(scoring::grade_for(d("59.99"), policy) == "差");
    CHECK(scoring::grade_for(d("0"), policy) == "差");
    ScoringPolicy province = policy;  // one province uses 80/70/60
    province.grades = {{"优", d("80")}, {"良", d("70")}, {"中", d("60")}, {"差", d("0")}};
    CHECK(scoring::grade_for(d("85"), province) == "优");
    CHECK(scoring::grade_for(d("75"), province) == "良");
}

// ---- a score written over another ------------------------------------------------------------------

namespace {

// `rows` as one project of `file` with these actuals (and reviewer's scores, "" for none), one per row,
// and its budget and spent ("" for none).
Project with_actuals(const std::string& file, const std::string& code, const std::string& name, int first_row,
                     const std::vector<test::Row>& rows,
                     const std::vector<std::pair<std::string, std::string>>& actuals, const std::string& budget,
                     const std::string& spent) {
    Project p = test::project(code, name, "900", "保障区内退休人员待遇按时足额发放。", rows, first_row);
    p.file = file;
    REQUIRE(actuals.size() == p.indicators.size());
    for (std::size_t i = 0; i < actuals.size(); ++i) {
        const int row = p.indicators[i].row;
        p.indicators[i].actual = test::cell(actuals[i].first, row, 16);
        p.indicators[i].score = test::cell(actuals[i].second, row, 17);
    }
    p.budget = test::cell(budget, first_row, 14);
    p.spent = test::cell(spent, first_row, 15);
    return p;
}

// Projects of different shapes: of different files, codes, rows and budgets (one without any);
// indicators and steps of different counts, both kinds of target, a placeholder row, a reviewer's score,
// cut-offs, an unreadable weight, an indicator placed in an actuals file, none at all.
std::vector<Project> shapes() {
    std::vector<Project> out;
    out.push_back(with_actuals(
        "dept/a.csv", "301001", "多指标项目", 5,
        {quantitative("842.07", "≤", "万元", "每超过5万元，扣1分，扣完为止", "20分", "成本指标", "经济成本指标"),
         quantitative("95", "≥", "%", "达到指标值得满分；每低于目标值1个百分点扣1分，扣完为止；低于80%不得分", "25分"),
         {"产出指标", "数量指标", "无", "无", "无", "无", "无", "无", ""},
         quantitative("100", "≥", "人", "每少10人扣1分，50%以下不得分", "10分"),
         qualitative("有效保障"),
         quantitative("10", "≤", "个", "", "约10分")},
        {{"900", ""}, {"85", ""}, {"", ""}, {"45", ""}, {"部分达成年度指标并具有一定效果", "19"}, {"12", ""}}, "900",
        "855"));
    // A long actual and a long deduction text: strings longer than any of the project above.
    out.push_back(with_actuals(
        "dept/另一个部门的很长的文件名称-2024年度绩效自评表.csv", "302017", "长文本项目", 40,
        {quantitative(
            "90", "≥", "%",
            "达到指标值得满分，少于1%扣0.5分，扣完为止。未按时完成的，每延迟一个月扣1分；资金使用不规范的视情况扣分",
            "30分", "效益指标", "社会效益指标")},
        {{"86.5%（年末部分补贴未及时拨付到位，已于次年一季度补发完毕，涉及人员十二人）", ""}}, "", ""));
    Project elsewhere = with_actuals("b.csv", "9", "实际值在另一文件", 7, {qualitative("按时发放")},
                                     {{"达成年度指标", "18"}}, "120.5", "60");
    elsewhere.indicators[0].name.loc.file = "actuals.xlsx";
    elsewhere.indicators[0].name.loc.sheet = "自评表";
    elsewhere.indicators[0].name.loc.sheet_row = 9;
    out.push_back(elsewhere);
    out.push_back(with_actuals("c.csv", "", "无指标项目", 12,
                               {{"产出指标", "数量指标", "无", "无", "无", "无", "无", "无", ""}}, {{"", ""}}, "10",
                               "10"));
    return out;
}

}  // namespace

// The pipeline scores each project into the score of one already written (score_project_into), which
// keeps its strings' room: nothing of the project before may show through, whatever their shapes and
// whichever languages either was scored in.
TEST_CASE("a score written over another project's is the one scored afresh", "[scoring][scorer]") {
    const RuleSet rules = config::default_rule_set();
    const std::vector<Project> projects = shapes();
    using Langs = scoring::StepLanguages;
    const std::vector<Langs> languages = {Langs::zh, Langs::en, Langs::both};
    // The shapes differ where a stale field would show: in indicators, in steps, in place.
    const ProjectScore many = scoring::score_project(projects[0], rules);
    const ProjectScore longest = scoring::score_project(projects[1], rules);
    REQUIRE(many.indicators.size() == 5);
    REQUIRE(longest.indicators.size() == 1);
    REQUIRE(scoring::score_project(projects[3], rules).indicators.empty());
    CHECK_FALSE(longest.budget_execution.rate);  // no budget: nothing of another's may show
    CHECK(many.budget_execution.rate);
    CHECK(many.indicators[0].steps.size() != many.indicators[4].steps.size());
    CHECK(many.indicators[0].formula != many.indicators[4].formula);
    CHECK(scoring::score_project(projects[2], rules).indicators[0].loc.sheet == "自评表");
    for (const Langs first : languages) {
        for (const Langs then : languages) {
            for (std::size_t a = 0; a < projects.size(); ++a) {
                for (std::size_t b = 0; b < projects.size(); ++b) {
                    INFO("project " << a << " then " << b << ", languages " << static_cast<int>(first) << " then "
                                    << static_cast<int>(then));
                    ProjectScore reused;
                    scoring::score_project_into(projects[a], rules, first, reused);
                    scoring::score_project_into(projects[b], rules, then, reused);
                    CHECK(reused == scoring::score_project(projects[b], rules, then));
                }
            }
        }
    }
    // A whole run in one score: every project in turn, each as if scored alone.
    ProjectScore running;
    for (int round = 0; round < 2; ++round) {
        for (const Project& p : projects) {
            scoring::score_project_into(p, rules, Langs::zh, running);
            CHECK(running == scoring::score_project(p, rules, Langs::zh));
        }
    }
}

// ---- deadlines (时效指标) --------------------------------------------------------------------------

namespace {
test::Row deadline(const std::string& target, const std::string& type, const std::string& deduction) {
    return quantitative(target, type, "", deduction, "10分", "产出指标", "时效指标");
}
}  // namespace

TEST_CASE("a deadline met on or before its date scores full marks", "[scoring][scorer][dates]") {
    const auto s = score_of(deadline("2024年11月底前", "≤", "每延迟1个月扣2分"), "2024年11月20日");
    CHECK(s.score == Decimal::from_int(10));
    CHECK(has_step(s, "按期完成（2024年11月20日不晚于期限2024年11月）：得满分10分"));
    // The same day, and a 定性 or unstated comparator: a date is a deadline whatever the type column says.
    CHECK(score_of(deadline("2024-10-31", "定性", "每延迟1个月扣2分"), "2024/10/31").score == Decimal::from_int(10));
    CHECK(score_of(deadline("2024年10月", "", ""), "2024年10月").score == Decimal::from_int(10));
}

TEST_CASE("a late deadline loses the text's steps of how late it is", "[scoring][scorer][dates]") {
    // 45 days after 10月31日: 1 month and 15 of December's 31 days, 1.48 months; only full steps count.
    const auto s = score_of(deadline("2024-10-31", "≤", "每延迟1个月扣2分，扣完为止"), "2024-12-15");
    CHECK(s.score == Decimal::from_int(8));
    CHECK(has_step(s, "未按期完成（2024年12月15日晚于期限2024年10月31日）：逾期45天（1个月15天），按月计为1.48个月"));
    CHECK(has_step(s, "按“每延迟1个月扣2分”：1.48 ÷ 1 = 1.48 步，只计整步：1 步；扣分 1 × 2 = 2分"));
    // A partial month counted as a whole one when the text says so.
    CHECK(score_of(deadline("2024-10-31", "≤", "每延迟1个月扣2分，不满1个月按1个月计算"), "2024-12-15").score ==
          Decimal::from_int(6));
    // Months against months; the floor at 0.
    CHECK(score_of(deadline("2024年3月", "≤", "每延迟1个月扣2分"), "2024年5月").score == Decimal::from_int(6));
    CHECK(score_of(deadline("2024年3月", "≤", "每延迟1个月扣2分，扣完为止"), "2025年3月").score == Decimal{});
}

TEST_CASE("a deadline or an actual without its year takes the other's", "[scoring][scorer][dates]") {
    // The actual without a year: the deadline's (a month day of the year around it that is nearest).
    const auto on_time = score_of(deadline("2024年12月31日前", "≤", "每延迟1个月扣2分"), "11月20日");
    CHECK(on_time.score == Decimal::from_int(10));
    CHECK(has_step(on_time, "实际完成值未写年份，按期限的年份计为2024年11月20日"));
    const auto next_year = score_of(deadline("2024年12月31日前", "≤", "每延迟1天扣1分"), "1月3日");
    CHECK(next_year.score == Decimal::from_int(7));
    CHECK(has_step(next_year, "实际完成值未写年份，按期限的年份计为2025年1月3日"));
    // A month alone as the actual: that whole month.
    CHECK(score_of(deadline("2024年10月底前", "≤", "每延迟1个月扣2分"), "12月").score == Decimal::from_int(6));
    // The deadline without a year: the actual's.
    const auto late = score_of(deadline("12月底前", "≤", "每延迟1天扣0.1分"), "2025年1月20日");
    CHECK(late.score == Decimal::from_int(8));
    CHECK(has_step(late, "指标值未写年份，按实际完成日期的年份计为2024年12月"));
    CHECK(score_of(deadline("年底前完成", "≤", "每延迟1个月扣2分"), "2024年11月").score == Decimal::from_int(10));
    // Its own year, however far from the other (a review found these read as another year's).
    CHECK(score_of(deadline("年底前完成", "≤", "每延迟1个月扣2分"), "2024年3月").score == Decimal::from_int(10));
    CHECK(score_of(deadline("12月底前", "≤", "每延迟1个月扣2分"), "2024年5月10日").score == Decimal::from_int(10));
    CHECK(score_of(deadline("3月底前", "≤", "每延迟1个月扣2分，扣完为止"), "2024年10月").score == Decimal{});
    CHECK(score_of(deadline("2024年3月31日前", "≤", "每延迟1个月扣2分，扣完为止"), "10月8日").score == Decimal{});
    // A count of months is no month of the year.
    CHECK(score_of(deadline("2024年6月底前", "≤", "每延迟1个月扣2分"), "3个月").score == Decimal{});
    // Quarters: 4 months late is 1.33 quarters, one whole step.
    CHECK(score_of(deadline("2024年6月底前", "≤", "每延迟1个季度扣5分"), "2024年10月31日").score ==
          Decimal::from_int(5));
    // A day the calendar has not: 0, and said so.
    const auto impossible = score_of(deadline("2024年10月底前", "≤", "每延迟1个月扣2分"), "2024年9月31日");
    CHECK(impossible.score == Decimal{});
    CHECK(has_step(impossible, "实际完成值“2024年9月31日”不是日历上存在的日期，无法与期限比较：按0分计"));
    // Neither writes a year: the same year, shown without one.
    const auto both = score_of(deadline("10月31日前", "≤", "每延迟1天扣1分"), "11月2日");
    CHECK(both.score == Decimal::from_int(8));
    CHECK(has_step(both, "未按期完成（11月2日晚于期限10月31日）：逾期2天，按天计为2天"));
}

TEST_CASE("a deadline's steps count in the text's unit: days or weeks", "[scoring][scorer][dates]") {
    const auto days = score_of(deadline("2024年6月30日前", "≤", "每延迟1天扣0.5分"), "2024年7月4日");
    CHECK(days.score == Decimal::from_int(8));
    CHECK(has_step(days, "未按期完成（2024年7月4日晚于期限2024年6月30日）：逾期4天，按天计为4天"));
    CHECK(score_of(deadline("2024年6月30日前", "≤", "每延迟1周扣1分"), "2024年7月15日").score ==
          Decimal::from_int(8));  // 15 days: 2 full weeks
}

TEST_CASE("a late deadline under other texts: none, all or nothing, fixed, cut-off", "[scoring][scorer][dates]") {
    const auto none = score_of(deadline("2024-10-31", "≤", ""), "2024-11-05");
    CHECK(none.score == Decimal{});
    CHECK(none.formula == "default(deadline: late -> 0)");
    CHECK(has_step(none, "逾期完成，扣分标准未给出按逾期时长计分的办法：本项0分（可写明如“每延迟1个月扣2分”）"));
    CHECK(score_of(deadline("2024-10-31", "≤", "按时完成得满分，未按时完成不得分"), "2024-11-05").score == Decimal{});
    CHECK(score_of(deadline("2024-10-31", "≤", "未按期完成扣3分"), "2024-11-05").score == Decimal::from_int(7));
    // Past the cut-off: 0; short of it, the steps.
    const std::string cut = "每延迟1个月扣2分，延迟超过3个月不得分";
    CHECK(score_of(deadline("2024-06-30", "≤", cut), "2024-11-05").score == Decimal{});
    CHECK(score_of(deadline("2024-06-30", "≤", cut), "2024-08-05").score == Decimal::from_int(8));
}

TEST_CASE("a deadline with a label or a number as its actual is scored as before", "[scoring][scorer][dates]") {
    // A label: its band.
    CHECK(score_of(deadline("2024-10-31", "≤", "每延迟1个月扣2分"), "达成年度指标").score == Decimal::from_int(10));
    // Not a date against a date: no deadline scoring (qualitative: not a label, no 得分, 0).
    const auto s = score_of(deadline("2024-10-31", "≤", "每延迟1个月扣2分"), "按时");
    CHECK(s.score == Decimal{});
    // A date under ≥ is a deadline all the same (comparator-direction says the comparator is wrong).
    CHECK(score_of(deadline("2024年12月31日前", "≥", "每延迟1个月扣2分"), "2024-12-15").score == Decimal::from_int(10));
    CHECK(score_of(deadline("2024-10-31", "≥", "每延迟1个月扣2分"), "2024-12-01").score == Decimal::from_int(8));
}

TEST_CASE("a deadline's steps and cut-offs each count lateness in their own unit", "[scoring][scorer][dates]") {
    // 41 days after 6月30日: past 1 month and past 30 days, whatever unit the steps count in.
    CHECK(score_of(deadline("2024-06-30", "≤", "每延迟1天扣0.1分，超过1个月不得分"), "2024-08-10").score == Decimal{});
    CHECK(score_of(deadline("2024-06-30", "≤", "每延迟1周扣1分，延迟超过1个月不得分"), "2024-08-10").score ==
          Decimal{});
    const auto days = score_of(deadline("2024-06-30", "≤", "每延迟1个月扣2分，延迟超过30天不得分"), "2024-08-05");
    CHECK(days.score == Decimal{});
    CHECK(has_step(days, "“延迟超过30天不得分”：逾期36天 > 30天，本项0分"));
    // Short of the cut-off: the steps.
    CHECK(score_of(deadline("2024-06-30", "≤", "每延迟1个月扣2分，延迟超过30天不得分"), "2024-07-20").score ==
          Decimal::from_int(10));
    // Working days, Monday to Friday: 6月28日 (a Friday) to 7月8日 (a Monday) is 6 of them.
    const auto working = score_of(deadline("2024-06-28", "≤", "每延迟1个工作日扣0.5分"), "2024-07-08");
    CHECK(working.score == Decimal::from_int(7));
}

TEST_CASE("a month as a number under 时效指标, and a strict deadline", "[scoring][scorer][dates]") {
    // 2024.12 against 2025.10: ten months late.
    const auto late = score_of(deadline("2024.12", "≤", "每延迟1个月扣2分，扣完为止"), "2025.10");
    CHECK(late.score == Decimal{});
    CHECK(has_step(late, "未按期完成（2025年10月晚于期限2024年12月）：逾期304天（10个月），按月计为10个月"));
    CHECK(score_of(deadline("2024.12", "≤", "每延迟1个月扣2分"), "2024.12.20").score == Decimal::from_int(10));
    CHECK(score_of(deadline("2024年12月底前", "≤", "每延迟1个月扣2分"), "2024.12").score == Decimal::from_int(10));
    // Under 时效指标 in another unit than a month's, a number (2000.5小时 is no May 2000).
    CHECK(score_of(quantitative("2000.5", "≤", "小时", "", "10分", "产出指标", "时效指标"), "2000.7").score ==
          Decimal::from_int(10));  // 0.2 over 2000.5 by the default formula, not two months late
    CHECK_FALSE(scoring::deadline_of(
        one(quantitative("2000.5", "≤", "小时", "", "10分", "产出指标", "时效指标"), "").indicators[0]));
    // Outside 时效指标 2024.12 is a number.
    CHECK(score_of(quantitative("2024.12", "≤", "", "每超过1扣1分"), "2024.5").score == Decimal::from_int(10));
    // < is met before the day only.
    CHECK(score_of(deadline("2024-10-31", "<", "每延迟1天扣1分"), "2024-10-31").score == Decimal::from_int(9));
    // A month for an actual against a day: its last day, and said.
    const auto month = score_of(deadline("2024年12月15日前", "≤", "每延迟1天扣0.5分"), "2024年12月");
    CHECK(month.score == Decimal::from_int(2));
    CHECK(has_step(month, "实际完成值只写到月（2024年12月），按该月最后一天计"));
}

TEST_CASE("deadlines and dates as people write them", "[scoring][scorer][dates]") {
    CHECK(score_of(deadline("2024年12月31日前完成验收", "≤", "每延迟1个月扣2分"), "已于2025年1月10日完成").score ==
          Decimal::from_int(10));  // 10 days: no full month
    CHECK(score_of(deadline("2024年10月底前完成招标", "≤", "每延迟1天扣0.1分"), "2024年11月20日完成验收").score ==
          Decimal::from_int(8));
    CHECK(score_of(deadline("2024年第三季度", "≤", "每延迟1个月扣2分"), "2024年11月").score == Decimal::from_int(6));
    CHECK(score_of(deadline("2024年10月中旬", "≤", "每延迟1天扣1分"), "2024-10-23").score == Decimal::from_int(7));
    CHECK(score_of(deadline("2024-12-31", "≤", "每延迟1天扣1分"), "2024-12-31T00:00:00").score ==
          Decimal::from_int(10));
    CHECK(score_of(deadline("2024-12-31", "≤", "每延迟1天扣1分"), "2024年12月31日前已完成").score ==
          Decimal::from_int(10));
}

TEST_CASE("targets as people phrase them score as their numbers say", "[scoring][scorer]") {
    // 控制在…以内 is at most, 达到 at least: they were 定性 and scored 0.
    CHECK(score_of(quantitative("控制在120万元以内", "", "", "每超过1万元扣1分"), "118.5万元").score ==
          Decimal::from_int(10));
    CHECK(score_of(quantitative("达到98%", "", "", "每低于1个百分点扣2分"), "96%").score == Decimal::from_int(6));
    // The unit column's 个工作日 is the step's 工作日: the table's rule applies, not the default formula.
    const auto days = score_of(quantitative("5", "≤", "个工作日", "每超过1个工作日扣1分，扣完为止"), "7");
    CHECK(days.score == Decimal::from_int(8));
    // A step in a measure word of its own, and in a rate.
    CHECK(score_of(quantitative("≥10000", "", "册", "每少100册扣1分，扣完为止"), "9000册").score ==
          Decimal::from_int(0));
    CHECK(score_of(quantitative("≤30", "", "元/亩", "每超过1元/亩扣2分，扣完为止"), "35").score ==
          Decimal::from_int(0));
    CHECK(score_of(quantitative("≤30", "", "元/亩", "每超过1元/亩扣2分，扣完为止"), "32").score ==
          Decimal::from_int(6));
    // A count written longer on one side is one count: 批次 against 批, 本书 against 本.
    CHECK(score_of(quantitative("≥10", "", "批次", "每少1批扣1分"), "8").score == Decimal::from_int(8));
    CHECK(score_of(quantitative("≥100", "", "本", "每少10本书扣1分"), "80").score == Decimal::from_int(8));
    // A rate is not its numerator's unit: the table's step does not apply (the default formula scores).
    const auto rate = score_of(quantitative("≤30", "", "人", "每超过1人/班扣1分"), "35");
    CHECK(has_step(rate, "“每超过1人/班扣1分”的单位（人/班）与指标单位（人）不同，不适用"));
}

// ---- tier tables (分档计分) ----------------------------------------------------------------------

namespace {
test::Row graded(const std::string& target, const std::string& deduction, const std::string& weight = "20分") {
    return {"效益指标", "社会效益指标", "定性指标", target, "定性指标", deduction, "", "定性", weight};
}
}  // namespace

TEST_CASE("a label the tier table names scores its row", "[scoring][scorer][tiers]") {
    const auto row = graded("好", "好得满分，较好得15分，一般得10分，差不得分");
    const auto better = score_of(row, "较好");
    CHECK(better.score == d("15"));  // it scored 0: 较好 is no 达成/部分达成/未达成 label
    CHECK(better.formula == "tier(好: full); tier(较好: 15); tier(一般: 10); tier(差: 0)");
    CHECK(has_step(better, "实际完成值“较好”对应扣分标准的“较好得15分”：得15分"));
    CHECK(score_of(row, "好").score == d("20"));
    CHECK(has_step(score_of(row, "好"), "实际完成值“好”对应扣分标准的“好得满分”：得满分20分"));
    CHECK(score_of(row, "一般").score == d("10"));
    CHECK(score_of(row, "差").score == d("0"));
    CHECK(score_of(row, " 较好。").score == d("15"));  // read as the text is: spaces and a 。 aside
    // A label of no row is as before: the policy's labels, or 0 with the reason.
    CHECK(score_of(row, "优秀").score == d("0"));
    CHECK(score_of(row, "达成年度指标").score == d("20"));
    // The row's points, not the 部分达成 band of 60–80% (12–16 of 20), nor its default fraction.
    const auto partial = score_of(graded("达成", "达成得满分，部分达成得10分，未达成不得分"), "部分达成");
    CHECK(partial.score == d("10"));
    // A reviewer's 得分 other than the row's is named; the row's stands.
    const auto reviewed = score_of(row, "较好", config::default_rule_set(), "18");
    CHECK(reviewed.score == d("15"));
    CHECK(has_step(reviewed, "表中自评得分为18，与按公式计算的15不同（以计算结果为准）"));
    // Points above the weight stop at it.
    CHECK(score_of(graded("好", "好得满分，较好得15分，一般得10分", "10分"), "较好").score == d("10"));
}

TEST_CASE("a tier table with its weight written first scores its rows", "[scoring][scorer][tiers]") {
    // 满分10分，好得满分… fell to the default formula: 较好 scored 0 with score-out-of-band's reason.
    const auto row = graded("好", "满分10分，好得满分，较好得8分，一般得5分，差不得分", "10分");
    CHECK(score_of(row, "较好").score == d("8"));
    CHECK(score_of(row, "好").score == d("10"));
    CHECK(score_of(row, "差").score == d("0"));
}

TEST_CASE("tier bands of a score measured in 分 hold the actual, not points", "[scoring][scorer][tiers]") {
    // 90分以上得满分，80-90分得8分 was read as all-or-nothing, its bands named as not understood: 85分 scored 0.
    const auto row = quantitative("≥90分", "≥", "分", "90分以上得满分，80-90分得8分，80分以下不得分", "10分",
                                  "满意度指标", "服务对象满意度指标");
    CHECK(score_of(row, "85分").score == d("8"));
    CHECK(score_of(row, "85").score == d("8"));
    CHECK(score_of(row, "92").score == d("10"));
    CHECK(score_of(row, "75分").score == d("0"));
}

TEST_CASE("a missed number scores the first band of the tier table holding it", "[scoring][scorer][tiers]") {
    const auto row = quantitative("90", "≥", "%", "90%以上得满分，80%（含）-90%（不含）得15分，80%以下不得分", "20分");
    const auto mid = score_of(row, "85");
    CHECK(mid.score == d("15"));
    CHECK(has_step(mid, "未达到目标（实际 85%，目标 ≥90%）"));
    CHECK(has_step(mid, "按扣分标准分档：85%在“80%(含)-90%(不含)得15分”一档：得15分"));
    CHECK(score_of(row, "80").score == d("15"));   // (含)
    CHECK(score_of(row, "79.9").score == d("0"));  // below 80
    CHECK(score_of(row, "95").score == d("20"));   // met: full marks
    // 80% is in both 80%-90% and 80%以下: the first row written decides.
    CHECK(score_of(quantitative("90", "≥", "%", "80%以下不得分，80%-90%得8分，90%以上得10分"), "80").score == d("0"));
    // Points off a range: the weight less them.
    const auto off = score_of(quantitative("100", "≥", "%", "完成率100%得满分，90%-99%扣2分，90%以下不得分"), "95");
    CHECK(off.score == d("8"));
    CHECK(has_step(off, "按扣分标准分档：95%在“90%-99%扣2分”一档：10 − 2 = 8分"));
}

TEST_CASE("tier bands in % on an indicator in another unit hold the completion rate", "[scoring][scorer][tiers]") {
    const auto row = quantitative("200", "≥", "人", "完成90%以上得满分，70%-90%得6分，70%以下不得分");
    const auto s = score_of(row, "160人");
    CHECK(s.score == d("6"));
    CHECK(has_step(s, "完成率：160 ÷ 200 × 100 = 80%"));
    // A cap (≤) has no completion rate to take: no band applies, and the default formula scores.
    const auto cap = score_of(quantitative("100", "≤", "万元", "90%以上得满分，70%-90%得6分"), "120万元");
    CHECK(cap.score == d("8"));
    CHECK(has_step(cap, "实际完成值不在扣分标准的任何一档内（部分档的单位与指标不同，无法比较）：采用规则集默认公式"));
    // Bands in a unit that converts: 万元 bounds against an amount in 元.
    CHECK(score_of(quantitative("1000000", "≥", "元", "100万元以上得满分，80万元-100万元得5分"), "900000元").score ==
          d("5"));
}

TEST_CASE("an actual between a ladder's points scores the step it reached", "[scoring][scorer][tiers]") {
    const char* ladder = "完成100%得10分，完成90%得8分，完成80%得6分，80%以下不得分";
    CHECK(score_of(quantitative("100", "≥", "%", ladder), "95").score == d("8"));
    CHECK(score_of(quantitative("100", "≥", "%", ladder), "90").score == d("8"));
    CHECK(score_of(quantitative("100", "≥", "%", ladder), "85").score == d("6"));
    CHECK(score_of(quantitative("100", "≥", "%", ladder), "79").score == d("0"));
    // Of a count: 180 of 200 people is a completion rate of 90%.
    CHECK(score_of(quantitative("200", "≥", "人", ladder), "185人").score == d("8"));
    // Lower is better: 1.5% errors is past the 1% step, within the 2% one.
    CHECK(score_of(quantitative("1", "≤", "%", "差错率1%得满分，2%得5分，3%以上不得分"), "1.5").score == d("5"));
    // A label row among the points (未完成不得分) leaves them a ladder.
    CHECK(score_of(quantitative("100", "≥", "%", "完成100%得10分，完成80%得6分，完成50%得3分，未完成不得分"), "85")
              .score == d("6"));
    // 达到目标值得满分 as a row, and a list's numbers.
    CHECK(score_of(quantitative("100", "≥", "%", "达到目标值得满分，完成90%得8分，完成80%得6分，80%以下不得分"), "95")
              .score == d("8"));
    CHECK(
        score_of(quantitative("100", "≥", "%", "1.完成100%得10分；2.完成90%得8分；3.完成80%以下不得分"), "95").score ==
        d("8"));
    CHECK(
        score_of(quantitative("100", "≥", "%", "（1）完成100%得10分；（2）完成90%得8分；（3）完成80%以下不得分"), "95")
            .score == d("8"));
}

TEST_CASE("one step below full marks is a ladder, and a row for missing the target holds what is below the ladder",
          "[scoring][scorer][tiers]") {
    // 95% scored 0 (其余) and 89% 8.9 while 90% scored 8; 79% took 6 from the 80% row though 未完成 says 0.
    const auto at = [](const char* text, const char* actual) {
        return score_of(quantitative("100", "≥", "%", text), actual).score;
    };
    CHECK(at("达到目标值得满分，完成90%得8分，其余不得分", "95") == d("8"));
    CHECK(at("达到目标值得满分，完成90%得8分，其余不得分", "89") == d("0"));
    CHECK(at("完成得满分，完成90%得8分，未完成不得分", "95") == d("8"));
    CHECK(at("完成得满分，完成90%得8分，未完成不得分", "89") == d("0"));
    CHECK(at("达到目标值得满分，完成90%得8分，未完成不得分", "95") == d("8"));
    const auto below =
        score_of(quantitative("100", "≥", "%", "达到目标值得满分，完成90%得8分，完成80%得6分，未完成不得分"), "79");
    CHECK(below.score == d("0"));
    CHECK(has_step(below, "实际完成值低于扣分标准的各档，按“未完成不得分”：得0分"));
    // Within the ladder the rows decide; met, full marks.
    CHECK(at("达到目标值得满分，完成90%得8分，完成80%得6分，未完成不得分", "85") == d("6"));
    CHECK(at("达到目标值得满分，完成90%得8分，完成80%得6分，未完成不得分", "100") == d("10"));
    // A gap between bands written as ranges is no "below the ladder": 97 keeps the default formula's 9.7.
    CHECK(at("100%得满分，90%-95%得6分，80%-90%得3分，未完成不得分", "97") == d("9.7"));
}

TEST_CASE("an actual between a ladder's rows scores no more than the row above it, no less than the row below",
          "[scoring][scorer][tiers]") {
    // The default formula alone gave 89% 8.9 and 95% 8: a worse result scored more.
    const auto below_lowest = score_of(quantitative("100", "≥", "%", "完成100%得满分，完成90%得8分"), "89");
    CHECK(below_lowest.score == d("8"));
    CHECK(has_step(below_lowest, "不高于尚未达到的“完成90%得8分”一档的8分：8.9 → 8"));
    CHECK(score_of(quantitative("100", "≥", "%", "完成100%得10分，完成90%得5分，完成70%以下不得分"), "80").score ==
          d("5"));
    // Falling: 115万 is past the 110万 row (5) and short of the 120万 one (0).
    CHECK(score_of(quantitative("100", "≤", "万元", "成本控制在100万元以内得满分，110万元得5分，120万元以上不得分"),
                   "115万元")
              .score == d("5"));
    // Below the default, the row passed is the floor: 97 between 95%得6分 and 100% full marks keeps 9.7; a
    // row passed scoring more than the default lifts it.
    CHECK(score_of(quantitative("100", "≥", "%", "100%得满分，90%-95%得6分，80%-90%得3分"), "97").score == d("9.7"));
    const auto lifted = score_of(quantitative("100", "≥", "%", "100%得满分，80%-90%得9.5分，80%以下不得分"), "92");
    CHECK(lifted.score == d("9.5"));
    CHECK(has_step(lifted, "不低于已超过的“80%-90%得9.5分”一档的9.5分：9.2 → 9.5"));
}

TEST_CASE("an actual in no tier takes the default formula, and says why", "[scoring][scorer][tiers]") {
    const auto gap = score_of(quantitative("100", "≥", "%", "100%得满分，90%-95%得6分，80%-90%得3分"), "97");
    CHECK(gap.score == d("9.7"));
    CHECK(gap.formula == "tier([100%, +inf): full); tier([90%, 95%]: 6); tier([80%, 90%]: 3) => default(>=: w*a/t)");
    CHECK(has_step(gap, "实际完成值不在扣分标准的任何一档内：采用规则集默认公式"));
    // Label rows and a number: the number is none of them.
    const auto labels =
        score_of(quantitative("95", "≥", "%", "达成得满分，部分达成得10分，未达成不得分", "20分"), "90");
    CHECK(labels.score == d("18.95"));
    CHECK(has_step(labels, "扣分标准按等级用语分档，实际完成值为数字、不是其中任何一档：采用规则集默认公式"));
    // …but a label written as the actual of a quantitative target is that row.
    CHECK(
        score_of(quantitative("95", "≥", "%", "达成得满分，部分达成得10分，未达成不得分", "20分"), "部分达成").score ==
        d("10"));
}

TEST_CASE("tier rows a review found misread or missed", "[scoring][scorer][tiers]") {
    // The standard long label names the short row it starts with.
    CHECK(
        score_of(graded("达成", "达成得满分，部分达成得10分，未达成不得分"), "部分达成年度指标并具有一定效果").score ==
        d("10"));
    // Points off a label row.
    CHECK(score_of(graded("好", "好得满分，较好扣2分，一般扣5分，差不得分", "10分"), "较好").score == d("8"));
    // A catch-all row takes a label no row names, but not the target text nor the rule set's 达成 label.
    const auto rest = graded("好", "好得满分，较好得8分，其余不得分", "10分");
    CHECK(score_of(rest, "一般").score == d("0"));
    CHECK(score_of(rest, "好").score == d("10"));
    CHECK(score_of(rest, "达成年度指标").score == d("10"));
    // 完成率 bands on a % indicator: 76 of 80 is 95%.
    const auto rate = score_of(
        quantitative("80", "≥", "%", "完成率100%得满分，完成率90%（含）-100%得8分，完成率低于90%不得分"), "76");
    CHECK(rate.score == d("8"));
    CHECK(has_step(rate, "完成率：76 ÷ 80 × 100 = 95%"));
    // A missed number no band holds falls to the catch-all.
    CHECK(score_of(quantitative("90", "≥", "%", "90%以上得满分，80%-90%得8分，其余得2分"), "50").score == d("2"));
    // Two bands, one scoring nothing: 85% is below 90%.
    CHECK(score_of(quantitative("95", "≥", "%", "90%以上得10分，90%以下不得分"), "85").score == d("0"));
}

TEST_CASE("a late deadline scores the tier of its lateness", "[scoring][scorer][tiers][dates]") {
    const auto row = quantitative("2024年6月30日", "≤", "", "逾期1个月以内得8分，逾期1-3个月得5分，逾期3个月以上不得分",
                                  "10分", "产出指标", "时效指标");
    CHECK(score_of(row, "2024年7月15日").score == d("8"));
    CHECK(score_of(row, "2024年9月15日").score == d("5"));
    CHECK(score_of(row, "2024年12月15日").score == d("0"));
    CHECK(score_of(row, "2024年6月20日").score == d("10"));  // on time: full marks
}
