import Foundation
public import KalendariumCore

/// How an item's owners are kept in one text column: a JSON array of strings
/// (`["municipality:huddinge","person:Eva"]`). A list, not lines: an owner is one
/// value however it is written, and a character in it can never make two owners.
public enum OwnerColumn {
    public static func text(_ owners: [Owner]) -> String {
        let data = (try? JSONEncoder().encode(owners.map(\.description))) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// The owners in `text`; an entry that is no longer a valid owner is left out.
    public static func owners(_ text: String) -> [Owner] {
        let list = (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
        return list.compactMap(Owner.init)
    }

    /// Owners written one per line, as versions before migration v5 kept them.
    static func fromLines(_ text: String) -> String {
        Self.text(text.split(separator: "\n").compactMap { Owner(String($0)) })
    }
}
