import ArgumentParser
import KalendariumApp

/// `--page-url` and `--uid-domain`: what makes an event the same event in the feeds
/// and in a reminder's attachment, for every command that builds events.
struct EventLinkOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Public address of the web page, linked from every event and mail (default: $KALENDARIUM_PAGE_URL, "
                + "else http://HOST:PORT/ as serve has it).", valueName: "URL"))
    var pageURL: String?
    @Option(
        help: ArgumentHelp(
            "Domain part of every event UID; never change it once published (default: $KALENDARIUM_UID_DOMAIN, "
                + "else \(Settings().uidDomain)).", valueName: "DOMAIN"))
    var uidDomain: String?

    /// These flags as a settings layer.
    var flags: SettingLayer {
        var flags = SettingLayer()
        flags[.pageURL] = pageURL
        flags[.uidDomain] = uidDomain
        return flags
    }
}
