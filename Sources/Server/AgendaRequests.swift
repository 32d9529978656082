import Foundation
import Hummingbird
import KalendariumCore

/// The agenda API's request bodies, read and checked with no network and no store.
/// Every mistake is an ``APIError`` (400 or 422) that says what to fix; unknown
/// fields are refused, so a misspelt `"titel"` is not silently ignored.
enum AgendaRequests {
    /// POST `…/agenda/points` and PATCH `…/agenda/points/{n}`: absent keys stay as they
    /// are; `"presenter": null` and `"time": null` clear them.
    struct PointBody: Decodable {
        let title: String?
        let kind: String?
        let presenter: String??
        let time: String??
        let notes: String?
        /// POST only: put the point after point N (0: first); absent: where topics go.
        let after: Int?

        init(from decoder: any Decoder) throws {
            try AgendaRequests.refuseUnknown(decoder, CodingKeys.allCases.map(\.rawValue))
            let c = try decoder.container(keyedBy: CodingKeys.self)
            title = try c.decodeIfPresent(String.self, forKey: .title)
            kind = try c.decodeIfPresent(String.self, forKey: .kind)
            presenter = try AgendaRequests.nullable(c, .presenter)
            time = try AgendaRequests.nullable(c, .time)
            notes = try c.decodeIfPresent(String.self, forKey: .notes)
            after = try c.decodeIfPresent(Int.self, forKey: .after)
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case title, kind, presenter, time, notes, after }

        func fields() throws -> Agenda.PointFields {
            var fields = Agenda.PointFields(title: title, kind: try kind.map(AgendaRequests.kind), notes: notes)
            if let presenter {
                fields.presenter = .some(try presenter.map(AgendaRequests.presenter))
            }
            if let time { fields.slot = .some(try time.map(AgendaRequests.slot)) }
            return fields
        }
    }

    /// POST `…/points/{n}/move`.
    struct MoveBody: Decodable {
        let to: Int
    }

    /// POST `…/points/{n}/papers` as JSON: a link.
    struct LinkBody: Decodable {
        let name: String
        let url: String
    }

    /// POST `…/agenda/proposals`.
    struct ProposalBody: Decodable {
        let title: String
        let by: String
        let reason: String?
        let kind: String?

        init(from decoder: any Decoder) throws {
            try AgendaRequests.refuseUnknown(decoder, CodingKeys.allCases.map(\.rawValue))
            let c = try decoder.container(keyedBy: CodingKeys.self)
            title = try c.decode(String.self, forKey: .title)
            by = try c.decode(String.self, forKey: .by)
            reason = try c.decodeIfPresent(String.self, forKey: .reason)
            kind = try c.decodeIfPresent(String.self, forKey: .kind)
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case title, by, reason, kind }
    }

    static func kind(_ text: String) throws -> AgendaKind {
        guard let kind = AgendaKind(rawValue: text) else {
            throw APIError(
                .unprocessableContent,
                "kind \"\(text)\" is not \(AgendaKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return kind
    }

    static func presenter(_ text: String) throws -> Presenter {
        guard let presenter = Presenter(text) else {
            throw APIError(
                .unprocessableContent,
                "presenter \"\(text)\" is not person:NAME, role:ROLE, network:SLUG, municipality:SLUG or guest:NAME")
        }
        return presenter
    }

    /// "09:00-09:30".
    static func slot(_ text: String) throws -> AgendaPoint.Slot {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let start = LocalTime(text: parts[0]), let end = LocalTime(text: parts[1]) else {
            throw APIError(.unprocessableContent, "time \"\(text)\" is not HH:MM-HH:MM")
        }
        return AgendaPoint.Slot(start: start, end: end)
    }

    /// A link paper: a name people see and an http(s) address.
    static func link(_ body: LinkBody) throws -> Paper {
        guard body.url.hasPrefix("https://") || body.url.hasPrefix("http://"), body.url.count <= 2000,
            !body.url.contains(where: { $0.isWhitespace || $0.isNewline || $0 == "\"" || $0 == "<" || $0 == ">" })
        else { throw APIError(.unprocessableContent, "url \"\(body.url)\" is not a web address (https://…)") }
        return Paper(name: try name(body.name), source: .link(url: body.url))
    }

    static func name(_ text: String) throws -> String {
        guard let name = PaperName.sanitised(text) else {
            throw APIError(.unprocessableContent, "name \"\(text)\" leaves no usable file name")
        }
        return name
    }

    static func nullable<K: CodingKey>(_ c: KeyedDecodingContainer<K>, _ key: K) throws -> String?? {
        guard c.contains(key) else { return nil }
        return .some(try c.decodeNil(forKey: key) ? nil : try c.decode(String.self, forKey: key))
    }

    static func refuseUnknown(_ decoder: any Decoder, _ known: [String]) throws {
        let given = try decoder.container(keyedBy: ItemRequests.AnyKey.self).allKeys.map(\.stringValue)
        if let unknown = given.first(where: { !known.contains($0) }) {
            throw APIError(
                .unprocessableContent,
                "unknown field \"\(unknown)\"; allowed: \(known.sorted().joined(separator: ", "))")
        }
    }
}
