import KalendariumCore
import Testing

@testable import Store

/// Agendas on every back end: one document per meeting, changed in one transaction
/// with its papers; a refused change leaves nothing behind.
extension StoreContract {
    static let meeting = "ledningsgruppen-2021-11-19"
    static let agendaTime = UTCInstant(rfc3339: "2021-11-01T10:00:00+01:00")!

    @Sendable static func template() -> Agenda {
        AgendaTemplate(
            body: "ledningsgruppen",
            points: [.init(title: "Välkommen", kind: .standing), .init(title: "Övriga frågor", kind: .standing)],
            topicsAfter: 1
        ).agenda(for: meeting)
    }

    static func pdf(_ name: String, _ text: String) -> StoredPaper {
        StoredPaper(meeting: meeting, name: name, contentType: "application/pdf", bytes: Array("%PDF-1.4 \(text)".utf8))
    }

    static func agendasKeepTheirPapersInOneTransaction(_ store: any Store) async throws {
        #expect(try await store.agenda(meeting: meeting) == nil)
        let (created, number) = try await store.updateAgenda(meeting: meeting, create: template, papers: []) {
            (a: inout Agenda) throws(AgendaError) in try a.add(.init(title: "Elektrifieringsfrågor"), at: agendaTime)
        }
        #expect(number == 2)
        #expect(try await store.agenda(meeting: meeting) == created)

        let paper = pdf("VP-2022.pdf", "vp")
        _ = try await store.updateAgenda(meeting: meeting, create: template, papers: [paper]) {
            (a: inout Agenda) throws(AgendaError) in try a.attach(paper.paper, to: 2, at: agendaTime)
        }
        let stored = try #require(try await store.paper(meeting: meeting, name: "VP-2022.pdf"))
        #expect(stored.bytes == paper.bytes && stored.contentType == "application/pdf")
        #expect(stored.sha256.count == 64 && stored.sha256 == paper.sha256)
        #expect(try await store.paper(meeting: "samarbetskommitten-2021-12-09", name: "VP-2022.pdf") == nil)

        // A refused change stores neither the agenda's change nor the paper.
        let second = pdf("VP-2022.pdf", "another")
        await #expect(throws: AgendaError.self) {
            _ = try await store.updateAgenda(meeting: meeting, create: template, papers: [second]) {
                (a: inout Agenda) throws(AgendaError) in try a.attach(second.paper, to: 1, at: agendaTime)
            }
        }
        #expect(try await store.paper(meeting: meeting, name: "VP-2022.pdf")?.bytes == paper.bytes)

        // Removing the point drops its paper.
        _ = try await store.updateAgenda(meeting: meeting, create: template, papers: []) {
            (a: inout Agenda) throws(AgendaError) in _ = try a.remove(2, at: agendaTime)
        }
        #expect(try await store.paper(meeting: meeting, name: "VP-2022.pdf") == nil)
        #expect(try await store.agendas().map(\.meeting) == [meeting])
    }

    /// A paper of a published version stays while that version is the latest, even
    /// after it is detached from the draft... which, once published, is the same thing:
    /// detaching publishes the next version, and then the paper goes.
    static func publishedPapersFollowTheLatestVersion(_ store: any Store) async throws {
        let paper = pdf("Bilaga.pdf", "bilaga")
        _ = try await store.updateAgenda(meeting: meeting, create: template, papers: [paper]) {
            (a: inout Agenda) throws(AgendaError) in
            try a.attach(paper.paper, to: 1, at: agendaTime)
            try a.publish(at: agendaTime)
        }
        #expect(try await store.paper(meeting: meeting, name: "Bilaga.pdf") != nil)
        let (after, _) = try await store.updateAgenda(meeting: meeting, create: template, papers: []) {
            (a: inout Agenda) throws(AgendaError) in _ = try a.detach("Bilaga.pdf", at: agendaTime)
        }
        #expect(after.latestVersion?.number == 2)
        #expect(try await store.paper(meeting: meeting, name: "Bilaga.pdf") == nil)
    }

    /// Concurrent changes to one agenda take turns: none is lost.
    static func concurrentAgendaChangesAreAllKept(_ store: any Store) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<6 {
                group.addTask {
                    _ = try await store.updateAgenda(meeting: meeting, create: template, papers: []) {
                        (a: inout Agenda) throws(AgendaError) in try a.add(.init(title: "Punkt \(i)"), at: agendaTime)
                    }
                }
            }
            try await group.waitForAll()
        }
        let agenda = try #require(try await store.agenda(meeting: meeting))
        #expect(agenda.accepted.count == 8)
        #expect(Set(agenda.accepted.map(\.key)).count == 8)
    }
}
