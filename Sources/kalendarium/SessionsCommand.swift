import ArgumentParser
import KalendariumApp
import KalendariumCore
import Presentation
import Store

/// `kalendarium sessions [list] | revoke EMAIL`: who is signed in to the workspace,
/// and ending a person's sessions on every daemon of the store at once.
struct SessionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions",
        abstract: "List or end the workspace's sign-in sessions.",
        subcommands: [List.self, Revoke.self], defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Who is signed in, with their sessions' count.")
        @OptionGroup var common: StoreOptions

        func run() async throws {
            let now = try common.instant
            let owners = try await common.withStore { store in try await store.sessionOwners(at: now) }
            if owners.isEmpty { print("nobody is signed in") }
            for owner in owners {
                let until = owner.expires.map { " (until \(Swedish.localTime($0)))" } ?? ""
                print("\(owner.owner): \(owner.count) session\(owner.count == 1 ? "" : "s")\(until)")
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke",
            abstract: "End every workspace session of a person: they must sign in again.",
            discussion: """
                Use it when a device is lost or a person leaves. Every daemon on the same store refuses \
                the sessions at once. Unused sign-in links stay valid until they expire (15 minutes); \
                remove the person from recipients.yaml to stop them signing in again.
                """)
        @Argument(help: "The person's address.") var email: String
        @OptionGroup var common: StoreOptions

        func run() async throws {
            let count = try await common.withStore { store in try await store.removeSessions(owner: email) }
            print("ended \(count) session\(count == 1 ? "" : "s") of \(email.lowercased())")
        }
    }
}

/// `kalendarium audit [--subject meeting:ID|item:ID] [--limit N]`: the workspace's log
/// of who changed what and when, newest first.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Show who changed what in the workspace, newest first.")
    @Option(help: "Only one thing's entries: meeting:ID, item:ID or file:NAME.") var subject: String?
    @Option(help: "At most this many entries (default 100).") var limit = 100
    @OptionGroup var common: StoreOptions
    @Option(help: "Print as text (default) or json.") var format: OutputFormat = .text

    func run() async throws {
        let entries = try await common.withStore { store in
            try await store.auditEntries(subject: subject, limit: limit)
        }
        switch format {
        case .json:
            print(
                try JSON.string(
                    entries.map {
                        [
                            "at": "\($0.at)", "email": $0.email, "action": $0.action, "subject": $0.subject,
                            "detail": $0.detail,
                        ]
                    }))
        default:
            if entries.isEmpty { print("no changes recorded") }
            for entry in entries {
                let detail = entry.detail.isEmpty ? "" : " (\(entry.detail))"
                print("\(entry.at)  \(entry.email)  \(entry.subject)  \(entry.action)\(detail)")
            }
        }
    }
}
