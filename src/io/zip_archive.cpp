// libzip behind a small interface: every size is checked before it is read, every failure is an Error.
#include "io/zip_archive.hpp"

#include <zip.h>

#include <algorithm>

#include <fmt/format.h>

#include "io/xlsx_limits.hpp"

namespace perf_check::io {

namespace {

std::string zip_message(int code) {
    zip_error_t err;
    zip_error_init_with_code(&err, code);
    std::string msg = zip_error_strerror(&err);
    zip_error_fini(&err);
    return msg;
}

Error damaged(const std::string& path, const std::string& part, const std::string& why) {
    return Error{fmt::format("part {} of the workbook is damaged ({}): save the file again from Excel/WPS as .xlsx "
                             "(工作簿部件 {} 已损坏：请在 Excel/WPS 中重新另存为 .xlsx)",
                             part, why, part),
                 path};
}

}  // namespace

std::string human_size(std::uint64_t bytes) {
    if (bytes < 1024) return fmt::format("{} bytes", bytes);
    if (bytes < (std::uint64_t{1} << 20)) return fmt::format("{:.1f} KB", static_cast<double>(bytes) / 1024.0);
    if (bytes < (std::uint64_t{1} << 30)) return fmt::format("{:.1f} MB", static_cast<double>(bytes) / 1048576.0);
    return fmt::format("{:.1f} GB", static_cast<double>(bytes) / 1073741824.0);
}

ZipEntryStream::ZipEntryStream(zip_file* file, std::string path, std::string part, std::uint64_t declared)
    : m_file(file), m_path(std::move(path)), m_part(std::move(part)), m_declared(declared) {}

ZipEntryStream::~ZipEntryStream() {
    if (m_file) zip_fclose(m_file);
}

Expected<std::size_t> ZipEntryStream::read(char* buf, std::size_t n) {
    // Ask for one byte beyond the declared size at the end, so that an entry whose header lies about
    // its size is caught here rather than inflated without bound.
    const std::uint64_t left = m_declared - m_read;
    const std::uint64_t want = std::min<std::uint64_t>(n, left + 1);
    const zip_int64_t got = zip_fread(m_file, buf, want);
    if (got < 0) return damaged(m_path, m_part, zip_error_strerror(zip_file_get_error(m_file)));
    m_read += static_cast<std::uint64_t>(got);
    if (m_read > m_declared) {
        return Error{fmt::format("part {} holds more data than its zip header declares ({}): the file is damaged "
                                 "or built to exhaust memory (部件 {} 的实际内容超过声明大小，文件已损坏或异常，已拒绝读取)",
                                 m_part, human_size(m_declared), m_part),
                     m_path};
    }
    return static_cast<std::size_t>(got);
}

Expected<std::unique_ptr<ZipArchive>> ZipArchive::open(const std::string& path, std::uint64_t max_total) {
    int code = 0;
    zip_t* za = zip_open(path.c_str(), ZIP_RDONLY, &code);
    if (!za) {
        return Error{fmt::format("cannot read as .xlsx: the file is not a zip archive, or it is damaged or truncated "
                                 "({}); open it in Excel/WPS and save it again as .xlsx "
                                 "(文件不是有效的 .xlsx，或已损坏、不完整：请在 Excel/WPS 中重新另存为 .xlsx)",
                                 zip_message(code)),
                     path};
    }
    std::unique_ptr<ZipArchive> archive(new ZipArchive(za, path));
    // The whole archive's declared size, before anything is inflated: a bomb spread over many
    // entries is refused here even when no single entry is absurd.
    const zip_int64_t count = zip_get_num_entries(za, 0);
    std::uint64_t total = 0;
    for (zip_int64_t i = 0; i < count; ++i) {
        zip_stat_t st;
        if (zip_stat_index(za, static_cast<zip_uint64_t>(i), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) {
            return Error{"cannot read as .xlsx: the zip directory is damaged; save the file again as .xlsx "
                         "(压缩目录已损坏：请重新另存为 .xlsx)",
                         path};
        }
        total += st.size;
        if (total > max_total) {
            return Error{fmt::format("the workbook would expand to more than {} when unpacked: refusing to read a "
                                     "possible zip bomb (工作簿解压后超过 {}，疑似“压缩炸弹”，已拒绝读取；"
                                     "确为正常大表可用 --limit xlsx-bytes=2GiB 提高上限)",
                                     human_size(max_total), human_size(max_total)),
                         path};
        }
    }
    return archive;
}

ZipArchive::~ZipArchive() {
    if (m_zip) zip_discard(m_zip);
}

bool ZipArchive::has(const std::string& part) const {
    return zip_name_locate(m_zip, part.c_str(), 0) >= 0 || zip_name_locate(m_zip, part.c_str(), ZIP_FL_NOCASE) >= 0;
}

std::optional<std::uint64_t> ZipArchive::declared_size(const std::string& part) const {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(m_zip, part.c_str(), 0, &st) != 0 || (st.valid & ZIP_STAT_SIZE) == 0) return std::nullopt;
    return static_cast<std::uint64_t>(st.size);
}

Expected<std::unique_ptr<ZipEntryStream>> ZipArchive::open_entry(const std::string& part, std::uint64_t max_bytes) const {
    zip_int64_t index = zip_name_locate(m_zip, part.c_str(), 0);
    if (index < 0) index = zip_name_locate(m_zip, part.c_str(), ZIP_FL_NOCASE);
    if (index < 0) {
        return Error{fmt::format("part {} is missing: this is not a complete Excel workbook; save it again as .xlsx "
                                 "(缺少部件 {}：文件不是完整的 Excel 工作簿，请重新另存为 .xlsx)",
                                 part, part),
                     m_path};
    }
    zip_stat_t st;
    if (zip_stat_index(m_zip, static_cast<zip_uint64_t>(index), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) ||
        !(st.valid & ZIP_STAT_COMP_SIZE)) {
        return damaged(m_path, part, "no size in the zip directory");
    }
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
        return Error{fmt::format("part {} is encrypted: remove the password in Excel/WPS (文件 → 信息 → 保护工作簿) "
                                 "and save again (部件 {} 已加密：请取消密码后重新保存)",
                                 part, part),
                     m_path};
    }
    if (st.size > max_bytes) {
        return Error{fmt::format("part {} is {} when unpacked, more than the limit of {}: refusing to read it "
                                 "(部件 {} 解压后为 {}，超过上限 {}，已拒绝读取)",
                                 part, human_size(st.size), human_size(max_bytes), part, human_size(st.size),
                                 human_size(max_bytes)),
                     m_path};
    }
    if (st.size > xlsx_limits::k_ratio_min_size) {
        const std::uint64_t comp = st.comp_size == 0 ? 1 : st.comp_size;
        const std::uint64_t ratio = st.size / comp;
        if (ratio > xlsx_limits::k_max_ratio) {
            return Error{fmt::format("part {} expands from {} to {} (ratio {}:1, limit {}:1): refusing to read a "
                                     "possible zip bomb (部件 {} 压缩比异常（{}:1），疑似“压缩炸弹”，已拒绝读取)",
                                     part, human_size(st.comp_size), human_size(st.size), ratio,
                                     xlsx_limits::k_max_ratio, part, ratio),
                         m_path};
        }
    }
    zip_file_t* file = zip_fopen_index(m_zip, static_cast<zip_uint64_t>(index), 0);
    if (!file) return damaged(m_path, part, zip_error_strerror(zip_get_error(m_zip)));
    return std::unique_ptr<ZipEntryStream>(new ZipEntryStream(file, m_path, part, st.size));
}

}  // namespace perf_check::io
