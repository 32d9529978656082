import Foundation
import KalendariumCore

/// Delivers into a Maildir (`new/`, `cur/`, `tmp/`): written to `tmp/`, then renamed
/// into `new/`, so a reader never sees half a message. The file name carries the
/// Message-ID's hash: delivering the same message twice leaves one file.
public struct MaildirTransport: MailTransport {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    public func deliver(_ message: MailMessage, rendered: String) async throws(MailError) {
        let fm = FileManager.default
        do {
            for sub in ["tmp", "new", "cur"] {
                try fm.createDirectory(atPath: "\(directory)/\(sub)", withIntermediateDirectories: true)
            }
        } catch {
            throw MailError(.temporary, "cannot create the maildir \(directory): \(error.localizedDescription)")
        }
        let name = "\(message.date.secondsSince1970).\(ContentHashName.of(message)).kalendarium"
        let tmp = "\(directory)/tmp/\(name)"
        let final = "\(directory)/new/\(name)"
        if fm.fileExists(atPath: final) || fm.fileExists(atPath: "\(directory)/cur/\(name):2,") { return }
        guard fm.createFile(atPath: tmp, contents: Data(rendered.utf8)) else {
            throw MailError(.temporary, "cannot write \(tmp) (disk full or no permission?)")
        }
        do {
            try fm.moveItem(atPath: tmp, toPath: final)
        } catch {
            try? fm.removeItem(atPath: tmp)
            throw MailError(.temporary, "cannot move the message into \(directory)/new: \(error.localizedDescription)")
        }
    }
}

enum ContentHashName {
    static func of(_ m: MailMessage) -> String {
        String(m.messageID.map { $0.isLetter || $0.isNumber ? $0 : "_" }.prefix(80))
    }
}
