// libFuzzer target: the .xlsx reader — the zip container and, through well-formed containers, the XML
// of the workbook, sheets, shared strings and styles.
//
// An input that starts with "PK" is written as it is, to exercise the container checks (zip bombs,
// lying sizes, truncation). Any other input is a list of parts, "name\ncontent" joined by
// k_part_separator, zipped here with correct CRCs: libzip rejects a mutated entry by its CRC, so
// without this the fuzzer would never get past the container into the XML.
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

#include "fuzz_common.hpp"
#include "io/open_table.hpp"

using namespace perf_check;

namespace {

constexpr std::string_view k_part_separator = "\n@@PART@@\n";

// The reader opens files by path (libzip), so each input goes to one scratch file per process, named
// .xlsx so that open_table hands it to the XLSX reader.
struct ScratchFile {
    std::string path;
    ScratchFile() {
        const char* dir = std::getenv("TMPDIR");
        path = std::string(dir != nullptr && *dir != '\0' ? dir : "/tmp") + "/perf-check-fuzz-XXXXXX.xlsx";
        const int fd = mkstemps(path.data(), 5);
        if (fd < 0) std::abort();
        close(fd);
    }
    ~ScratchFile() { unlink(path.c_str()); }
};

void write_raw(const std::string& path, const std::uint8_t* data, std::size_t size) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (!out) std::abort();
}

// Zips the parts (stored, not deflated: faster, and the reader's code is the same). Returns false when
// libzip refuses the names (duplicates, empty): nothing to read then.
bool write_parts(const std::string& path, std::string_view input) {
    std::vector<std::string> contents;  // zip_source_buffer keeps pointers until zip_close
    std::vector<std::string> names;
    while (true) {
        const std::size_t end = input.find(k_part_separator);
        const std::string_view part = input.substr(0, end);
        const std::size_t nl = part.find('\n');
        names.emplace_back(part.substr(0, nl));
        contents.emplace_back(nl == std::string_view::npos ? std::string_view{} : part.substr(nl + 1));
        if (end == std::string_view::npos) break;
        input.remove_prefix(end + k_part_separator.size());
    }
    int error = 0;
    zip_t* za = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (za == nullptr) std::abort();
    bool added = false;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i].empty()) continue;
        zip_source_t* src = zip_source_buffer(za, contents[i].data(), contents[i].size(), 0);
        if (src == nullptr) std::abort();
        const zip_int64_t index = zip_file_add(za, names[i].c_str(), src, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(src);
            continue;
        }
        zip_set_file_compression(za, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
        added = true;
    }
    if (!added) {
        zip_discard(za);
        return false;
    }
    if (zip_close(za) != 0) {
        zip_discard(za);
        return false;
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static ScratchFile scratch;  // removed at exit; a crash leaves one small file in TMPDIR
    const RuleSet& rules = config::default_rule_set();
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    if (input.substr(0, 2) == "PK") {
        write_raw(scratch.path, data, size);
    } else if (!write_parts(scratch.path, input)) {
        return 0;
    }
    io::ReadOptions options;
    auto source = io::open_table(scratch.path, options, rules);
    if (source) fuzz::drain(**source);
    return 0;
}
