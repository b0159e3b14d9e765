#!/usr/bin/python3
"""Writes the small .xlsx fixtures of tests/unit/io/xlsx_reader_test.cpp into this folder.

Run from anywhere: /usr/bin/python3 tests/data/xlsx/make_fixtures.py (Debian's python3-openpyxl).
Most workbooks are written part by part with zipfile, so that each one holds exactly the XML feature
under test (rich text, inline strings, prefixed names, merged ranges in omitted rows, a lying zip
header); sheets.xlsx is written with openpyxl, as a user's tool would. Outputs are committed; keep
them tiny (the zip bomb is ~30 KB).
"""
import datetime
import os
import re
import struct
import zipfile

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
SEED = os.path.join(ROOT, "samples", "targets-2024.xlsx")

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
NS_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"'

# A fixed timestamp keeps the committed bytes stable across runs.
STAMP = (2024, 1, 1, 0, 0, 0)


def put(z, name, data, method=zipfile.ZIP_DEFLATED):
    info = zipfile.ZipInfo(name, STAMP)
    info.compress_type = method
    z.writestr(info, data)


def save_stable(wb, path):
    """Saves an openpyxl workbook with fixed timestamps, so regenerating gives the same bytes."""
    wb.save(path)
    with zipfile.ZipFile(path) as z:
        parts = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts:
            if name == "docProps/core.xml":
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2024-01-01T00:00:00Z", data)
            put(z, name, data)


def workbook(path, sheets, shared=None, styles=None, date1904=False, extra=None, skip=(), target="worksheets/"):
    """sheets: list of (name, sheet_xml or None, hidden). shared: list of <si> inner XML strings."""
    with zipfile.ZipFile(path, "w") as z:
        put(z, "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/></Types>')
        put(z, "_rels/.rels",
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships {PKG_REL}>'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        pr = '<workbookPr date1904="1"/>' if date1904 else "<workbookPr/>"
        hidden_attr = ' state="hidden"'
        entries = "".join(
            f'<sheet name="{name}" sheetId="{i + 1}" r:id="rId{i + 1}"{hidden_attr if hidden else ""}/>'
            for i, (name, _, hidden) in enumerate(sheets))
        put(z, "xl/workbook.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><workbook {NS} {NS_R}>{pr}<sheets>{entries}</sheets></workbook>')
        rels = "".join(
            f'<Relationship Id="rId{i + 1}" Type="{REL}/worksheet" Target="{target}sheet{i + 1}.xml"/>'
            for i in range(len(sheets)))
        n = len(sheets)
        rels += f'<Relationship Id="rId{n + 1}" Type="{REL}/styles" Target="styles.xml"/>'
        if shared is not None:
            rels += f'<Relationship Id="rId{n + 2}" Type="{REL}/sharedStrings" Target="/xl/sharedStrings.xml"/>'
        put(z, "xl/_rels/workbook.xml.rels",
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships {PKG_REL}>{rels}</Relationships>')
        put(z, "xl/styles.xml", styles or f'<?xml version="1.0" encoding="UTF-8"?><styleSheet {NS}>'
            '<cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>')
        if shared is not None:
            sis = "".join(f"<si>{s}</si>" for s in shared)
            put(z, "xl/sharedStrings.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><sst {NS} count="{len(shared)}">{sis}</sst>')
        for i, (_, xml, _) in enumerate(sheets):
            name = f"xl/worksheets/sheet{i + 1}.xml"
            if xml is not None and name not in skip:
                put(z, name, xml)
        for name, data in (extra or {}).items():
            put(z, name, data)


def sheet(rows_xml, merges=(), prefix=""):
    p = prefix + ":" if prefix else ""
    ns = f'xmlns:{prefix}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"' if prefix else NS
    merge_xml = ""
    if merges:
        merge_xml = f'<{p}mergeCells count="{len(merges)}">' + "".join(
            f'<{p}mergeCell ref="{m}"/>' for m in merges) + f"</{p}mergeCells>"
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<{p}worksheet {ns}>'
            f'<{p}sheetData>{rows_xml}</{p}sheetData>{merge_xml}</{p}worksheet>')


def make_cells():
    """Every kind of cell value, merged ranges (one anchored in an omitted row), and x:-prefixed names."""
    shared = [
        "<t>共享</t>",
        "<r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r>",
        "<t>漢字</t><rPh sb=\"0\" eb=\"2\"><t>かんじ</t></rPh>",
        "<t>a_x000D_b</t>",
        "<t xml:space=\"preserve\">  301001</t>",
    ]
    styles = (f'<?xml version="1.0" encoding="UTF-8"?><styleSheet {NS}><numFmts count="3">'
              '<numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>'
              '<numFmt numFmtId="165" formatCode="0.00%"/>'
              '<numFmt numFmtId="166" formatCode="#,##0.00_);[Red]\\(#,##0.00\\)"/></numFmts>'
              '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>'
              '<cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="9"/>'
              '<xf numFmtId="166"/><xf numFmtId="22"/><xf numFmtId="165"/></cellXfs></styleSheet>')
    x = "x:"
    rows = (
        f'<{x}row r="1">'
        f'<{x}c r="A1" t="s"><{x}v>0</{x}v></{x}c>'
        f'<{x}c r="B1" t="s"><{x}v>1</{x}v></{x}c>'
        f'<{x}c r="C1" t="s"><{x}v>2</{x}v></{x}c>'
        f'<{x}c r="D1" t="s"><{x}v>3</{x}v></{x}c>'
        f'<{x}c r="E1" t="inlineStr"><{x}is><{x}r><{x}t>内</{x}t></{x}r><{x}r><{x}t>联</{x}t></{x}r></{x}is></{x}c>'
        f'<{x}c r="F1" t="str"><{x}f>A1&amp;"结果"</{x}f><{x}v>公式结果</{x}v></{x}c>'
        f'<{x}c r="G1" t="b"><{x}v>1</{x}v></{x}c>'
        f'<{x}c r="H1" t="e"><{x}v>#DIV/0!</{x}v></{x}c>'
        f'<{x}c r="I1" t="s"><{x}v>4</{x}v></{x}c>'
        f'</{x}row>'
        f'<{x}row r="2">'
        f'<{x}c r="A2"><{x}v>274.65999999999997</{x}v></{x}c>'
        f'<{x}c r="B2" t="n"><{x}v>842.0700000000001</{x}v></{x}c>'
        f'<{x}c r="C2"><{x}v>4500</{x}v></{x}c>'
        f'<{x}c r="D2"><{x}v>0.30000000000000004</{x}v></{x}c>'
        f'<{x}c r="E2"><{x}v>-12.5</{x}v></{x}c>'
        f'<{x}c r="F2"><{x}v>1E+21</{x}v></{x}c>'
        f'<{x}c r="G2"><{x}v>1E-6</{x}v></{x}c>'
        f'<{x}c r="H2" s="4"><{x}v>4500</{x}v></{x}c>'
        f'<{x}c r="I2"><{x}f>SUM(A2:B2)</{x}f></{x}c>'
        f'<{x}c r="J2" t="str"><{x}f>IF(A2="","",1)</{x}f><{x}v></{x}v></{x}c>'
        f'<{x}c r="K2"><{x}f>A2*2</{x}f><{x}v></{x}v></{x}c>'
        f'</{x}row>'
        f'<{x}row r="3">'
        f'<{x}c r="A3" s="1"><{x}v>45292</{x}v></{x}c>'
        f'<{x}c r="B3" s="2"><{x}v>45473</{x}v></{x}c>'
        f'<{x}c r="C3" s="3"><{x}v>0.9</{x}v></{x}c>'
        f'<{x}c r="D3" s="5"><{x}v>45292.75</{x}v></{x}c>'
        f'<{x}c r="E3" s="6"><{x}v>0.955</{x}v></{x}c>'
        f'<{x}c r="F3" s="1"><{x}v>60</{x}v></{x}c>'
        f'<{x}c r="G3" s="1" t="s"><{x}v>0</{x}v></{x}c>'
        f'</{x}row>'
        # Merged ranges: A5:A7 (A7 holds text Excel hides), B5:C5 across, D6:D8 anchored in omitted row 6,
        # E7:F8 a block. Row 9 is present but empty; row 10 has cells without r attributes.
        f'<{x}row r="5"><{x}c r="A5" t="inlineStr"><{x}is><{x}t>项目A</{x}t></{x}is></{x}c>'
        f'<{x}c r="B5" t="inlineStr"><{x}is><{x}t>横向</{x}t></{x}is></{x}c></{x}row>'
        f'<{x}row r="7"><{x}c r="A7" t="inlineStr"><{x}is><{x}t>隐藏</{x}t></{x}is></{x}c>'
        f'<{x}c r="E7" t="inlineStr"><{x}is><{x}t>块</{x}t></{x}is></{x}c></{x}row>'
        f'<{x}row r="8"><{x}c r="B8"><{x}v>8</{x}v></{x}c></{x}row>'
        f'<{x}row r="9"/>'
        f'<{x}row><{x}c><{x}v>1</{x}v></{x}c><{x}c><{x}v>2</{x}v></{x}c>'
        f'<{x}c r="E10"><{x}v>5</{x}v></{x}c><{x}c><{x}v>6</{x}v></{x}c></{x}row>'
    )
    xml = sheet(rows, merges=["A5:A7", "B5:C5", "D6:D8", "E7:F8", "H1"], prefix="x")
    workbook(os.path.join(HERE, "cells.xlsx"), [("Cells", xml, False)], shared=shared, styles=styles)


def make_formats():
    """Numbers in the formats Chinese Excel and WPS save: a built-in East Asian date (31), a unit written by
    the format (#,##0"元", unquoted 0元), a code padded with zeros (000000), a comparator ("≥"0%), and an
    accounting format whose ¥ is not kept."""
    styles = (f'<?xml version="1.0" encoding="UTF-8"?><styleSheet {NS}><numFmts count="5">'
              '<numFmt numFmtId="164" formatCode="#,##0&quot;元&quot;"/>'
              '<numFmt numFmtId="165" formatCode="000000"/>'
              '<numFmt numFmtId="166" formatCode="&quot;≥&quot;0%"/>'
              '<numFmt numFmtId="167" formatCode="_ &quot;¥&quot;* #,##0.00_ ;_ &quot;¥&quot;* \\-#,##0.00_ ;_ &quot;¥&quot;* &quot;-&quot;??_ ;_ @_ "/>'
              '<numFmt numFmtId="168" formatCode="0元"/></numFmts>'
              '<cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="31"/><xf numFmtId="164"/><xf numFmtId="165"/>'
              '<xf numFmtId="166"/><xf numFmtId="167"/><xf numFmtId="168"/></cellXfs></styleSheet>')
    rows = ('<row r="1"><c r="A1" s="1"><v>45596</v></c><c r="B1" s="2"><v>1700000</v></c>'
            '<c r="C1" s="3"><v>12</v></c><c r="D1" s="4"><v>0.955</v></c><c r="E1" s="5"><v>842.0700000000001</v></c>'
            '<c r="F1" s="6"><v>5</v></c></row>')
    workbook(os.path.join(HERE, "formats.xlsx"), [("F", sheet(rows), False)], styles=styles)


def make_date1904():
    styles = (f'<?xml version="1.0" encoding="UTF-8"?><styleSheet {NS}>'
              '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>')
    rows = '<row r="1"><c r="A1" s="1"><v>43830</v></c><c r="B1" s="1"><v>1</v></c></row>'
    workbook(os.path.join(HERE, "date1904.xlsx"), [("D", sheet(rows), False)], styles=styles, date1904=True,
             target="xl/worksheets/")  # a package-absolute target written without its leading '/'



def make_merge_scan():
    """The merged-range pass scans bytes in 64 KiB chunks: put "<mergeCells" across the boundary (sheets
    1-3), and write one sheet in UTF-16, which cannot be scanned as bytes (sheet 4)."""
    chunk = 64 * 1024
    rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>锚</t></is></c></row><row r="2"><c r="C2"><v>2</v></c></row>'
    sheets = []
    for before_boundary in (1, 3, 12):
        head = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<worksheet {NS}><sheetData>{rows}</sheetData>')
        pad = chunk - before_boundary - len(head.encode())
        xml = head + " " * pad + '<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells></worksheet>'
        assert xml.encode().index(b"<mergeCells") == chunk - before_boundary
        sheets.append((f"S{before_boundary}", xml, False))
    utf16 = ('<?xml version="1.0" encoding="UTF-16" standalone="yes"?>\n'
             f'<worksheet {NS}><sheetData>{rows}</sheetData><mergeCells count="1"><mergeCell ref="A1:B2"/>'
             '</mergeCells></worksheet>').encode("utf-16")
    sheets.append(("U16", utf16, False))
    workbook(os.path.join(HERE, "merge-scan.xlsx"), sheets)


def seed_project_rows(index):
    """Rows of seed project `index` (0-based), as cell values, from the committed seed workbook."""
    wb = openpyxl.load_workbook(SEED)
    ws = wb.worksheets[0]
    first = 5 + 11 * index
    return [[ws.cell(r, c).value for c in range(1, 14)] for r in range(first, first + 11)]


def write_table(ws, projects):
    """A target table in the seed's layout: title, unit, two-row header, merged project cells."""
    ws.append(["项目支出绩效目标表"] + [None] * 12)
    ws.append([None] * 12 + ["金额单位：万元"])
    ws.append(["单位代码", "单位（专项）名称", "资金总额", "实施期绩效目标", "绩效指标"] + [None] * 8)
    ws.append([None] * 4 + ["一级指标", "二级指标", "三级指标", "指标值", "指标值内容", "评（扣分标准）",
                            "度量单位", "指标值类型", "备注"])
    ws.merge_cells("A1:M1")
    ws.merge_cells("E3:M3")
    for col in "ABCD":
        ws.merge_cells(f"{col}3:{col}4")
    row = 5
    for rows in projects:
        for r in rows:
            ws.append(r)
        for col in "ABCD":
            ws.merge_cells(f"{col}{row}:{col}{row + len(rows) - 1}")
        row += len(rows)


def make_sheets():
    """Notes first, a hidden table, then two tables: the first visible table is picked by default; last, a
    hidden blank template (the header and no project), which is no table to check."""
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "说明"
    notes.append(["填表说明"])
    notes.append(["1. 金额单位为万元。"])
    hidden = wb.create_sheet("隐藏表")
    write_table(hidden, [seed_project_rows(2)])
    hidden.sheet_state = "hidden"
    write_table(wb.create_sheet("表A"), [seed_project_rows(0)])
    write_table(wb.create_sheet("表B"), [seed_project_rows(1)])
    template = wb.create_sheet("空白模板")
    write_table(template, [])
    template.sheet_state = "hidden"
    save_stable(wb, os.path.join(HERE, "sheets.xlsx"))


def make_summary_first():
    """A 汇总表 (unit, project, budget and goal: it looks like a table, with no indicator columns) before the
    target table, and the self-evaluation after it: check reads the target table, score the self-evaluation."""
    import csv
    wb = openpyxl.Workbook()
    summary = wb.active
    summary.title = "汇总表"
    summary.append(["单位代码", "单位名称", "项目名称", "年初预算数", "绩效目标"])
    summary.append(["301001", "区民政局", "部分军退人员岗位补贴资金", 842.07, "保障军退人员生活补贴按时发放。"])
    write_table(wb.create_sheet("绩效目标表"), [seed_project_rows(0)])
    evaluation = wb.create_sheet("绩效自评表")
    with open(os.path.join(ROOT, "samples", "self-eval", "self-eval-2024.csv"), encoding="utf-8-sig") as f:
        for row in csv.reader(f):
            evaluation.append([c if c != "" else None for c in row])
    save_stable(wb, os.path.join(HERE, "summary-first.xlsx"))


def write_instructions(ws):
    """An instructions sheet as budget systems ship it: a title, the column names, one example row."""
    ws.append(["填表说明"])
    ws.append(["单位代码", "单位（专项）名称", "资金总额", "实施期绩效目标", "一级指标", "二级指标", "三级指标",
               "指标值", "指标值内容", "评（扣分标准）", "度量单位", "指标值类型", "备注"])
    ws.append(["填6位代码", "填项目全称", "单位万元", "一句话", "成本/产出/效益/满意度", "见下拉", "具体指标",
               "数字", "说明", "怎么扣分", "人/%/万元", "≥/≤/=/定性", "20分"])


def make_instructions():
    """填表说明 with an example row first, the table second, a 示例 sheet last: the table is checked and
    nothing else is said unchecked. Then a workbook whose only table-like sheet is named 填报说明."""
    wb = openpyxl.Workbook()
    wb.active.title = "填表说明"
    write_instructions(wb.active)
    write_table(wb.create_sheet("绩效目标表"), [seed_project_rows(0)])
    write_instructions(wb.create_sheet("示例"))
    save_stable(wb, os.path.join(HERE, "instructions.xlsx"))
    wb = openpyxl.Workbook()
    wb.active.title = "填报说明"
    write_table(wb.active, [seed_project_rows(1)])
    save_stable(wb, os.path.join(HERE, "instructions-only.xlsx"))


def make_formula_nocache():
    """The seed's first project with its cost target H5 a formula (=C5, the funds) and no saved result:
    openpyxl, like budget systems and scripts, writes formulas without computing them."""
    wb = openpyxl.Workbook()
    wb.active.title = "绩效目标表"
    write_table(wb.active, [seed_project_rows(0)])
    wb.active["H5"] = "=C5"
    save_stable(wb, os.path.join(HERE, "formula-nocache.xlsx"))


def make_no_table():
    wb = openpyxl.Workbook()
    wb.active.title = "杂项"
    wb.active.append(["这里没有绩效目标表"])
    save_stable(wb, os.path.join(HERE, "no-table.xlsx"))


def entry_data_offset(data, info):
    name_len, extra_len = struct.unpack_from("<HH", data, info.header_offset + 26)
    return info.header_offset + 30 + name_len + extra_len


def declare_size(path, name, size):
    """Rewrites the uncompressed size of entry `name` in its local header and central directory record."""
    data = bytearray(open(path, "rb").read())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(name)
    struct.pack_into("<I", data, info.header_offset + 22, size)
    pos = 0
    while True:
        pos = data.find(b"PK\x01\x02", pos)
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46: pos + 46 + name_len] == name.encode():
            break
        pos += 4
    struct.pack_into("<I", data, pos + 24, size)
    open(path, "wb").write(bytes(data))


def make_broken():
    seed = open(SEED, "rb").read()
    # Corrupt: flip bytes in the middle of the sheet's deflated data (zlib or CRC error on reading).
    with zipfile.ZipFile(SEED) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    start = entry_data_offset(seed, info) + info.compress_size // 2
    corrupt = bytearray(seed)
    for i in range(start, start + 64):
        corrupt[i] ^= 0x5A
    open(os.path.join(HERE, "corrupt.xlsx"), "wb").write(bytes(corrupt))
    # Truncated: a download cut off part-way (the zip directory at the end is gone).
    open(os.path.join(HERE, "truncated.xlsx"), "wb").write(seed[: len(seed) * 6 // 10])

    table = sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>')
    # Zip bomb: a 30 MiB sheet of zeros deflates to ~30 KB (ratio ~1000:1).
    workbook(os.path.join(HERE, "bomb.xlsx"), [("Bomb", table, False)],
             skip=("xl/worksheets/sheet1.xml",), extra={"xl/worksheets/sheet1.xml": b"\0" * (30 << 20)})
    # A header that lies: 4 MiB of XML declared as 1000 bytes (below every ratio check).
    path = os.path.join(HERE, "lying-size.xlsx")
    big = sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>' + "x" * (4 << 20) + "</t></is></c></row>")
    workbook(path, [("Lies", big, False)])
    declare_size(path, "xl/worksheets/sheet1.xml", 1000)
    # Declared sizes beyond the limits (the data is tiny): 2 GiB in total; a 300 MiB sharedStrings.xml.
    path = os.path.join(HERE, "huge-declared.xlsx")
    workbook(path, [("Huge", table, False)])
    declare_size(path, "xl/worksheets/sheet1.xml", 2 << 30)
    path = os.path.join(HERE, "big-strings.xlsx")
    workbook(path, [("Strings", table, False)], shared=["<t>x</t>"])
    declare_size(path, "xl/sharedStrings.xml", 300 << 20)

    # Not a workbook at all: a zip of something else.
    with zipfile.ZipFile(os.path.join(HERE, "not-workbook.xlsx"), "w") as z:
        put(z, "hello.txt", "这不是 Excel 文件")
    # The workbook lists a sheet whose part is absent.
    workbook(os.path.join(HERE, "missing-sheet.xlsx"), [("Gone", table, False)], skip=("xl/worksheets/sheet1.xml",))
    # Malformed XML: </row> never closed.
    workbook(os.path.join(HERE, "malformed.xlsx"), [("Bad", sheet(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c>\n<row r="2"></row>'), False)])
    # A DTD with nested entities (billion laughs): refused before any expansion.
    laughs = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n'
              f'<worksheet {NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row>'
              '</sheetData></worksheet>')
    workbook(os.path.join(HERE, "doctype.xlsx"), [("DTD", laughs, False)])
    # A shared-string index beyond the table.
    workbook(os.path.join(HERE, "bad-index.xlsx"), [("Idx", sheet('<row r="3"><c r="C3" t="s"><v>7</v></c></row>'),
                                                    False)], shared=["<t>only</t>"])
    # A legacy .xls: an OLE2 compound file header.
    open(os.path.join(HERE, "legacy.xls"), "wb").write(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 504)


def make_handover():
    """The fast sheet reader (SheetScanner) reads the XML spreadsheet programs write and hands anything else
    to expat, which reads the sheet again from its start and yields only the rows not yet handed out.
    Each sheet holds the same table; all but "Clean" have something the fast reader leaves to expat after
    row 3, inside a merged range (A2:A5) that must still fill across the hand-over."""
    def rows(trigger_row3="", text4="文本", attr4=""):
        out = ""
        for r in range(1, 7):
            cells = f'<c r="A{r}" t="inlineStr"><is><t>{"项目" if r == 2 else f"a{r}"}</t></is></c>' if r in (1, 2, 6) else ""
            cells += f'<c r="B{r}"><v>{r}</v></c>'
            if r == 4:
                cells += f'<c r="C4" t="inlineStr"{attr4}><is><t>{text4}</t></is></c>'
            out += f'<row r="{r}">{cells}</row>'
            if r == 3:
                out += trigger_row3
        return out
    merges = ["A2:A5"]
    workbook(os.path.join(HERE, "handover.xlsx"), [
        ("Clean", sheet(rows(text4="a&gt;b 文本"), merges), False),
        ("Comment", sheet(rows(trigger_row3="<!-- 注释 -->", text4="a&gt;b 文本"), merges), False),
        ("CDATA", sheet(rows(text4="<![CDATA[a>b 文本]]>"), merges), False),
        ("RawGt", sheet(rows(text4="a>b 文本"), merges), False),
        ("AttrEntity", sheet(rows(text4="a&gt;b 文本", attr4=' note="x&amp;y"'), merges), False),
    ])


def write_form(ws, name, unit, funds, spent, indicators, total, actual_columns=True, weight_header="分值",
               money="万元"):
    """The national self-evaluation form (财政部《项目支出绩效自评表》) as a county's health centres fill it:
    title, project block (项目名称, 主管部门/实施单位, the 项目资金 rows, 年度总体目标), the indicator header and
    indicators under a merged 绩效指标 label, and the 总分 row. Without actual_columns, the 申报表's columns."""
    ws.append(["项目支出绩效自评表"] + [None] * 8)
    ws.append(["（2024年度）"] + [None] * 8)
    ws.append(["项目名称", name] + [None] * 7)
    ws.append(["主管部门", "县卫生健康局", None, None, None, "实施单位", unit, None, None])
    ws.append([f"项目资金（{money}）", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", None])
    rate = f"{float(spent) / float(funds) * 100:.2f}%" if funds else None
    ws.append([None, "年度资金总额", funds, funds, spent, 10, rate, None, None])
    ws.append([None, "其中：当年财政拨款", funds, funds, spent, "—", "—", "—", None])
    ws.append(["年度总体目标", "预期目标", None, None, None, "实际完成情况", None, None, None])
    ws.append([None, "完成辖区居民健康档案管理和慢性病随访，提升基本公共卫生服务均等化水平。", None, None, None,
               "已按计划完成。", None, None, None])
    header = ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", weight_header, "得分",
              "偏差原因分析及改进措施"]
    if not actual_columns:
        header = ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", None, "分值", None, None]
    ws.append(header)
    first = ws.max_row + 1
    for row in indicators:
        ws.append([None] + (row if actual_columns else row[:4] + [None, row[5], None, None]))
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # "=100%" typed as text, not a formula
    last = ws.max_row
    ws.append(["总分", None, None, None, None, None, 100, total, None])
    ws.merge_cells("A1:I1")
    ws.merge_cells("A2:I2")
    ws.merge_cells("B3:I3")
    ws.merge_cells("B4:E4")
    ws.merge_cells("G4:I4")
    ws.merge_cells("A5:A7")
    ws.merge_cells("A8:A9")
    ws.merge_cells("B8:E8")
    ws.merge_cells("F8:I8")
    ws.merge_cells("B9:E9")
    ws.merge_cells("F9:I9")
    ws.merge_cells(f"A{first - 1}:A{last}")


FORM_INDICATORS = [
    ["产出指标", "数量指标", "居民电子健康档案建档率", "≥90%", "92%", 30, 30, None],
    [None, "质量指标", "高血压患者规范管理率", "≥60%", "63%", 20, 20, None],
    [None, "时效指标", "资金拨付及时率", "=100%", "100%", 10, 10, None],
    ["效益指标", "社会效益指标", "居民健康素养水平", "≥25%", "26%", 20, 20, None],
    ["满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "93%", 10, 10, None],
]


def make_forms():
    """A workbook of self-evaluation forms, one health centre's project a sheet, as a county's health bureau
    collects them: notes first, three forms (read one after another: the third scores an indicator above
    its weight), a hidden old form and a 申报表 form (both only named as not checked), and a blank form."""
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "填报说明"
    notes.append(["每个卫生院一张自评表，金额单位为万元。"])
    write_form(wb.create_sheet("城关镇卫生院"), "基本公共卫生服务补助", "城关镇卫生院", 150, 148, FORM_INDICATORS, 99.87)
    write_form(wb.create_sheet("河口乡卫生院"), "基本公共卫生服务补助", "河口乡卫生院", 120, 96, FORM_INDICATORS, 98.0)
    over = [list(r) for r in FORM_INDICATORS]
    over[1][6] = 25  # 25 of 20
    write_form(wb.create_sheet("白云乡卫生院"), "家庭医生签约服务补助", "白云乡卫生院", 80, 80, over, 105.0)
    old = wb.create_sheet("2023年旧表")
    write_form(old, "基本公共卫生服务补助", "城关镇卫生院", 140, 140, FORM_INDICATORS, 100.0)
    old.sheet_state = "hidden"
    write_form(wb.create_sheet("2025年申报"), "基本公共卫生服务补助", "城关镇卫生院", 160, 0, FORM_INDICATORS, None,
               actual_columns=False)
    blank = wb.create_sheet("空白表")
    write_form(blank, None, None, 0, 0, [], None)
    save_stable(wb, os.path.join(HERE, "forms.xlsx"))
    # The first form has lost its 分值 header: check and score both read the two whole ones after it.
    wb = openpyxl.Workbook()
    write_form(wb.active, "基本公共卫生服务补助", "甲卫生院", 100, 100, FORM_INDICATORS, 100.0, weight_header=None)
    wb.active.title = "甲卫生院"
    write_form(wb.create_sheet("乙卫生院"), "基本公共卫生服务补助", "乙卫生院", 110, 110, FORM_INDICATORS, 100.0)
    write_form(wb.create_sheet("丙卫生院"), "基本公共卫生服务补助", "丙卫生院", 120, 120, FORM_INDICATORS, 100.0)
    save_stable(wb, os.path.join(HERE, "forms-first-lacks.xlsx"))
    # Three forms, the second's sheet XML cut short (a damaged copy): the other two are read, it is named.
    wb = openpyxl.Workbook()
    wb.active.title = "甲卫生院"
    write_form(wb.active, "基本公共卫生服务补助", "甲卫生院", 100, 100, FORM_INDICATORS, 100.0)
    write_form(wb.create_sheet("乙卫生院"), "基本公共卫生服务补助", "乙卫生院", 110, 110, FORM_INDICATORS, 100.0)
    write_form(wb.create_sheet("丙卫生院"), "基本公共卫生服务补助", "丙卫生院", 120, 120, FORM_INDICATORS, 100.0)
    # The third in 元: read as 120万, and so in the canonical JSON.
    write_form(wb.create_sheet("丁卫生院"), "基本公共卫生服务补助", "丁卫生院", 1200000, 1200000, FORM_INDICATORS, 100.0,
               money="元")
    path = os.path.join(HERE, "forms-broken.xlsx")
    save_stable(wb, path)
    with zipfile.ZipFile(path) as z:
        parts = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts:
            put(z, name, data[:200] if name == "xl/worksheets/sheet2.xml" else data)


if __name__ == "__main__":
    make_handover()
    make_cells()
    make_date1904()
    make_formats()
    make_merge_scan()
    make_sheets()
    make_summary_first()
    make_instructions()
    make_formula_nocache()
    make_no_table()
    make_forms()
    make_broken()
