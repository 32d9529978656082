import Crypto
import Foundation
public import KalendariumCore

/// The meetings' agendas and their papers. An agenda is one document per meeting;
/// every change runs in one transaction, papers included, so a paper is never stored
/// without the point that names it, nor left behind when its point goes.
public protocol AgendaStore: Sendable {
    func agenda(meeting: String) async throws -> Agenda?
    /// Every stored agenda (the page, the feeds and the reminder pass read them all).
    func agendas() async throws -> [Agenda]
    /// Runs `change` on the meeting's agenda, starting from `create()` when it has none,
    /// stores `papers` with it, and drops stored papers no point names any more, in
    /// one transaction. An ``AgendaError`` thrown by `change` leaves everything as it was.
    func updateAgenda<T: Sendable>(
        meeting: String, create: @escaping @Sendable () -> Agenda, papers: [StoredPaper],
        _ change: @escaping @Sendable (inout Agenda) throws(AgendaError) -> T
    ) async throws -> (Agenda, T)
    func paper(meeting: String, name: String) async throws -> StoredPaper?
    /// What daemons poll to notice a change to any agenda (``AgendaStamp``).
    func agendaStamp() async throws -> AgendaStamp
}

/// A stored paper's bytes, with what the HTTP answer needs.
public struct StoredPaper: Sendable, Hashable {
    public let meeting: String
    public let name: String
    public let contentType: String
    public let bytes: [UInt8]
    /// Hex SHA-256 of the bytes: the ETag, and the paper's `sha256`.
    public let sha256: String

    public init(meeting: String, name: String, contentType: String, bytes: [UInt8], sha256: String) {
        self.meeting = meeting
        self.name = name
        self.contentType = contentType
        self.bytes = bytes
        self.sha256 = sha256
    }

    /// A new paper's bytes, with their SHA-256 worked out here.
    public init(meeting: String, name: String, contentType: String, bytes: [UInt8]) {
        let digest = SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }
        self.init(meeting: meeting, name: name, contentType: contentType, bytes: bytes, sha256: digest.joined())
    }

    /// What the agenda records of the paper.
    public var paper: Paper {
        Paper(name: name, source: .file(contentType: contentType, size: bytes.count, sha256: sha256))
    }
}

/// Agendas are stored as JSON; one coder for both back ends.
enum AgendaCoding {
    static func text(_ agenda: Agenda) throws -> String { try StoredDocument.text(agenda) }

    static func agenda(_ text: String) throws -> Agenda {
        try StoredDocument.value(Agenda.self, text, what: "a stored agenda")
    }

    /// The paper names an agenda still needs: its points' and its latest version's.
    static func referencedPapers(_ agenda: Agenda) -> Set<String> {
        let points = agenda.points + (agenda.latestVersion?.points ?? [])
        return Set(points.flatMap { $0.papers.map(\.name) })
    }
}
