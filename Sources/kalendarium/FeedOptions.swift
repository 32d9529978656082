import ArgumentParser
import Feeds
import KalendariumApp

/// Settings shared by commands that build feeds.
struct FeedOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Where revisions are kept (default: $KALENDARIUM_STATE, else $STATE_DIRECTORY, else ./state).",
            valueName: "DIR"))
    var state: String?
    @OptionGroup var links: EventLinkOptions
    @Option(help: "Years ahead that hosts.ics plans (default: $KALENDARIUM_HORIZON, else 10).") var horizon: Int?

    var stateDirectory: String { StateDirectory.resolve(state) }

    var settings: FeedSettings {
        get throws { try FeedSettings.resolve(pageURL: links.pageURL, uidDomain: links.uidDomain, horizon: horizon) }
    }

    func validate() throws {
        guard (0...100).contains(try settings.horizonYears) else {
            throw ValidationError("--horizon must be 0–100 years")
        }
    }
}
