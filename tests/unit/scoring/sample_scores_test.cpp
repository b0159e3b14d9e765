// The projects of samples/self-eval built in memory, scored, and checked against the numbers worked out
// by hand in samples/self-eval/EXPECTED.md.
#include <catch2/catch.hpp>

#include <vector>

#include "scoring/scorer.hpp"
#include "support/builders.hpp"

using namespace perf_check;

namespace {

Decimal d(const char* text) { return *Decimal::parse(text); }

const char* const k_s1 = "每超过5万元，扣1分，扣完为止";
const char* const k_disc = "达到指标值得满分，未达到指标值视情况扣分，扣完为止。";
const char* const k_pct = "达到指标值得满分，少于1%扣0.5分，扣完为止。";
const char* const k_vq = "视情况，扣分，扣完为止";

struct Actual {
    std::string actual, score, deviation;
};

test::Row none(const std::string& level1, const std::string& level2) {
    return {level1, level2, "无", "无", "无", "无", "无", "无", ""};
}

// A project as the sample writes it; `actuals` follow the rows (placeholder rows get empty ones).
Project build(const std::string& name, const std::string& funds, const std::string& budget,
              const std::string& spent, const std::vector<test::Row>& rows, const std::vector<Actual>& actuals,
              int first_row, const std::string& code = "301001") {
    Project p = test::project(code, name, funds, "保障区内退休人员待遇按时足额发放，提高群众满意度。", rows, first_row);
    p.budget = test::cell(budget, first_row, 4);
    p.spent = test::cell(spent, first_row, 5);
    REQUIRE(actuals.size() == p.indicators.size());
    for (std::size_t i = 0; i < actuals.size(); ++i) {
        const int row = p.indicators[i].row;
        p.indicators[i].actual = test::cell(actuals[i].actual, row, 16);
        p.indicators[i].score = test::cell(actuals[i].score, row, 17);
        p.indicators[i].deviation = test::cell(actuals[i].deviation, row, 18);
    }
    return p;
}

std::vector<Decimal> scores(const ProjectScore& ps) {
    std::vector<Decimal> out;
    for (const auto& s : ps.indicators) out.push_back(s.score);
    return out;
}

}  // namespace

TEST_CASE("sample 1: 部分军退人员岗位补贴资金 scores 96.06, 优", "[scoring][sample]") {
    const Project p = build(
        "部分军退人员岗位补贴资金", "842.07", "842.07", "855.00",
        {{"成本指标", "经济成本指标", "项目总成本", "842.07", "发放岗位补贴实际金额", k_s1, "万元", "≤", "20分"},
         none("", "社会成本指标"), none("", "生态环境成本指标"),
         {"产出指标", "数量指标", "享受补贴人数", "136", "享受补贴人数", k_disc, "人", "≥", "10分"},
         {"", "质量指标", "补贴资金到位率", "90", "财政补贴资金到位率", k_pct, "%", "≥", "15分"},
         {"", "时效指标", "补助资金发放时间", "2024年1-12月", "补助发放时间按月发放", k_vq, "月", "定性", "15分"},
         none("效益指标 ", "经济效益指标"),
         {"", "社会效益指标", "代缴社保缴费基数", "不低于上年度衡阳市在岗职工平均工资", "代缴社保缴费基数", k_vq, "-", "定性", "20分"},
         none("", "生态效益指标"), none("", "可持续影响指标"),
         {"满意度指标", "服务对象满意度指标", "享受补贴对象满意度", "90", "享受补贴对象满意度", k_pct, "%", "≥", "10分"}},
        {{"855.00万元", "", "部分人员补发上年度岗位补贴"}, {}, {}, {"130", "", "6人因死亡、迁出停发补贴"},
         {"86.5%", "", "年末部分补贴未及时拨付到位"}, {"2024年1-12月", "", ""}, {}, {"达成年度指标", "", ""}, {}, {},
         {"92%", "", ""}},
        5);
    const auto ps = scoring::score_project(p, config::default_rule_set());
    CHECK(scores(ps) == std::vector<Decimal>{d("18"), d("9.56"), d("13.5"), d("15"), d("20"), d("10")});
    REQUIRE(ps.budget_execution.rate);
    CHECK(*ps.budget_execution.rate == d("1.015355"));
    CHECK(ps.budget_execution.score == d("10"));
    CHECK(ps.total == d("96.06"));
    CHECK(ps.grade == "优");
    CHECK(ps.project == "部分军退人员岗位补贴资金");
    CHECK(ps.project_code == "301001");
    CHECK(ps.row == 5);
}

// A run writes the steps in its report's language only: each language's steps are those of a run asking
// for both, the other language left empty, and the scores are the same.
TEST_CASE("sample 1 scored for one language: the same steps in it, none in the other", "[scoring][sample]") {
    const Project p = build(
        "部分军退人员岗位补贴资金", "842.07", "842.07", "855.00",
        {{"成本指标", "经济成本指标", "项目总成本", "842.07", "发放岗位补贴实际金额", k_s1, "万元", "≤", "20分"},
         {"产出指标", "数量指标", "享受补贴人数", "136", "享受补贴人数", k_disc, "人", "≥", "10分"},
         {"", "质量指标", "补贴资金到位率", "90", "财政补贴资金到位率", k_pct, "%", "≥", "15分"},
         {"", "时效指标", "补助资金发放时间", "2024年1-12月", "补助发放时间按月发放", k_vq, "月", "定性", "15分"}},
        {{"855.00万元", "", ""}, {"130", "", ""}, {"86.5%", "", ""}, {"2024年1-12月", "", ""}}, 5);
    const auto both = scoring::score_project(p, config::default_rule_set());
    for (const auto langs : {scoring::StepLanguages::zh, scoring::StepLanguages::en}) {
        const bool zh = langs == scoring::StepLanguages::zh;
        INFO((zh ? "zh" : "en"));
        const auto one = scoring::score_project(p, config::default_rule_set(), langs);
        CHECK(one.total == both.total);
        REQUIRE(one.indicators.size() == both.indicators.size());
        for (std::size_t i = 0; i < one.indicators.size(); ++i) {
            const auto& a = one.indicators[i];
            const auto& b = both.indicators[i];
            CHECK(a.score == b.score);
            CHECK(a.formula == b.formula);
            REQUIRE(a.steps.size() == b.steps.size());
            REQUIRE_FALSE(a.steps.empty());
            for (std::size_t k = 0; k < a.steps.size(); ++k) {
                CHECK(pick(a.steps[k], zh ? Lang::zh : Lang::en) == pick(b.steps[k], zh ? Lang::zh : Lang::en));
                CHECK(pick(a.steps[k], zh ? Lang::en : Lang::zh).empty());
                CHECK_FALSE(pick(b.steps[k], Lang::en).empty());
                CHECK_FALSE(pick(b.steps[k], Lang::zh).empty());
            }
        }
    }
    CHECK(scoring::steps_for(Lang::en) == scoring::StepLanguages::en);
    CHECK(scoring::steps_for(Lang::zh) == scoring::StepLanguages::zh);
}

TEST_CASE("sample 2: 机关事业单位养老保险财政预留补助 scores 86.8, 良", "[scoring][sample]") {
    const Project p = build(
        "机关事业单位养老保险财政预留补助", "4,500.00", "4,500.00", "3,960.00",
        {{"成本指标", "经济成本指标", "项目总支出", "4,500.00", "项目总支出", "每超过20万元，扣1分，扣完为止", "万元", "≤", "20分"},
         none("", "社会成本指标"), none("", "生态环境成本指标"),
         {"产出指标", "数量指标", "社会保险征缴收入", "4900", "社会保险征缴收入", k_disc, "万元", "≥", "10分"},
         {"", "质量指标", "基础养老金发放到位率", "95", "基础养老金发放到位率", k_pct, "%", "≥", "15分"},
         {"", "时效指标", "基础养老金发放时间", "每月按时发放", "基础养老金发放时间", k_vq, "每月按时发放", "定性", "15分"},
         none("效益指标 ", "经济效益指标"),
         {"", "社会效益指标", "有效保障退休人员生活质量，维护社会和谐稳定", "有效保障", "有效保障", k_vq, "-", "定性", "20分"},
         none("", "生态效益指标"), none("", "可持续影响指标"),
         {"满意度指标", "服务对象满意度指标", "领待人员满意度", "90", "领待人员满意度", k_pct, "%", "≥", "10分"}},
        {{"3,960.00万元", "", ""}, {}, {}, {"4655万元", "", "受参保人数减少影响，征缴收入低于预期"}, {"95%", "", ""},
         {"部分达成年度指标并具有一定效果", "10.5", "3月因系统升级延迟5天发放"}, {},
         {"部分达成年度指标并具有一定效果", "", "部分退休人员待遇调整未及时到位"}, {}, {}, {"88%", "", ""}},
        16);
    const auto ps = scoring::score_project(p, config::default_rule_set());
    CHECK(scores(ps) == std::vector<Decimal>{d("20"), d("9.5"), d("15"), d("10.5"), d("14"), d("9")});
    CHECK(ps.budget_execution.score == d("8.8"));
    CHECK(ps.total == d("86.8"));
    CHECK(ps.grade == "良");
}

TEST_CASE("sample 3: 社区及改制企业人员养老金补差 scores 77.5, 中", "[scoring][sample]") {
    const Project p = build(
        "社区及改制企业人员养老金补差", "232.00", "232.00", "150.80",
        {{"成本指标", "经济成本指标", "养老金补差项目总支出", "232.00", "养老金补差项目总支出", "每超过10万元，扣1分，扣完为止", "万元", "≤", "20分"},
         none("", "社会成本指标"), none("", "生态环境成本指标"),
         {"产出指标", "数量指标", "享受补助人数", "130", "享受补助人数", "", "人", "≥", "10分"},
         {"", "质量指标", "资金到位率", "90", "发放养老金到位率", "每降低1个百分点扣1分", "%", "≥", "15分"},
         {"", "时效指标", "资金时效期间", "2024年1-12月", "使用资金的时间段", k_vq, "月", "定性", "15分"},
         none("效益指标 ", "经济效益指标"),
         {"", "社会效益指标", "保民生", "应保尽保", "保障基本生活补助", k_vq, "-", "定性", "20分"},
         none("", "生态效益指标"), none("", "可持续影响指标"),
         {"满意度指标", "服务对象满意度指标", "领待人员满意度", "90", "领待人员满意度", k_pct, "%", "≥", "10分"}},
        {{"150.80万元", "", ""}, {}, {}, {"117", "", "13人年内死亡停发，相应资金结余"}, {"80.5%", "", "下半年补差拨付滞后"},
         {"未达成年度指标且效果较差", "6", "第四季度未按月发放"}, {}, {"应保尽保", "", ""}, {}, {}, {"90.5%", "", ""}},
        27);
    const auto ps = scoring::score_project(p, config::default_rule_set());
    CHECK(scores(ps) == std::vector<Decimal>{d("20"), d("9"), d("6"), d("6"), d("20"), d("10")});
    CHECK(ps.budget_execution.score == d("6.5"));
    CHECK(ps.total == d("77.5"));
    CHECK(ps.grade == "中");
}

TEST_CASE("sample 4: 同级财政对城乡居民养老保险的补助 scores 93.94, 优", "[scoring][sample]") {
    const Project p = build(
        "同级财政对城乡居民养老保险的补助", "158.62", "180.00", "170.00",
        {{"成本指标", "经济成本指标", "区级城居保补助资金成本", "158.62", "区级城居保补助资金成本", "每超过10万元，扣1分，扣完为止", "万元", "≤", "20分"},
         none("", "社会成本指标"), none("", "生态环境成本指标"),
         {"产出指标", "数量指标", "城乡居民社会保险年待遇支出", "1400", "年待遇支出", "按完成比例计算得分,满分为止", "万元", "≥", "10分"},
         {"", "质量指标", "基础养老金发放到位率", "95", "基础养老金发放到位率", k_pct, "%", "≥", "15分"},
         {"", "时效指标", "补助资金发放完成时间", "2024年1-12月", "补助资金发放完成时间", k_vq, "月", "定性", "15分"},
         {"效益指标 ", "经济效益指标", "城乡居民养老保险预算执行率", "90", "预算执行率", k_pct, "百分比", "≥", ""},
         {"", "社会效益指标", "逐步提高参保群众待遇预期", "有效提高", "逐步提高参保群众待遇预期", k_vq, "-", "定性", "20分"},
         none("", "生态效益指标"), none("", "可持续影响指标"),
         {"满意度指标", "服务对象满意度指标", "城乡居保参保人员满意度", "90", "参保人员满意度", k_pct, "%", "≥", "10分"}},
        {{"1,700,000元", "", "年中追加补助，支出超出目标成本"}, {}, {}, {"1330万元", "", "部分待遇于次年1月补发"},
         {"93.2%", "", "个别乡镇发放不及时"}, {"达成年度指标", "14", ""}, {"94.4%", "", ""}, {"有效提高", "", ""}, {}, {},
         {"85%", "", "政策宣传解释不到位"}},
        38);
    const auto ps = scoring::score_project(p, config::default_rule_set());
    CHECK(scores(ps) == std::vector<Decimal>{d("19"), d("9.5"), d("14.5"), d("14"), d("0"), d("20"), d("7.5")});
    CHECK(ps.indicators[4].weight == d("0"));
    REQUIRE(ps.budget_execution.rate);
    CHECK(*ps.budget_execution.rate == d("0.944444"));
    CHECK(ps.budget_execution.score == d("9.44"));
    CHECK(ps.total == d("93.94"));
    CHECK(ps.grade == "优");
}

TEST_CASE("sample 5: 农村公路养护工程 scores 59.7, 差", "[scoring][sample]") {
    const Project p = build(
        "农村公路养护工程", "120.00", "120.00", "96.00",
        {{"成本指标", "经济成本指标", "养护工程总成本", "100", "养护工程总成本", "", "万元", "≤", "20分"},
         none("", "社会成本指标"), none("", "生态环境成本指标"),
         {"产出指标", "数量指标", "养护里程", "50", "完成农村公路养护里程",
          "完成年度投资计划任务得标准分,未完成的按实际完成率乘以标准分计分", "公里", "≥", "15分"},
         {"", "质量指标", "验收合格率", "100", "养护路段验收合格率", "未完成不得分", "%", "=", "15分"},
         {"", "时效指标", "完工时间", "10", "完工月份（当年第几月）", "每延迟1个月扣1分，扣完为止", "月", "≤", "10分"},
         none("效益指标", "经济效益指标"),
         {"", "社会效益指标", "群众出行条件改善", "明显改善", "沿线群众出行条件明显改善", k_vq, "-", "定性", "20分"},
         none("", "生态效益指标"), none("", "可持续影响指标"),
         {"满意度指标", "服务对象满意度指标", "沿线群众满意度", "85", "沿线群众满意度", "满意度每低于目标1个百分点扣0.5分", "%", "≥", "10分"}},
        {{"112万元", "", "材料价格上涨，成本超支"}, {}, {}, {"42公里", "", "部分路段因雨季推迟施工"},
         {"96%", "", "2处路段验收不合格，已返工整改"}, {"12", "", "受雨季影响延期完工"}, {},
         {"未达成年度指标且效果较差", "", "部分路段未完工，改善效果有限"}, {}, {}, {"80%", "", ""}},
        49, "302001");
    const auto ps = scoring::score_project(p, config::default_rule_set());
    CHECK(scores(ps) == std::vector<Decimal>{d("17.6"), d("12.6"), d("0"), d("8"), d("6"), d("7.5")});
    CHECK(ps.budget_execution.score == d("8"));
    CHECK(ps.total == d("59.7"));
    CHECK(ps.grade == "差");
    CHECK(ps.project_code == "302001");
}
