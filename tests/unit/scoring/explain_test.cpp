// Tests of `perf-check explain`'s text and of canonical forms: every seed text reads correctly.
#include <catch2/catch.hpp>

#include <sstream>

#include "scoring/explain.hpp"

using namespace perf_check;

namespace {

std::string explain(const std::string& text, Lang lang = Lang::zh) {
    std::ostringstream out;
    scoring::write_explanation(text, lang, out);
    return out.str();
}

}  // namespace

TEST_CASE("explain prints what was understood, in Chinese by default", "[scoring][explain]") {
    CHECK(explain("每超过5万元，扣1分，扣完为止") ==
          "扣分标准：每超过5万元，扣1分，扣完为止\n"
          "理解为：\n"
          "  1. 每超过5万元，扣1分 —— 每超过5万元扣1分（从目标值起算）\n"
          "  2. 扣完为止 —— 扣完为止：最低0分\n"
          "规范形式：step(over 5万元: -1); floor(0)\n"
          "未理解的部分：无\n"
          "未达到目标时：按差额计算步数（默认只计整步，规则集可改为不足一步按一步计或按比例折算），每步扣相应分数\n");
}

TEST_CASE("explain prints English with Lang::en", "[scoring][explain]") {
    CHECK(explain("视情况，扣分，扣完为止", Lang::en) ==
          "Deduction standard: 视情况，扣分，扣完为止\n"
          "Understood as:\n"
          "  1. 视情况 — discretionary: no formula given; scoring uses the rule set's default for the comparator\n"
          "  2. 扣分 — discretionary: no formula given; scoring uses the rule set's default for the comparator\n"
          "  3. 扣完为止 — floor: the score never goes below 0\n"
          "Canonical form: discretionary; floor(0)\n"
          "Not understood: none\n"
          "When the target is missed: no formula given; the rule set's default formula applies\n");
}

TEST_CASE("explain reads every seed deduction text correctly", "[scoring][explain]") {
    struct Case {
        const char* text;
        const char* canonical;
        const char* reading;  // a line the Chinese explanation must contain
    };
    const Case cases[] = {
        {"每超过5万元，扣1分，扣完为止", "step(over 5万元: -1); floor(0)", "每超过5万元扣1分"},
        {"每超过20万元，扣1分，扣完为止", "step(over 20万元: -1); floor(0)", "每超过20万元扣1分"},
        {"每超过10万元，扣1分，扣完为止", "step(over 10万元: -1); floor(0)", "每超过10万元扣1分"},
        {"达到指标值得满分，未达到指标值视情况扣分，扣完为止。", "full_if_met; discretionary; floor(0)",
         "视情况扣分 —— 视情况扣分：未给出公式"},
        {"达到指标值得满分，少于1%扣0.5分，扣完为止。", "full_if_met; step(under 1%: -0.5); floor(0)",
         "少于1%扣0.5分 —— 每低于1%扣0.5分（从目标值起算）；百分比指标按百分点计"},
        {"视情况，扣分，扣完为止", "discretionary; floor(0)", "视情况 —— 视情况扣分"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const std::string zh = explain(c.text);
        CHECK_THAT(zh, Catch::Contains(std::string("规范形式：") + c.canonical + "\n"));
        CHECK_THAT(zh, Catch::Contains("未理解的部分：无\n"));
        CHECK_THAT(zh, Catch::Contains(c.reading));
        CHECK_THAT(zh, !Catch::Contains("不支持"));
        const std::string en = explain(c.text, Lang::en);
        CHECK_THAT(en, Catch::Contains(std::string("Canonical form: ") + c.canonical + "\n"));
        CHECK_THAT(en, Catch::Contains("Not understood: none\n"));
    }
}

TEST_CASE("explain names the parts not understood and unsupported forms", "[scoring][explain]") {
    const std::string zh = explain("每超过5万元，扣1分，扣完为止，另行考核");
    CHECK_THAT(zh, Catch::Contains("未理解的部分：“另行考核”\n"));
    CHECK_THAT(zh, Catch::Contains("规范形式：step(over 5万元: -1); floor(0)\n"));
    const std::string en = explain("每超过5万元，扣1分，扣完为止，另行考核", Lang::en);
    CHECK_THAT(en, Catch::Contains("Not understood: \"另行考核\"\n"));

    const std::string tiered = explain("按完成情况分三档计分");
    CHECK_THAT(tiered, Catch::Contains("不支持的形式：分档计分表（不支持，评分采用规则集默认公式）\n"));
    CHECK_THAT(tiered, Catch::Contains("未达到目标时：该标准不能直接计算，采用规则集默认公式\n"));
    CHECK_THAT(explain("按排名计分", Lang::en), Catch::Contains("Unsupported: scoring by ranking"));
}

TEST_CASE("explain of an empty text says the default applies", "[scoring][explain]") {
    CHECK(explain("") == "扣分标准：\n（空白：评分采用规则集默认公式）\n规范形式：none\n");
}

TEST_CASE("explain describes thresholds, partial steps, caps and subjects", "[scoring][explain]") {
    const std::string zh = explain("低于100%每1%扣2分，不满1%按1%计算");
    CHECK_THAT(zh, Catch::Contains("1. 低于100% —— 起算点：差额从此值而不是从目标值起算\n"));
    CHECK_THAT(zh, Catch::Contains("2. 每1%扣2分 —— 每低于1%扣2分（从100%起算，而非从目标值起算）"));
    CHECK_THAT(zh, Catch::Contains("3. 不满1%按1%计算 —— 不满1%按1%计算：不足一步的部分按一整步扣分\n"));
    CHECK_THAT(zh, Catch::Contains("未达到目标时：按差额计算步数，不满一步按一步计，每步扣相应分数\n"));
    CHECK_THAT(explain("每缺1项扣2分，最多扣6分"), Catch::Contains("扣分上限：6分\n"));
    CHECK_THAT(explain("满意度每低于目标1个百分点扣0.5分"), Catch::Contains("计量对象：满意度"));
    CHECK_THAT(explain("每延迟1个月扣1分"), Catch::Contains("每延迟1个月扣1分（从目标值起算）"));
}

TEST_CASE("canonical forms do not depend on the wording's punctuation or spacing", "[scoring][explain]") {
    CHECK(scoring::canonical_form(scoring::parse_deduction("完成得满分，未完成按比例扣分。")) ==
          scoring::canonical_form(scoring::parse_deduction("完成得满分 未完成按比例扣分")));
    CHECK(scoring::canonical_form(scoring::parse_deduction("每降低1个百分点扣1分")) ==
          scoring::canonical_form(scoring::parse_deduction("每降低1百分点，扣1分")));
    // Different meanings give different forms.
    CHECK(scoring::canonical_form(scoring::parse_deduction("每降低1个百分点扣1分")) !=
          scoring::canonical_form(scoring::parse_deduction("每降低2个百分点扣1分")));
}

TEST_CASE("explain says a 完成率 cut-off is measured on the rate", "[scoring][explain]") {
    CHECK_THAT(explain("每降低1个百分点扣0.5分，完成率低于80%（含）不得分"),
               Catch::Contains("80%及以下时本项0分，否则按其余扣分办法计分（按完成率“实际÷目标”计）"));
}

TEST_CASE("explain says how a cut-off's bound on the target's side is read", "[scoring][explain]") {
    // A review found 超过20万元以上不得分 explained as an absolute limit, while the scorer reads 20万元 against a
    // ≤100万元 target as an overrun of 20万元.
    CHECK_THAT(
        explain("每超过1万元扣1分，超过20万元以上不得分"),
        Catch::Contains("20万元及以上时本项0分，否则按其余扣分办法计分（该值不大于目标值时，按超出目标的部分计）"));
    CHECK_THAT(explain("每少1人扣1分，80人以下不得分"), Catch::Contains("（该值不小于目标值时，按低于目标的差额计）"));
    CHECK_THAT(explain("每减少1人扣1分，减少10人以上不得分"), !Catch::Contains("该值不小于目标值"));  // a gap already
}

TEST_CASE("explain reads a tier table row by row", "[scoring][explain][tiers]") {
    CHECK(explain("好得满分，较好得15分，差不得分") ==
          "扣分标准：好得满分，较好得15分，差不得分\n"
          "理解为：\n"
          "  1. 好得满分 —— 分档：实际完成值为“好”时得满分（该项分值）\n"
          "  2. 较好得15分 —— 分档：实际完成值为“较好”时得15分\n"
          "  3. 差不得分 —— 分档：实际完成值为“差”时得0分\n"
          "规范形式：tier(好: full); tier(较好: 15); tier(差: 0)\n"
          "未理解的部分：无\n"
          "未达到目标时：按实际完成值所在的档计分（从前往后第一个相符的档）；不在任何一档时采用规则集默认公式\n");
    const std::string bands = explain("90%（不含）以上得满分，80%-90%扣2分，80%以下不得分");
    CHECK_THAT(bands, Catch::Contains("  1. 90%(不含)以上得满分 —— 分档：实际完成值高于90%时得满分（该项分值）"
                                      "（百分比指标按实际值计，其他指标按完成率“实际÷目标”计）\n"));
    CHECK_THAT(bands,
               Catch::Contains("  2. 80%-90%扣2分 —— 分档：实际完成值80%（含）至90%（含）时扣2分（该项分值减2分）"));
    CHECK_THAT(explain("好得满分，较好得15分", Lang::en),
               Catch::Contains("  2. 较好得15分 — tier: an actual written as \"较好\" scores 15 point(s)\n"));
}
