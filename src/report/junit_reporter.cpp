// JUnit XML for GitLab and Jenkins test reports: a suite per input file, one test case per finding.
// Errors fail their case; warnings and infos pass with their text in <system-out>, so a pipeline is
// red exactly when a table would be returned; an unreadable file is an <error>.
#include <map>
#include <set>

#include "report/formats.hpp"

namespace perf_check::report {

namespace {

struct Words {
    const char* value;
    const char* fix;
    const char* where;
    const char* row;
    const char* unreadable;
    const char* clean;
    const char* clean_text;
    const char* file_level;
};

const Words k_zh = {"值：", "修改：", "位置：", "第%d行", "无法读取", "检查通过", "未发现问题。", "（整个文件）"};
const Words k_en = {"value: ", "fix: ", "where: ", "row %d", "cannot be read", "check passed", "No problems found.",
                    "(whole file)"};

std::string row_text(const Words& w, int row) {
    std::string pattern = w.row;
    const auto at = pattern.find("%d");
    return pattern.replace(at, 2, std::to_string(row));
}

// XML 1.0 text: markup characters as entities; tab/newline/CR kept (as character references inside
// attributes, where a parser would otherwise normalise them to spaces); other control characters are not
// allowed in XML at all and become U+FFFD.
std::string xml_escape(std::string_view s, bool attribute) {
    std::string out;
    out.reserve(s.size());
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        switch (ch) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            case '\n': out += attribute ? "&#10;" : "\n"; break;
            case '\r': out += "&#13;"; break;
            case '\t': out += attribute ? "&#9;" : "\t"; break;
            default:
                if (c < 0x20 || c == 0x7f) out += "\xEF\xBF\xBD";
                else out += ch;
        }
    }
    return out;
}

std::string finding_text(const Finding& f, const Words& w, Lang lang) {
    std::string text = pick(f.message, lang);
    if (!f.value.empty()) text += std::string("\n") + w.value + f.value;
    if (!pick(f.hint, lang).empty()) text += std::string("\n") + w.fix + pick(f.hint, lang);
    std::string where = f.loc.file;
    if (f.loc.row > 0) where += ":" + std::to_string(f.loc.row);
    if (!f.loc.cell_ref().empty()) where += " " + f.loc.cell_ref();
    std::string who = f.project_code;
    if (!f.project.empty()) who += (who.empty() ? "" : " ") + f.project;
    if (!f.indicator.empty()) who += (who.empty() ? "" : " ") + f.indicator;
    if (!who.empty()) where += " " + who;
    return text + "\n" + w.where + where;
}

struct Suite {
    std::string name;
    const FileResult* file = nullptr;
    std::vector<const Finding*> findings;
};

class JunitReporter final : public Reporter {
public:
    void write(const Report& report, std::ostream& out) const override {
        const Words& w = report.lang == Lang::en ? k_en : k_zh;
        // One suite per input file, in report order; findings of a file not listed (none today) get
        // their own suite rather than being dropped.
        std::vector<Suite> suites;
        std::map<std::string, std::size_t> suite_of;
        for (const auto& f : report.files) {
            if (suite_of.emplace(f.path, suites.size()).second) suites.push_back({f.path, &f, {}});
        }
        for (const auto& f : report.findings) {
            auto [it, fresh] = suite_of.emplace(f.loc.file, suites.size());
            if (fresh) suites.push_back({f.loc.file, nullptr, {}});
            suites[it->second].findings.push_back(&f);
        }
        int total_tests = 0, total_failures = 0, total_errors = 0;
        std::string body;
        for (const auto& s : suites) {
            int tests = 0, failures = 0, errors = 0;
            std::string cases;
            const std::string cls = xml_escape(s.name, true);
            if (s.file && s.file->error) {
                ++tests;
                ++errors;
                cases += "    <testcase classname=\"" + cls + "\" name=\"" + xml_escape(w.unreadable, true) + "\">\n" +
                         "      <error message=\"" + xml_escape(*s.file->error, true) + "\" type=\"unreadable-file\">" +
                         xml_escape(*s.file->error, false) + "</error>\n    </testcase>\n";
            }
            std::set<std::string> names;
            for (const Finding* f : s.findings) {
                ++tests;
                // Unique within the suite: rule, project, indicator and row, numbered when still equal.
                std::string name = f->rule;
                for (const std::string* part : {&f->project, &f->indicator}) {
                    if (!part->empty()) name += " " + *part;
                }
                if (f->project.empty() && f->indicator.empty()) name += std::string(" ") + w.file_level;
                if (f->loc.row > 0) name += " " + row_text(w, f->loc.row);
                std::string unique = name;
                for (int n = 2; !names.insert(unique).second; ++n) unique = name + " #" + std::to_string(n);
                const std::string text = finding_text(*f, w, report.lang);
                cases += "    <testcase classname=\"" + cls + "\" name=\"" + xml_escape(unique, true) + "\">\n";
                if (f->severity == Severity::error) {
                    ++failures;
                    cases += "      <failure message=\"" + xml_escape(pick(f->message, report.lang), true) + "\" type=\"" +
                             xml_escape(f->rule, true) + "\">" + xml_escape(text, false) + "</failure>\n";
                } else {
                    cases += "      <system-out>" + xml_escape(std::string("[") + severity_name(f->severity) + "] " + text, false) +
                             "</system-out>\n";
                }
                cases += "    </testcase>\n";
            }
            if (tests == 0) {
                // A clean file still shows up as one passing case, so "checked and fine" is visible.
                ++tests;
                cases += "    <testcase classname=\"" + cls + "\" name=\"" + xml_escape(w.clean, true) + "\">\n" +
                         "      <system-out>" + xml_escape(w.clean_text, false) + "</system-out>\n    </testcase>\n";
            }
            body += "  <testsuite name=\"" + cls + "\" tests=\"" + std::to_string(tests) + "\" failures=\"" +
                    std::to_string(failures) + "\" errors=\"" + std::to_string(errors) + "\" skipped=\"0\">\n" + cases +
                    "  </testsuite>\n";
            total_tests += tests;
            total_failures += failures;
            total_errors += errors;
        }
        out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            << "<testsuites name=\"perf-check\" tests=\"" << total_tests << "\" failures=\"" << total_failures
            << "\" errors=\"" << total_errors << "\">\n"
            << body << "</testsuites>\n";
    }
};

}  // namespace

std::unique_ptr<Reporter> make_junit_reporter(const ReporterOptions& /*options*/) {
    return std::make_unique<JunitReporter>();
}

}  // namespace perf_check::report
