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
    @Option(help: "Days after its date a cancelled meeting stays in the feeds (default 30).")
    var keepCancelledDays: Int?
    @Option(
        help: ArgumentHelp(
            "Every event's ORGANIZER: the secretariat's functional mailbox (default \(Settings().organizer)).",
            valueName: "MAILTO"))
    var organizer: String?
    @Option(help: ArgumentHelp("The ORGANIZER's name (default \(Settings().organizerName)).", valueName: "NAME"))
    var organizerName: String?

    /// These flags as a settings layer.
    var flags: SettingLayer {
        var flags = links.flags
        flags[.state] = state
        flags[.horizon] = horizon.map(String.init)
        flags[.keepCancelledDays] = keepCancelledDays.map(String.init)
        flags[.organizer] = organizer
        flags[.organizerName] = organizerName
        return flags
    }
}
