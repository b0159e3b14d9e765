#!/usr/bin/env python3
"""Writes a generated bureau for `perf-check monitor`: a 绩效目标表 of a few hundred projects in the seed's
layout (title rows, 金额单位：万元, two-row header, merged-cell blanks) and the matching 1-7月 progress file.

    python3 make_bureau.py [--projects 300] [--departments 24] [--seed 2024] [--out DIR]

writes DIR/bureau-targets-2024.csv and DIR/bureau-progress-2024.csv (DIR defaults to this script's folder).
The same arguments always give the same files (a seeded generator, standard library only). The mix is chosen
so a monitoring report has something to say: about a fifth of the projects spend slowly, one in ten spends
fast, one in eight has a count target at risk, some have low satisfaction or quality rates, and one in ten
reported no or partial data.
"""

import argparse
import csv
import os
import random

TOPICS = [
    ("农村公路养护", "养护里程", "公里", (20, 300)),
    ("城乡低保", "保障人数", "人", (300, 6000)),
    ("困难群众临时救助", "救助人次", "人次", (100, 2000)),
    ("义务教育营养改善", "受益学生人数", "人", (500, 8000)),
    ("基层医疗卫生机构运行", "签约服务人数", "人", (1000, 20000)),
    ("老旧小区改造", "改造小区个数", "个", (3, 40)),
    ("农田水利设施建设", "新建渠道长度", "公里", (5, 80)),
    ("森林防火", "巡护次数", "次", (100, 1500)),
    ("社区居家养老服务", "服务老人人数", "人", (200, 3000)),
    ("就业创业补贴", "补贴发放人数", "人", (100, 3000)),
    ("公共文化服务", "送戏下乡场次", "场", (20, 300)),
    ("河道保洁", "保洁河道长度", "公里", (10, 200)),
    ("生活垃圾分类", "覆盖小区个数", "个", (10, 150)),
    ("退役军人优抚", "优抚对象人数", "人", (100, 2500)),
    ("残疾人两项补贴", "补贴发放人数", "人", (200, 4000)),
    ("学生资助", "资助学生人次", "人次", (200, 5000)),
    ("环境空气质量监测", "监测站点个数", "个", (5, 40)),
    ("动物疫病防控", "免疫畜禽数量", "万头", (5, 120)),
    ("消防设施维护", "维护消防栓个数", "个", (50, 800)),
    ("农村饮水安全", "受益人口", "人", (1000, 30000)),
    ("职业技能培训", "培训人次", "人次", (200, 4000)),
    ("城市道路照明", "维修路灯盏数", "盏", (100, 3000)),
    ("乡村振兴衔接", "帮扶项目个数", "个", (5, 60)),
    ("食品安全抽检", "抽检批次", "批次", (200, 3000)),
    ("公共卫生服务", "建档人数", "人", (2000, 50000)),
    ("地质灾害防治", "治理隐患点个数", "个", (3, 50)),
    ("体育场馆免费开放", "开放天数", "天", (200, 330)),
    ("公共法律服务", "法律援助案件数", "件", (50, 800)),
]
KINDS = ["资金", "项目", "专项经费", "补助资金"]
QUALITY = [("验收合格率", 95), ("资金发放准确率", 98), ("服务达标率", 95), ("任务完成质量合格率", 90)]
BENEFIT = [("群众生活条件改善", "有效改善"), ("社会效益", "明显提升"), ("公共服务水平", "持续提高")]

HEADER_1 = ["单位代码", "单位（专项）名称", "资金总额", "实施期绩效目标", "绩效指标", "", "", "", "", "", "", "", ""]
HEADER_2 = ["", "", "", "", "一级指标", "二级指标", "三级指标", "指标值", "指标值内容", "评（扣分标准）", "度量单位",
            "指标值类型", "备注"]
PLACEHOLDER = ["无"] * 6 + [""]


def money(x):
    return f"{x:.2f}"


def project_rows(code, name, funds, topic):
    """The indicator rows of one project, as the seed writes them; returns (rows, indicators)."""
    _, count_name, count_unit, (lo, hi) = topic
    rng = random.Random(f"{code}/{name}")
    count_target = rng.randint(lo, hi)
    quality_name, quality_target = rng.choice(QUALITY)
    benefit_name, benefit_target = rng.choice(BENEFIT)
    # The money itemised as the review rules ask (cost-breakdown): most to the work itself, the rest to running it.
    main = round(funds * 0.9, 2)
    goal = (f"按计划实施{name}，{count_name}达到{count_target}{count_unit}，资金使用规范，服务对象满意度不低于90%。"
            f"其中：{money(main)}万元用于项目实施，{money(funds - main)}万元用于工作经费。")
    full = "达到指标值得满分，少于1%扣0.5分，扣完为止。"
    rows = [
        [code, name, money(funds), goal, "成本指标", "经济成本指标", "项目总成本", money(funds), "项目总成本",
         "每超过5万元，扣1分，扣完为止", "万元", "≤", "20分"],
        ["", "", "", "", "", "社会成本指标"] + PLACEHOLDER,
        ["", "", "", "", "", "生态环境成本指标"] + PLACEHOLDER,
        ["", "", "", "", "产出指标", "数量指标", count_name, str(count_target), count_name,
         "达到指标值得满分，未达到指标值按比例扣分", count_unit, "≥", "15分"],
        ["", "", "", "", "", "质量指标", quality_name, str(quality_target), quality_name, full, "%", "≥", "15分"],
        ["", "", "", "", "", "时效指标", "完成时间", "2024年12月底前", "年内完成", "完成得满分，未完成不得分", "月",
         "定性", "10分"],
        ["", "", "", "", "效益指标", "经济效益指标"] + PLACEHOLDER,
        ["", "", "", "", "", "社会效益指标", benefit_name, benefit_target, benefit_name, "达成得满分，未达成不得分", "-",
         "定性", "20分"],
        ["", "", "", "", "", "生态效益指标"] + PLACEHOLDER,
        ["", "", "", "", "", "可持续影响指标"] + PLACEHOLDER,
        ["", "", "", "", "满意度指标", "服务对象满意度指标", "受益群众满意度", "90", "受益群众满意度", full, "%", "≥",
         "10分"],
    ]
    indicators = {"cost": "项目总成本", "count": (count_name, count_target, count_unit),
                  "quality": (quality_name, quality_target), "satisfaction": "受益群众满意度"}
    return rows, indicators


def progress_rows(rng, code, name, funds, ind):
    """The progress rows of one project (may be none: a project that reported nothing)."""
    scenario = rng.random()
    if scenario < 0.03:
        return []  # reported nothing at all
    budget = funds if rng.random() < 0.85 else round(funds * rng.uniform(0.9, 1.2), 2)
    r = rng.random()
    rate = rng.uniform(0.12, 0.45) if r < 0.2 else rng.uniform(0.48, 0.64) if r < 0.9 else rng.uniform(0.66, 0.92)
    spent = round(budget * rate, 2)
    spent_text = "" if 0.03 <= scenario < 0.06 else money(spent)
    rows = [[code, name, "", "", money(budget), spent_text]]
    # Cost to date is the spending to date; some departments report it in 元.
    cost = f"{spent * 10000:,.0f}元" if rng.random() < 0.1 else f"{money(spent)}万元"
    count_name, count_target, count_unit = ind["count"]
    share = rng.uniform(0.25, 0.5) if rng.random() < 0.12 else rng.uniform(0.6, 0.95)
    count = round(count_target * share)
    quality_name, quality_target = ind["quality"]
    quality = rng.randint(quality_target, 100) if rng.random() < 0.94 else rng.randint(quality_target - 8, quality_target - 1)
    satisfaction = rng.randint(90, 98) if rng.random() < 0.92 else rng.randint(80, 89)
    values = [(ind["cost"], cost), (count_name, str(count)), (quality_name, f"{quality}%"),
              (ind["satisfaction"], f"{satisfaction}%")]
    if 0.06 <= scenario < 0.10:
        gone = rng.randrange(len(values))
        values[gone] = (values[gone][0], "")  # one value not reported
    rows += [[code, name, indicator, value, "", ""] for indicator, value in values]
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=300)
    parser.add_argument("--departments", type=int, default=24)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    args = parser.parse_args()
    if args.projects < 1 or not 1 <= args.departments <= 99:
        parser.error("--projects must be ≥ 1 and --departments between 1 and 99")
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    targets_path = os.path.join(args.out, "bureau-targets-2024.csv")
    progress_path = os.path.join(args.out, "bureau-progress-2024.csv")
    with open(targets_path, "w", newline="", encoding="utf-8") as t, \
            open(progress_path, "w", newline="", encoding="utf-8") as p:
        targets = csv.writer(t, lineterminator="\n")
        progress = csv.writer(p, lineterminator="\n")
        targets.writerow(["项目支出绩效目标表"] + [""] * 12)
        targets.writerow(["金额单位：万元"] + [""] * 12)
        targets.writerow(HEADER_1)
        targets.writerow(HEADER_2)
        progress.writerow(["单位代码", "项目名称", "三级指标", "截至目前完成值", "预算数", "1-7月执行数"])
        per_department = [args.projects // args.departments + (1 if d < args.projects % args.departments else 0)
                          for d in range(args.departments)]
        for d, n in enumerate(per_department):
            code = f"{301 + d}001"
            # Distinct topics within a department, so project names are unique keys there.
            topics = rng.sample(TOPICS, min(n, len(TOPICS)))
            for i in range(n):
                topic = topics[i % len(topics)]
                suffix = "" if i < len(topics) else f"（{i // len(topics) + 1}期）"
                name = f"{topic[0]}{rng.choice(KINDS)}{suffix}"
                funds = round(rng.choice([rng.uniform(8, 60), rng.uniform(60, 400), rng.uniform(400, 3000)]), 2)
                rows, ind = project_rows(code, name, funds, topic)
                targets.writerows(rows)
                progress.writerows(progress_rows(rng, code, name, funds, ind))
    print(targets_path)
    print(progress_path)


if __name__ == "__main__":
    main()
