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
    /// Text that is not a JSON list is read as one owner a line, as versions before
    /// migration v5 wrote it (an older daemon may still write so during an upgrade).
    public static func owners(_ text: String) -> [Owner] {
        guard text.hasPrefix("["), let list = try? JSONDecoder().decode([String].self, from: Data(text.utf8)) else {
            return text.split(separator: "\n").compactMap { Owner(String($0)) }
        }
        return list.compactMap(Owner.init)
    }

    /// Migration v5: one owner a line to a JSON list, as it was, without validation
    /// (a migration must mean the same whatever `Owner` accepts later).
    static func fromLines(_ text: String) -> String {
        let lines = text.split(separator: "\n").map(String.init)
        return String(decoding: (try? JSONEncoder().encode(lines)) ?? Data("[]".utf8), as: UTF8.self)
    }
}
