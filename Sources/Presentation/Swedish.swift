import KalendariumCore

/// Every Swedish word and format people see (feeds, e-mails, the web page) lives in
/// this target, so a native speaker can review them in one place and the tables
/// cannot drift apart. The rest of the code hands it typed values.
public enum Swedish {
    public static let organisation = "Södertörnskommunerna"

    /// "A", "A och B", "A, B och C".
    public static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " och " + items.last!
        }
    }
}
