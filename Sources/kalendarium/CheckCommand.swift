import ArgumentParser
import CalendarFiles
import KalendariumCore

/// `kalendarium check`: errors exit 1; planning warnings are printed and exit 0.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the calendar data and report where it breaks the planning rules.",
        discussion: """
            Errors (exit 1): malformed YAML, unknown names, duplicate meetings, impossible dates and \
            times, hosts that are not members. Warnings (exit 0): meetings off their body's usual day \
            or time, on holidays or in non-meeting periods, too few meetings in a year, committee \
            meetings not prepared by ledningsgruppen, overlaps, conference years without hosts.
            """
    )

    @OptionGroup var options: CalendarOptions
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    func run() throws {
        let directory = try options.directory
        let load = CalendarDirectory.load(directory)
        let warnings = load.warnings
        switch format {
        case .json:
            print(try JSON.string(CheckReport(errors: load.errors, warnings: warnings)))
        case .text:
            for error in load.errors { StandardError.print(error.description) }
            for warning in warnings { print(warning.description) }
            let summary =
                "\(load.errors.count) error\(load.errors.count == 1 ? "" : "s"), "
                + "\(warnings.count) warning\(warnings.count == 1 ? "" : "s") in \(directory)"
            if load.isUsable { print(summary) } else { StandardError.print(summary) }
        }
        if !load.isUsable { throw ExitCode(1) }
    }
}

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
