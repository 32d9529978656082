public import KalendariumCore

/// The four answers a kallelse links to, with the word in the link's address
/// (`?svar=kommer`) and the label people see. A calendar app's "Kanske" comes by iTIP
/// only: the links offer the answers the secretariat can plan by.
public enum AnswerChoice: String, CaseIterable, Sendable {
    case coming = "kommer"
    case notComing = "kommer-inte"
    case substitute = "ersattare"
    case partial = "delvis"

    public var label: String {
        switch self {
        case .coming: "Jag kommer"
        case .notComing: "Jag kommer inte"
        case .substitute: "Jag skickar ersättare"
        case .partial: "Jag kommer delvis"
        }
    }

    public var kind: Answer.Kind {
        switch self {
        case .coming: .coming
        case .notComing: .notComing
        case .substitute: .substitute
        case .partial: .partial
        }
    }

    public init?(_ kind: Answer.Kind) {
        guard let choice = Self.allCases.first(where: { $0.kind == kind }) else { return nil }
        self = choice
    }
}
