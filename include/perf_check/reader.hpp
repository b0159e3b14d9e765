// The reader interface: a source of projects, one at a time, so memory does not grow with the file.
#pragma once

#include "perf_check/expected.hpp"
#include "perf_check/model.hpp"

namespace perf_check {

/// Yields the projects of one table in file order. table() is valid from construction (header facts,
/// encoding, missing columns). next() returns true and fills `out` with the next normalised project,
/// false at the end, or an Error when the input turns out to be unreadable part-way (the projects
/// already yielded stay valid).
class ProjectSource {
public:
    virtual ~ProjectSource() = default;
    [[nodiscard]] virtual const TableInfo& table() const = 0;
    virtual Expected<bool> next(Project& out) = 0;
};

}  // namespace perf_check
