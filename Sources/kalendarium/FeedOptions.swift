import ArgumentParser
import KalendariumApp

/// Settings shared by commands that build feeds.
struct FeedOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            SettingHelp.state + " Event revisions are kept there.",
            valueName: "DIR"))
    var state: String?
    @OptionGroup var links: EventLinkOptions
    @Option(help: "Years ahead that hosts.ics plans (default: $KALENDARIUM_HORIZON, else 10).") var horizon: Int?

    /// These flags as a settings layer.
    var flags: SettingLayer {
        var flags = links.flags
        flags[.state] = state
        flags[.horizon] = horizon.map(String.init)
        return flags
    }
}
