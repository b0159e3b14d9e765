// Test helpers: locating the source tree's samples and the seed, and temporary files.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace perf_check::test {

/// A path inside the source tree.
inline std::string source_path(const std::string& rel) { return std::string(PERF_CHECK_SOURCE_DIR) + "/" + rel; }

/// The whole content of a file ("" if unreadable).
inline std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// A fresh temporary directory, removed when the object goes away.
class TempDir {
public:
    TempDir() {
        std::string tmpl = (std::filesystem::temp_directory_path() / "perf-check-test-XXXXXX").string();
        if (mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        m_path = tmpl;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] std::string path(const std::string& name) const { return (m_path / name).string(); }
    /// Writes `content` to `name` inside the directory and returns its path.
    std::string write(const std::string& name, const std::string& content) const {
        const std::string p = path(name);
        std::filesystem::create_directories(std::filesystem::path(p).parent_path());
        std::ofstream out(p, std::ios::binary);
        out << content;
        return p;
    }

private:
    std::filesystem::path m_path;
};

/// samples/clean-2024.csv with its project twice, the second as 302006 农村公路养护补助 with 80 万元
/// (title, unit and header rows once): a two-project table to append 合计 rows to.
inline std::string two_clean_projects() {
    const std::string clean = slurp(source_path("samples/clean-2024.csv"));
    std::size_t body = 0;
    for (int line = 0; line < 4; ++line) body = clean.find('\n', body) + 1;
    std::string second = clean.substr(body);
    const std::string from = "302005,社区居家养老服务补助,120.00";
    second.replace(second.find(from), from.size(), "302006,农村公路养护补助,80.00");
    return clean + second;
}

}  // namespace perf_check::test
