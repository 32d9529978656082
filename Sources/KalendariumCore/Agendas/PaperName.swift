/// Names of stored papers: they become part of a URL path and a Content-Disposition
/// header, so only letters (Swedish ones included), digits and `.-_` survive, and the
/// name never starts with a dot. "Förslag VP 2022 (rev 2).pdf" becomes
/// "Förslag-VP-2022-rev-2.pdf".
public enum PaperName {
    public static let maximumLength = 120

    /// A safe name for `original`, or nil when nothing usable is left.
    public static func sanitised(_ original: String) -> String? {
        // Only the last path component counts: "../../etc/passwd" is "passwd".
        let base = original.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var out = ""
        var lastWasDash = false
        for c in base {
            if c.isLetter || c.isNumber || c == "." || c == "_" || c == "-" {
                guard c.isASCII || c.isLetter else { continue }
                out.append(c)
                lastWasDash = c == "-"
            } else if !lastWasDash, !out.isEmpty {
                out.append("-")
                lastWasDash = true
            }
        }
        while out.hasPrefix(".") || out.hasPrefix("-") { out.removeFirst() }
        while out.hasSuffix("-") || out.hasSuffix(".") { out.removeLast() }
        out = out.replacing("-.", with: ".")
        if out.count > maximumLength {
            let ext = out.split(separator: ".").last.map { ".\($0)" } ?? ""
            out = String(out.prefix(maximumLength - ext.count)) + (ext.count < 10 ? ext : "")
        }
        return out.isEmpty || out.allSatisfy({ $0 == "." }) ? nil : out
    }

    /// Whether `name` is already safe (what a request's path may name).
    public static func isSafe(_ name: String) -> Bool { sanitised(name) == name }
}
