import KalendariumCore
import Testing

@testable import Store

/// The members-only links' secret on every back end: made once, the same for every
/// caller (so every daemon on one store accepts the same tokens), replaced by a rotation.
extension StoreContract {
    static func theTokenSecretIsSharedAndRotates(_ store: any Store) async throws {
        let first = try await store.agendaTokenSecret()
        #expect(first.count == 32)
        // Concurrent first uses agree on one secret.
        let seen = try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<4 { group.addTask { try await store.agendaTokenSecret() } }
            var all: [[UInt8]] = []
            for try await secret in group { all.append(secret) }
            return all
        }
        #expect(seen.allSatisfy { $0 == first })
        let rotated = try await store.rotateAgendaTokenSecret()
        #expect(rotated != first && rotated.count == 32)
        #expect(try await store.agendaTokenSecret() == rotated)
    }
}
