import ArgumentParser
import CalendarFiles
import Feeds
import KalendariumApp
import KalendariumCore
import Store

/// `kalendarium people link|rotate-token EMAIL`: each person's own calendar link
/// (`/calendars/person/{token}.ics`), which every mail to them carries in its footer.
struct PeopleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people",
        abstract: "Show or replace a person's own calendar link.",
        subcommands: [Link.self, RotateToken.self])

    /// The person's entry in recipients.yaml, or exit 1 saying who is there.
    static func recipient(_ email: String, _ common: StoreOptions) throws -> String {
        let directory = try common.calendars.directory
        let (recipients, errors) = PeopleAndItemsFiles.recipients("\(directory)/recipients.yaml")
        for error in errors { StandardError.print(error.description) }
        guard let person = recipients.first(where: { $0.email.lowercased() == email.lowercased() }) else {
            StandardError.print(
                "error: \(email) is not in \(directory)/recipients.yaml; only people who get e-mail have a calendar link"
            )
            throw ExitCode(1)
        }
        return person.email.lowercased()
    }

    struct Link: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "link",
            abstract: "Print a person's calendar link (made on first use).")
        @Argument(help: "The person's address in recipients.yaml.") var email: String
        @OptionGroup var common: StoreOptions

        func run() async throws {
            let email = try PeopleCommand.recipient(email, common)
            let page = try common.calendars.settings().feedSettings.pageBase
            let tokens = try await common.withStore { store in try await store.personTokens(for: [email]) }
            guard let token = tokens[email] else { throw ExitCode(1) }
            print(FeedSettings.personalFeedURL(pageURL: page, token: token))
        }
    }

    struct RotateToken: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rotate-token",
            abstract: "Give a person a new calendar link: the old one stops working at once.",
            discussion: """
                Use it when a link has been shared further than it should. Every daemon on the same \
                store refuses the old link from now on (404); the next mail to the person carries the new one.
                """)
        @Argument(help: "The person's address in recipients.yaml.") var email: String
        @OptionGroup var common: StoreOptions

        func run() async throws {
            let email = try PeopleCommand.recipient(email, common)
            let page = try common.calendars.settings().feedSettings.pageBase
            let token = try await common.withStore { store in try await store.rotatePersonToken(email: email) }
            print("\(email) has a new calendar link; the old one no longer works:")
            print(FeedSettings.personalFeedURL(pageURL: page, token: token))
        }
    }
}
