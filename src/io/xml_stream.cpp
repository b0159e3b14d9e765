// expat driven from a zip entry in fixed-size chunks; the parser owns its buffer so a pause can hold it.
#include "io/xml_stream.hpp"

#include <expat.h>

#include <fmt/format.h>

#include "io/xlsx_limits.hpp"

namespace perf_check::io {

std::string_view xml_local_name(std::string_view name) {
    const auto colon = name.rfind(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

namespace {
// xml_local_name() of expat's NUL-terminated name in one pass (no strlen, then no search): every start
// and end tag and every attribute lookup of the expat path come through here.
std::string_view local_name(const char* name) {
    const char* local = name;
    const char* p = name;
    for (; *p != '\0'; ++p) {
        if (*p == ':') local = p + 1;
    }
    return {local, static_cast<std::size_t>(p - local)};
}
}  // namespace

std::optional<std::string_view> xml_attr(const char* const* attrs, std::string_view name) {
    if (!attrs) return std::nullopt;
    for (const char* const* a = attrs; a[0] && a[1]; a += 2) {
        if (local_name(a[0]) == name) return std::string_view(a[1]);
    }
    return std::nullopt;
}

struct XmlStream::Impl {
    XML_Parser parser = nullptr;
};

// expat's C callbacks, forwarding to the handler; a friend so it may reach the stream's state.
struct XmlCallbacks {
    static void XMLCALL start(void* data, const XML_Char* name, const XML_Char** attrs) {
        auto* xml = static_cast<XmlStream*>(data);
        xml->m_handler.on_start(*xml, local_name(name), attrs);
    }
    static void XMLCALL end(void* data, const XML_Char* name) {
        auto* xml = static_cast<XmlStream*>(data);
        xml->m_handler.on_end(*xml, local_name(name));
    }
    static void XMLCALL text(void* data, const XML_Char* s, int len) {
        auto* xml = static_cast<XmlStream*>(data);
        xml->m_handler.on_text(*xml, std::string_view(s, static_cast<std::size_t>(len)));
    }
    static void XMLCALL doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
        static_cast<XmlStream*>(data)->fail("it contains a DOCTYPE declaration, which workbook parts never have",
                                                   "含有 DOCTYPE 声明，工作簿部件不应包含");
    }
};

XmlStream::XmlStream(XmlHandler& handler, ZipEntryStream& input, std::string file)
    : XmlStream(handler, std::move(file), input.part()) {
    m_input = &input;
}

XmlStream::XmlStream(XmlHandler& handler, std::string file, std::string part)
    : m_handler(handler), m_input(nullptr), m_part(std::move(part)), m_file(std::move(file)),
      m_impl(std::make_unique<Impl>()) {
    m_impl->parser = XML_ParserCreate(nullptr);
    if (!m_impl->parser) return;
    XML_SetUserData(m_impl->parser, this);
    XML_SetElementHandler(m_impl->parser, &XmlCallbacks::start, &XmlCallbacks::end);
    XML_SetCharacterDataHandler(m_impl->parser, &XmlCallbacks::text);
    XML_SetStartDoctypeDeclHandler(m_impl->parser, &XmlCallbacks::doctype);
}

XmlStream::~XmlStream() {
    if (m_impl->parser) XML_ParserFree(m_impl->parser);
}

void XmlStream::pause() {
    if (m_pause_asked || m_failure) return;  // expat refuses to suspend a suspended parser
    m_pause_asked = true;
    XML_StopParser(m_impl->parser, XML_TRUE);
}

void XmlStream::stop() {
    if (m_stopped || m_failure) return;
    m_stopped = true;
    XML_StopParser(m_impl->parser, XML_FALSE);
}

void XmlStream::fail(std::string message, std::string message_zh) {
    if (m_failure) return;
    m_failure = std::move(message);
    m_failure_zh = std::move(message_zh);
    XML_StopParser(m_impl->parser, XML_FALSE);
}

long XmlStream::line() const {
    return m_impl->parser ? static_cast<long>(XML_GetCurrentLineNumber(m_impl->parser)) : 0;
}

Error XmlStream::make_error() const {
    const std::string& part = m_part;
    if (m_failure) {
        return Error{fmt::format("part {} cannot be read (XML line {}): {}; check the sheet, or save it again from "
                                 "Excel/WPS as .xlsx (工作簿部件 {}（XML 第 {} 行）：{}，请检查该工作表或在 Excel/WPS 中"
                                 "重新另存为 .xlsx)",
                                 part, line(), *m_failure, part, line(), m_failure_zh),
                     m_file};
    }
    const auto code = XML_GetErrorCode(m_impl->parser);
    return Error{fmt::format("malformed XML in part {} at line {}, column {}: {}; the file is damaged, save it again "
                             "as .xlsx (工作簿部件 {} 的 XML 格式错误：文件已损坏，请在 Excel/WPS 中重新另存为 .xlsx)",
                             part, XML_GetCurrentLineNumber(m_impl->parser),
                             XML_GetCurrentColumnNumber(m_impl->parser) + 1, XML_ErrorString(code), part),
                 m_file};
}

Expected<bool> XmlStream::resume() {
    if (m_input_error) return *m_input_error;
    if (!m_impl->parser) return Error{"out of memory creating an XML parser (内存不足)", m_file};
    if (!m_input) return Error{"internal: an XML stream without input was resumed", m_file};
    while (!m_finished) {
        m_pause_asked = false;
        XML_Status status;
        if (m_paused) {
            m_paused = false;
            status = XML_ResumeParser(m_impl->parser);
        } else {
            void* buf = XML_GetBuffer(m_impl->parser, static_cast<int>(xlsx_limits::k_chunk_bytes));
            if (!buf) {
                m_input_error = Error{fmt::format("out of memory parsing part {} (内存不足)", m_part), m_file};
                return *m_input_error;
            }
            auto got = m_input->read(static_cast<char*>(buf), xlsx_limits::k_chunk_bytes);
            if (!got) {
                m_input_error = got.error();
                return *m_input_error;
            }
            m_final_sent = *got == 0;
            status = XML_ParseBuffer(m_impl->parser, static_cast<int>(*got), m_final_sent ? XML_TRUE : XML_FALSE);
        }
        if (status == XML_STATUS_ERROR && m_stopped) {
            m_finished = true;
            break;
        }
        if (status == XML_STATUS_ERROR) {
            m_input_error = make_error();
            return *m_input_error;
        }
        if (status == XML_STATUS_SUSPENDED) {
            m_paused = true;
            return true;
        }
        if (m_final_sent) m_finished = true;
    }
    return false;
}

Expected<bool> XmlStream::feed(const char* data, std::size_t n, bool final) {
    if (m_input_error) return *m_input_error;
    if (!m_impl->parser) return Error{"out of memory creating an XML parser (内存不足)", m_file};
    if (m_finished) return false;
    const XML_Status status = XML_Parse(m_impl->parser, data, static_cast<int>(n), final ? XML_TRUE : XML_FALSE);
    if (status == XML_STATUS_ERROR && !m_stopped) {
        m_input_error = make_error();
        return *m_input_error;
    }
    if (m_stopped || final) m_finished = true;
    return !m_finished;
}

Expected<bool> XmlStream::run() {
    while (true) {
        auto more = resume();
        if (!more) return more.error();
        if (!*more) return true;
    }
}

}  // namespace perf_check::io
