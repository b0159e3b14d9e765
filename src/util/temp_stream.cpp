// Temporary streams: mkstemp for a unique name, unlinked at once so nothing is left behind on a crash.
#include "util/temp_stream.hpp"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace perf_check::util {

std::unique_ptr<std::iostream> temporary_stream() {
    const char* dir = std::getenv("TMPDIR");
    std::string path = std::string(dir && *dir ? dir : "/tmp") + "/perf-check-XXXXXX";
    const int fd = mkstemp(path.data());
    if (fd >= 0) {
        auto file = std::make_unique<std::fstream>(path, std::ios::in | std::ios::out | std::ios::binary | std::ios::trunc);
        close(fd);
        unlink(path.c_str());
        if (*file) return file;
    }
    return std::make_unique<std::stringstream>(std::ios::in | std::ios::out | std::ios::binary);
}

}  // namespace perf_check::util
