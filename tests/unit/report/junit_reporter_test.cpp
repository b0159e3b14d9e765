// JUnit output: well-formed XML (checked by python3's parser), a suite per file, unique names, the
// right element per severity, and escaping of markup and control characters.
#include <catch2/catch.hpp>

#include "unit/report/sample_report.hpp"

using namespace perf_check;

namespace {

// Parses the XML with python3's xml.etree and prints, per suite: name, the tests/failures/errors
// attributes, the number of cases, the number of distinct case names, and <failure>/<error> counts.
std::string parse_with_python(const std::string& xml) {
    test::TempDir dir;
    const std::string file = dir.write("out.xml", xml);
    const std::string script = dir.write("check.py", R"(import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == 'testsuites', root.tag
print('total', root.get('tests'), root.get('failures'), root.get('errors'))
for s in root.findall('testsuite'):
    cases = s.findall('testcase')
    names = [c.get('name') for c in cases]
    assert all(c.get('classname') == s.get('name') for c in cases)
    print(s.get('name'), s.get('tests'), s.get('failures'), s.get('errors'), len(cases), len(set(names)),
          len(s.findall('testcase/failure')), len(s.findall('testcase/error')), len(s.findall('testcase/system-out')))
)");
    const std::string result = dir.path("result.txt");
    const int rc = test::run_command("/usr/bin/python3 " + test::shell_quote(script) + " " + test::shell_quote(file) + " >" +
                                     test::shell_quote(result) + " 2>&1");
    INFO(test::slurp(result));
    REQUIRE(rc == 0);
    return test::slurp(result);
}

}  // namespace

TEST_CASE("junit: well-formed, one suite per file with the right counts", "[report][junit]") {
    const std::string xml = test::render(test::sample_report(), "junit");
    // Per suite: name tests failures errors | cases distinct-names failure-elements error-elements system-outs.
    CHECK(parse_with_python(xml) ==
          "total 7 2 1\n"
          "data/局 A/targets.csv 4 2 0 4 4 2 0 2\n"
          "b.xlsx 1 0 0 1 1 0 0 1\n"
          "broken.csv 1 0 1 1 1 0 1 0\n"
          "clean.csv 1 0 0 1 1 0 0 1\n");
}

TEST_CASE("junit: findings at or above --fail-on fail their case, so the report is red exactly when the run fails",
          "[report][junit]") {
    // --fail-on warning made the run exit 1 while JUnit said failures="0".
    report::ReporterOptions warning;
    warning.fail_on = Severity::warning;
    CHECK(parse_with_python(test::render(test::sample_report(), "junit", warning)) ==
          "total 7 4 1\n"
          "data/局 A/targets.csv 4 3 0 4 4 3 0 1\n"  // two errors and a warning fail; the info passes
          "b.xlsx 1 1 0 1 1 1 0 0\n"
          "broken.csv 1 0 1 1 1 0 1 0\n"
          "clean.csv 1 0 0 1 1 0 0 1\n");
    report::ReporterOptions never;
    never.fail_on.reset();
    CHECK(parse_with_python(test::render(test::sample_report(), "junit", never)) ==
          "total 7 0 1\n"
          "data/局 A/targets.csv 4 0 0 4 4 0 0 4\n"
          "b.xlsx 1 0 0 1 1 0 0 1\n"
          "broken.csv 1 0 1 1 1 0 1 0\n"
          "clean.csv 1 0 0 1 1 0 0 1\n");
}

TEST_CASE("junit: case names are rule, project, indicator and row; failures typed by rule", "[report][junit]") {
    const std::string xml = test::render(test::sample_report(), "junit");
    CHECK(xml.find("<testcase classname=\"data/局 A/targets.csv\" name=\"cost-breakdown " + test::k_project_1 + " " +
                   test::k_cost + " 第5行\">") != std::string::npos);
    CHECK(xml.find("type=\"cost-breakdown\"") != std::string::npos);
    CHECK(xml.find("type=\"unreadable-file\"") != std::string::npos);
    CHECK(xml.find("<system-out>[warning] 数量指标应为≥") != std::string::npos);
    CHECK(xml.find("name=\"检查通过\"") != std::string::npos);
    // Escaping: the message's markup, quotes and newline inside the attribute.
    CHECK(xml.find("message=\"合计&lt;842.07&gt; &amp; &quot;多&quot; &apos;x&apos; 100% a:b, c|d&#10;第二行\"") !=
          std::string::npos);
    CHECK(xml.find("<842.07>") == std::string::npos);
}

TEST_CASE("junit: equal names are numbered, control characters are replaced", "[report][junit]") {
    Report r = test::sample_report();
    // Same rule, project, indicator and row twice (two messages about one cell), and a control char.
    Finding twin = r.findings[0];
    twin.message.zh = std::string("bell\x07 here");
    r.findings.insert(r.findings.begin() + 1, twin);
    const std::string xml = test::render(r, "junit");
    CHECK(parse_with_python(xml).find("data/局 A/targets.csv 5 3 0 5 5 3 0 2\n") != std::string::npos);
    CHECK(xml.find(" 第5行 #2\"") != std::string::npos);
    CHECK(xml.find('\x07') == std::string::npos);
    CHECK(xml.find("bell\xEF\xBF\xBD here") != std::string::npos);
}

TEST_CASE("junit: a file name that is not UTF-8 (GBK) still gives well-formed XML", "[report][junit]") {
    Report r = test::sample_report();
    const std::string gbk = "\xB2\xE2\xCA\xD4.csv";  // 测试.csv in GBK
    r.files[1].path = gbk;
    r.findings[4].loc.file = gbk;
    const std::string xml = test::render(r, "junit");
    CHECK(xml.find(gbk) == std::string::npos);
    CHECK(xml.find("\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD.csv") != std::string::npos);
    CHECK(parse_with_python(xml).find("data/局 A/targets.csv ") != std::string::npos);
}

TEST_CASE("junit: the seed gives one suite and a failure per error", "[report][junit]") {
    const Report r = test::pipeline_report({test::source_path("samples/targets-2024.csv")});
    const std::string out = parse_with_python(test::render(r, "junit"));
    const std::string expected_total = "total " + std::to_string(r.findings.size()) + " " +
                                       std::to_string(r.summary.errors) + " 0\n";
    CHECK(out.rfind(expected_total, 0) == 0);
    CHECK(r.summary.errors == 6);
}

TEST_CASE("junit: a workbook of forms gives each sheet's cases their own names", "[report][junit][form]") {
    // Two health centres' forms of one project name put a finding of one rule on row 11 of two sheets:
    // without the sheet the suite held two cases of one name, which a CI system merges into one.
    const Report r = test::pipeline_report({test::source_path("tests/data/xlsx/forms.xlsx")});
    const std::string xml = test::render(r, "junit");
    const std::string n = std::to_string(r.findings.size());
    // name tests failures errors | cases distinct-names …: every case's name is its own.
    CHECK_THAT(parse_with_python(xml), Catch::Contains(" 0 " + n + " " + n + " "));
    CHECK_THAT(xml, Catch::Contains("name=\"cost-breakdown 基本公共卫生服务补助 城关镇卫生院 第11行\""));
    CHECK_THAT(xml, Catch::Contains("name=\"cost-breakdown 基本公共卫生服务补助 河口乡卫生院 第11行\""));
    CHECK(xml.find(" #2\"") == std::string::npos);
}
