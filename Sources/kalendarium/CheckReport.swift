import KalendariumCore

/// The JSON shape of `check --format json`.
struct CheckReport: Encodable {
    struct Item: Encodable {
        let severity: String
        let rule: String
        let message: String
        let file: String?
        let line: Int?
        let column: Int?
        let date: String?
        let year: Int?
        let subject: String?

        init(_ d: Diagnostic) {
            severity = d.severity.rawValue
            rule = d.rule.rawValue
            message = d.message
            file = d.location?.file
            line = d.location?.line
            column = d.location?.column
            date = d.date?.description
            year = d.year
            subject = d.subject
        }

        /// Every key is always present (null when unknown), so scripts can index without checks.
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(severity, forKey: .severity)
            try c.encode(rule, forKey: .rule)
            try c.encode(message, forKey: .message)
            try c.encode(file, forKey: .file)
            try c.encode(line, forKey: .line)
            try c.encode(column, forKey: .column)
            try c.encode(date, forKey: .date)
            try c.encode(year, forKey: .year)
            try c.encode(subject, forKey: .subject)
        }

        enum CodingKeys: String, CodingKey {
            case severity, rule, message, file, line, column, date, year, subject
        }
    }

    let ok: Bool
    let errors: [Item]
    let warnings: [Item]

    init(errors: [Diagnostic], warnings: [Diagnostic]) {
        ok = errors.isEmpty
        self.errors = errors.map(Item.init)
        self.warnings = warnings.map(Item.init)
    }
}
