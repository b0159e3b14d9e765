// Input dispatch: one place that knows which reader handles which file, and the errors for files no reader can.
#include "io/open_table.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string_view>

#include "io/columns.hpp"
#include "io/csv_reader.hpp"
#include "io/json_model.hpp"
#include "io/xlsx_reader.hpp"
#include "util/text.hpp"

namespace perf_check::io {

namespace fs = std::filesystem;

std::string lower_extension(const std::string& path) {
    std::string ext = fs::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

bool is_table_file_name(const std::string& path) {
    const std::string fname = fs::path(path).filename().string();
    if (util::starts_with(fname, "~$") || util::starts_with(fname, ".")) return false;  // Excel lock files
    const std::string ext = lower_extension(path);
    // .xls, .et and .ods are not read, but a directory lists them so that opening each says what to do:
    // left out, a department's submission would vanish from the run without a word.
    return ext == ".csv" || ext == ".tsv" || ext == ".xlsx" || ext == ".xlsm" || ext == ".json" || ext == ".xls" ||
           ext == ".et" || ext == ".ods";
}

namespace {

// Spreadsheet formats no reader here handles, told by their extension: a WPS .et is a compound file like
// an .xls, an .ods a zip like an .xlsx, so their content would name the wrong format.
struct ForeignFormat {
    std::string_view extension;
    const char* message;
};

constexpr ForeignFormat k_foreign_formats[] = {
    {".et",
     "this is a WPS Spreadsheets (WPS 表格) .et file, which perf-check does not read: open it in WPS and use 另存为 "
     "(Save As) → Excel 工作簿 (*.xlsx), then check the .xlsx "
     "(WPS 表格 .et 格式不受支持：请在 WPS 中“另存为”Excel 工作簿 .xlsx 后再检查)"},
    {".ods",
     "this is an OpenDocument spreadsheet (.ods), which perf-check does not read: open it in LibreOffice Calc or "
     "WPS and use 另存为 (Save As) → Excel 2007-365 (*.xlsx), then check the .xlsx "
     "(OpenDocument .ods 格式不受支持：请在 LibreOffice 或 WPS 中“另存为”Excel 工作簿 .xlsx 后再检查)"},
};

// True when a line of `head` (the start of a file, its last line possibly cut short) is a header of column
// names separated by one of `separators`: three or more names perf-check knows. GBK text is decoded first, once.
bool has_header_line(std::string head, std::initializer_list<std::string_view> separators) {
    head.resize(head.rfind('\n') == std::string::npos ? head.size() : head.rfind('\n'));
    const std::string text = util::is_valid_utf8(head) ? head : gb18030_to_utf8(head);
    for (const auto& line : util::split(text, '\n')) {
        for (const std::string_view separator : separators) {
            if (header_names_in(line, separator) >= 3) return true;
        }
    }
    return false;
}

// The first 64 KiB of `in`, which is rewound.
std::string head_of(std::istream& in) {
    std::string head(1 << 16, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
    in.clear();
    in.seekg(0);
    return head;
}

// True for a .txt that Excel saved from a table: "Unicode 文本" (UTF-16 with its byte-order mark), or
// "文本文件(制表符分隔)" (GBK on a Chinese Windows, or UTF-8), a line of whose first 64 KiB is a header of
// tab-separated column names. Notes and 说明.txt in a folder of submissions are no tables.
bool is_text_table_export(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (utf16_bom(in).has_value()) return true;
    in.clear();
    in.seekg(0);
    return has_header_line(head_of(in), {"\t"});
}

// True when the first kilobyte of `path` names the perf-check table format.
bool names_table_format(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string head(1024, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
    return head.find("\"perf-check-table\"") != std::string::npos;
}

Expected<std::unique_ptr<ProjectSource>> open_csv_stream(std::unique_ptr<std::istream> in, const std::string& name,
                                                         const ReadOptions& options, const RuleSet& rules) {
    // Excel's "Unicode 文本" (and some systems' exports) is UTF-16 with a byte-order mark, tab-separated:
    // read through a decoder, as UTF-8. The mark cannot begin UTF-8 or GB18030 text, so it decides,
    // whatever --encoding says. (Its NUL bytes made it "binary data".)
    const std::optional<Utf16> utf16 = utf16_bom(*in);
    if (utf16) in = utf16_as_utf8(std::move(in), *utf16);
    std::optional<TextCheck> rest;
    auto enc = options.encoding && !utf16 ? verify_encoding(*in, *options.encoding, name)
                                          : detect_encoding(*in, name, utf16 ? nullptr : &rest);
    if (!enc) return enc.error();
    const char delimiter = sniff_delimiter(*in);
    auto rows = std::make_unique<CsvRowSource>(std::move(in), *enc, delimiter, name, options.limits, std::move(rest));
    auto src = TableProjectSource::open(std::move(rows), rules, name, utf16 ? utf16_name(*utf16) : encoding_name(*enc),
                                        options.kind);
    if (!src) return src.error();
    return std::unique_ptr<ProjectSource>(std::move(*src));
}

}  // namespace

Expected<std::unique_ptr<ProjectSource>> open_csv_text(std::string content, const std::string& name,
                                                       const ReadOptions& options, const RuleSet& rules) {
    return open_csv_stream(std::make_unique<std::istringstream>(std::move(content)), name, options, rules);
}

Expected<std::unique_ptr<ProjectSource>> open_table(const std::string& path, const ReadOptions& options,
                                                    const RuleSet& rules) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        return Error{"file not found (找不到文件：请检查路径)", path};
    }
    if (fs::is_directory(path, ec)) {
        return Error{"is a directory with no supported files (.csv .tsv .xlsx .json) (目录中没有可读取的表格文件)",
                     path};
    }
    const std::string ext = lower_extension(path);
    for (const auto& foreign : k_foreign_formats) {
        if (ext == foreign.extension) return Error{foreign.message, path};
    }
    auto in = std::make_unique<std::ifstream>(path, std::ios::binary);
    if (!*in) return Error{"cannot open file for reading (无法读取文件：请检查权限)", path};
    char magic[8] = {};
    in->read(magic, sizeof magic);
    const auto got = in->gcount();
    in->clear();
    in->seekg(0);
    if (got == 0) return Error{"file is empty (文件为空：请确认导出了表格内容)", path};
    const std::string head(magic, static_cast<std::size_t>(got));
    if (util::starts_with(head, "\xD0\xCF\x11\xE0")) {
        return Error{"this is a legacy Excel .xls file, which perf-check does not read: open it in Excel or WPS and "
                     "use 另存为 (Save As) → Excel 工作簿 (*.xlsx), then check the .xlsx "
                     "(旧版 .xls 格式不受支持：请在 Excel/WPS 中“另存为”.xlsx 后再检查)",
                     path};
    }
    if (util::starts_with(head, "PK\x03\x04")) return open_xlsx(path, options, rules);
    if (ext == ".xlsx" || ext == ".xlsm" || ext == ".xls") {
        // Not a zip: budget systems save text under a spreadsheet's name — an HTML table (said, with what to
        // do), or a delimited table (read as such, as an .xlsx saved as .csv is read as a workbook).
        const std::string sample = head_of(*in);
        std::string lower = sample.substr(0, 4096);
        for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        if (util::contains(lower, "<html") || util::contains(lower, "<table")) {
            return Error{
                "this is a web page (an HTML table) saved under a spreadsheet's name (" + ext +
                    "), not a workbook: open it in Excel or WPS and use 另存为 (Save As) → Excel 工作簿 (*.xlsx), "
                    "then check that (文件实际是网页表格（HTML），只是扩展名为 " +
                    ext + "：请在 Excel/WPS 中打开后“另存为”Excel 工作簿 .xlsx 再检查)",
                path};
        }
        const bool table = sample.find('\0') == std::string::npos && has_header_line(sample, {",", "\t"});
        if (ext == ".xls" || table) {
            in->clear();
            in->seekg(0);
            return open_csv_stream(std::move(in), path, options, rules);  // (an .xls that is text, as before)
        }
        in->clear();
        in->seekg(0);
        return open_xlsx(path, options, rules);
    }
    if (ext == ".json") return open_json_model(std::move(in), path, rules, options.kind == TableKind::actuals);
    return open_csv_stream(std::move(in), path, options, rules);
}

std::vector<std::string> expand_inputs(const std::vector<std::string>& paths, const std::vector<std::string>& besides) {
    std::vector<std::string> out;
    // A file named twice (`dir/ dir/a.csv`, `a.csv ./a.csv`, through a symbolic link) is one file:
    // checked twice, its findings and projects would count twice in the totals. Kept where it is first
    // named. Paths are compared resolved (symbolic links followed, `..` after them), as far as they exist.
    const auto key_of = [](const std::string& path) {
        std::error_code ec;
        const fs::path resolved = fs::weakly_canonical(path, ec);
        return ec ? fs::path(path).lexically_normal().string() : resolved.string();
    };
    std::set<std::string> seen;
    for (const auto& b : besides) seen.insert(key_of(b));
    const auto add = [&](const std::string& path) {
        if (seen.insert(key_of(path)).second) out.push_back(path);
    };
    for (const auto& p : paths) {
        std::error_code ec;
        if (!fs::is_directory(p, ec)) {
            add(p);
            continue;
        }
        std::vector<std::string> found;
        for (fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
             it != end; it.increment(ec)) {
            if (ec) break;
            if (!it->is_regular_file(ec)) continue;
            const std::string path = it->path().string();
            if (lower_extension(path) == ".txt") {
                // Hidden or lock files aside, as is_table_file_name puts them.
                if (is_table_file_name(fs::path(path).replace_extension(".csv").string()) && is_text_table_export(path))
                    found.push_back(path);
                continue;
            }
            if (!is_table_file_name(path)) continue;
            // A JSON file in a folder of submissions is an attachment list or a report as often as a table:
            // only a perf-check table (convert writes "format" first) is one, like a .docx is none.
            if (lower_extension(path) == ".json" && !names_table_format(path)) continue;
            found.push_back(path);
        }
        if (found.empty()) {
            add(p);  // reported as "no supported files"
            continue;
        }
        std::sort(found.begin(), found.end());
        for (const auto& f : found) add(f);
    }
    return out;
}

}  // namespace perf_check::io
