import KalendariumCore
import Testing

@testable import Store

/// Answers and personal tokens on every back end: every answer kept in order, the
/// latest one last; one token per person whoever asks first; a rotation refuses the old.
extension StoreContract {
    static func answersAreKeptWithTheirHistory(_ store: any Store) async throws {
        let meeting = "ledningsgruppen-2027-01-21"
        let first = AnswerRecord(
            meeting: meeting, email: "KD.Huddinge@example.org", answer: try Answer(.coming),
            at: UTCInstant(secondsSince1970: 1_800_000_000), via: .link)
        let changed = AnswerRecord(
            meeting: meeting, email: "kd.huddinge@example.org",
            answer: try Answer(.substitute, substitute: "Biträdande kommundirektör", comment: "krock"),
            at: UTCInstant(secondsSince1970: 1_800_000_600), via: .invitation)
        let partial = AnswerRecord(
            meeting: meeting, email: "kd.sodertalje@example.org",
            answer: try Answer(.partial, part: .until(LocalTime(hour: 10, minute: 0)!)),
            at: UTCInstant(secondsSince1970: 1_800_000_300), via: .api)
        let elsewhere = AnswerRecord(
            meeting: "ledningsgruppen-2027-02-18", email: "kd.huddinge@example.org",
            answer: try Answer(.notComing), at: UTCInstant(secondsSince1970: 1_800_000_000), via: .cli)
        for record in [first, changed, partial, elsewhere] { try await store.recordAnswer(record) }
        let stored = try await store.answers(meetings: [meeting])
        #expect(stored == [first, partial, changed])
        #expect(stored.first?.email == "kd.huddinge@example.org")
        #expect(try await store.answers(meetings: [meeting, "ledningsgruppen-2027-02-18"]).count == 4)
        #expect(try await store.answers(meetings: []).isEmpty)
        #expect(try await store.answers(meetings: ["no-such-meeting"]).isEmpty)
    }

    static func personTokensAreOnePerPersonAndRotate(_ store: any Store) async throws {
        let emails = ["a@example.org", "B@example.org", "c@example.org"]
        // Concurrent first uses agree on one token per person.
        let seen = try await withThrowingTaskGroup(of: [String: String].self) { group in
            for _ in 0..<4 { group.addTask { try await store.personTokens(for: emails) } }
            var all: [[String: String]] = []
            for try await tokens in group { all.append(tokens) }
            return all
        }
        let tokens = seen[0]
        #expect(Set(tokens.keys) == ["a@example.org", "b@example.org", "c@example.org"])
        #expect(seen.allSatisfy { $0 == tokens })
        #expect(Set(tokens.values).count == 3 && tokens.values.allSatisfy { $0.count == 64 })
        #expect(try await store.person(withToken: tokens["b@example.org"]!) == "b@example.org")
        let old = tokens["a@example.org"]!
        let new = try await store.rotatePersonToken(email: "A@example.org")
        #expect(new != old)
        #expect(try await store.person(withToken: old) == nil)
        #expect(try await store.person(withToken: new) == "a@example.org")
        #expect(try await store.personTokens(for: ["a@example.org"]) == ["a@example.org": new])
        #expect(try await store.person(withToken: "not-a-token") == nil)
        #expect(try await store.person(withToken: String(repeating: "0", count: 64)) == nil)
    }
}
