// JUnit XML for GitLab and Jenkins test reports: a suite per input file, one test case per finding.
// Findings at or above --fail-on (default: errors) fail their case; the others pass with their text in
// <system-out>, so the test report is red exactly when the run exits 1; an unreadable file is an <error>. Written as
// results arrive (counts wait for their suite's end in temporary storage), so memory stays flat.
#include <optional>
#include <set>
#include <sstream>

#include "report/formats.hpp"
#include "util/temp_stream.hpp"
#include "util/text.hpp"

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
    // XML must be UTF-8 throughout: bytes that are not (a GBK file name) become U+FFFD.
    if (!util::is_valid_utf8(s)) return xml_escape(util::to_valid_utf8(s), attribute);
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
    // Appended piece by piece: g++ 12 warns (-Wrestrict, falsely) on "literal" + a temporary string.
    if (f.loc.row > 0) where.append(":").append(std::to_string(f.loc.row));
    if (const std::string ref = f.loc.cell_ref(); !ref.empty()) where.append(" ").append(ref);
    std::string who = f.project_code;
    if (!f.project.empty()) who += (who.empty() ? "" : " ") + f.project;
    if (!f.indicator.empty()) who += (who.empty() ? "" : " ") + f.indicator;
    if (!who.empty()) where += " " + who;
    return text + "\n" + w.where + where;
}

// The report written as results arrive. The document's and each suite's counts are attributes at
// their top, so a suite's cases wait in a util::SpillBuffer until its file ends, and finished suites in
// a temporary file until the run ends: memory stays flat however many findings a run has.
class JunitStream final : public ReportStream {
public:
    JunitStream(std::ostream& out, Lang lang, std::optional<Severity> fail_on)
        : m_out(out), m_lang(lang), m_w(lang == Lang::en ? k_en : k_zh), m_fail_on(fail_on) {}

    void begin_file(const std::string& path) override {
        close_suite();
        open_suite(path);
    }
    void finding(const Finding& f) override {
        // Findings of a file not in the run (none today) get their own suite rather than being dropped.
        if (!m_open || f.loc.file != m_suite) {
            close_suite();
            open_suite(f.loc.file);
        }
        ++m_tests;
        // Unique within the suite: rule, project, indicator, sheet and row, numbered when still equal.
        // Names hold the sheet and row and findings come in sheet and row order, so only this row's names
        // can repeat. (A workbook of forms has a project of one name at the same row of several sheets.)
        if (f.loc.row != m_names_row || f.loc.sheet != m_names_sheet) {
            m_names.clear();
            m_names_row = f.loc.row;
            m_names_sheet = f.loc.sheet;
        }
        std::string name = f.rule;
        for (const std::string* part : {&f.project, &f.indicator}) {
            if (!part->empty()) name += " " + *part;
        }
        if (f.project.empty() && f.indicator.empty()) name += std::string(" ") + m_w.file_level;
        if (!f.loc.sheet.empty()) name.append(" ").append(f.loc.sheet);
        if (f.loc.row > 0) name.append(" ").append(row_text(m_w, f.loc.row));
        std::string unique = name;
        for (int n = 2; !m_names.insert(unique).second; ++n) unique = name + " #" + std::to_string(n);
        const std::string text = finding_text(f, m_w, m_lang);
        std::string out = "    <testcase classname=\"" + m_class + "\" name=\"" + xml_escape(unique, true) + "\">\n";
        if (m_fail_on && f.severity >= *m_fail_on) {
            ++m_failures;
            out += "      <failure message=\"" + xml_escape(pick(f.message, m_lang), true) + "\" type=\"" +
                   xml_escape(f.rule, true) + "\">" + xml_escape(text, false) + "</failure>\n";
        } else {
            out += "      <system-out>" +
                   xml_escape(std::string("[") + severity_name(f.severity) + "] " + text, false) + "</system-out>\n";
        }
        out += "    </testcase>\n";
        m_cases.append(out);
    }
    void end_file(const FileResult& file) override {
        if (m_open && file.path == m_suite && file.error) m_error = *file.error;
        close_suite();
    }
    void score(const ProjectScore& /*score*/) override {}
    void finish(const Report& /*rest*/) override {
        close_suite();
        m_out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              << "<testsuites name=\"perf-check\" tests=\"" << m_total_tests << "\" failures=\"" << m_total_failures
              << "\" errors=\"" << m_total_errors << "\">\n";
        if (!m_body.drain_to(m_out) || m_body_failed) {
            // A full $TMPDIR lost suites: say so in the report rather than hand CI a short one.
            m_out << "  <testsuite name=\"perf-check\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n"
                  << "    <testcase classname=\"perf-check\" name=\"report\">\n"
                  << "      <error message=\"part of this report was lost: a temporary file in $TMPDIR could not be "
                     "written\" type=\"incomplete-report\"/>\n    </testcase>\n  </testsuite>\n";
        }
        m_out << "</testsuites>\n";
    }

private:
    void open_suite(const std::string& path) {
        m_open = true;
        m_suite = path;
        m_class = xml_escape(path, true);
        m_error.reset();
        m_tests = m_failures = m_errors = 0;
        m_names.clear();
        m_names_row = -1;
        m_names_sheet.clear();
    }
    void close_suite() {
        if (!m_open) return;
        m_open = false;
        std::string head;
        if (m_error) {
            ++m_tests;
            ++m_errors;
            head = "    <testcase classname=\"" + m_class + "\" name=\"" + xml_escape(m_w.unreadable, true) + "\">\n" +
                   "      <error message=\"" + xml_escape(*m_error, true) + "\" type=\"unreadable-file\">" +
                   xml_escape(*m_error, false) + "</error>\n    </testcase>\n";
        }
        std::string tail;
        if (m_tests == 0) {
            // A clean file still shows up as one passing case, so "checked and fine" is visible.
            ++m_tests;
            tail = "    <testcase classname=\"" + m_class + "\" name=\"" + xml_escape(m_w.clean, true) + "\">\n" +
                   "      <system-out>" + xml_escape(m_w.clean_text, false) + "</system-out>\n    </testcase>\n";
        }
        std::ostringstream suite;
        suite << "  <testsuite name=\"" << m_class << "\" tests=\"" << m_tests << "\" failures=\"" << m_failures
              << "\" errors=\"" << m_errors << "\" skipped=\"0\">\n"
              << head;
        m_body.append(suite.str());
        if (!m_cases.drain_into(m_body)) m_body_failed = true;
        m_body.append(tail + "  </testsuite>\n");
        m_total_tests += m_tests;
        m_total_failures += m_failures;
        m_total_errors += m_errors;
    }

    std::ostream& m_out;
    Lang m_lang;
    const Words& m_w;
    std::optional<Severity> m_fail_on;
    bool m_open = false;
    std::string m_suite;
    std::string m_class;
    std::optional<std::string> m_error;
    int m_tests = 0, m_failures = 0, m_errors = 0;
    std::set<std::string> m_names;
    int m_names_row = -1;
    std::string m_names_sheet;
    util::SpillBuffer m_cases;
    util::SpillBuffer m_body;
    bool m_body_failed = false;
    int m_total_tests = 0, m_total_failures = 0, m_total_errors = 0;
};

}  // namespace

std::unique_ptr<Reporter> make_junit_reporter(const ReporterOptions& options) {
    return streaming_reporter(
        [fail_on = options.fail_on](std::ostream& out, Lang lang, bool /*with_summary*/) {
            return std::make_unique<JunitStream>(out, lang, fail_on);
        },
        /*carries_summary=*/false);
}

}  // namespace perf_check::report
