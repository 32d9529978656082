import ArgumentParser
import Store

/// `kalendarium tokens rotate`: a new secret for the per-person links to members-only
/// bodies' agendas and papers.
struct TokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "Manage the secret behind the per-person links of members-only bodies.",
        subcommands: [Rotate.self])

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rotate",
            abstract: "Replace the secret: every link sent so far stops working.",
            discussion: """
                A kallelse of a body with `visibility: members` links to the meeting page and its papers \
                with a token made for its recipient. Rotate when a link has leaked; the next kallelse \
                carries new links, and every daemon on the same store accepts only those.
                """)
        @OptionGroup var common: StoreOptions

        func run() async throws {
            _ = try await common.withStore { store in try await store.rotateAgendaTokenSecret() }
            print("the agenda token secret is new; links in earlier e-mails no longer open members-only agendas")
        }
    }
}
