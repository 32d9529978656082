import Foundation

/// `Content-Disposition: attachment` for a paper (RFC 6266): `filename="…"` in ASCII
/// for old clients, and `filename*=UTF-8''…` (RFC 5987) with the real name, so
/// "Förslag-VP.pdf" is saved as such. Paper names are safe already (``PaperName``):
/// letters, digits and `.-_`, so no quote or backslash needs escaping.
enum ContentDisposition {
    static func attachment(filename: String) -> String {
        "attachment; filename=\"\(asciiFallback(filename))\"; filename*=UTF-8''\(extendedValue(filename))"
    }

    /// Diacritics dropped ("Förslag" → "Forslag"), anything else outside ASCII as `_`.
    static func asciiFallback(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        return String(
            folded.unicodeScalars.map { scalar -> Character in
                scalar.isASCII && scalar.value >= 0x20 && scalar != "\"" && scalar != "\\" ? Character(scalar) : "_"
            })
    }

    /// RFC 5987 § 3.2.1: attr-char as it is, every other UTF-8 byte as `%XX`.
    static func extendedValue(_ name: String) -> String {
        let attrChar = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~".utf8)
        var out = ""
        for byte in name.utf8 {
            if attrChar.contains(byte) {
                out.append(Character(Unicode.Scalar(byte)))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (byte < 16 ? "0" + hex : hex)
            }
        }
        return out
    }
}
