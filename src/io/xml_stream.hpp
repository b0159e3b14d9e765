// Streaming XML (expat) over a zip entry: callbacks with prefix-free names, chunked input, pause per record.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "io/zip_archive.hpp"
#include "perf_check/expected.hpp"

namespace perf_check::io {

/// What a handler may do to the parse that calls it: the expat stream (XmlStream) and the fast sheet
/// reader (SheetScanner) both offer it.
class XmlControl {
public:
    virtual ~XmlControl() = default;
    /// Stop after the current event; the parse can be resumed.
    virtual void pause() = 0;
    /// The rest of the input is not needed; the parse ends successfully.
    virtual void stop() = 0;
    /// Abort the parse with `message` and its Chinese `message_zh` (file, part and line added).
    virtual void fail(std::string message, std::string message_zh) = 0;
    /// Line of the event being handled (1-based), for messages.
    [[nodiscard]] virtual long line() const = 0;
};

/// Receives parse events. Element and attribute names arrive without their namespace prefix
/// ("x:row" → "row", "r:id" → "id"); text arrives in pieces that the handler concatenates.
class XmlHandler {
public:
    virtual ~XmlHandler() = default;
    /// `attrs` is a null-terminated array of name/value pairs, as expat gives it; read it with xml_attr().
    virtual void on_start(XmlControl& xml, std::string_view name, const char* const* attrs) = 0;
    virtual void on_end(XmlControl& xml, std::string_view name) = 0;
    virtual void on_text(XmlControl& xml, std::string_view text) { (void)xml, (void)text; }
};

/// The local part of an XML name: "x:row" → "row".
std::string_view xml_local_name(std::string_view name);

/// The value of the attribute whose local name is `name` ("x:r" answers to "r"), or nullopt.
std::optional<std::string_view> xml_attr(const char* const* attrs, std::string_view name);

/// One parse of one part. Documents with a DOCTYPE are refused (workbook parts never have one, and a DTD
/// is how entity-expansion attacks begin). Errors name the file, the part, and the line and column.
class XmlStream final : public XmlControl {
public:
    XmlStream(XmlHandler& handler, ZipEntryStream& input, std::string file);
    /// For feed() only: the bytes come from the caller; `part` names them in errors.
    XmlStream(XmlHandler& handler, std::string file, std::string part);
    ~XmlStream() override;
    XmlStream(const XmlStream&) = delete;
    XmlStream& operator=(const XmlStream&) = delete;

    /// Parses the whole part.
    Expected<bool> run();
    /// Parses until the handler calls pause() (returns true) or the part ends (false).
    Expected<bool> resume();
    /// Push mode, for callers that read the input themselves (no pausing): parses `n` bytes, `final` on
    /// the last piece. Returns false once the parse is over (the end, or the handler called stop()).
    Expected<bool> feed(const char* data, std::size_t n, bool final);

    /// From a handler: stop after the current event; resume() returns true.
    void pause() override;
    /// From a handler: the rest of the input is not needed; the parse ends successfully.
    void stop() override;
    /// From a handler: abort the parse; run()/resume() return an Error with `message` and its Chinese
    /// `message_zh` (file, part and line added).
    void fail(std::string message, std::string message_zh) override;
    /// Line of the event being handled (1-based), for messages.
    [[nodiscard]] long line() const override;
    [[nodiscard]] const std::string& part() const { return m_part; }

private:
    struct Impl;
    Error make_error() const;
    XmlHandler& m_handler;
    ZipEntryStream* m_input;  // null when fed by the caller
    std::string m_part;
    std::string m_file;
    std::unique_ptr<Impl> m_impl;
    std::optional<std::string> m_failure;
    std::string m_failure_zh;
    std::optional<Error> m_input_error;
    bool m_paused = false;       // the parser is suspended and must be resumed before reading more
    bool m_pause_asked = false;  // pause() was called during the current parse call
    bool m_final_sent = false;
    bool m_finished = false;
    bool m_stopped = false;

    friend struct XmlCallbacks;
};

}  // namespace perf_check::io
