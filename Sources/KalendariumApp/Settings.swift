import CalendarFiles
import Configuration
public import Feeds
import Foundation

/// Every setting of every command, resolved the same way for all of them: defaults
/// (with systemd's `$STATE_DIRECTORY` for the state), then the configuration file
/// (`--config FILE` or `$KALENDARIUM_CONFIG`), then the `KALENDARIUM_*` variables, then flags. The layers
/// are swift-configuration providers in one `ConfigReader`; `Setting` lists the keys.
/// `export`, `remind` and `serve` resolving alike is what gives a reminder's attached
/// event the UID and link of the same event in the feeds.
public struct Settings: Sendable, Equatable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var calendars = "calendars"
    public var state = "state"
    /// The public address of the web page; defaults to `http://HOST:PORT/`.
    public var pageURL: String?
    public var uidDomain = "kalendarium.sodertornskommunerna.se"
    public var horizon = 10
    /// Days after its date that a cancelled meeting stays in the feeds (Apple Calendar
    /// shows it struck through for as long as it is there).
    public var keepCancelledDays = 30
    /// Every event's ORGANIZER, which RFC 5546 §3.2.1 requires with METHOD:PUBLISH: the
    /// secretariat's functional mailbox as a `mailto:` URI (a bare address is taken as
    /// one), never a person's. The shipped one is a placeholder like recipients.yaml's.
    public var organizer = FeedSettings.defaultOrganizer
    /// The ORGANIZER's CN.
    public var organizerName = FeedSettings().organizerName
    /// Seconds between checks of `calendars/` for changes.
    public var reloadInterval = 2.0
    /// Seconds a connection may stay idle before it is closed (slow or stuck clients).
    public var idleTimeout = 30.0
    /// Seconds a client has to send a complete request head (against slowloris).
    public var headerTimeout = 10.0
    public var logLevel = "info"
    /// Private feeds: feed name to the file holding its token.
    public var privateFeeds: [String: String] = [:]
    /// Where reminders go (`maildir:PATH`, `sendmail:`, `smtp://…`); nil: a maildir in the state directory.
    public var mail: String?
    /// The sender of reminders.
    public var mailFrom: String?
    /// Where "unsubscribe" replies go; nil: the sender.
    public var mailUnsubscribe: String?
    /// The maildir the organizer address delivers into (`maildir:PATH`), where calendar
    /// apps' answers to the kallelse's invitation arrive; nil: none is read.
    public var mailIn: String?
    /// Seconds between reminder passes.
    public var reminderInterval = 60.0
    /// The API's bearer token itself (`KALENDARIUM_API_TOKEN`, best from systemd's EnvironmentFile).
    public var apiToken: String?
    /// A file holding the API's bearer token.
    public var apiTokenFile: String?
    /// A PostgreSQL URL shared by several daemons; nil: SQLite in the state directory.
    public var database: String?
    /// This daemon's name among several (leases, logs, /healthz); nil: HOSTNAME-PID.
    public var node: String?
    /// Seconds the reminder sender's lease lasts: when the sending daemon dies,
    /// another takes over within about this long.
    public var leaderLease = 30.0
    /// Seconds a sender's claim on a batch of reminders holds without its heartbeat:
    /// the messages of a sender that died go out from another within about this long.
    public var claimSeconds = 30.0
    /// Seconds a sign-in to the workspace lasts before the person signs in again.
    public var sessionLifetime = 28_800.0

    public init() {}

    /// The node name: as set, else this host's name and process id.
    public var nodeName: String {
        node ?? "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)"
    }

    /// Defaults, then `file` (or `$KALENDARIUM_CONFIG`), then the environment, then `flags`.
    public static func resolve(
        file: String?, environment: [String: String], flags: SettingLayer
    ) throws(AppError) -> Settings {
        let fileLayer = try (file ?? environment["KALENDARIUM_CONFIG"]).map(SettingLayer.file) ?? SettingLayer()
        let environmentLayer = SettingLayer.environment(environment)
        let reader = ConfigReader(providers: [
            try flags.provider(named: "flags"), try environmentLayer.provider(named: "environment"),
            try fileLayer.provider(named: "configuration file"),
            try SettingLayer.systemd(environment).provider(named: "systemd"),
        ])
        var settings = Settings()
        func text(_ setting: Setting, _ value: inout String) {
            value = reader.string(forKey: setting.key, default: value)
        }
        func text(_ setting: Setting, _ value: inout String?) {
            value = reader.string(forKey: setting.key) ?? value
        }
        func integer(_ setting: Setting, _ value: inout Int) { value = reader.int(forKey: setting.key, default: value) }
        func seconds(_ setting: Setting, _ value: inout Double) {
            value = reader.double(forKey: setting.key, default: value)
        }
        text(.host, &settings.host)
        integer(.port, &settings.port)
        text(.calendars, &settings.calendars)
        text(.state, &settings.state)
        text(.pageURL, &settings.pageURL)
        text(.uidDomain, &settings.uidDomain)
        integer(.horizon, &settings.horizon)
        integer(.keepCancelledDays, &settings.keepCancelledDays)
        text(.organizer, &settings.organizer)
        text(.organizerName, &settings.organizerName)
        seconds(.reloadInterval, &settings.reloadInterval)
        seconds(.idleTimeout, &settings.idleTimeout)
        seconds(.headerTimeout, &settings.headerTimeout)
        text(.logLevel, &settings.logLevel)
        text(.mail, &settings.mail)
        text(.mailFrom, &settings.mailFrom)
        text(.mailUnsubscribe, &settings.mailUnsubscribe)
        text(.mailIn, &settings.mailIn)
        seconds(.reminderInterval, &settings.reminderInterval)
        text(.apiToken, &settings.apiToken)
        text(.apiTokenFile, &settings.apiTokenFile)
        text(.database, &settings.database)
        text(.node, &settings.node)
        seconds(.leaderLease, &settings.leaderLease)
        seconds(.claimSeconds, &settings.claimSeconds)
        seconds(.sessionLifetime, &settings.sessionLifetime)
        // Private feeds add up: the file's, then the flags' (a flag replaces a file's token file).
        for layer in [fileLayer, flags] { settings.privateFeeds.merge(layer.privateFeeds) { $1 } }
        try settings.validate()
        return settings
    }

    /// The settings as the feeds need them.
    public var feedSettings: FeedSettings {
        FeedSettings(
            pageURL: effectivePageURL, uidDomain: uidDomain, horizonYears: horizon, organizer: organizerURI,
            organizerName: organizerName, keepCancelledDays: keepCancelledDays)
    }

    /// `organizer` as a `mailto:` URI.
    public var organizerURI: String {
        organizer.lowercased().hasPrefix("mailto:") ? organizer : "mailto:" + organizer
    }

    /// The effective page address.
    public var effectivePageURL: String {
        let url = pageURL ?? "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
        return url.hasSuffix("/") ? url : url + "/"
    }

    func validate() throws(AppError) {
        guard (0...65535).contains(port) else { throw AppError("port \(port) is not 0–65535") }
        guard (0...100).contains(horizon) else { throw AppError("horizon \(horizon) is not 0–100 years") }
        guard (0...3650).contains(keepCancelledDays) else {
            throw AppError("keep-cancelled-days \(keepCancelledDays) is not 0–3650 days")
        }
        try validateOrganizer()
        // Seconds become Durations and integer milliseconds: a day bounds them all, so a
        // typo is an error here rather than an overflow trap in the running daemon.
        func bound(_ b: Double) -> String { b == b.rounded() ? String(Int(b)) : String(b) }
        func seconds(_ value: Double, _ name: String, _ range: ClosedRange<Double>) throws(AppError) {
            guard range.contains(value) else {
                throw AppError("\(name) \(value) is not \(bound(range.lowerBound))–\(bound(range.upperBound)) seconds")
            }
        }
        try seconds(reloadInterval, "reload-interval", 0.1...86400)
        try seconds(idleTimeout, "idle-timeout", 1...86400)
        try seconds(headerTimeout, "header-timeout", 1...86400)
        try seconds(reminderInterval, "reminder-interval", 0.1...86400)
        try seconds(leaderLease, "leader-lease", 2...86400)
        try seconds(sessionLifetime, "session-lifetime", 60...2_592_000)
        guard ["trace", "debug", "info", "notice", "warning", "error", "critical"].contains(logLevel) else {
            throw AppError(
                "log-level \"\(logLevel)\" is not one of trace, debug, info, notice, warning, error, critical")
        }
        guard (2...3600).contains(claimSeconds) else { throw AppError("claim-seconds must be 2–3600 seconds") }
        if let node, node.isEmpty || node.count > 100 { throw AppError("node must be a name of 1–100 characters") }
        for name in privateFeeds.keys where !name.hasSuffix(".ics") {
            throw AppError("private feed \"\(name)\" must be a feed name such as hosts.ics")
        }
    }

    /// The ORGANIZER must be an address clients accept (one `@`, no spaces) and its CN a
    /// parameter value RFC 5545 can carry (no double quote, no control character).
    private func validateOrganizer() throws(AppError) {
        let address = organizerURI.dropFirst("mailto:".count)
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        let unfit: (Character) -> Bool = { c in
            c.isWhitespace || "<>\"".contains(c) || c.unicodeScalars.contains { $0.value < 0x21 || $0.value == 0x7F }
        }
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !address.contains(where: unfit) else {
            throw AppError(
                "organizer \"\(organizer)\" is not an e-mail address; give the secretariat's functional mailbox, "
                    + "e.g. mailto:sekretariat@example.org")
        }
        let unquotable: (Character) -> Bool = { c in
            c == "\"" || c.unicodeScalars.contains { $0.properties.generalCategory == .control }
        }
        guard !organizerName.trimmingCharacters(in: .whitespaces).isEmpty, !organizerName.contains(where: unquotable)
        else {
            throw AppError(
                "organizer-name \"\(organizerName)\" cannot be an ORGANIZER's CN; give a name without quotes or "
                    + "control characters, e.g. \(FeedSettings().organizerName)")
        }
    }

    /// The API's write token: `$KALENDARIUM_API_TOKEN`, else the `api-token-file`; nil turns writes off.
    public func writeToken() throws(AppError) -> String? {
        if let token = apiToken, !token.isEmpty {
            guard token.count >= 16 else { throw AppError("KALENDARIUM_API_TOKEN is shorter than 16 characters") }
            return token
        }
        guard let path = apiTokenFile else { return nil }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw AppError("cannot read the API token file \(path)")
        }
        let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard token.count >= 16 else { throw AppError("the API token in \(path) is shorter than 16 characters") }
        return token
    }

    /// The tokens of the private feeds, read from their files (trailing newline dropped).
    public func feedTokens() throws(AppError) -> [String: String] {
        var tokens: [String: String] = [:]
        for (name, path) in privateFeeds {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw AppError("cannot read the token file \(path) for the private feed \(name)")
            }
            let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard token.count >= 16 else {
                throw AppError(
                    "the token in \(path) for \(name) is shorter than 16 characters; use a long random one "
                        + "(for example: openssl rand -hex 24)")
            }
            tokens[name] = token
        }
        return tokens
    }
}
