public import Foundation
import Hummingbird
public import KalendariumCore
public import Store

/// The items API's request bodies, read and checked with no network and no store:
/// the same code answers requests and runs under the fuzzer (`scripts/fuzz`). Every
/// mistake is an ``APIError`` (400 or 422) that says what to fix.
public enum ItemRequests {
    /// What POST accepts.
    struct NewItem: Decodable {
        let title: String
        let body: String
        let owners: [String]
        let description: String?
        let due: String?
        let meeting: String?
        let decision: String?
        let status: String?
        let recurrence: String?
    }

    /// What PATCH accepts; absent keys stay as they are, `"due": null` clears the date.
    public struct Patch: Decodable, Sendable {
        let title: String?
        let description: String?
        let owners: [String]?
        let due: String??
        let status: String?
        let note: String?
        /// `"recurrence": null` makes the item a one-off.
        let recurrence: String??

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let known = Set(CodingKeys.allCases.map(\.rawValue))
            let given = try decoder.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue)
            if let unknown = given.first(where: { !known.contains($0) }) {
                throw APIError(
                    .unprocessableContent,
                    "unknown field \"\(unknown)\"; allowed: \(known.sorted().joined(separator: ", "))")
            }
            title = try c.decodeIfPresent(String.self, forKey: .title)
            description = try c.decodeIfPresent(String.self, forKey: .description)
            owners = try c.decodeIfPresent([String].self, forKey: .owners)
            due =
                c.contains(.due)
                ? .some(try c.decodeNil(forKey: .due) ? nil : try c.decode(String.self, forKey: .due)) : nil
            status = try c.decodeIfPresent(String.self, forKey: .status)
            note = try c.decodeIfPresent(String.self, forKey: .note)
            recurrence =
                c.contains(.recurrence)
                ? .some(
                    try c.decodeNil(forKey: .recurrence) ? nil : try c.decode(String.self, forKey: .recurrence)) : nil
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case title, description, owners, due, status, note, recurrence
        }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// The item a POST body describes, checked against the calendar data.
    public static func newItem(json: Data, in data: CalendarData) throws -> Item {
        try newItem(try decode(json) as NewItem, in: data)
    }

    /// The item `new` describes, checked against the calendar data.
    static func newItem(_ new: NewItem, in data: CalendarData) throws -> Item {
        var status = Item.Status.open
        if let text = new.status { status = try self.status(text) }
        let item = Item(
            title: new.title, description: new.description ?? "", body: new.body, meeting: new.meeting,
            decision: new.decision, owners: try owners(new.owners), due: try new.due.map(date), status: status,
            recurrence: try new.recurrence.map(recurrence))
        let problems = item.problems(in: data)
        guard problems.isEmpty else { throw APIError(.unprocessableContent, problems.joined(separator: "; ")) }
        return item
    }

    /// A PATCH body, before the item it changes is looked up.
    public static func patch(json: Data) throws -> Patch { try decode(json) }

    /// What `patch` changes in `existing`; checked against the calendar data when there is some.
    public static func change(_ patch: Patch, to existing: Item, in data: CalendarData?) throws -> ItemChange {
        var change = ItemChange(title: patch.title, description: patch.description, note: patch.note)
        if let owners = patch.owners { change.owners = try self.owners(owners) }
        if let due = patch.due { change.due = .some(try due.map(date)) }
        if let text = patch.status { change.status = try status(text) }
        if let text = patch.recurrence { change.recurrence = .some(try text.map(recurrence)) }
        var preview = existing
        if let t = change.title { preview.title = t }
        if let d = change.description { preview.description = d }
        if let o = change.owners { preview.owners = o }
        if let d = change.due { preview.due = d }
        if let r = change.recurrence { preview.recurrence = r }
        if let data {
            let problems = preview.problems(in: data)
            guard problems.isEmpty else { throw APIError(.unprocessableContent, problems.joined(separator: "; ")) }
        } else if let problem = preview.recurrenceProblem {
            throw APIError(.unprocessableContent, problem)
        }
        return change
    }

    static func owners(_ texts: [String]) throws -> [Owner] {
        try texts.map { text in
            guard let owner = Owner(text) else {
                throw APIError(
                    .unprocessableContent, "owner \"\(text)\" is not person:, role:, network: or municipality:")
            }
            return owner
        }
    }

    static func status(_ text: String) throws -> Item.Status {
        guard let status = Item.Status(rawValue: text) else {
            throw APIError(.unprocessableContent, "status \"\(text)\" is not open, in-progress, done or cancelled")
        }
        return status
    }

    static func recurrence(_ text: String) throws -> Recurrence {
        guard let recurrence = Recurrence(text: text) else {
            throw APIError(
                .unprocessableContent, Recurrence.problem(parsing: text) ?? "\"\(text)\" is not a recurrence")
        }
        return recurrence
    }

    static func date(_ text: String) throws -> LocalDate {
        guard let d = LocalDate(iso: text) else {
            throw APIError(.unprocessableContent, "due \"\(text)\" is not YYYY-MM-DD")
        }
        return d
    }

    static func decode<T: Decodable>(_ json: Data) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: json)
        } catch let error as APIError {
            throw error
        } catch DecodingError.keyNotFound(let key, _) {
            throw APIError(.unprocessableContent, "missing field \"\(key.stringValue)\"")
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw APIError(.unprocessableContent, "field \"\(path)\" has the wrong type")
        } catch {
            throw APIError(.badRequest, "the body is not valid JSON")
        }
    }
}
