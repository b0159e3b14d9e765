// The rule interface: a pure check of one project (or of what a reader learned about a table).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "perf_check/expected.hpp"
#include "perf_check/finding.hpp"
#include "perf_check/model.hpp"

namespace perf_check {

struct RuleSet;

/// A rule checks projects. check() is pure: no I/O, no throwing, no formatting beyond its messages.
class Rule {
public:
    virtual ~Rule() = default;
    /// Called once per project, in file order.
    virtual void check(const Project& project, FindingSink& sink) const { (void)project, (void)sink; }
    /// Called once per table (file/sheet) before its projects, for table-level problems.
    virtual void check_table(const TableInfo& table, FindingSink& sink) const { (void)table, (void)sink; }
};

/// One rule parameter from a rule set, as text: a scalar (`values` has one item) or a list.
/// `line` is the 1-based line in the rule-set file, for error messages.
struct Param {
    std::vector<std::string> values;
    bool is_list = false;
    int line = 0;
};

/// A rule's parameters, by key. Factories read what they know and reject the rest (with did-you-mean).
class Params {
public:
    Params() = default;
    explicit Params(std::map<std::string, Param> items) : m_items(std::move(items)) {}
    [[nodiscard]] const Param* find(const std::string& key) const;
    [[nodiscard]] const std::map<std::string, Param>& items() const { return m_items; }
    void set(const std::string& key, Param p) { m_items[key] = std::move(p); }

private:
    std::map<std::string, Param> m_items;
};

/// Builds a rule from the rule set (shared settings such as the framework) and its own parameters.
/// Returns an Error naming the parameter (with Error::line from Param::line) for unknown keys or bad values.
using RuleFactory = Expected<std::unique_ptr<Rule>> (*)(const RuleSet& rules, const Params& params);

}  // namespace perf_check
