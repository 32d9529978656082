import KalendariumCore

/// Text from the bytes of a received message, in the charsets Swedish mail arrives in:
/// UTF-8 (and its subset US-ASCII), ISO-8859-1, ISO-8859-15 and Windows-1252, which
/// older Outlook versions label ISO-8859-1. Never fails: an unknown charset is read as
/// UTF-8 if the bytes are UTF-8 and as Windows-1252 if not, and invalid UTF-8 becomes
/// U+FFFD, so a message that lies about its charset still shows its ASCII.
enum Charset {
    static func decode(_ bytes: some Collection<UInt8>, charset: String?) -> String {
        let name = charset.map { $0.trimmingWhitespace.lowercased().filter { $0 != "\"" && $0 != "'" } } ?? ""
        switch name {
        case "utf-8", "utf8", "us-ascii", "ascii", "ansi_x3.4-1968":
            return String(decoding: bytes, as: UTF8.self)
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1":
            return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        case "iso-8859-15", "iso8859-15", "iso_8859-15", "latin9", "latin-9":
            return single(bytes, latin9)
        case "windows-1252", "cp1252", "x-cp1252":
            return single(bytes, windows1252)
        default:
            return String(validating: bytes, as: UTF8.self) ?? single(bytes, windows1252)
        }
    }

    /// A single-byte charset: Latin-1 except where `differences` says otherwise.
    private static func single(_ bytes: some Collection<UInt8>, _ differences: [UInt8: UInt32]) -> String {
        String(
            String.UnicodeScalarView(
                bytes.map { byte in differences[byte].flatMap(Unicode.Scalar.init) ?? Unicode.Scalar(byte) }))
    }

    /// Where ISO-8859-15 differs from Latin-1 (the euro sign and seven letters).
    private static let latin9: [UInt8: UInt32] = [
        0xA4: 0x20AC, 0xA6: 0x0160, 0xA8: 0x0161, 0xB4: 0x017D, 0xB8: 0x017E, 0xBC: 0x0152, 0xBD: 0x0153,
        0xBE: 0x0178,
    ]

    /// Windows-1252's printable characters in 0x80–0x9F, where Latin-1 has C1 controls.
    private static let windows1252: [UInt8: UInt32] = [
        0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
        0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152, 0x8E: 0x017D, 0x91: 0x2018,
        0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC,
        0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A, 0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
    ]
}
