/// A moment in UTC, to the second. The core never reads a clock: callers pass one in.
public struct UTCInstant: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let secondsSince1970: Int

    public init(secondsSince1970: Int) { self.secondsSince1970 = secondsSince1970 }

    public init(date: LocalDate, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        secondsSince1970 = date.dayNumber * 86_400 + hour * 3600 + minute * 60 + second
    }

    /// Parses RFC 3339 (`2021-08-30T08:00:00+02:00`, `2021-08-30T06:00:00Z`).
    public init?(rfc3339 text: String) {
        guard text.count >= 20 else { return nil }
        let chars = Array(text)
        guard let date = LocalDate(iso: String(chars[0..<10])), chars[10] == "T" || chars[10] == " ",
            let time = LocalTime(text: String(chars[11..<16])), chars[16] == ":",
            let seconds = Int(String(chars[17..<19]))
        else { return nil }
        var rest = chars[19...]
        if rest.first == "." { rest = rest.drop(while: { $0 == "." || $0.isNumber }) }
        var offset = 0
        switch rest.first {
        case "Z", "z": guard rest.count == 1 else { return nil }
        case "+", "-":
            guard rest.count == 6, let t = LocalTime(text: String(rest.dropFirst())) else { return nil }
            offset = (rest.first == "+" ? 1 : -1) * t.minutes * 60
        default: return nil
        }
        self.init(
            secondsSince1970: UTCInstant(date: date, hour: time.hour, minute: time.minute, second: seconds)
                .secondsSince1970 - offset)
    }

    public var date: LocalDate { LocalDate(dayNumber: Int((Double(secondsSince1970) / 86_400).rounded(.down))) }

    public var secondOfDay: Int { secondsSince1970 - date.dayNumber * 86_400 }

    public var hour: Int { secondOfDay / 3600 }
    public var minute: Int { secondOfDay % 3600 / 60 }
    public var second: Int { secondOfDay % 60 }

    public func adding(seconds: Int) -> UTCInstant { UTCInstant(secondsSince1970: secondsSince1970 + seconds) }

    /// `2021-08-30T06:00:00Z`.
    public var description: String {
        "\(date)T\(LocalDate.pad(hour, 2)):\(LocalDate.pad(minute, 2)):\(LocalDate.pad(second, 2))Z"
    }

    public static func < (a: UTCInstant, b: UTCInstant) -> Bool { a.secondsSince1970 < b.secondsSince1970 }
}

extension UTCInstant: TextCodable {
    public init?(codableText: String) { self.init(rfc3339: codableText) }
}
