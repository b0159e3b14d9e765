// SARIF 2.1.0 output, in the shape GitHub code scanning accepts: the rule catalog as tool.driver.rules,
// one result per finding with a physical and a logical location and row-free fingerprints.
#include <cctype>
#include <map>

#include <nlohmann/json.hpp>

#include "report/baseline.hpp"
#include "report/formats.hpp"
#include "rules/catalog.hpp"
#include "util/embedded.hpp"

namespace perf_check::report {

namespace {

using nlohmann::ordered_json;

constexpr const char* k_schema_uri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
// partialFingerprints key: versioned, so a change of what is hashed shows up as a new key, not as
// every alert being "fixed" and "new" at once.
constexpr const char* k_fingerprint_key = "perfCheckBusinessKey/v1";

const char* level(Severity s) {
    switch (s) {
        case Severity::error: return "error";
        case Severity::warning: return "warning";
        case Severity::info: return "note";
    }
    return "warning";
}

// "cost-breakdown" → "CostBreakdown": SARIF's reportingDescriptor.name is a readable identifier.
std::string pascal_case(std::string_view id) {
    std::string out;
    bool upper = true;
    for (const char c : id) {
        if (c == '-' || c == '_') {
            upper = true;
            continue;
        }
        out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        upper = false;
    }
    return out;
}

// A rule doc holds the Chinese part first and the English part from its second level-1 heading.
std::string_view doc_part(std::string_view doc, Lang lang) {
    std::size_t second = std::string_view::npos;
    for (std::size_t pos = doc.find("\n# "); pos != std::string_view::npos; pos = doc.find("\n# ", pos + 1)) {
        if (pos > 0) {
            second = pos + 1;
            break;
        }
    }
    if (second == std::string_view::npos) return doc;
    return lang == Lang::en ? doc.substr(second) : doc.substr(0, second);
}

// The body of the "检查什么" / "What it checks" section: the rule's full description.
std::string doc_section(std::string_view part, Lang lang) {
    const std::string_view heading = lang == Lang::en ? "## What it checks\n" : "## 检查什么\n";
    const auto start = part.find(heading);
    if (start == std::string_view::npos) return "";
    const auto body = start + heading.size();
    const auto end = part.find("\n## ", body);
    std::string text(part.substr(body, end == std::string_view::npos ? std::string_view::npos : end - body));
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    return text;
}

std::string_view rule_doc(std::string_view id) {
    for (const auto& [doc_id, text] : embedded::rule_docs()) {
        if (doc_id == id) return text;
    }
    return {};
}

// Paths as given, made into URI references: forward slashes, no leading "./", every byte outside the
// unreserved set percent-encoded (Chinese file names are common). Absolute paths become file:// URIs.
std::string artifact_uri(std::string_view path) {
    std::string p(path);
    for (char& c : p) {
        if (c == '\\') c = '/';
    }
    while (p.size() > 2 && p[0] == '.' && p[1] == '/') p.erase(0, 2);
    std::string prefix;
    if (!p.empty() && p[0] == '/') {
        prefix = "file://";
    } else if (p.size() > 2 && std::isalpha(static_cast<unsigned char>(p[0])) && p[1] == ':' && p[2] == '/') {
        prefix = std::string("file:///") + p[0] + ":";
        p.erase(0, 2);
    }
    std::string out = prefix;
    static const char* k_hex = "0123456789ABCDEF";
    for (const unsigned char c : p) {
        const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                          c == '.' || c == '_' || c == '~' || c == '/';
        if (keep) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += k_hex[c >> 4];
            out += k_hex[c & 15];
        }
    }
    return out;
}

ordered_json artifact_location(const std::string& path, const std::map<std::string, int>& artifact_index) {
    ordered_json loc = {{"uri", artifact_uri(path)}};
    if (const auto it = artifact_index.find(path); it != artifact_index.end()) loc["index"] = it->second;
    return loc;
}

ordered_json driver_rules(Lang lang) {
    ordered_json rules = ordered_json::array();
    for (const auto& entry : rules::catalog()) {
        const std::string_view doc = rule_doc(entry.id);
        const std::string_view part = doc_part(doc, lang);
        std::string full = doc_section(part, lang);
        if (full.empty()) full = pick(entry.summary, lang);
        const std::string help = part.empty() ? pick(entry.summary, lang) : std::string(part);
        rules.push_back({{"id", entry.id},
                         {"name", pascal_case(entry.id)},
                         {"shortDescription", {{"text", pick(entry.summary, lang)}}},
                         {"fullDescription", {{"text", full}}},
                         {"help", {{"text", help}, {"markdown", help}}},
                         {"defaultConfiguration", {{"level", level(entry.severity)}}},
                         {"properties", {{"category", entry.category}, {"tags", {entry.category}}}}});
    }
    return rules;
}

ordered_json logical_locations(const Finding& f) {
    ordered_json out = ordered_json::array();
    const std::string project_name = f.project.empty() ? f.project_code : f.project;
    if (!project_name.empty()) {
        const std::string fq = f.project_code.empty() || f.project.empty() ? project_name : f.project_code + " " + f.project;
        out.push_back({{"name", project_name}, {"fullyQualifiedName", fq}, {"kind", "module"}});
        if (!f.indicator.empty()) {
            const auto slash = f.indicator.rfind('/');
            const std::string leaf = slash == std::string::npos ? f.indicator : f.indicator.substr(slash + 1);
            out.push_back({{"name", leaf}, {"fullyQualifiedName", fq + "/" + f.indicator}, {"kind", "member"}});
        }
    }
    const std::string cell = f.loc.cell_ref();
    if (!cell.empty()) out.push_back({{"name", cell}, {"fullyQualifiedName", cell}, {"kind", "resource"}});
    return out;
}

class SarifReporter final : public Reporter {
public:
    void write(const Report& report, std::ostream& out) const override {
        const Lang lang = report.lang;
        std::map<std::string, int> rule_index;
        for (std::size_t i = 0; i < rules::catalog().size(); ++i) rule_index.emplace(rules::catalog()[i].id, static_cast<int>(i));
        std::map<std::string, int> artifact_index;
        ordered_json artifacts = ordered_json::array();
        auto add_artifact = [&](const std::string& path) {
            if (artifact_index.emplace(path, static_cast<int>(artifacts.size())).second) {
                artifacts.push_back({{"location", {{"uri", artifact_uri(path)}}}});
            }
        };
        for (const auto& f : report.files) add_artifact(f.path);
        for (const auto& f : report.findings) add_artifact(f.loc.file);

        ordered_json results = ordered_json::array();
        const std::vector<int> occurrence = key_occurrences(report);
        for (std::size_t i = 0; i < report.findings.size(); ++i) {
            const Finding& f = report.findings[i];
            std::string text = pick(f.message, lang);
            if (!pick(f.hint, lang).empty()) text += (lang == Lang::en ? "\nFix: " : "\n修改：") + pick(f.hint, lang);
            ordered_json physical = {{"artifactLocation", artifact_location(f.loc.file, artifact_index)}};
            if (f.loc.row > 0) physical["region"] = {{"startLine", f.loc.row}};
            ordered_json location = {{"physicalLocation", std::move(physical)}};
            ordered_json logical = logical_locations(f);
            if (!logical.empty()) location["logicalLocations"] = std::move(logical);
            ordered_json result = {{"ruleId", f.rule}};
            if (const auto it = rule_index.find(f.rule); it != rule_index.end()) result["ruleIndex"] = it->second;
            result["level"] = level(f.severity);
            result["message"] = {{"text", text}};
            result["locations"] = ordered_json::array({std::move(location)});
            // Business keys only: inserting rows above a finding must not make it a new alert. The
            // occurrence number separates findings that share every key (two identical defects).
            result["partialFingerprints"] = {
                {k_fingerprint_key,
                 fingerprint({f.project_code, f.project, f.indicator, f.rule, std::to_string(occurrence[i])})}};
            result["properties"] = {{"projectCode", f.project_code}, {"project", f.project},
                                    {"indicator", f.indicator},      {"cell", f.loc.cell_ref()},
                                    {"value", f.value}};
            results.push_back(std::move(result));
        }

        ordered_json notifications = ordered_json::array();
        for (const auto& f : report.files) {
            if (!f.error) continue;
            notifications.push_back(
                {{"level", "error"},
                 {"message", {{"text", f.path + (lang == Lang::en ? ": cannot be read: " : "：无法读取：") + *f.error}}},
                 {"locations", ordered_json::array({{{"physicalLocation",
                                                      {{"artifactLocation", artifact_location(f.path, artifact_index)}}}}})},
                 {"descriptor", {{"id", "unreadable-file"}}}});
        }
        ordered_json invocation = {{"executionSuccessful", notifications.empty()}};
        if (!notifications.empty()) invocation["toolExecutionNotifications"] = std::move(notifications);

        ordered_json driver = {{"name", "perf-check"},
                               {"semanticVersion", PERF_CHECK_VERSION},
                               {"version", PERF_CHECK_VERSION}};
#ifdef PERF_CHECK_HOMEPAGE
        driver["informationUri"] = PERF_CHECK_HOMEPAGE;
#endif
        driver["rules"] = driver_rules(lang);

        ordered_json run = {{"tool", {{"driver", std::move(driver)}}},
                            {"invocations", ordered_json::array({std::move(invocation)})},
                            {"language", lang == Lang::en ? "en-US" : "zh-CN"},
                            {"columnKind", "unicodeCodePoints"},
                            {"artifacts", std::move(artifacts)},
                            {"results", std::move(results)}};
        ordered_json doc = {{"$schema", k_schema_uri}, {"version", "2.1.0"}, {"runs", ordered_json::array({std::move(run)})}};
        // Replace rather than throw on a stray invalid UTF-8 byte: a report must always be written.
        out << doc.dump(2, ' ', false, ordered_json::error_handler_t::replace) << '\n';
    }
};

}  // namespace

std::unique_ptr<Reporter> make_sarif_reporter(const ReporterOptions& /*options*/) {
    return std::make_unique<SarifReporter>();
}

}  // namespace perf_check::report
