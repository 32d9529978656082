import Foundation
import KalendariumCore
import Testing

@testable import Store

/// The workspace's records on every back end: a sign-in link is used once, even by
/// two callers at the same time, and never after it expires; sessions are kept, expire
/// and are ended per person; the audit log is kept newest first.
extension StoreContract {
    static func signInLinksWorkOnceAndExpire(_ store: any Store) async throws {
        let start = UTCInstant(secondsSince1970: 1_900_000_000)
        let link = SignInLink(
            tokenHash: RandomToken.hash("a"), email: "Helene@Example.org", created: start,
            expires: UTCInstant(secondsSince1970: start.secondsSince1970 + 900))
        try await store.addSignInLink(link)
        #expect(try await store.signInLink(tokenHash: link.tokenHash) == link)
        #expect(try await store.signInLinkCount(email: "helene@example.org", since: start) == 1)
        #expect(
            try await store.signInLinkCount(
                email: "helene@example.org", since: UTCInstant(secondsSince1970: start.secondsSince1970 + 1)) == 0)
        // Two uses at once: exactly one signs in.
        let at = UTCInstant(secondsSince1970: start.secondsSince1970 + 60)
        let used = try await withThrowingTaskGroup(of: SignInLink?.self) { group in
            for _ in 0..<4 { group.addTask { try await store.useSignInLink(tokenHash: link.tokenHash, at: at) } }
            var used: [SignInLink] = []
            for try await result in group { if let result { used.append(result) } }
            return used
        }
        #expect(used.count == 1)
        #expect(used.first?.email == "helene@example.org" && used.first?.used == at)
        #expect(try await store.signInLink(tokenHash: link.tokenHash)?.isUsable(at: at) == false)
        // An expired link signs no one in.
        let late = SignInLink(
            tokenHash: RandomToken.hash("b"), email: "helene@example.org", created: start,
            expires: UTCInstant(secondsSince1970: start.secondsSince1970 + 900))
        try await store.addSignInLink(late)
        #expect(
            try await store.useSignInLink(
                tokenHash: late.tokenHash, at: UTCInstant(secondsSince1970: start.secondsSince1970 + 900)) == nil)
        #expect(try await store.useSignInLink(tokenHash: RandomToken.hash("unknown"), at: at) == nil)
    }

    static func sessionsAreKeptExpireAndEndPerPerson(_ store: any Store) async throws {
        let now = UTCInstant(secondsSince1970: Int(Date().timeIntervalSince1970))
        let later = UTCInstant(secondsSince1970: now.secondsSince1970 + 3600)
        #expect(
            try await store.putSession(
                key: "s1", value: "{\"a\":1}", owner: "A@example.org", expires: later, create: true))
        #expect(
            try await store.putSession(
                key: "s1", value: "{\"a\":2}", owner: "a@example.org", expires: later, create: true)
                == false)
        try await store.putSession(key: "s1", value: "{\"a\":3}", owner: "a@example.org", expires: later, create: false)
        try await store.putSession(key: "s2", value: "{}", owner: "a@example.org", expires: later, create: true)
        try await store.putSession(key: "s3", value: "{}", owner: "b@example.org", expires: later, create: true)
        #expect(try await store.session(key: "s1", at: now)?.value == "{\"a\":3}")
        #expect(try await store.session(key: "s1", at: now)?.expires == later)
        // Expired at its time.
        #expect(try await store.session(key: "s1", at: later) == nil)
        let owners = try await store.sessionOwners(at: now)
        #expect(owners.map(\.owner) == ["a@example.org", "b@example.org"] && owners.map(\.count) == [2, 1])
        #expect(try await store.removeSessions(owner: "A@example.org") == 2)
        #expect(try await store.session(key: "s2", at: now) == nil)
        #expect(try await store.session(key: "s3", at: now) != nil)
        try await store.removeSession(key: "s3")
        #expect(try await store.session(key: "s3", at: now) == nil)
        #expect(try await store.sessionOwners(at: now).isEmpty)
    }

    static func theAuditLogIsKeptNewestFirst(_ store: any Store) async throws {
        let entries = (0..<3).map { i in
            AuditEntry(
                at: UTCInstant(secondsSince1970: 1_900_000_000 + i), email: "Helene@example.org",
                action: "agenda: ny-punkt", subject: i == 1 ? AuditEntry.item(7) : AuditEntry.meeting("lg-1"),
                detail: "punkt \(i)")
        }
        for entry in entries { try await store.recordAudit(entry) }
        #expect(try await store.auditEntries(subject: nil, limit: 10) == entries.reversed())
        #expect(
            try await store.auditEntries(subject: AuditEntry.meeting("lg-1"), limit: 10) == [entries[2], entries[0]])
        #expect(try await store.auditEntries(subject: nil, limit: 1) == [entries[2]])
        #expect(try await store.auditEntries(subject: "item:8", limit: 10).isEmpty)
        #expect(entries[0].email == "helene@example.org")
    }
}
