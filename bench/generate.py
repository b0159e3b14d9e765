#!/usr/bin/env python3
"""Writes a target table of N projects in the seed's Excel-export layout, for benchmarks.

Layout as the seed: title rows, 金额单位 row, two-row header (绩效指标 spanning the indicator columns),
merged-cell blanks below each project's first row, 无 rows in unused slots, realistic Chinese text and
self-evaluation columns (so `score` has work). About one project in five carries defects, as the issue
asks: in the target table (funds not itemised in the goal, a comparator contradicting its text, a missing
weight) and in its self-evaluation (deduction texts that only say 视情况扣分, targets missed without a reason,
budget execution below 90%). The other four are clean: `check` finds nothing in them. With --sloppy every
project gets the self-evaluation defects (about seven findings a project, a JSON report three and a half times
the input): the generator of the figures before 2026-11-30, kept to measure a report-heavy run.
Outputs: PREFIX.csv (UTF-8), PREFIX.gb18030.csv, and PREFIX.xlsx (shared strings, merged ranges) written
with the standard library's zipfile only.

usage: generate.py N PREFIX [--no-xlsx] [--sloppy]
"""
import csv
import io
import random
import sys
import zipfile
from xml.sax.saxutils import escape

HEADER1 = ["单位代码", "单位（专项）名称", "资金总额", "全年预算数", "全年执行数", "实施期绩效目标", "绩效指标"] + [""] * 11
HEADER2 = [""] * 6 + ["一级指标", "二级指标", "三级指标", "指标值", "指标值内容", "评（扣分标准）", "度量单位", "指标值类型",
                      "备注", "实际完成值", "得分", "偏差原因分析及改进措施"]
WIDTH = len(HEADER2)

PURPOSES = ["困难群众生活补助", "农村公路养护", "社区居家养老服务", "义务教育学校运转", "公共卫生服务补助", "就业创业补贴",
            "城乡居民医疗保险补助", "文化惠民工程", "农田水利设施维护", "退役军人优抚补助", "城市绿化养护", "食品安全抽检"]
UNITS = ["人", "个", "项", "次", "户", "公里", "所"]


def project_rows(i, rng, sloppy):
    code = "%06d" % (301001 + i // 25)
    name = "%s项目%d" % (rng.choice(PURPOSES), i)
    funds = round(rng.uniform(20, 3000), 2)
    a = round(funds * rng.uniform(0.4, 0.7), 2)
    b = round(funds - a, 2)
    defect = i % 5 == 4
    careless = defect or sloppy  # the self-evaluation's defects
    goal = "保障%s工作顺利实施，提升服务质量和群众满意度。其中：%s万元用于项目实施；%s万元用于配套保障。" % (
        name, a, b + (1.5 if defect else 0))
    spent = round(funds * (rng.uniform(0.7, 1.0) if careless else rng.uniform(0.9, 1.0)), 2)
    vague = "视情况，扣分，扣完为止" if careless else "达成年度指标得满分，未达成不得分"
    partly = rng.choice(["", "部分达成年度指标并具有一定效果"])  # a reviewer's 得分 goes with it when careful
    missed = "" if careless else "受政策调整影响，部分工作延后，下一步加快实施进度"
    count = rng.randint(50, 5000)
    rows = [
        ["成本指标", "经济成本指标", "项目实施成本", "%.2f" % a, "项目实施支出", "每超过5万元，扣1分，扣完为止", "万元", "≤", "10分",
         "%.2f" % (a + rng.choice([0, 0, 3.7, 12.93]) if careless else a - rng.choice([0, 0, 1.25])), "", ""],
        ["", "", "配套保障成本", "%.2f" % b, "配套保障支出", "每超过5万元，扣1分，扣完为止", "万元", "≤", "10分", "%.2f" % b, "", ""],
        ["", "社会成本指标", "无", "无", "无", "无", "无", "无", "", "", "", ""],
        ["", "生态环境成本指标", "无", "无", "无", "无", "无", "无", "", "", "", ""],
        ["产出指标", "数量指标", "服务对象数量", str(count), "全年服务对象数量", "达到指标值得满分，未达到指标值视情况扣分，扣完为止。" if careless else "达到指标值得满分，未达到的按完成比例计分。",
         rng.choice(UNITS), "<" if defect else "≥", "15分", str(int(count * rng.uniform(0.85, 1.1))), "", "部分对象尚未纳入"],
        ["", "质量指标", "资金到位率", "95", "资金到位率", "达到指标值得满分，少于1%扣0.5分，扣完为止。", "%", "≥", "15分",
         "%.1f" % rng.uniform(88 if careless else 95, 100), "", ""],
        ["", "时效指标", "资金发放时间", "2024年1-12月", "按月发放", vague, "月", "定性", "10分", "达成年度指标", "", ""],
        ["效益指标 ", "经济效益指标", "无", "无", "无", "无", "无", "无", "", "", "", ""],
        ["", "社会效益指标", "群众生活水平", "有效保障", "保障基本生活", vague, "-", "定性", "20分",
         partly if partly else "达成年度指标", "" if careless or not partly else "16", "" if careless else missed],
        ["", "生态效益指标", "无", "无", "无", "无", "无", "无", "", "", "", ""],
        ["", "可持续影响指标", "无", "无", "无", "无", "无", "无", "", "", "", ""],
        ["满意度指标", "服务对象满意度指标", "服务对象满意度", "90", "服务对象满意度", "达到指标值得满分，少于1%扣0.5分，扣完为止。", "%", "≥",
         "" if defect else "10分", "%.1f" % rng.uniform(85 if careless else 90, 99), "", ""],
    ]
    out = []
    for k, r in enumerate(rows):
        head = [code, name, "%.2f" % funds, "%.2f" % funds, "%.2f" % spent, goal] if k == 0 else [""] * 6
        out.append(head + r)
    return out


def all_rows(n, sloppy=False, seed=2024):
    rng = random.Random(seed)
    yield ["项目支出绩效目标表"] + [""] * (WIDTH - 1)
    yield ["金额单位：万元"] + [""] * (WIDTH - 1)
    yield HEADER1
    yield HEADER2
    for i in range(n):
        yield from project_rows(i, rng, sloppy)


def write_csv(n, path, encoding, sloppy):
    with open(path, "w", newline="", encoding=encoding) as f:
        w = csv.writer(f, lineterminator="\r\n")
        for row in all_rows(n, sloppy):
            w.writerow(row)


def col_letter(c):
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def write_xlsx(n, path, sloppy):
    strings = {}
    order = []
    merges = []
    sheet = io.StringIO()
    sheet.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
    r = 0
    project_start = None
    for row in all_rows(n, sloppy):
        r += 1
        if r > 4 and row[0]:
            if project_start is not None:
                for c in range(6):
                    merges.append("%s%d:%s%d" % (col_letter(c), project_start, col_letter(c), r - 1))
            project_start = r
        sheet.write('<row r="%d">' % r)
        for c, v in enumerate(row):
            if v == "":
                continue
            ref = "%s%d" % (col_letter(c), r)
            try:
                float(v)
                sheet.write('<c r="%s"><v>%s</v></c>' % (ref, v))
            except ValueError:
                if v not in strings:
                    strings[v] = len(order)
                    order.append(v)
                sheet.write('<c r="%s" t="s"><v>%d</v></c>' % (ref, strings[v]))
        sheet.write("</row>")
    if project_start is not None:
        for c in range(6):
            merges.append("%s%d:%s%d" % (col_letter(c), project_start, col_letter(c), r))
    sheet.write("</sheetData>")
    merges.append("G3:R3")
    sheet.write('<mergeCells count="%d">%s</mergeCells></worksheet>' % (
        len(merges), "".join('<mergeCell ref="%s"/>' % m for m in merges)))
    sst = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">'
           % (len(order), len(order))]
    sst += ["<si><t>%s</t></si>" % escape(s) for s in order]
    sst.append("</sst>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                   '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                   '</Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                   '</Relationships>')
        z.writestr("xl/workbook.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                   'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
                   '<sheet name="绩效目标表" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
                   '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                   '</Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", sheet.getvalue())
        z.writestr("xl/sharedStrings.xml", "".join(sst))
    return len(sheet.getvalue().encode("utf-8"))


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    n = int(sys.argv[1])
    prefix = sys.argv[2]
    sloppy = "--sloppy" in sys.argv
    write_csv(n, prefix + ".csv", "utf-8", sloppy)
    write_csv(n, prefix + ".gb18030.csv", "gb18030", sloppy)
    if "--no-xlsx" not in sys.argv:
        size = write_xlsx(n, prefix + ".xlsx", sloppy)
        print("sheet XML bytes: %d" % size)


if __name__ == "__main__":
    main()
