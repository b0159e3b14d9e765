// CSV: one finding per row for people who sort and filter in Excel. UTF-8 with a BOM (so Excel reads
// Chinese correctly), CRLF line ends, RFC 4180 quoting, header in the report's language.
#include "report/formats.hpp"

namespace perf_check::report {

namespace {

struct Words {
    const char* headers[11];
    const char* severity[3];
    const char* unreadable;
};

const Words k_zh = {{"文件", "行", "单元格", "级别", "规则", "单位代码", "项目", "指标", "值", "问题", "修改建议"},
                    {"提示", "警告", "错误"},
                    "无法读取文件"};
const Words k_en = {{"file", "row", "cell", "level", "rule", "unit code", "project", "indicator", "value", "problem", "fix"},
                    {"info", "warning", "error"},
                    "cannot read the file"};

bool is_plain_number(std::string_view s) {
    if (s.empty()) return false;
    std::size_t i = s[0] == '-' || s[0] == '+' ? 1 : 0;
    bool digit = false;
    for (; i < s.size(); ++i) {
        if (s[i] >= '0' && s[i] <= '9') digit = true;
        else if (s[i] != '.') return false;
    }
    return digit;
}

// RFC 4180: quote fields holding a comma, quote or line break, doubling inner quotes. Cells Excel would
// run as a formula (=, +, -, @ followed by more than a number: `=8个` is a real target value) get a
// leading apostrophe, Excel's own marker for "this is text".
std::string field(std::string_view s) {
    std::string v(s);
    if (!v.empty() && (v[0] == '=' || v[0] == '@' || ((v[0] == '+' || v[0] == '-') && v.size() > 1 && !is_plain_number(v)))) {
        v.insert(0, "'");
    }
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string out = "\"";
    for (const char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

void row(std::ostream& out, const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) out << (i ? "," : "") << field(cells[i]);
    out << "\r\n";
}

class CsvReporter final : public Reporter {
public:
    void write(const Report& report, std::ostream& out) const override {
        const Words& w = report.lang == Lang::en ? k_en : k_zh;
        out << "\xEF\xBB\xBF";
        row(out, {std::begin(w.headers), std::end(w.headers)});
        // Unreadable files are not findings, but a reviewer filtering this sheet must still see them.
        for (const auto& f : report.files) {
            if (f.error) row(out, {f.path, "", "", w.severity[2], "unreadable-file", "", "", "", "", std::string(w.unreadable) + "：" + *f.error, ""});
        }
        for (const auto& f : report.findings) {
            row(out, {f.loc.file, f.loc.row > 0 ? std::to_string(f.loc.row) : "", f.loc.cell_ref(),
                      w.severity[static_cast<int>(f.severity)], f.rule, f.project_code, f.project, f.indicator, f.value,
                      pick(f.message, report.lang), pick(f.hint, report.lang)});
        }
    }
};

}  // namespace

std::unique_ptr<Reporter> make_csv_reporter(const ReporterOptions& /*options*/) {
    return std::make_unique<CsvReporter>();
}

}  // namespace perf_check::report
