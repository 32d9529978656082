/// An error or warning about the calendar data, shaped like a compiler message so a
/// secretary (or an editor) can jump to the line and fix it.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable {
        /// The data cannot be used as it is: `check` exits 1.
        case error
        /// The data is usable but breaks a planning rule: printed, exit 0.
        case warning
    }

    public let severity: Severity
    /// The rule it is about; its raw value ("weekday", "holiday", "yaml") is for scripts and filters.
    public let rule: DiagnosticRule
    public let message: String
    public let location: SourceLocation?
    /// The meeting date a planning warning is about.
    public let date: LocalDate?
    /// The year a yearly rule is about, when there is no single date.
    public let year: Int?
    /// The body or conference slug it is about.
    public let subject: String?

    public init(
        _ severity: Severity, rule: DiagnosticRule, _ message: String, at location: SourceLocation? = nil,
        date: LocalDate? = nil, year: Int? = nil, subject: String? = nil
    ) {
        self.severity = severity
        self.rule = rule
        self.message = message
        self.location = location
        self.date = date
        self.year = year ?? date?.year
        self.subject = subject
    }

    public static func error(_ rule: DiagnosticRule, _ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, rule: rule, message, at: location)
    }

    /// `file:line:column: severity: [date subject: ]message [rule]`.
    public var description: String {
        var text = location.map { "\($0): " } ?? ""
        text += "\(severity.rawValue): "
        let about = [date?.description ?? year.map(String.init), subject].compactMap { $0 }.joined(separator: " ")
        if !about.isEmpty { text += "\(about): " }
        return text + message + " [\(rule)]"
    }
}
