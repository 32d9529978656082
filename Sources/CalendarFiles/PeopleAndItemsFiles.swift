import Foundation
public import KalendariumCore

/// Reads `calendars/recipients.yaml` (who gets e-mail) and item import files.
/// Both stay out of every feed and page: addresses are between the secretariat and the person.
public enum PeopleAndItemsFiles {
    /// The recipients, or located errors. A missing file means nobody gets mail.
    public static func recipients(_ path: String) -> (recipients: [Recipient], errors: [Diagnostic]) {
        guard FileManager.default.fileExists(atPath: path) else { return ([], []) }
        var errors: [Diagnostic] = []
        guard let doc = document(path, keys: ["recipients"], into: &errors) else { return ([], errors) }
        let list = DefinitionFiles.entries(doc, list: "recipients", into: &errors) { (item) throws(FileError) in
            let f = try item.fields(
                "a recipient",
                allowed: [
                    "name", "email", "roles", "municipality", "networks", "bodies", "receives", "daily-digest",
                ])
            let email = try f.required("email").string("an e-mail address")
            guard email.utf8.contains(UInt8(ascii: "@")),
                !email.unicodeScalars.contains(where: \.properties.isWhitespace)
            else {
                throw try f.required("email").fail("\"\(email)\" is not an e-mail address")
            }
            var receives = Set(Recipient.Kind.allCases)
            if let kinds = f["receives"] {
                receives = Set(
                    try kinds.list("kinds").map { (v) throws(FileError) in try v.oneOf(Recipient.Kind.self, "kind") })
            }
            return Recipient(
                name: try f.required("name").string("a name"), email: email,
                roles: Set(try f["roles"].map(DefinitionFiles.roles) ?? []),
                municipality: try f["municipality"].map { (v) throws(FileError) in try DefinitionFiles.slug(v) },
                networks: Set(
                    try (f["networks"]?.list("networks") ?? []).map { (v) throws(FileError) in
                        try DefinitionFiles.slug(v)
                    }),
                bodies: Set(
                    try (f["bodies"]?.list("bodies") ?? []).map { (v) throws(FileError) in try DefinitionFiles.slug(v) }
                ),
                receives: receives,
                dailyDigest: try f["daily-digest"]?.bool("daily-digest") ?? false)
        }
        return (list, errors)
    }

    /// Items to import, with located errors (checked against `data` for bodies, owners, meetings).
    public static func items(_ path: String, data: CalendarData) -> (items: [Item], errors: [Diagnostic]) {
        var errors: [Diagnostic] = []
        guard FileManager.default.fileExists(atPath: path) else {
            return ([], [.error(.files, "no such file", at: SourceLocation(file: path, line: 0, column: 0))])
        }
        guard let doc = document(path, keys: ["items"], into: &errors) else { return ([], errors) }
        let list = DefinitionFiles.entries(doc, list: "items", into: &errors) { (entry) throws(FileError) in
            let item = try item(entry, data: data)
            if let problem = item.problems(in: data).first { throw entry.fail(problem) }
            return item
        }
        return (list, errors)
    }

    /// One item entry; `defaultBody` stands in for a missing `body:` (items in minutes
    /// belong to the meeting's body), `extraKeys` are the caller's own.
    static func item(
        _ entry: YAMLValue, data: CalendarData, defaultBody: String? = nil, extraKeys: [String] = []
    ) throws(FileError) -> Item {
        let f = try entry.fields(
            "an item",
            allowed: [
                "title", "description", "body", "meeting", "decision", "owners", "due", "status", "history",
                "recurrence",
            ] + extraKeys)
        var owners: [Owner] = []
        for value in try f.required("owners").list("owners") {
            let text = try value.string("an owner")
            guard let owner = Owner(text) else {
                throw value.fail(
                    "\"\(text)\" is not an owner; write person:NAME, role:ROLE, network:SLUG or municipality:SLUG")
            }
            owners.append(owner)
        }
        var history: [Item.Note] = []
        for value in try f["history"]?.list("notes") ?? [] {
            let n = try value.fields("a note", allowed: ["date", "status", "text"])
            history.append(
                Item.Note(
                    date: try n.required("date").date(),
                    status: try n.required("status").oneOf(Item.Status.self, "status"),
                    text: try n["text"]?.string("text") ?? ""))
        }
        var recurrence: Recurrence?
        if let value = f["recurrence"] {
            let text = try value.string("a recurrence")
            guard let parsed = Recurrence(text: text) else {
                throw value.fail(Recurrence.problem(parsing: text) ?? "\"\(text)\" is not a recurrence")
            }
            recurrence = parsed
        }
        let body: String
        if let value = f["body"] {
            body = try DefinitionFiles.slug(value)
        } else if let defaultBody {
            body = defaultBody
        } else {
            body = try DefinitionFiles.slug(f.required("body"))
        }
        return Item(
            title: try f.required("title").string("a title"),
            description: try f["description"]?.string("text") ?? "",
            body: body, meeting: try f["meeting"]?.string("a meeting id"),
            decision: try f["decision"]?.string("text"), owners: owners, due: try f["due"]?.date(),
            status: try f["status"]?.oneOf(Item.Status.self, "status") ?? .open, history: history,
            recurrence: recurrence)
    }

    static func document(_ path: String, keys: [String], into errors: inout [Diagnostic]) -> YAMLValue? {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            errors.append(
                .error(
                    .files, "cannot read the file as UTF-8 text", at: SourceLocation(file: path, line: 1, column: 1)))
            return nil
        }
        do {
            guard let root = try YAMLDocument(file: path, text: text).root else { return nil }
            _ = try root.fields((path as NSString).lastPathComponent, allowed: keys)
            return root
        } catch {
            errors.append(error.diagnostic)
            return nil
        }
    }
}
