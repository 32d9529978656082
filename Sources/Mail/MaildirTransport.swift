import BlockingPool
import Foundation
import KalendariumCore

/// Delivers into a Maildir (`new/`, `cur/`, `tmp/`): written to `tmp/`, then renamed
/// into `new/`, so a reader never sees half a message. The file name carries the
/// Message-ID's hash: delivering the same message twice leaves one file.
public struct MaildirTransport: MailTransport {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    public func deliver(_ mail: OutgoingMail) async throws(MailError) {
        // Directories, a file and a rename: blocking calls, so on the thread pool.
        try await BlockingPool.run { [directory] () throws(MailError) in try Self.write(mail, into: directory) }
    }

    static func write(_ mail: OutgoingMail, into directory: String) throws(MailError) {
        let fm = FileManager.default
        do {
            for sub in ["tmp", "new", "cur"] {
                try fm.createDirectory(atPath: "\(directory)/\(sub)", withIntermediateDirectories: true)
            }
        } catch {
            throw MailError(.temporary, "cannot create the maildir \(directory): \(error.localizedDescription)")
        }
        // Named after the Message-ID, so the same message delivered twice is one file.
        let name = "\(ContentHash.hex(mail.messageID)).\(ContentHash.hex(mail.to.lowercased())).kalendarium"
        let tmp = "\(directory)/tmp/\(name)"
        let final = "\(directory)/new/\(name)"
        if fm.fileExists(atPath: final) || fm.fileExists(atPath: "\(directory)/cur/\(name):2,") { return }
        guard fm.createFile(atPath: tmp, contents: Data(mail.rendered.utf8)) else {
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
