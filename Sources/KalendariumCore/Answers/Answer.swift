/// One person's answer to a kallelse: coming, not coming, sending a substitute
/// (ersättare), coming for part of the meeting, or (from a calendar app's "Kanske")
/// tentatively. A value: who gave it and when is an ``AnswerRecord``.
public struct Answer: Hashable, Sendable, Codable {
    public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
        case coming
        case notComing = "not-coming"
        /// Someone else comes in the person's place and counts for the quorum.
        case substitute
        /// Only some points, or until or from a time ("t o m kl 10.00").
        case partial
        /// A calendar app's "Tentative": noted, but not counted as coming.
        case tentative
    }

    public let kind: Kind
    /// Who comes instead, for ``Kind/substitute``.
    public let substitute: String?
    /// Which part, for ``Kind/partial``.
    public let part: Attendance.Part?
    /// A word to the secretariat ("kommer med tåget, 10 min sen").
    public let comment: String?

    /// The longest comment or substitute name taken: an answer is a line, not a letter.
    public static let maximumTextLength = 500

    /// Checks that a substitute has a name and a partial answer says which part.
    public init(
        _ kind: Kind, substitute: String? = nil, part: Attendance.Part? = nil, comment: String? = nil
    ) throws(AgendaError) {
        let substitute = substitute?.trimmingWhitespace.nonEmpty
        let comment = comment?.trimmingWhitespace.nonEmpty
        switch kind {
        case .substitute:
            guard substitute != nil else {
                throw AgendaError(.invalid, "an answer with a substitute needs the substitute's name")
            }
        case .partial:
            guard part != nil else {
                throw AgendaError(
                    .invalid, "a partial answer needs the points (points:2,3) or a time (until:10:00, from:09:30)")
            }
        case .coming, .notComing, .tentative: break
        }
        for text in [substitute, comment].compactMap({ $0 }) where text.count > Self.maximumTextLength {
            throw AgendaError(.invalid, "keep the answer's text under \(Self.maximumTextLength) characters")
        }
        self.kind = kind
        self.substitute = kind == .substitute ? substitute : nil
        self.part = kind == .partial ? part : nil
        self.comment = comment
    }

    /// Whether the person's municipality is expected to be represented: they come, for
    /// all or part of the meeting, or send a substitute.
    public var represents: Bool {
        switch kind {
        case .coming, .substitute, .partial: true
        case .notComing, .tentative: false
        }
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
