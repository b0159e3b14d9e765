// SARIF 2.1.0 output, in the shape GitHub code scanning accepts: the rule catalog as tool.driver.rules,
// one result per finding with a physical and a logical location and row-free fingerprints. Written as
// findings arrive (results before artifacts and invocations), so a run of any size keeps flat memory.
#include <cctype>
#include <map>

#include "report/baseline.hpp"
#include "report/formats.hpp"
#include "report/json_writer.hpp"
#include "rules/catalog.hpp"
#include "util/embedded.hpp"

namespace perf_check::report {

namespace {

constexpr const char* k_schema_uri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
// partialFingerprints key: versioned, so a change of what is hashed shows up as a new key, not as
// every alert being "fixed" and "new" at once.
constexpr char k_fingerprint_key[] = "perfCheckBusinessKey/v1";

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

void driver_rules(JsonWriter& w, Lang lang) {
    w.key("rules").begin_array();
    for (const auto& entry : rules::catalog()) {
        const std::string_view doc = rule_doc(entry.id);
        const std::string_view part = doc_part(doc, lang);
        std::string full = doc_section(part, lang);
        if (full.empty()) full = pick(entry.summary, lang);
        const std::string help = part.empty() ? pick(entry.summary, lang) : std::string(part);
        w.begin_object();
        w.key("id").string(entry.id);
        w.key("name").string(pascal_case(entry.id));
        w.key("shortDescription").begin_object().key("text").string(pick(entry.summary, lang)).end_object();
        w.key("fullDescription").begin_object().key("text").string(full).end_object();
        w.key("help").begin_object().key("text").string(help).key("markdown").string(help).end_object();
        w.key("defaultConfiguration").begin_object().key("level").string(level(entry.severity)).end_object();
        w.key("properties").begin_object().key("category").string(entry.category);
        w.key("tags").begin_array().string(entry.category).end_array().end_object();
        w.end_object();
    }
    w.end_array();
}

void logical_location(JsonWriter& w, const std::string& name, const std::string& qualified, const char* kind) {
    w.begin_object()
        .key("name")
        .string(name)
        .key("fullyQualifiedName")
        .string(qualified)
        .key("kind")
        .string(kind)
        .end_object();
}

void logical_locations(JsonWriter& w, const Finding& f) {
    const std::string project_name = f.project.empty() ? f.project_code : f.project;
    const std::string cell = f.loc.cell_ref();
    if (project_name.empty() && cell.empty()) return;
    w.key("logicalLocations").begin_array();
    if (!project_name.empty()) {
        const std::string fq = f.project_code.empty() || f.project.empty() ? project_name : f.project_code + " " + f.project;
        logical_location(w, project_name, fq, "module");
        if (!f.indicator.empty()) {
            const auto slash = f.indicator.rfind('/');
            const std::string leaf = slash == std::string::npos ? f.indicator : f.indicator.substr(slash + 1);
            logical_location(w, leaf, fq + "/" + f.indicator, "member");
        }
    }
    if (!cell.empty()) logical_location(w, cell, cell, "resource");
    w.end_array();
}

// The log is written as findings arrive: the run's tool and the results first, then the artifacts
// (each input file, numbered as announced) and the invocation (unreadable files), known at the end.
class SarifStream final : public ReportStream {
public:
    SarifStream(std::ostream& out, Lang lang) : m_w(out), m_lang(lang) {
        for (std::size_t i = 0; i < rules::catalog().size(); ++i) {
            m_rule_index.emplace(rules::catalog()[i].id, static_cast<int>(i));
        }
    }
    void begin_file(const std::string& path) override { artifact(path); }
    void finding(const Finding& f) override {
        start();
        std::string text = pick(f.message, m_lang);
        if (!pick(f.hint, m_lang).empty()) text += (m_lang == Lang::en ? "\nFix: " : "\n修改：") + pick(f.hint, m_lang);
        const int index = artifact(f.loc.file);
        m_w.begin_object();
        m_w.key("ruleId").string(f.rule);
        if (const auto it = m_rule_index.find(f.rule); it != m_rule_index.end())
            m_w.key("ruleIndex").integer(it->second);
        m_w.key("level").string(level(f.severity));
        m_w.key("message").begin_object().key("text").string(text).end_object();
        m_w.key("locations").begin_array().begin_object();
        m_w.key("physicalLocation").begin_object();
        artifact_location(f.loc.file, index);
        if (f.loc.row > 0) m_w.key("region").begin_object().key("startLine").integer(f.loc.row).end_object();
        m_w.end_object();
        logical_locations(m_w, f);
        m_w.end_object().end_array();
        // Business keys only: inserting rows above a finding must not make it a new alert. The
        // occurrence number separates findings that share every key (two identical defects).
        m_w.key("partialFingerprints").begin_object();
        m_w.key(k_fingerprint_key)
            .string(
                fingerprint({f.project_code, f.project, f.indicator, f.rule, std::to_string(m_occurrences.next(f))}));
        m_w.end_object();
        m_w.key("properties").begin_object();
        m_w.key("projectCode").string(f.project_code);
        m_w.key("project").string(f.project);
        m_w.key("indicator").string(f.indicator);
        m_w.key("cell").string(f.loc.cell_ref());
        m_w.key("value").string(f.value);
        m_w.end_object();
        m_w.end_object();
    }
    void score(const ProjectScore& /*score*/) override {}
    void finish(const Report& rest) override {
        start();
        for (const auto& f : rest.files) artifact(f.path);
        m_w.end_array();
        m_w.key("artifacts").begin_array();
        for (const auto& path : m_artifacts) {
            m_w.begin_object()
                .key("location")
                .begin_object()
                .key("uri")
                .string(artifact_uri(path))
                .end_object()
                .end_object();
        }
        m_w.end_array();
        bool successful = true;
        for (const auto& f : rest.files) successful = successful && !f.error;
        m_w.key("invocations").begin_array().begin_object();
        m_w.key("executionSuccessful").boolean(successful);
        if (!successful) {
            m_w.key("toolExecutionNotifications").begin_array();
            for (const auto& f : rest.files) {
                if (!f.error) continue;
                m_w.begin_object();
                m_w.key("level").string("error");
                m_w.key("message").begin_object().key("text");
                m_w.string(f.path + (m_lang == Lang::en ? ": cannot be read: " : "：无法读取：") + *f.error)
                    .end_object();
                m_w.key("locations").begin_array().begin_object().key("physicalLocation").begin_object();
                artifact_location(f.path, artifact(f.path));
                m_w.end_object().end_object().end_array();
                m_w.key("descriptor").begin_object().key("id").string("unreadable-file").end_object();
                m_w.end_object();
            }
            m_w.end_array();
        }
        m_w.end_object().end_array();
        m_w.end_object().end_array();  // the run, the runs
        m_w.end_object();
        m_w.end_document();
    }

private:
    // The log opens with the first thing written, so a stream that is made and dropped writes nothing.
    void start() {
        if (m_started) return;
        m_started = true;
        m_w.begin_object();
        m_w.key("$schema").string(k_schema_uri);
        m_w.key("version").string("2.1.0");
        m_w.key("runs").begin_array().begin_object();
        m_w.key("tool").begin_object().key("driver").begin_object();
        m_w.key("name").string("perf-check");
        m_w.key("semanticVersion").string(PERF_CHECK_VERSION);
        m_w.key("version").string(PERF_CHECK_VERSION);
#ifdef PERF_CHECK_HOMEPAGE
        m_w.key("informationUri").string(PERF_CHECK_HOMEPAGE);
#endif
        driver_rules(m_w, m_lang);
        m_w.end_object().end_object();
        m_w.key("language").string(m_lang == Lang::en ? "en-US" : "zh-CN");
        m_w.key("columnKind").string("unicodeCodePoints");
        m_w.key("results").begin_array();
    }
    // The artifact index of `path`, numbering it when new.
    int artifact(const std::string& path) {
        const auto [it, fresh] = m_artifact_index.emplace(path, static_cast<int>(m_artifacts.size()));
        if (fresh) m_artifacts.push_back(path);
        return it->second;
    }
    void artifact_location(const std::string& path, int index) {
        m_w.key("artifactLocation")
            .begin_object()
            .key("uri")
            .string(artifact_uri(path))
            .key("index")
            .integer(index)
            .end_object();
    }

    bool m_started = false;
    JsonWriter m_w;
    Lang m_lang;
    std::map<std::string, int> m_rule_index;
    std::map<std::string, int> m_artifact_index;
    std::vector<std::string> m_artifacts;
    KeyOccurrences m_occurrences;
};

}  // namespace

std::unique_ptr<Reporter> make_sarif_reporter(const ReporterOptions& /*options*/) {
    return streaming_reporter(
        [](std::ostream& out, Lang lang, bool /*with_summary*/) { return std::make_unique<SarifStream>(out, lang); },
        /*carries_summary=*/false);
}

}  // namespace perf_check::report
