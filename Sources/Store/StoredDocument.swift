import Foundation

/// Agendas and minutes are stored as one JSON document each, the same in both back
/// ends: sorted keys, so an unchanged document is the same text.
enum StoredDocument {
    static func text(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// `what` names the document in the error ("a stored agenda").
    static func value<T: Decodable>(_ type: T.Type, _ text: String, what: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError("\(what) cannot be read (\(error)); was it written by a newer version?")
        }
    }
}
