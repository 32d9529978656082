import BlockingPool
import Foundation
public import KalendariumCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#elseif canImport(Musl)
    import Musl
#endif

/// The maildir that the organizer address delivers into (`--mail-in maildir:PATH`; the
/// local MTA or fetchmail puts the mail there), read for answers to invitations.
///
/// Every message in `PATH/new` and `PATH/cur` is waiting: a processed one leaves the
/// inbox, by `rename(2)` within the maildir (atomic, never a copy), into one of two
/// Maildir++ folders, which Dovecot and Courier show as `Kalendarium/Done` and
/// `Kalendarium/Unmatched` to a person reading the mailbox over IMAP:
///
/// ```
/// PATH/new/, PATH/cur/                     waiting (delivered here)
/// PATH/.Kalendarium.Done/cur/NAME:2,S      recorded as an answer (marked seen)
/// PATH/.Kalendarium.Unmatched/new/NAME     not matched: unread, for a person
/// PATH/.Kalendarium.Unmatched/unmatched.log    one line per message moved there:
///                                          time (UTC), file name, reason (tab-separated)
/// ```
///
/// A message is never deleted and never rewritten: the reason goes in the log beside
/// it, not into the message (adding a header would mean writing a copy). A message
/// whose handling fails stays where it is and is tried again on the next pass. One
/// process should read an inbox at a time; two could each record the same answer
/// before one of them moves it.
public struct MaildirInbox: Sendable {
    public static let doneFolder = ".Kalendarium.Done"
    public static let unmatchedFolder = ".Kalendarium.Unmatched"
    /// In the Unmatched folder, beside its `new/` and `cur/`.
    public static let reasonsFile = "unmatched.log"

    /// The maildir, as `MailURL.inbox` resolved it.
    public let directory: String

    public init(directory: String) { self.directory = directory }

    public var done: String { "\(directory)/\(Self.doneFolder)" }
    public var unmatched: String { "\(directory)/\(Self.unmatchedFolder)" }

    /// The waiting messages, oldest first (maildir names start with the delivery time).
    public func pending() async throws(InboxError) -> [String] {
        try await BlockingPool.run { [self] () throws(InboxError) in
            try prepare()
            return try list()
        }
    }

    /// Reads every waiting message and gives it to `handle`, then moves it by the
    /// verdict: `.recorded` to Done, `.unmatched` to Unmatched with the reason. A message
    /// that cannot be read as mail (too large, nested too deep) goes to Unmatched with
    /// why, without `handle`. When `handle` throws, or a file cannot be read or moved,
    /// the message stays and the report says why.
    /// - Parameter now: the time written in the reasons log.
    /// - Throws: `InboxError` when the maildir cannot be created or listed.
    public func process(
        now: UTCInstant, _ handle: (InboundMessage) async throws -> InboxVerdict
    ) async throws(InboxError) -> InboxReport {
        var report = InboxReport()
        for path in try await pending() {
            let loaded = await BlockingPool.run { Self.load(path) }
            let verdict: InboxVerdict
            switch loaded {
            case .unreadable(let error):
                report.failed.append(.init(file: path, error: error))
                continue
            case .refused(let reason):
                verdict = .unmatched(reason: reason)
            case .message(let message):
                do {
                    verdict = try await handle(message)
                } catch {
                    report.failed.append(.init(file: path, error: "\(error)"))
                    continue
                }
            }
            let moved = await BlockingPool.run { [self] in Result { () throws(InboxError) in try move(path, verdict) } }
            switch (moved, verdict) {
            case (.failure(let error), _):
                report.failed.append(.init(file: path, error: error.message))
            case (.success(let target), .recorded):
                report.recorded.append(target)
            case (.success(let target), .unmatched(let reason)):
                report.unmatched.append(.init(file: target, reason: reason))
                let logged = await BlockingPool.run { [self] in
                    Result { () throws(InboxError) in try log(now, file: target, reason: reason) }
                }
                if case .failure(let error) = logged { report.problems.append(error.message) }
            }
        }
        return report
    }

    // MARK: - Files (blocking: called on the thread pool)

    enum Loaded: Sendable {
        case message(InboundMessage)
        /// Not read as mail, with the reason it goes aside.
        case refused(String)
        /// The file could not be read; it stays.
        case unreadable(String)
    }

    /// The inbox and both folders with `tmp`, `new` and `cur`; a Maildir++ folder also
    /// gets its empty `maildirfolder` marker, as Courier and Dovecot make them.
    func prepare() throws(InboxError) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: directory, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw InboxError("the mail inbox \(directory) is a file, not a maildir directory")
        }
        for folder in [directory, done, unmatched] {
            for sub in ["tmp", "new", "cur"] {
                do {
                    try fm.createDirectory(atPath: "\(folder)/\(sub)", withIntermediateDirectories: true)
                } catch {
                    throw InboxError("cannot create the maildir \(folder)/\(sub): \(error.localizedDescription)")
                }
            }
            let marker = "\(folder)/maildirfolder"
            if folder != directory, !fm.fileExists(atPath: marker), !fm.createFile(atPath: marker, contents: nil) {
                throw InboxError("cannot create \(marker) (no permission?)")
            }
        }
    }

    func list() throws(InboxError) -> [String] {
        var found: [(name: String, path: String)] = []
        for sub in ["new", "cur"] {
            let folder = "\(directory)/\(sub)"
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: folder)
            } catch {
                throw InboxError("cannot list \(folder): \(error.localizedDescription)")
            }
            // Maildir readers skip names that start with a dot (half-written by some tools).
            for name in names where !name.hasPrefix(".") && Self.isFile("\(folder)/\(name)") {
                found.append((name, "\(folder)/\(name)"))
            }
        }
        return found.sorted { ($0.name, $0.path) < ($1.name, $1.path) }.map(\.path)
    }

    static func isFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    static func load(_ path: String) -> Loaded {
        var info = stat()
        guard stat(path, &info) == 0 else { return .unreadable("cannot read \(path): \(errorText())") }
        // Refused before reading, so a huge file costs no memory.
        if Int(info.st_size) > InboundMessage.maximumSize {
            return .refused(InboundMessage.tooLarge(Int(info.st_size)).message)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .unreadable("cannot read \(path) (no permission?)")
        }
        do {
            return .message(try InboundMessage(parsing: Array(data)))
        } catch {
            return .refused(error.message)
        }
    }

    /// Moves the message at `path` where `verdict` sends it; returns its new path.
    func move(_ path: String, _ verdict: InboxVerdict) throws(InboxError) -> String {
        let name = String(path.split(separator: "/").last ?? "")
        // `NAME:2,FLAGS` in cur/; a message in new/ has no flags yet.
        let (base, flags): (String, String) =
            if let info = name.range(of: ":2,") {
                (String(name[..<info.lowerBound]), String(name[info.upperBound...]))
            } else {
                (name, "")
            }
        switch verdict {
        case .recorded:
            let seen = String(Set(flags + "S").sorted())
            return try rename(path, to: "\(done)/cur", base: base, info: ":2,\(seen)")
        case .unmatched:
            return try rename(path, to: "\(unmatched)/new", base: base, info: "")
        }
    }

    /// `rename(2)`, never onto an existing file: a name taken in the folder (the same
    /// message restored into the inbox, say) gets a number, so nothing is overwritten.
    private func rename(_ path: String, to folder: String, base: String, info: String) throws(InboxError) -> String {
        var target = "\(folder)/\(base)\(info)"
        var n = 1
        while FileManager.default.fileExists(atPath: target) {
            target = "\(folder)/\(base).\(n)\(info)"
            n += 1
        }
        guard Self.rename(path, target) == 0 else {
            throw InboxError("cannot move \(path) to \(target): \(Self.errorText()); it stays and is tried again")
        }
        return target
    }

    private static func rename(_ from: String, _ to: String) -> CInt {
        #if canImport(Glibc)
            Glibc.rename(from, to)
        #elseif canImport(Darwin)
            Darwin.rename(from, to)
        #else
            Musl.rename(from, to)
        #endif
    }

    /// One line in `unmatched.log`: time, file name, reason, tab-separated.
    func log(_ now: UTCInstant, file: String, reason: String) throws(InboxError) {
        let name = String(file.split(separator: "/").last ?? "")
        let path = "\(unmatched)/\(Self.reasonsFile)"
        let clean = String(reason.map { $0.isNewline || $0 == "\t" ? " " : $0 })
        let line = Data("\(now)\t\(name)\t\(clean)\n".utf8)
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o640)
        guard descriptor >= 0 else {
            throw InboxError("moved \(name) aside but cannot write \(path): \(Self.errorText())")
        }
        defer { close(descriptor) }
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count else {
            throw InboxError("moved \(name) aside but cannot write \(path): \(Self.errorText())")
        }
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
