// Scratch space for output that must wait (a streamed report's second array): a temporary file that
// disappears when closed, or memory when no temporary file can be made.
#pragma once

#include <iosfwd>
#include <memory>

namespace perf_check::util {

/// A read/write stream on an already-unlinked file in $TMPDIR (or /tmp); an in-memory stream if that fails.
std::unique_ptr<std::iostream> temporary_stream();

}  // namespace perf_check::util
