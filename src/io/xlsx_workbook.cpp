// Reading workbook.xml, its relationships, sharedStrings.xml and styles.xml through the streaming XML layer.
#include "io/xlsx_workbook.hpp"

#include <map>

#include <fmt/format.h>

#include "io/xlsx_limits.hpp"
#include "io/xml_stream.hpp"
#include "util/text.hpp"

namespace perf_check::io {

namespace {

struct Relationship {
    std::string id;
    std::string type;  ///< the last path segment of the Type URI: "worksheet", "sharedStrings", …
    std::string target;
};

class RelsHandler final : public XmlHandler {
public:
    void on_start(XmlControl&, std::string_view name, const char* const* attrs) override {
        if (name != "Relationship") return;
        if (xml_attr(attrs, "TargetMode").value_or("") == "External") return;
        Relationship rel;
        rel.id = std::string(xml_attr(attrs, "Id").value_or(""));
        const std::string_view type = xml_attr(attrs, "Type").value_or("");
        rel.type = std::string(type.substr(type.rfind('/') + 1));
        rel.target = std::string(xml_attr(attrs, "Target").value_or(""));
        rels.push_back(std::move(rel));
    }
    void on_end(XmlControl&, std::string_view) override {}
    std::vector<Relationship> rels;
};

class WorkbookHandler final : public XmlHandler {
public:
    struct Sheet {
        std::string name;
        std::string rel_id;
        bool hidden = false;
    };
    void on_start(XmlControl&, std::string_view name, const char* const* attrs) override {
        if (name == "workbookPr") {
            const auto v = xml_attr(attrs, "date1904").value_or("");
            date1904 = v == "1" || v == "true";
        } else if (name == "sheet") {
            Sheet s;
            s.name = std::string(xml_attr(attrs, "name").value_or(""));
            s.rel_id = std::string(xml_attr(attrs, "id").value_or(""));
            const auto state = xml_attr(attrs, "state").value_or("visible");
            s.hidden = state == "hidden" || state == "veryHidden";
            sheets.push_back(std::move(s));
        }
    }
    void on_end(XmlControl&, std::string_view) override {}
    std::vector<Sheet> sheets;
    bool date1904 = false;
};

// <sst><si><t>text</t></si><si><r><t>rich</t></r><r><t> run</t></r><rPh><t>phonetic</t></rPh></si>…
class SharedStringsHandler final : public XmlHandler {
public:
    SharedStringsHandler(SharedStrings& out, std::size_t max_cell) : m_out(out), m_max_cell(max_cell) {}
    void on_start(XmlControl&, std::string_view name, const char* const*) override {
        if (name == "si") {
            m_in_si = true;
            m_text.clear();
        } else if (name == "rPh") {
            ++m_phonetic;  // furigana runs are not part of the cell text
        } else if (name == "t" && m_in_si && m_phonetic == 0) {
            m_in_t = true;
        }
    }
    void on_end(XmlControl&, std::string_view name) override {
        if (name == "t") {
            m_in_t = false;
        } else if (name == "rPh") {
            --m_phonetic;
        } else if (name == "si" && m_in_si) {
            m_in_si = false;
            m_out.add(decode_ooxml_escapes(m_text));
        }
    }
    void on_text(XmlControl& xml, std::string_view text) override {
        if (!m_in_t) return;
        if (m_text.size() + text.size() > m_max_cell) {
            xml.fail(fmt::format("a shared string is larger than {}", human_size(m_max_cell)), "单元格内容过大");
            return;
        }
        m_text.append(text);
    }

private:
    SharedStrings& m_out;
    std::size_t m_max_cell;
    std::string m_text;
    bool m_in_si = false;
    bool m_in_t = false;
    int m_phonetic = 0;
};

class StylesHandler final : public XmlHandler {
public:
    void on_start(XmlControl&, std::string_view name, const char* const* attrs) override {
        if (name == "numFmt") {
            const int id = to_int(xml_attr(attrs, "numFmtId").value_or(""));
            custom[id] = std::string(xml_attr(attrs, "formatCode").value_or(""));
        } else if (name == "cellXfs") {
            m_in_cell_xfs = true;
        } else if (name == "xf" && m_in_cell_xfs) {
            xf_formats.push_back(to_int(xml_attr(attrs, "numFmtId").value_or("0")));
        }
    }
    void on_end(XmlControl&, std::string_view name) override {
        if (name == "cellXfs") m_in_cell_xfs = false;
    }
    static int to_int(std::string_view s) {
        int v = 0;
        for (char c : s) {
            if (c < '0' || c > '9' || v > 100000000) return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }
    std::map<int, std::string> custom;
    std::vector<int> xf_formats;

private:
    bool m_in_cell_xfs = false;
};

// Parses the whole part with `handler`; a missing part is an Error only when `required`.
Expected<bool> parse_part(const ZipArchive& zip, const std::string& part, std::uint64_t max_bytes,
                          XmlHandler& handler, bool required) {
    if (!required && !zip.has(part)) return false;
    auto entry = zip.open_entry(part, max_bytes);
    if (!entry) return entry.error();
    XmlStream xml(handler, **entry, zip.path());
    auto ok = xml.run();
    if (!ok) return ok.error();
    return true;
}

std::string rels_part_of(const std::string& part) {
    const auto slash = part.rfind('/');
    const std::string dir = slash == std::string::npos ? "" : part.substr(0, slash + 1);
    const std::string base = slash == std::string::npos ? part : part.substr(slash + 1);
    return dir + "_rels/" + base + ".rels";
}

const Relationship* find_type(const std::vector<Relationship>& rels, std::string_view type) {
    for (const auto& r : rels) {
        if (r.type == type) return &r;
    }
    return nullptr;
}

}  // namespace

void SharedStrings::add(std::string_view s) {
    m_text.append(s);
    m_offsets.push_back(static_cast<std::uint32_t>(m_text.size()));
}

std::string resolve_part(std::string_view source_part, std::string_view target) {
    std::vector<std::string> parts;
    if (!target.empty() && target[0] == '/') {
        target.remove_prefix(1);
    } else {
        const auto slash = source_part.rfind('/');
        if (slash != std::string_view::npos) parts = util::split(source_part.substr(0, slash), '/');
    }
    for (const auto& seg : util::split(target, '/')) {
        if (seg.empty() || seg == ".") continue;
        if (seg == "..") {
            if (!parts.empty()) parts.pop_back();
            continue;
        }
        parts.push_back(seg);
    }
    return util::join(parts, "/");
}

Expected<std::shared_ptr<XlsxWorkbook>> XlsxWorkbook::open(const std::string& path, const ReadLimits& limits) {
    auto zip = ZipArchive::open(path, limits.max_xlsx_bytes);
    if (!zip) return zip.error();
    std::shared_ptr<XlsxWorkbook> wb(new XlsxWorkbook());
    wb->m_zip = std::move(*zip);
    wb->m_limits = limits;
    auto ok = wb->read_parts();
    if (!ok) return ok.error();
    return wb;
}

Expected<bool> XlsxWorkbook::read_parts() {
    const ZipArchive& zip = *m_zip;
    const auto small = xlsx_limits::k_max_small_part_bytes;

    // The package's root relationships name the workbook part; xl/workbook.xml is the usual default.
    std::string workbook_part = "xl/workbook.xml";
    RelsHandler root;
    auto got = parse_part(zip, "_rels/.rels", small, root, false);
    if (!got) return got.error();
    if (const auto* r = find_type(root.rels, "officeDocument")) workbook_part = resolve_part("", r->target);
    if (!zip.has(workbook_part)) {
        return Error{fmt::format("not an Excel workbook: the part {} is missing (this zip is not an .xlsx, or it is "
                                 "damaged); open the table in Excel/WPS and save it as .xlsx "
                                 "(不是 Excel 工作簿：缺少 {}，请在 Excel/WPS 中另存为 .xlsx)",
                                 workbook_part, workbook_part),
                     zip.path()};
    }
    WorkbookHandler workbook;
    got = parse_part(zip, workbook_part, small, workbook, true);
    if (!got) return got.error();
    m_date1904 = workbook.date1904;

    RelsHandler rels;
    got = parse_part(zip, rels_part_of(workbook_part), small, rels, true);
    if (!got) return got.error();
    for (const auto& s : workbook.sheets) {
        XlsxSheet sheet;
        sheet.name = s.name;
        sheet.hidden = s.hidden;
        for (const auto& r : rels.rels) {
            if (r.id != s.rel_id) continue;
            sheet.part = resolve_part(workbook_part, r.target);
            // Some generators write package-absolute targets without the leading '/'.
            if (!zip.has(sheet.part) && zip.has(resolve_part("", r.target))) sheet.part = resolve_part("", r.target);
            sheet.worksheet = r.type == "worksheet";
        }
        m_sheets.push_back(std::move(sheet));
    }
    if (m_sheets.empty()) {
        return Error{fmt::format("the workbook has no sheets ({} lists none) (工作簿中没有工作表)", workbook_part),
                     zip.path()};
    }

    const auto* strings_rel = find_type(rels.rels, "sharedStrings");
    const std::string strings_part =
        strings_rel ? resolve_part(workbook_part, strings_rel->target) : resolve_part(workbook_part, "sharedStrings.xml");
    SharedStringsHandler strings(m_strings, m_limits.max_cell_bytes);
    got = parse_part(zip, strings_part, xlsx_limits::k_max_shared_strings_bytes, strings, false);
    if (!got) return got.error();

    const auto* styles_rel = find_type(rels.rels, "styles");
    const std::string styles_part =
        styles_rel ? resolve_part(workbook_part, styles_rel->target) : resolve_part(workbook_part, "styles.xml");
    StylesHandler styles;
    got = parse_part(zip, styles_part, small, styles, false);
    if (!got) return got.error();
    m_styles.reserve(styles.xf_formats.size());
    for (int id : styles.xf_formats) {
        const auto custom = styles.custom.find(id);
        m_styles.push_back(custom != styles.custom.end() ? custom_number_format(custom->second)
                                                         : builtin_number_format(id));
    }
    return true;
}

}  // namespace perf_check::io
