import Mustache

/// HTML's escaping of text, worked over the text's UTF-8 bytes.
///
/// Not Mustache's own escaping: that walks the text by `Character` and looks each one up
/// in a dictionary, so a quote followed by a combining mark (`"\u{301}`) is one
/// `Character`, not a quote, and goes out as it is. In an attribute value the browser ends
/// the value at that quote and reads what follows as attributes of its own, so a proposed
/// agenda point's title could carry an `onfocus` into the secretary's workspace. The five
/// characters are ASCII, so replacing their bytes leaves the rest of the UTF-8 intact; and
/// the bytes cost a fraction of the characters (a reminder pass spent a tenth of its time
/// in Mustache's escaping).
enum HTMLEscape {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by their entities.
    static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { entity($0) != nil }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 32)
        for byte in text.utf8 { append(byte, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `byte`, or its entity when HTML gives it a meaning.
    static func append(_ byte: UInt8, to out: inout [UInt8]) {
        if let entity = entity(byte) { out.append(contentsOf: entity.utf8) } else { out.append(byte) }
    }

    private static func entity(_ byte: UInt8) -> String? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
    }
}

/// Mustache's content type for the HTML templates: every `{{value}}` through `HTMLEscape`.
struct EscapedHTML: MustacheContentType {
    /// The name the templates' `CONTENT_TYPE` pragma gives (`Templates` adds the pragma).
    static let name = "KALENDARIUM_HTML"

    func escapeText(_ text: String) -> String { HTMLEscape.escaped(text) }
}
