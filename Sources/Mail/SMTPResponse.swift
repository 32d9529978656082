/// One SMTP reply (RFC 5321 §4.2): a code and its lines, multi-line replies joined.
public struct SMTPResponse: Hashable, Sendable, CustomStringConvertible {
    public let code: Int
    public let lines: [String]

    public var isTemporaryFailure: Bool { (400..<500).contains(code) }

    public var description: String { "\(code) \(lines.joined(separator: " / "))" }
}
