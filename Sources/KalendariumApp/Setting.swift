/// One setting of Kalendarium: its configuration-file key (the raw value), its
/// `KALENDARIUM_*` variable, its kind and its default as the help shows it. The one
/// table every command reads its settings through, and `--help` and the README list.
public enum Setting: String, CaseIterable, Sendable {
    case host
    case port
    case calendars
    case state
    case pageURL = "page-url"
    case uidDomain = "uid-domain"
    case horizon
    case keepCancelledDays = "keep-cancelled-days"
    case organizer
    case organizerName = "organizer-name"
    case reloadInterval = "reload-interval"
    case idleTimeout = "idle-timeout"
    case headerTimeout = "header-timeout"
    case logLevel = "log-level"
    case privateFeeds = "private-feeds"
    case mail
    case mailFrom = "mail-from"
    case mailUnsubscribe = "mail-unsubscribe"
    case mailIn = "mail-in"
    case reminderInterval = "reminder-interval"
    case apiToken = "api-token"
    case apiTokenFile = "api-token-file"
    case database
    case node
    case leaderLease = "leader-lease"
    case claimSeconds = "claim-seconds"
    case sessionLifetime = "session-lifetime"

    public enum Kind: Sendable {
        case text
        case integer
        case seconds
        /// `name: value` lines in the file, `--flag NAME=VALUE` on the command line.
        case map
    }

    public var kind: Kind {
        switch self {
        case .port, .horizon, .keepCancelledDays: .integer
        case .reloadInterval, .idleTimeout, .headerTimeout, .reminderInterval, .leaderLease, .claimSeconds,
            .sessionLifetime:
            .seconds
        case .privateFeeds: .map
        default: .text
        }
    }

    /// Whether its value may hold a password or token (a mail or database URL, the API
    /// token): swift-configuration then keeps it out of its logs and descriptions.
    public var isSecret: Bool { [.mail, .database, .apiToken].contains(self) }

    /// `KALENDARIUM_PAGE_URL` for `page-url`; `mail` keeps its historical `KALENDARIUM_MAIL_URL`.
    /// nil for settings only a file or flag can give.
    public var environmentVariable: String? {
        switch self {
        case .privateFeeds: nil
        case .mail: "KALENDARIUM_MAIL_URL"
        default: "KALENDARIUM_" + rawValue.uppercased().replacing("-", with: "_")
        }
    }

    /// The command-line flag that sets it, as `serve` spells it; nil for the settings no
    /// flag sets (a secret on the command line would show in `ps`).
    public var flag: String? {
        switch self {
        case .privateFeeds: "--private-feed NAME=FILE"
        case .mailUnsubscribe, .apiToken: nil
        default: "--" + rawValue
        }
    }

    /// The default, in words for the help.
    public var defaultText: String {
        switch self {
        case .host: "127.0.0.1"
        case .port: "8080 (0 picks a free port)"
        case .calendars: "./calendars"
        case .state: "$STATE_DIRECTORY, else ./state"
        case .pageURL: "http://HOST:PORT/"
        case .uidDomain: Settings().uidDomain
        case .horizon: "10 (years of hosts.ics ahead)"
        case .keepCancelledDays: "30 (days a cancelled meeting stays in the feeds after its date)"
        case .organizer: "\(Settings().organizer) (every event's ORGANIZER: the secretariat's functional mailbox)"
        case .organizerName: "\(Settings().organizerName) (the ORGANIZER's CN)"
        case .reloadInterval: "2 (seconds between checks of calendars/)"
        case .idleTimeout: "30 (seconds)"
        case .headerTimeout: "10 (seconds to send a request head)"
        case .logLevel: "info"
        case .privateFeeds: "none (map of feed name to token file)"
        case .mail: "maildir:STATE/maildir (sendmail:, smtp://, smtps://)"
        case .mailFrom: "kalendarium@localhost.localdomain"
        case .mailUnsubscribe: "the sender's address"
        case .mailIn: "none: calendar replies are not read (maildir:PATH that the organizer address delivers into)"
        case .reminderInterval: "60 (seconds between passes)"
        case .apiToken: "none: API writes off (the token itself; or api-token-file)"
        case .apiTokenFile: "none (a file holding the token)"
        case .database: "none: SQLite in the state directory (postgres://…)"
        case .node: "HOSTNAME-PID (the daemon's name among several)"
        case .leaderLease: "30 (seconds; a dead sender is replaced this fast)"
        case .claimSeconds: "30 (seconds; a dead sender's messages wait this long)"
        case .sessionLifetime: "28800 (seconds a workspace sign-in lasts: 8 hours)"
        }
    }

    /// Every setting with its flag, variable and default, for `--help`: two short lines
    /// each, so a terminal of 80 columns shows them unwrapped.
    public static var help: String {
        let rows = allCases.map { setting in
            let names = [setting.flag, setting.environmentVariable, "file: " + setting.rawValue].compactMap { $0 }
            return "  " + names.joined(separator: ", ") + "\n      default: " + setting.defaultText
        }
        return "Settings (flag, KALENDARIUM_* variable, configuration file key; flags win, then variables, "
            + "then the file named by --config or KALENDARIUM_CONFIG):\n" + rows.joined(separator: "\n")
    }
}
