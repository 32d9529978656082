import KalendariumCore

/// An e-mail address with an optional display name. Line breaks are removed on the
/// way in, so no name or address can ever start a header of its own.
public struct MailAddress: Hashable, Sendable, CustomStringConvertible {
    public let name: String?
    public let email: String

    /// - Returns: nil when `email` is not a plain `local@domain` address.
    public init?(name: String? = nil, email: String) {
        let email = email.trimmingWhitespace
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            email.allSatisfy({ $0.isASCII && !$0.isWhitespace && !"<>()[]\\,;:\"".contains($0) })
        else { return nil }
        self.email = email
        self.name = name.map { $0.withoutLineBreaks }.flatMap { $0.isEmpty ? nil : $0 }
    }

    public var description: String { name.map { "\($0) <\(email)>" } ?? email }
}
