import Foundation
import Hummingbird
import KalendariumCore
import Store

/// hummingbird-auth's session storage, kept in Kalendarium's own store (the
/// `web_session` table) instead of memory, so that every daemon on a shared database
/// knows every session, a restart signs no one out, and `kalendarium sessions revoke`
/// ends a person's sessions everywhere at once. Values are JSON; a
/// ``WorkspaceSession``'s address is kept beside it as the row's owner.
struct StorePersistDriver: PersistDriver {
    let store: any WorkspaceStore
    let now: @Sendable () -> UTCInstant

    init(store: any WorkspaceStore, now: @escaping @Sendable () -> UTCInstant) {
        self.store = store
        self.now = now
    }

    func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        guard try await put(key: key, value: value, expires: expires, create: true) else {
            throw PersistError.duplicate
        }
    }

    func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        try await put(key: key, value: value, expires: expires, create: false)
    }

    func get<Object: Codable & Sendable>(key: String, as type: Object.Type) async throws -> Object? {
        try await getWithTTL(key: key, as: type)?.object
    }

    func getWithTTL<Object: Codable & Sendable>(
        key: String, as type: Object.Type
    ) async throws -> (
        object: Object, ttl: Duration?
    )? {
        let instant = now()
        guard let stored = try await store.session(key: key, at: instant) else { return nil }
        guard let object = try? JSONDecoder().decode(type, from: Data(stored.value.utf8)) else {
            throw PersistError.invalidConversion
        }
        let ttl = stored.expires.map { Duration.seconds($0.secondsSince1970 - instant.secondsSince1970) }
        return (object, ttl)
    }

    func remove(key: String) async throws { try await store.removeSession(key: key) }

    @discardableResult
    func put<Object: Codable & Sendable>(
        key: String, value: Object, expires: Duration?, create: Bool
    ) async throws
        -> Bool
    {
        let json = String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
        let until = expires.map { UTCInstant(secondsSince1970: now().secondsSince1970 + Int($0.components.seconds)) }
        return try await store.putSession(
            key: key, value: json, owner: (value as? WorkspaceSession)?.email, expires: until, create: create)
    }
}
