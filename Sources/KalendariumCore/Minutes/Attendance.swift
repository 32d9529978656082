/// One person in the minutes' Närvarande or Frånvarande list: a member of the body
/// (who counts for the quorum), a guest, or the secretariat.
public struct Attendance: Hashable, Sendable, Codable {
    public enum Role: String, Hashable, Sendable, Codable, CaseIterable {
        /// Represents a member municipality in the body; counts for the quorum.
        case member
        /// Came for some points (a network, an agency).
        case guest
        /// The secretariat (kansliet): the secretary and the development lead.
        case secretariat
    }

    /// Only part of the meeting: "endast punkt 2", "t o m kl 10.00", "från kl 9.30".
    public enum Part: Hashable, Sendable, Codable {
        case points([Int])
        case until(LocalTime)
        case from(LocalTime)

        /// Parses `points:2,3`, `until:10:00` or `from:09:30`.
        public init?(_ text: String) {
            let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return nil }
            switch parts[0] {
            case "points":
                let numbers = parts[1].split(separator: ",").compactMap { Int($0.trimmingWhitespace) }
                guard !numbers.isEmpty, numbers.count == parts[1].split(separator: ",").count,
                    numbers.allSatisfy({ $0 > 0 })
                else { return nil }
                self = .points(numbers)
            case "until": guard let t = LocalTime(text: parts[1]) else { return nil }; self = .until(t)
            case "from": guard let t = LocalTime(text: parts[1]) else { return nil }; self = .from(t)
            default: return nil
            }
        }

        public var text: String {
            switch self {
            case .points(let n): "points:" + n.map(String.init).joined(separator: ",")
            case .until(let t): "until:\(t)"
            case .from(let t): "from:\(t)"
            }
        }
    }

    public var name: String
    /// The municipality a member or guest comes from (a slug), if any.
    public var municipality: String?
    /// An organisation or network for a guest ("Trafikverket", "näringslivscheferna").
    public var organisation: String?
    public var role: Role
    public var present: Bool
    /// Who came instead (ersättare); they count for the quorum in the member's place.
    public var substitute: String?
    public var part: Part?
    /// "ordförande", "sekreterare": what the minutes write after the name.
    public var note: String?

    public init(
        name: String, municipality: String? = nil, organisation: String? = nil, role: Role = .member,
        present: Bool = true, substitute: String? = nil, part: Part? = nil, note: String? = nil
    ) {
        self.name = name
        self.municipality = municipality
        self.organisation = organisation
        self.role = role
        self.present = present
        self.substitute = substitute
        self.part = part
        self.note = note
    }
}
