// Reads rule-set YAML into the typed RuleSet, checking every key and value and collecting all errors.
//
// Error format (the header's contract, made precise here): when loading fails, the returned Error has
// an empty `file`, `line` and `column` 0, and a `message` holding one line per problem, each rendered
// as "origin:line:col: message" (1-based line and column; "origin: message" when a problem has no
// position, such as a missing section). Lines are sorted by position, so Error::render() prints them
// in file order. Unknown keys and enum values carry "; did you mean 'x'?" when a known one is close.
//
// yaml-cpp is included here and nowhere else: YAML::Node never leaves this file, and every yaml-cpp
// exception is caught here and converted (keeping its mark).
#include "config/rule_set_loader.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <utility>

#include "rules/catalog.hpp"
#include "util/embedded.hpp"
#include "util/text.hpp"

namespace perf_check::config {

namespace {

constexpr const char* k_default_origin = "rules/default.yaml";

/// A 1-based position in the rule-set text; 0 means unknown.
struct Pos {
    int line = 0;
    int column = 0;
};

Pos pos_of(const YAML::Mark& m) {
    if (m.is_null()) return {};
    return {m.line + 1, m.column + 1};
}

struct Problem {
    Pos pos;
    std::string message;
};

/// What kind of node a value is, for "must be a list, not a map" messages.
const char* kind_name(const YAML::Node& n) {
    switch (n.Type()) {
        case YAML::NodeType::Map:
            return "a map";
        case YAML::NodeType::Sequence:
            return "a list";
        case YAML::NodeType::Scalar:
            return "a single value";
        case YAML::NodeType::Null:
        case YAML::NodeType::Undefined:
            break;
    }
    return "empty";
}

std::string quoted(const std::string& s) {
    return "'" + s + "'";
}

/// One entry of a YAML map, with the key's position (values of `key:` with nothing after it have no
/// useful mark of their own, so errors about them point at the key).
struct Entry {
    std::string key;
    Pos key_pos;
    YAML::Node value;
};

/// How to treat sections the text does not give.
enum class Mode {
    complete,  ///< no `extends`: every section must be present
    overlay,   ///< `extends: default`: absent sections keep the default's values
};

/// Walks one YAML document into a RuleSet, recording every problem instead of stopping at the first.
class Reader {
public:
    Reader(RuleSet base, Mode mode) : m_set(std::move(base)), m_mode(mode) {}

    void read_root(const YAML::Node& root);

    /// Builds every rule this text configured, so factories reject bad parameters now, not mid-run.
    void validate_rules();

    RuleSet& result() { return m_set; }
    std::vector<Problem>& problems() { return m_problems; }

private:
    void error(Pos pos, std::string message) { m_problems.push_back({pos, std::move(message)}); }
    void error_at(const Entry& e, std::string message) { error(value_pos(e), std::move(message)); }
    static Pos value_pos(const Entry& e) {
        const Pos p = pos_of(e.value.Mark());
        return (e.value.IsNull() || p.line == 0) ? e.key_pos : p;
    }

    /// The entries of `node` (a map, or null meaning an empty map) in file order. Reports a wrong node
    /// type, non-scalar keys and duplicate keys; returns nullopt when `node` is not a map at all.
    std::optional<std::vector<Entry>> entries(const YAML::Node& node, Pos where, const std::string& what);
    /// As entries(), and reports every key not in `known` (with did-you-mean), dropping it.
    std::optional<std::vector<Entry>> known_entries(const YAML::Node& node, Pos where, const std::string& what,
                                                    const std::vector<std::string>& known);
    /// In complete mode, reports each of `required` missing from `given`.
    void require_keys(const std::vector<Entry>& given, const std::vector<std::string>& required, Pos where,
                      const std::string& prefix);

    std::optional<std::string> scalar(const Entry& e, const std::string& what);
    std::optional<Decimal> number(const Entry& e, const std::string& what);
    std::optional<std::vector<std::string>> string_list(const Entry& e, const std::string& what);
    template <class Enum>
    std::optional<Enum> choice(const Entry& e, const std::string& what,
                               const std::vector<std::pair<std::string, Enum>>& options);

    void read_framework(const Entry& e);
    void read_levels(const Entry& e);
    void read_required(const Entry& e);
    void read_weights(const Entry& e);
    void read_rules(const Entry& e);
    void read_rule(const Entry& e, RuleSettings& settings);
    void read_scoring(const Entry& e);
    void read_bands(const Entry& e);
    void read_grades(const Entry& e);
    void check_cross_section();

    RuleSet m_set;
    Mode m_mode;
    std::vector<Problem> m_problems;

    // Positions of values this text set, for checks that span sections (unset: inherited).
    std::optional<Pos> m_levels_pos;
    std::map<std::string, Pos> m_required_path_pos;  // "slot\npath" → where the path is written
    std::optional<Pos> m_total_pos;
    std::optional<Pos> m_budget_pos;

    // Rules this text configured (validated by their factories), the position of each rule entry and
    // of each parameter key (Param only carries the line; errors also want the column).
    std::vector<std::string> m_configured_rules;
    std::vector<std::string> m_rejected_rules;
    std::map<std::string, Pos> m_rule_pos;
    std::map<std::string, std::vector<Pos>> m_param_pos;
};

std::optional<std::vector<Entry>> Reader::entries(const YAML::Node& node, Pos where, const std::string& what) {
    std::vector<Entry> out;
    if (node.IsNull()) return out;  // `section:` with nothing under it: an empty map
    if (!node.IsMap()) {
        error(where, quoted(what) + " must be a map of 'key: value' lines, not " + kind_name(node));
        return std::nullopt;
    }
    std::map<std::string, Pos> seen;
    for (auto it = node.begin(); it != node.end(); ++it) {
        const YAML::Node key = it->first;
        const Pos kpos = pos_of(key.Mark());
        if (!key.IsScalar()) {
            error(kpos, "a key in " + quoted(what) + " must be plain text, not " + std::string(kind_name(key)));
            continue;
        }
        const std::string& k = key.Scalar();
        const auto [prev, fresh] = seen.emplace(k, kpos);
        if (!fresh) {
            // yaml-cpp keeps both; silently taking one would hide a mistake.
            error(kpos, "duplicate key " + quoted(k) + " in " + quoted(what) + " (first given at line " +
                            std::to_string(prev->second.line) + ")");
            continue;
        }
        out.push_back({k, kpos, it->second});
    }
    return out;
}

std::optional<std::vector<Entry>> Reader::known_entries(const YAML::Node& node, Pos where, const std::string& what,
                                                        const std::vector<std::string>& known) {
    auto all = entries(node, where, what);
    if (!all) return std::nullopt;
    std::vector<Entry> out;
    for (auto& e : *all) {
        if (std::find(known.begin(), known.end(), e.key) != known.end()) {
            out.push_back(std::move(e));
            continue;
        }
        std::string msg = "unknown key " + quoted(e.key) + (what.empty() ? "" : " in " + quoted(what));
        const std::string guess = util::did_you_mean(e.key, known);
        if (!guess.empty())
            msg += "; did you mean " + quoted(guess) + "?";
        else
            msg += " (known keys: " + util::join(known, ", ") + ")";
        error(e.key_pos, msg);
    }
    return out;
}

void Reader::require_keys(const std::vector<Entry>& given, const std::vector<std::string>& required, Pos where,
                          const std::string& prefix) {
    if (m_mode != Mode::complete) return;
    for (const auto& r : required) {
        const bool found = std::any_of(given.begin(), given.end(), [&](const Entry& e) { return e.key == r; });
        if (!found) {
            error(where,
                  "missing " + quoted(prefix + r) + " (a rule set without 'extends: default' must give every section)");
        }
    }
}

std::optional<std::string> Reader::scalar(const Entry& e, const std::string& what) {
    if (!e.value.IsScalar()) {
        error_at(e, quoted(what) + " must be a single value, not " + kind_name(e.value));
        return std::nullopt;
    }
    return e.value.Scalar();
}

std::optional<Decimal> Reader::number(const Entry& e, const std::string& what) {
    const auto text = scalar(e, what);
    if (!text) return std::nullopt;
    const auto d = Decimal::parse(util::trim(*text));
    if (!d) error_at(e, quoted(what) + " must be a number, got " + quoted(*text));
    return d;
}

std::optional<std::vector<std::string>> Reader::string_list(const Entry& e, const std::string& what) {
    if (e.value.IsNull()) return std::vector<std::string>{};
    if (!e.value.IsSequence()) {
        error_at(e, quoted(what) + " must be a list ([a, b] or '- a' lines), not " + kind_name(e.value));
        return std::nullopt;
    }
    std::vector<std::string> out;
    bool ok = true;
    for (const auto& item : e.value) {
        if (!item.IsScalar()) {
            // An unquoted `null` or `~` item, or a nested list/map.
            error(pos_of(item.Mark()).line ? pos_of(item.Mark()) : value_pos(e),
                  "each item of " + quoted(what) + " must be text, not " + kind_name(item) +
                      (item.IsNull() ? " (quote it, e.g. \"null\")" : ""));
            ok = false;
            continue;
        }
        out.push_back(item.Scalar());
    }
    if (!ok) return std::nullopt;
    return out;
}

template <class Enum>
std::optional<Enum> Reader::choice(const Entry& e, const std::string& what,
                                   const std::vector<std::pair<std::string, Enum>>& options) {
    const auto text = scalar(e, what);
    if (!text) return std::nullopt;
    std::vector<std::string> names;
    for (const auto& [name, value] : options) {
        if (*text == name) return value;
        names.push_back(name);
    }
    std::string msg = quoted(what) + " must be one of " + util::join(names, " | ") + ", got " + quoted(*text);
    const std::string guess = util::did_you_mean(*text, names);
    if (!guess.empty()) msg += "; did you mean " + quoted(guess) + "?";
    error_at(e, msg);
    return std::nullopt;
}

void Reader::read_root(const YAML::Node& root) {
    static const std::vector<std::string> k_keys = {
        "version", "extends", "name", "framework", "placeholders", "weights", "key_evaluation_threshold",
        "rules",   "scoring"};
    const Pos root_pos = pos_of(root.Mark());
    const auto top = known_entries(root, root_pos, "", k_keys);
    if (!top) return;
    // Missing top-level sections have no line to point at: the problem is the whole file.
    require_keys(
        *top,
        {"version", "name", "framework", "placeholders", "weights", "key_evaluation_threshold", "rules", "scoring"},
        Pos{}, "");
    for (const auto& e : *top) {
        if (e.key == "extends") continue;  // handled before reading (it chooses the base)
        if (e.key == "version") {
            if (const auto v = scalar(e, "version"); v && util::trim(*v) != "1") {
                error_at(e, "unsupported rule-set version " + quoted(*v) + "; this perf-check reads version 1");
            }
        } else if (e.key == "name") {
            if (const auto v = scalar(e, "name")) {
                if (util::trim(*v).empty())
                    error_at(e, "'name' must not be empty");
                else
                    m_set.name = util::trim(*v);
            }
        } else if (e.key == "framework") {
            read_framework(e);
        } else if (e.key == "placeholders") {
            if (auto list = string_list(e, "placeholders")) m_set.placeholders = std::move(*list);
        } else if (e.key == "weights") {
            read_weights(e);
        } else if (e.key == "key_evaluation_threshold") {
            if (const auto d = number(e, "key_evaluation_threshold")) {
                if (*d < Decimal())
                    error_at(e, "'key_evaluation_threshold' (万元) must not be negative, got " + d->str());
                else
                    m_set.key_evaluation_threshold_wan = *d;
            }
        } else if (e.key == "rules") {
            read_rules(e);
        } else if (e.key == "scoring") {
            read_scoring(e);
        }
    }
    check_cross_section();
}

void Reader::read_framework(const Entry& e) {
    const auto items = known_entries(e.value, value_pos(e), "framework", {"levels", "required"});
    if (!items) return;
    require_keys(*items, {"levels", "required"}, value_pos(e), "framework.");
    for (const auto& item : *items) {
        if (item.key == "levels")
            read_levels(item);
        else
            read_required(item);
    }
}

void Reader::read_levels(const Entry& e) {
    const auto items = entries(e.value, value_pos(e), "framework.levels");
    if (!items) return;
    std::vector<Level1> levels;
    bool ok = true;
    for (const auto& item : *items) {
        const std::string what = "framework.levels." + item.key;
        auto children = string_list(item, what);
        if (!children) {
            ok = false;
            continue;
        }
        if (children->empty()) {
            error_at(item, quoted(what) + " must list at least one 二级指标");
            ok = false;
            continue;
        }
        levels.push_back({item.key, std::move(*children)});
    }
    if (items->empty()) {
        error(value_pos(e), "'framework.levels' must list at least one 一级指标");
        ok = false;
    }
    if (!ok) return;
    m_set.framework.levels = std::move(levels);
    m_levels_pos = value_pos(e);
}

void Reader::read_required(const Entry& e) {
    const auto items = entries(e.value, value_pos(e), "framework.required");
    if (!items) return;
    std::vector<RequiredSlot> slots;
    bool ok = true;
    for (const auto& item : *items) {
        const std::string what = "framework.required." + item.key;
        auto paths = string_list(item, what);
        if (!paths) {
            ok = false;
            continue;
        }
        if (paths->empty()) {
            error_at(item, quoted(what) + " must list at least one \"一级/二级\" path that fills the slot");
            ok = false;
            continue;
        }
        // Item positions, so a path that names no level can be pointed at.
        std::size_t i = 0;
        for (const auto& node : item.value) {
            const std::string& path = (*paths)[i++];
            const Pos p = pos_of(node.Mark());
            const auto parts = util::split(path, '/');
            if (parts.size() != 2 || util::trim(parts[0]).empty() || util::trim(parts[1]).empty()) {
                error(p, "each item of " + quoted(what) + " must be a \"一级/二级\" path such as " +
                             "\"产出指标/数量指标\", got " + quoted(path));
                ok = false;
            }
            m_required_path_pos[item.key + "\n" + path] = p;
        }
        slots.push_back({item.key, std::move(*paths)});
    }
    if (!ok) return;
    m_set.framework.required = std::move(slots);
}

void Reader::read_weights(const Entry& e) {
    const auto items = known_entries(e.value, value_pos(e), "weights", {"total", "budget_execution"});
    if (!items) return;
    require_keys(*items, {"total", "budget_execution"}, value_pos(e), "weights.");
    for (const auto& item : *items) {
        const auto d = number(item, "weights." + item.key);
        if (!d) continue;
        if (item.key == "total") {
            m_set.weight_total = *d;
            m_total_pos = value_pos(item);
        } else {
            m_set.budget_execution_weight = *d;
            m_budget_pos = value_pos(item);
        }
    }
}

void Reader::read_rules(const Entry& e) {
    const auto items = entries(e.value, value_pos(e), "rules");
    if (!items) return;
    std::vector<std::string> ids;
    for (const auto& c : rules::catalog()) ids.emplace_back(c.id);
    for (const auto& item : *items) {
        if (!rules::find_rule(item.key)) {
            std::string msg = "unknown rule " + quoted(item.key);
            const std::string guess = util::did_you_mean(item.key, ids);
            if (!guess.empty())
                msg += "; did you mean " + quoted(guess) + "?";
            else
                msg += " (`perf-check rules` lists every rule id)";
            error(item.key_pos, msg);
            continue;
        }
        m_rule_pos[item.key] = item.key_pos;
        const std::size_t before = m_problems.size();
        read_rule(item, m_set.rules[item.key]);
        // A rule whose entry is already wrong is not built too: its factory's complaint would repeat it.
        if (m_problems.size() == before)
            m_configured_rules.push_back(item.key);
        else
            m_rejected_rules.push_back(item.key);
    }
}

void Reader::read_rule(const Entry& e, RuleSettings& settings) {
    const std::string what = "rules." + e.key;
    const auto items = entries(e.value, value_pos(e), what);
    if (!items) return;
    static const std::vector<std::string> k_common = {"enabled", "severity"};
    for (const auto& item : *items) {
        if (item.key == "enabled") {
            const auto v = scalar(item, what + ".enabled");
            if (!v) continue;
            // Only YAML 1.2 booleans: `yes`/`on` are text in YAML 1.2 and a likely misunderstanding.
            if (*v == "true" || *v == "True" || *v == "TRUE")
                settings.enabled = true;
            else if (*v == "false" || *v == "False" || *v == "FALSE")
                settings.enabled = false;
            else
                error_at(item, quoted(what + ".enabled") + " must be true or false, got " + quoted(*v));
        } else if (item.key == "severity") {
            if (const auto s = choice<Severity>(
                    item, what + ".severity",
                    {{"error", Severity::error}, {"warning", Severity::warning}, {"info", Severity::info}})) {
                settings.severity = *s;
            }
        } else if (const std::string guess = util::did_you_mean(item.key, k_common); !guess.empty()) {
            // A misspelt `severity` would otherwise reach the factory as an unknown parameter, whose
            // did-you-mean only knows the rule's own parameters.
            error(item.key_pos,
                  "unknown key " + quoted(item.key) + " in " + quoted(what) + "; did you mean " + quoted(guess) + "?");
        } else {
            Param p;
            p.line = item.key_pos.line;
            if (item.value.IsScalar()) {
                p.values.push_back(item.value.Scalar());
            } else if (item.value.IsSequence()) {
                const auto list = string_list(item, what + "." + item.key);
                if (!list) continue;
                p.values = *list;
                p.is_list = true;
            } else {
                error_at(item, "parameter " + quoted(what + "." + item.key) +
                                   " must be a value or a list of values, not " + kind_name(item.value));
                continue;
            }
            settings.params.set(item.key, std::move(p));
            m_param_pos[e.key].push_back(item.key_pos);
        }
    }
}

void Reader::read_scoring(const Entry& e) {
    static const std::vector<std::string> k_keys = {"step_mode",           "reverse", "rounding",
                                                    "execution_threshold", "bands",   "grades"};
    const auto items = known_entries(e.value, value_pos(e), "scoring", k_keys);
    if (!items) return;
    require_keys(*items, k_keys, value_pos(e), "scoring.");
    ScoringPolicy& s = m_set.scoring;
    for (const auto& item : *items) {
        const std::string what = "scoring." + item.key;
        if (item.key == "step_mode") {
            if (const auto v = choice<StepMode>(item, what,
                                                {{"full_steps", StepMode::full_steps},
                                                 {"partial_counts", StepMode::partial_counts},
                                                 {"pro_rate", StepMode::pro_rate}})) {
                s.step_mode = *v;
            }
        } else if (item.key == "reverse") {
            if (const auto v = choice<ReverseVariant>(
                    item, what, {{"linear", ReverseVariant::linear}, {"ratio", ReverseVariant::ratio}})) {
                s.reverse = *v;
            }
        } else if (item.key == "rounding") {
            const auto d = number(item, what);
            if (!d) continue;
            if (*d != d->floor() || *d < Decimal() || *d > Decimal::from_int(6)) {
                error_at(item, quoted(what) + " must be a whole number of decimal places from 0 to 6, got " + d->str());
            } else {
                s.rounding = static_cast<int>(d->raw() / Decimal::k_scale);
            }
        } else if (item.key == "execution_threshold") {
            const auto d = number(item, what);
            if (!d) continue;
            if (*d < Decimal() || *d > Decimal::from_int(1)) {
                error_at(item, quoted(what) + " is a fraction from 0 to 1 (0.9 means 90%), got " + d->str());
            } else {
                s.execution_threshold = *d;
            }
        } else if (item.key == "bands") {
            read_bands(item);
        } else {
            read_grades(item);
        }
    }
}

/// Reads a list of small maps (bands, grades): each item must be a map with all of `keys` and perhaps
/// some of `optional`, nothing else. Calls `fn(what, pos, fields)` for each well-formed item; returns
/// false if anything was reported.
template <class Fn>
bool for_each_record(const Entry& e, const std::string& what, const std::vector<std::string>& keys,
                     std::vector<Problem>& problems, Fn&& fn, const std::vector<std::string>& optional = {}) {
    std::vector<std::string> known = keys;
    known.insert(known.end(), optional.begin(), optional.end());
    const auto fail = [&](Pos p, std::string msg) { problems.push_back({p, std::move(msg)}); };
    if (!e.value.IsSequence()) {
        fail(e.value.IsNull() ? e.key_pos : pos_of(e.value.Mark()),
             quoted(what) + " must be a list of {" + util::join(keys, ", ") + "} items, not " + kind_name(e.value));
        return false;
    }
    bool ok = true;
    int index = 0;
    for (const auto& item : e.value) {
        ++index;
        const Pos ipos = pos_of(item.Mark());
        const std::string iwhat = what + "[" + std::to_string(index) + "]";
        if (!item.IsMap()) {
            fail(ipos, quoted(iwhat) + " must be a map {" + util::join(keys, ", ") + "}, not " + kind_name(item));
            ok = false;
            continue;
        }
        std::map<std::string, Entry> fields;
        for (auto it = item.begin(); it != item.end(); ++it) {
            const Pos kpos = pos_of(it->first.Mark());
            const std::string k = it->first.IsScalar() ? it->first.Scalar() : std::string();
            if (std::find(known.begin(), known.end(), k) == known.end()) {
                std::string msg = "unknown key " + quoted(k) + " in " + quoted(iwhat);
                const std::string guess = util::did_you_mean(k, known);
                if (!guess.empty())
                    msg += "; did you mean " + quoted(guess) + "?";
                else
                    msg += " (known keys: " + util::join(known, ", ") + ")";
                fail(kpos, msg);
                ok = false;
                continue;
            }
            if (!fields.emplace(k, Entry{k, kpos, it->second}).second) {
                fail(kpos, "duplicate key " + quoted(k) + " in " + quoted(iwhat));
                ok = false;
            }
        }
        bool complete = true;
        for (const auto& k : keys) {
            if (!fields.count(k)) {
                fail(ipos, quoted(iwhat) + " is missing " + quoted(k));
                ok = false;
                complete = false;
            }
        }
        if (complete && !fn(iwhat, ipos, fields)) ok = false;
    }
    return ok;
}

void Reader::read_bands(const Entry& e) {
    std::vector<QualitativeBand> bands;
    std::set<std::string> labels;
    const bool ok = for_each_record(
        e, "scoring.bands", {"label", "low", "high", "default"}, m_problems,
        [&](const std::string& what, Pos, const std::map<std::string, Entry>& f) {
            const auto label = scalar(f.at("label"), what + ".label");
            const auto low = number(f.at("low"), what + ".low");
            const auto high = number(f.at("high"), what + ".high");
            const auto def = number(f.at("default"), what + ".default");
            if (!label || !low || !high || !def) return false;
            std::vector<std::string> aliases;
            if (const auto a = f.find("aliases"); a != f.end()) {
                auto list = string_list(a->second, what + ".aliases");
                if (!list) return false;
                for (auto& alias : *list) {
                    if (util::trim(alias).empty()) {
                        error_at(a->second, quoted(what + ".aliases") + " must not hold an empty answer");
                        return false;
                    }
                    if (!labels.insert(alias).second) {
                        error_at(a->second, "answer " + quoted(alias) + " is given to two bands");
                        return false;
                    }
                }
                // Matched against an actual without its spaces: kept so, once.
                for (const auto& alias : *list) aliases.push_back(util::strip_spaces(alias));
            }
            const Decimal zero;
            const Decimal one = Decimal::from_int(1);
            bool good = true;
            if (util::trim(*label).empty()) {
                error_at(f.at("label"), quoted(what + ".label") + " must not be empty");
                good = false;
            } else if (!labels.insert(*label).second) {
                error_at(f.at("label"), "band label " + quoted(*label) + " is given twice");
                good = false;
            }
            if (*low < zero || *high > one || *low > *high) {
                error_at(f.at("low"), quoted(what) +
                                          " must have 0 ≤ low ≤ high ≤ 1 (fractions of the weight), got low " +
                                          low->str() + ", high " + high->str());
                good = false;
            } else if (*def < *low || *def > *high) {
                error_at(f.at("default"), quoted(what + ".default") + " must lie within the band [" + low->str() +
                                              ", " + high->str() + "], got " + def->str());
                good = false;
            }
            if (good) bands.push_back({*label, *low, *high, *def, std::move(aliases)});
            return good;
        },
        {"aliases"});
    if (!ok) return;
    if (bands.empty()) {
        error(value_pos(e), "'scoring.bands' must list at least one band");
        return;
    }
    m_set.scoring.bands = std::move(bands);
}

void Reader::read_grades(const Entry& e) {
    std::vector<GradeBand> grades;
    std::set<std::string> names;
    const bool ok = for_each_record(
        e, "scoring.grades", {"grade", "min"}, m_problems,
        [&](const std::string& what, Pos, const std::map<std::string, Entry>& f) {
            const auto grade = scalar(f.at("grade"), what + ".grade");
            const auto min = number(f.at("min"), what + ".min");
            if (!grade || !min) return false;
            bool good = true;
            if (util::trim(*grade).empty()) {
                error_at(f.at("grade"), quoted(what + ".grade") + " must not be empty");
                good = false;
            } else if (!names.insert(*grade).second) {
                error_at(f.at("grade"), "grade " + quoted(*grade) + " is given twice");
                good = false;
            }
            if (*min < Decimal()) {
                error_at(f.at("min"), quoted(what + ".min") + " must not be negative, got " + min->str());
                good = false;
            } else if (!grades.empty() && !(*min < grades.back().min_total)) {
                // The scorer takes the first grade whose min the total reaches, so order matters.
                error_at(f.at("min"), "grades must be listed highest first with descending min: " + quoted(*grade) +
                                          " has min " + min->str() + ", not below " + quoted(grades.back().grade) +
                                          "'s " + grades.back().min_total.str());
                good = false;
            }
            if (good) grades.push_back({*grade, *min});
            return good;
        });
    if (!ok) return;
    if (grades.empty()) {
        error(value_pos(e), "'scoring.grades' must list at least one grade");
        return;
    }
    m_set.scoring.grades = std::move(grades);
}

void Reader::check_cross_section() {
    // Weights: checked on the merged values, reported where this text set one of them.
    if (m_total_pos || m_budget_pos) {
        if (!(m_set.weight_total > Decimal())) {
            error(m_total_pos.value_or(Pos{}),
                  "'weights.total' must be greater than 0, got " + m_set.weight_total.str());
        } else if (m_set.budget_execution_weight < Decimal() || !(m_set.budget_execution_weight < m_set.weight_total)) {
            error(m_budget_pos ? *m_budget_pos : m_total_pos.value_or(Pos{}),
                  "'weights.budget_execution' must be at least 0 and below 'weights.total' (" +
                      m_set.weight_total.str() + "), got " + m_set.budget_execution_weight.str());
        }
    }
    // Every required path must name a 一级/二级 pair of the framework, or the slot can never be filled.
    if (!m_levels_pos && m_required_path_pos.empty()) return;
    for (const auto& slot : m_set.framework.required) {
        for (const auto& path : slot.any_of) {
            const auto parts = util::split(path, '/');
            if (parts.size() != 2) continue;  // already reported as malformed
            const std::string l1 = util::trim(parts[0]);
            const std::string l2 = util::trim(parts[1]);
            const bool found =
                std::any_of(m_set.framework.levels.begin(), m_set.framework.levels.end(), [&](const Level1& l) {
                    return l.name == l1 && std::find(l.children.begin(), l.children.end(), l2) != l.children.end();
                });
            if (found) continue;
            const auto it = m_required_path_pos.find(slot.name + "\n" + path);
            error(it != m_required_path_pos.end() ? it->second : m_levels_pos.value_or(Pos{}),
                  "framework.required slot " + quoted(slot.name) + " names " + quoted(path) +
                      ", which is not a 一级/二级 pair of framework.levels");
        }
    }
}

void Reader::validate_rules() {
    // A complete file owns every rule's settings; an overlay owns only the rules it names (the rest are
    // the default set's, and errors in them are not this file's to fix).
    std::vector<std::string> ids = m_configured_rules;
    if (m_mode == Mode::complete) {
        ids.clear();
        for (const auto& c : rules::catalog()) {
            if (std::find(m_rejected_rules.begin(), m_rejected_rules.end(), c.id) == m_rejected_rules.end()) {
                ids.emplace_back(c.id);
            }
        }
    }
    for (const auto& id : ids) {
        const auto* entry = rules::find_rule(id);
        if (!entry) continue;
        const auto& settings = m_set.rules[id];
        Error err;
        try {
            auto built = entry->factory(m_set, settings.params);
            if (built) continue;
            err = built.error();
        } catch (const std::exception& ex) {
            // Factories must not throw; if one does, it is still this rule set's problem to report.
            err.message = "rule " + id + " could not be built: " + ex.what();
        }
        // The factory knows the parameter's line only; find the key there for the column. Several
        // parameters on one line ({a: 1, b: 2}) get the first one's column.
        const auto& params = m_param_pos[id];
        const auto here = std::find_if(params.begin(), params.end(), [&](const Pos& p) { return p.line == err.line; });
        if (err.line > 0 && here != params.end()) {
            error(*here, err.message);
        } else if (err.line > 0 && m_mode == Mode::overlay) {
            // The line is one of rules/default.yaml's: point at this file's entry for the rule instead.
            error(m_rule_pos[id], err.message + " (in a parameter inherited from the default rule set, line " +
                                      std::to_string(err.line) + " of " + k_default_origin + ")");
        } else {
            error(m_rule_pos[id], err.message);
        }
    }
}

/// The rule set used as the base of a complete file: every catalog rule, enabled, at its default severity.
RuleSet catalog_base() {
    RuleSet set;
    for (const auto& c : rules::catalog()) {
        RuleSettings s;
        s.severity = c.severity;
        set.rules[c.id] = s;
    }
    return set;
}

/// yaml-cpp counts columns in bytes; editors count characters. Converts `pos` (byte column) to a
/// 1-based code-point column of its line in `text`.
Pos char_column(std::string_view text, Pos pos) {
    if (pos.line <= 0 || pos.column <= 0) return pos;
    std::size_t start = 0;
    for (int line = 1; line < pos.line; ++line) {
        const std::size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) return pos;
        start = nl + 1;
    }
    const std::size_t end = std::min(text.size(), start + static_cast<std::size_t>(pos.column - 1));
    int column = 1;
    for (std::size_t i = start; i < end;) {
        util::next_code_point(text, i);
        ++column;
    }
    return {pos.line, column};
}

Error combine(std::vector<Problem> problems, const std::string& origin, std::string_view text = {}) {
    for (auto& p : problems) p.pos = char_column(text, p.pos);
    std::stable_sort(problems.begin(), problems.end(), [](const Problem& a, const Problem& b) {
        return std::pair(a.pos.line, a.pos.column) < std::pair(b.pos.line, b.pos.column);
    });
    std::vector<std::string> lines;
    for (const auto& p : problems) {
        Error e;
        e.file = origin;
        e.line = p.pos.line;
        e.column = p.pos.column;
        e.message = p.message;
        const std::string text = e.render();
        if (lines.empty() || lines.back() != text) lines.push_back(text);
    }
    Error out;
    out.message = util::join(lines, "\n");
    return out;
}

/// Records where each document starts and where its first node is, to count documents without building them.
struct DocumentStarts final : YAML::EventHandler {
    std::vector<YAML::Mark> starts;
    std::vector<YAML::Mark> first_nodes;  ///< one per document (its start when it has no node)
    void node(const YAML::Mark& mark) {
        if (first_nodes.size() < starts.size()) first_nodes.push_back(mark);
    }
    void OnDocumentStart(const YAML::Mark& mark) override { starts.push_back(mark); }
    void OnDocumentEnd() override {
        if (first_nodes.size() < starts.size()) first_nodes.push_back(starts.back());
    }
    void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { node(mark); }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { node(mark); }
    void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t, const std::string&) override {
        node(mark);
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {
        node(mark);
    }
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        node(mark);
    }
    void OnMapEnd() override {}
};

/// The first document of a YAML text, and where a second one starts if there is one.
struct Documents {
    std::vector<YAML::Node> docs;        ///< empty, or the first document
    std::optional<YAML::Mark> second;    ///< a second document (only one is allowed)
};

/// Reads `text` without YAML::LoadAll: in yaml-cpp 0.7 a stray ',' (",", ",a") makes LoadAll yield
/// empty documents forever without consuming the token, growing memory until the machine runs out
/// (yaml-cpp issue 1040; found by fuzz_rule_set). Documents are counted (at most three) through the
/// parser's events; one that starts where the previous one did is that loop, reported as a syntax error.
Documents load_documents(const std::string& text) {
    std::istringstream in(text);
    YAML::Parser parser(in);
    DocumentStarts seen;
    for (int i = 0; i < 3 && parser.HandleNextDocument(seen); ++i) {
        const auto& s = seen.starts;
        if (s.size() >= 2 && s[s.size() - 1].pos == s[s.size() - 2].pos) {
            throw YAML::ParserException(s.back(), "unexpected character where a key or value should start "
                                                  "(a stray ',' ']' or '}'?)");
        }
    }
    Documents out;
    if (seen.starts.empty()) return out;
    out.docs.push_back(YAML::Load(text));  // parses the first document only
    if (seen.starts.size() >= 2) out.second = seen.first_nodes.size() >= 2 ? seen.first_nodes[1] : seen.starts[1];
    return out;
}

/// Loads `yaml`. `validate` builds the configured rules through their factories.
Expected<RuleSet> load(std::string_view yaml, const std::string& origin, bool validate) {
    std::vector<YAML::Node> docs;
    std::optional<YAML::Mark> second;
    try {
        auto loaded = load_documents(std::string(yaml));
        docs = std::move(loaded.docs);
        second = loaded.second;
    } catch (const YAML::Exception& ex) {
        return combine({{pos_of(ex.mark), "YAML syntax error: " + ex.msg}}, origin, yaml);
    } catch (const std::exception& ex) {
        return combine({{{}, std::string("cannot read YAML: ") + ex.what()}}, origin, yaml);
    }
    if (docs.empty() || docs[0].IsNull()) {
        return combine({{{}, "the rule set is empty; start from 'extends: default' or copy rules/default.yaml"}},
                       origin, yaml);
    }
    if (second) {
        return combine(
            {{pos_of(*second), "only one YAML document is allowed in a rule set (found a second '---')"}},
            origin, yaml);
    }
    const YAML::Node& root = docs[0];
    if (!root.IsMap()) {
        return combine({{pos_of(root.Mark()), std::string("the rule set must be a map of sections "
                                                          "(version, framework, rules, …), not ") +
                                                  kind_name(root)}},
                       origin, yaml);
    }

    try {
        // `extends` decides the base, so it is read before everything else.
        Mode mode = Mode::complete;
        std::vector<Problem> early;
        for (auto it = root.begin(); it != root.end(); ++it) {
            if (!it->first.IsScalar() || it->first.Scalar() != "extends") continue;
            // A copy, not a reference: it-> yields a temporary pair, so a reference to its second
            // dangles at the end of this statement (ASan: stack-use-after-scope, found by fuzz_rule_set).
            const YAML::Node v = it->second;
            mode = Mode::overlay;  // read the rest as overrides even if the value is wrong: more errors found
            if (!v.IsScalar() || v.Scalar() != "default") {
                const Pos p = v.IsNull() ? pos_of(it->first.Mark()) : pos_of(v.Mark());
                early.push_back({p, "'extends' can only be 'default', got " +
                                        (v.IsScalar() ? quoted(v.Scalar()) : std::string(kind_name(v))) +
                                        ": rule sets cannot extend other files (no extends chains); copy what "
                                        "you need into this file"});
            }
        }
        Reader reader(mode == Mode::overlay ? default_rule_set() : catalog_base(), mode);
        reader.problems() = std::move(early);
        reader.read_root(root);
        if (validate) reader.validate_rules();
        if (!reader.problems().empty()) return combine(std::move(reader.problems()), origin, yaml);
        return std::move(reader.result());
    } catch (const YAML::Exception& ex) {
        // Should not happen (we only iterate), but a yaml-cpp exception must not escape this file.
        return combine({{pos_of(ex.mark), ex.msg}}, origin, yaml);
    }
}

}  // namespace

const RuleSet& default_rule_set() {
    // Not validated through the rule factories here: rule tests build rules from this set one at a
    // time, and one rule rejecting its default parameters must fail that rule's test, not abort every
    // test. The config test "every rule accepts its default parameters" covers it, and the pipeline
    // reports any factory error when it builds the rules.
    static const RuleSet k_default = [] {
        auto loaded = load(embedded::default_rules(), k_default_origin, /*validate=*/false);
        if (!loaded) {
            // The embedded text is part of the build: failing here is a programming error, not input.
            std::fprintf(stderr, "perf-check: internal error: the built-in rule set does not load:\n%s\n",
                         loaded.error().render().c_str());
            std::abort();
        }
        return std::move(*loaded);
    }();
    return k_default;
}

Expected<RuleSet> load_rule_set_text(std::string_view yaml, const std::string& origin) {
    // A real rule set is a few KiB; a megabyte is a wrong file (or a hostile one that would take
    // seconds and hundreds of MB to load).
    constexpr std::size_t k_max_rule_set_bytes = std::size_t{1} << 20;
    if (yaml.size() > k_max_rule_set_bytes) {
        return combine({{{}, "the rule set is larger than 1 MiB (" + std::to_string(yaml.size()) +
                                 " bytes): is this the right file? (规则集文件超过 1 MiB，请检查 --rules 路径)"}},
                       origin);
    }
    return load(yaml, origin, /*validate=*/true);
}

Expected<RuleSet> load_rule_set_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return combine({{{}, "cannot open the rule set file; check the --rules path"}}, path);
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return combine({{{}, "cannot read the rule set file"}}, path);
    return load_rule_set_text(text.str(), path);
}

}  // namespace perf_check::config
