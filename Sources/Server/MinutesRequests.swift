import Foundation
import Hummingbird
import KalendariumCore

/// The minutes API's request bodies, read and checked with no network and no store.
/// Every mistake is an ``APIError`` (400 or 422) that says what to fix.
enum MinutesRequests {
    /// POST `…/minutes/start`.
    struct StartBody: Decodable {
        let secretary: String?
        let adjuster: String?
    }

    /// POST `…/minutes/attendance`: one person of Närvarande or Frånvarande.
    struct PersonBody: Decodable {
        let name: String
        let municipality: String?
        let organisation: String?
        let role: String?
        let present: Bool?
        let substitute: String?
        let part: String?
        let note: String?

        func attendance(in data: CalendarData, year: Int) throws -> Attendance {
            var role = Attendance.Role.member
            if let text = self.role {
                guard let parsed = Attendance.Role(rawValue: text) else {
                    throw APIError(.unprocessableContent, "role \"\(text)\" is not member, guest or secretariat")
                }
                role = parsed
            }
            if let slug = municipality {
                guard let m = data.municipality(slug) else {
                    throw APIError(
                        .unprocessableContent,
                        "unknown municipality \"\(slug)\""
                            + Suggestion.hint(for: slug, in: data.municipalities.map(\.slug)))
                }
                guard m.isMember(in: year) else {
                    throw APIError(.unprocessableContent, "\(m.name) is not a member in \(year)")
                }
            } else if role == .member {
                throw APIError(
                    .unprocessableContent, "a member represents a municipality: give \"municipality\" (or a role)")
            }
            var parsedPart: Attendance.Part?
            if let part {
                guard let p = Attendance.Part(part) else {
                    throw APIError(
                        .unprocessableContent, "part \"\(part)\" is not points:2,3, until:10:00 or from:09:30")
                }
                parsedPart = p
            }
            return Attendance(
                name: name, municipality: municipality, organisation: organisation, role: role,
                present: present ?? true,
                substitute: substitute, part: parsedPart, note: note)
        }
    }

    /// PATCH `…/minutes/chair`.
    struct ChairBody: Decodable {
        let chair: String?
        let secretary: String?
        let adjuster: String?
    }

    /// POST `…/minutes/points/{n}/notes`.
    struct TextBody: Decodable {
        let text: String
    }

    /// POST `…/minutes/points/{n}/decisions`, optionally with the item it creates.
    struct DecisionBody: Decodable {
        struct ItemSpec: Decodable {
            let title: String?
            let owners: [String]
            let due: String?
            let description: String?
        }

        let text: String
        let item: ItemSpec?

        func items(meeting: Meeting, point: Int, data: CalendarData) throws -> [Item] {
            guard let spec = item else { return [] }
            let owners = try ItemRequests.owners(spec.owners)
            guard
                let item = Minutes.item(
                    deciding: text, title: spec.title, description: spec.description ?? "", owners: owners,
                    due: try spec.due.map(ItemRequests.date), meeting: meeting, point: point)
            else { throw APIError(.unprocessableContent, "minutes are for the bodies' meetings") }
            let problems = item.problems(in: data)
            guard problems.isEmpty else { throw APIError(.unprocessableContent, problems.joined(separator: "; ")) }
            return [item]
        }
    }

    /// POST `…/minutes/follow-ups`.
    struct FollowUpBody: Decodable {
        let item: Int64
        let status: String
        let note: String?

        func followUp() throws -> FollowUp {
            guard let parsed = FollowUp.Status(rawValue: status) else {
                throw APIError(
                    .unprocessableContent, "status \"\(status)\" is not in-progress, done, tabled or struck")
            }
            return FollowUp(item: item, status: parsed, note: note ?? "")
        }
    }

    /// POST `…/minutes/approve`.
    struct ApproveBody: Decodable {
        /// An address from recipients.yaml, or a name.
        let by: String
    }

    /// POST `…/minutes/correct`.
    struct CorrectBody: Decodable {
        let reason: String
    }
}
