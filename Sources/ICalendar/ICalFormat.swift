/// RFC 5545 lexical forms of dates and times.
enum ICalFormat {
    static func date(_ y: Int, _ m: Int, _ d: Int) -> String { pad(y, 4) + pad(m, 2) + pad(d, 2) }

    static func dateTime(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int) -> String {
        date(y, mo, d) + "T" + pad(h, 2) + pad(mi, 2) + pad(s, 2)
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
