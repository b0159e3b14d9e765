#!/usr/bin/python3
"""Builds the seed corpora of the fuzz targets (called by scripts/fuzz.sh; nothing here is committed).

usage: make_seeds.py OUT_DIR REPO_DIR [EXTRA_SEED_DIR...]

OUT_DIR/<target>/ receives, named by content hash so that reruns add nothing twice:
  fuzz_csv        the CSV files of samples/, the extra seed dirs and tests/hostile/ (up to 64 KB each)
  fuzz_xlsx       every .xlsx found there and in tests/data/xlsx/, as it is and as a part list
                  ("name\\ncontent" joined by "\\n@@PART@@\\n", see fuzz/fuzz_xlsx.cpp)
  fuzz_sheet_xml  every worksheet part of those .xlsx files, behind one byte that picks the read size, and
                  fuzz/seeds/sheet_xml/ (edge cases of the XML subset the fast reader takes, from its review)
  fuzz_json_model the .json tables of samples/ and tests/hostile/
  fuzz_rule_set   rules/default.yaml and every .yaml/.yml under tests/
  fuzz_deduction  every 评（扣分标准） cell of the CSV samples
  fuzz_numbers    every 指标值 / 度量单位 / 指标值类型 / 分值 cell of the CSV samples
fuzz/seeds/<target>/ (small hand-made seeds) is added as well.
"""
import csv
import hashlib
import io
import os
import sys
import zipfile

MAX_SEED = 64 * 1024
SEPARATOR = b"\n@@PART@@\n"


WRITTEN = set()


def put(out_dir, target, data):
    if not data or len(data) > MAX_SEED or (target, data) in WRITTEN:  # the same cell recurs thousands of times
        return
    WRITTEN.add((target, data))
    d = os.path.join(out_dir, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)


def files_under(root, exts):
    if not os.path.isdir(root):
        return []
    found = []
    for base, _, names in os.walk(root):
        for n in names:
            p = os.path.join(base, n)
            if n.lower().endswith(exts) and os.path.isfile(p):  # regular files only: never block on a FIFO
                found.append(p)
    return sorted(found)


def read(path):
    with open(path, "rb") as f:
        return f.read(16 * MAX_SEED + 1)


def as_parts(data):
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            parts = [info.filename.encode("utf-8") + b"\n" + z.read(info) for info in z.infolist()]
    except Exception:  # corrupt fixtures stay raw-only
        return None
    return SEPARATOR.join(parts)


def worksheets(data):
    """The first 64 KB of each worksheet part of an .xlsx (only that much is inflated: the fixtures include
    zip bombs); none for what is not a readable zip (the corrupt fixtures), like as_parts."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = [n for n in z.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")]
            out = []
            for n in names:
                with z.open(n) as part:
                    out.append(part.read(65536))
            return out
    except Exception:  # corrupt fixtures give no sheet seeds
        return []


def cells(path, wanted):
    """Cells of the columns named in `wanted`, from a CSV in UTF-8 or GB18030."""
    if os.path.getsize(path) > 16 * MAX_SEED:  # generated giants (hostile cases) add nothing here
        return []
    raw = read(path)
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        return []
    columns, out = [], []
    try:
        for row in csv.reader(io.StringIO(text, newline="")):
            hits = [i for i, c in enumerate(row) if c.strip() in wanted]
            if hits:
                columns = hits
                continue
            out.extend(row[i] for i in columns if i < len(row) and row[i].strip())
    except csv.Error:  # hostile cases (a lone \r, NUL bytes): keep what was read
        pass
    return out


def main():
    out_dir, repo = sys.argv[1], sys.argv[2]
    extra = [d for d in sys.argv[3:] if os.path.isdir(d)]
    text_roots = [os.path.join(repo, "samples"), os.path.join(repo, "tests", "hostile")] + extra
    for t in ("fuzz_csv", "fuzz_xlsx", "fuzz_sheet_xml", "fuzz_json_model", "fuzz_rule_set", "fuzz_deduction", "fuzz_numbers"):
        for p in files_under(os.path.join(repo, "fuzz", "seeds", t.removeprefix("fuzz_")), ("",)):
            put(out_dir, t, read(p))
    csvs = [p for r in text_roots for p in files_under(r, (".csv", ".tsv", ".txt"))]
    for p in csvs:
        put(out_dir, "fuzz_csv", read(p))
        for c in cells(p, {"评（扣分标准）", "评(扣分标准)"}):
            put(out_dir, "fuzz_deduction", c.encode("utf-8"))
        for c in cells(p, {"指标值", "度量单位", "指标值类型", "分值", "权重"}):
            put(out_dir, "fuzz_numbers", c.encode("utf-8"))
    for p in [q for r in text_roots + [os.path.join(repo, "tests", "data", "xlsx")] for q in files_under(r, (".xlsx",))]:
        data = read(p)
        put(out_dir, "fuzz_xlsx", data)
        parts = as_parts(data)
        if parts:
            put(out_dir, "fuzz_xlsx", parts)
        for i, sheet in enumerate(worksheets(data)):
            put(out_dir, "fuzz_sheet_xml", bytes([i * 37 % 256]) + sheet)
    for p in [q for r in text_roots for q in files_under(r, (".json",))]:
        put(out_dir, "fuzz_json_model", read(p))
    put(out_dir, "fuzz_rule_set", read(os.path.join(repo, "rules", "default.yaml")))
    for p in files_under(os.path.join(repo, "tests"), (".yaml", ".yml")):
        put(out_dir, "fuzz_rule_set", read(p))


if __name__ == "__main__":
    main()
