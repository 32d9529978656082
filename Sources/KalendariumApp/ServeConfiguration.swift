import CalendarFiles
import Foundation
import Yams

/// Every setting of `kalendarium serve`, resolved in layers: defaults, then the
/// configuration file, then `KALENDARIUM_*` environment variables, then flags.
public struct ServeConfiguration: Sendable, Equatable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var calendars = "calendars"
    public var state = "state"
    /// The public address of the web page; defaults to `http://HOST:PORT/`.
    public var pageURL: String?
    public var uidDomain = "kalendarium.sodertornskommunerna.se"
    public var horizon = 10
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
    /// Seconds between reminder passes.
    public var reminderInterval = 60.0
    /// A file holding the API's bearer token (or set KALENDARIUM_API_TOKEN).
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

    public init() {}

    /// One layer's values; nil means "not set here".
    public struct Layer: Sendable {
        public var host: String?
        public var port: Int?
        public var calendars: String?
        public var state: String?
        public var pageURL: String?
        public var uidDomain: String?
        public var horizon: Int?
        public var reloadInterval: Double?
        public var idleTimeout: Double?
        public var headerTimeout: Double?
        public var logLevel: String?
        public var privateFeeds: [String: String]?
        public var mail: String?
        public var mailFrom: String?
        public var reminderInterval: Double?
        public var apiTokenFile: String?
        public var database: String?
        public var node: String?
        public var leaderLease: Double?
        public var claimSeconds: Double?

        public init() {}
    }

    public mutating func apply(_ layer: Layer) {
        if let v = layer.host { host = v }
        if let v = layer.port { port = v }
        if let v = layer.calendars { calendars = v }
        if let v = layer.state { state = v }
        if let v = layer.pageURL { pageURL = v }
        if let v = layer.uidDomain { uidDomain = v }
        if let v = layer.horizon { horizon = v }
        if let v = layer.reloadInterval { reloadInterval = v }
        if let v = layer.idleTimeout { idleTimeout = v }
        if let v = layer.headerTimeout { headerTimeout = v }
        if let v = layer.logLevel { logLevel = v }
        if let v = layer.privateFeeds { privateFeeds.merge(v) { _, new in new } }
        if let v = layer.mail { mail = v }
        if let v = layer.mailFrom { mailFrom = v }
        if let v = layer.reminderInterval { reminderInterval = v }
        if let v = layer.apiTokenFile { apiTokenFile = v }
        if let v = layer.database { database = v }
        if let v = layer.node { node = v }
        if let v = layer.leaderLease { leaderLease = v }
        if let v = layer.claimSeconds { claimSeconds = v }
    }

    /// The node name: as set, else this host's name and process id.
    public var nodeName: String {
        node ?? "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)"
    }

    /// Defaults, then `file` (or `$KALENDARIUM_CONFIG`), then the environment, then `flags`.
    public static func resolve(
        file: String?, environment: [String: String], flags: Layer
    ) throws(AppError) -> ServeConfiguration {
        var configuration = ServeConfiguration()
        if let path = file ?? environment["KALENDARIUM_CONFIG"] { configuration.apply(try fileLayer(path)) }
        configuration.apply(try environmentLayer(environment))
        configuration.apply(flags)
        try configuration.validate()
        return configuration
    }

    /// The effective page address.
    public var effectivePageURL: String {
        let url = pageURL ?? "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
        return url.hasSuffix("/") ? url : url + "/"
    }

    func validate() throws(AppError) {
        guard (0...65535).contains(port) else { throw AppError("port \(port) is not 0–65535") }
        guard (0...100).contains(horizon) else { throw AppError("horizon \(horizon) is not 0–100 years") }
        guard reloadInterval >= 0.1 else { throw AppError("reload-interval must be at least 0.1 seconds") }
        guard idleTimeout >= 1 else { throw AppError("idle-timeout must be at least 1 second") }
        guard headerTimeout >= 1 else { throw AppError("header-timeout must be at least 1 second") }
        guard ["trace", "debug", "info", "notice", "warning", "error", "critical"].contains(logLevel) else {
            throw AppError(
                "log-level \"\(logLevel)\" is not one of trace, debug, info, notice, warning, error, critical")
        }
        guard leaderLease >= 2 else { throw AppError("leader-lease must be at least 2 seconds") }
        guard (2...3600).contains(claimSeconds) else { throw AppError("claim-seconds must be 2–3600 seconds") }
        if let node, node.isEmpty || node.count > 100 { throw AppError("node must be a name of 1–100 characters") }
        for name in privateFeeds.keys where !name.hasSuffix(".ics") {
            throw AppError("private feed \"\(name)\" must be a feed name such as hosts.ics")
        }
    }

    /// The API's write token: `$KALENDARIUM_API_TOKEN`, else the `api-token-file`; nil turns writes off.
    public func apiToken(environment: [String: String]) throws(AppError) -> String? {
        if let token = environment["KALENDARIUM_API_TOKEN"], !token.isEmpty {
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

    /// Every setting with its environment variable and default, for `--help` and the README.
    public static let settingsHelp = """
        Settings (flag / KALENDARIUM_* variable / config file key, default):
          --host           KALENDARIUM_HOST            host              127.0.0.1
          --port           KALENDARIUM_PORT            port              8080 (0 picks a free port)
          --calendars      KALENDARIUM_CALENDARS       calendars         ./calendars
          --state          KALENDARIUM_STATE           state             $STATE_DIRECTORY, else ./state
          --page-url       KALENDARIUM_PAGE_URL        page-url          http://HOST:PORT/
          --uid-domain     KALENDARIUM_UID_DOMAIN      uid-domain        kalendarium.sodertornskommunerna.se
          --horizon        KALENDARIUM_HORIZON         horizon           10 (years of hosts.ics ahead)
          --reload-interval KALENDARIUM_RELOAD_INTERVAL reload-interval  2 (seconds between checks of calendars/)
          --idle-timeout   KALENDARIUM_IDLE_TIMEOUT    idle-timeout      30 (seconds)
          --header-timeout KALENDARIUM_HEADER_TIMEOUT  header-timeout    10 (seconds to send a request head)
          --log-level      KALENDARIUM_LOG_LEVEL       log-level         info
          --private-feed NAME=TOKENFILE                private-feeds     none (map of feed name to token file)
          --mail URL       KALENDARIUM_MAIL_URL        mail              maildir:STATE/maildir (sendmail:, smtp://, smtps://)
          --mail-from ADDR KALENDARIUM_MAIL_FROM       mail-from         kalendarium@localhost.localdomain
          --reminder-interval KALENDARIUM_REMINDER_INTERVAL reminder-interval 60 (seconds between passes)
          --api-token-file KALENDARIUM_API_TOKEN_FILE  api-token-file    none (or KALENDARIUM_API_TOKEN)
          --database URL   KALENDARIUM_DATABASE        database          none: SQLite in the state directory (postgres://…)
          --node NAME      KALENDARIUM_NODE            node              HOSTNAME-PID (the daemon's name among several)
          --leader-lease S KALENDARIUM_LEADER_LEASE    leader-lease      30 (seconds; a dead sender is replaced this fast)
          --claim-seconds S KALENDARIUM_CLAIM_SECONDS  claim-seconds     30 (seconds; a dead sender's messages wait this long)
          --config FILE    KALENDARIUM_CONFIG          (YAML file with the keys above)
        """

    static func environmentLayer(_ env: [String: String]) throws(AppError) -> Layer {
        var layer = Layer()
        func number<T: LosslessStringConvertible>(_ key: String, _ type: T.Type) throws(AppError) -> T? {
            guard let text = env[key] else { return nil }
            guard let value = T(text) else { throw AppError("\(key)=\"\(text)\" is not a number") }
            return value
        }
        layer.host = env["KALENDARIUM_HOST"]
        layer.port = try number("KALENDARIUM_PORT", Int.self)
        layer.calendars = env["KALENDARIUM_CALENDARS"]
        layer.state = env["KALENDARIUM_STATE"] ?? env["STATE_DIRECTORY"]?.split(separator: ":").first.map(String.init)
        layer.pageURL = env["KALENDARIUM_PAGE_URL"]
        layer.uidDomain = env["KALENDARIUM_UID_DOMAIN"]
        layer.horizon = try number("KALENDARIUM_HORIZON", Int.self)
        layer.reloadInterval = try number("KALENDARIUM_RELOAD_INTERVAL", Double.self)
        layer.idleTimeout = try number("KALENDARIUM_IDLE_TIMEOUT", Double.self)
        layer.headerTimeout = try number("KALENDARIUM_HEADER_TIMEOUT", Double.self)
        layer.logLevel = env["KALENDARIUM_LOG_LEVEL"]
        layer.mail = env["KALENDARIUM_MAIL_URL"]
        layer.mailFrom = env["KALENDARIUM_MAIL_FROM"]
        layer.reminderInterval = try number("KALENDARIUM_REMINDER_INTERVAL", Double.self)
        layer.apiTokenFile = env["KALENDARIUM_API_TOKEN_FILE"]
        layer.database = env["KALENDARIUM_DATABASE"]
        layer.node = env["KALENDARIUM_NODE"]
        layer.leaderLease = try number("KALENDARIUM_LEADER_LEASE", Double.self)
        layer.claimSeconds = try number("KALENDARIUM_CLAIM_SECONDS", Double.self)
        return layer
    }

    static func fileLayer(_ path: String) throws(AppError) -> Layer {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw AppError("cannot read the configuration file \(path)")
        }
        // The same refusal as for calendar files: an alias bomb stalls the parser.
        if let alias = YAMLAliases.first(in: text) {
            throw AppError(
                "\(path):\(alias.line):\(alias.column): \(alias.token): the configuration file does not use YAML "
                    + "anchors and aliases; write the value out")
        }
        let node: Node?
        do { node = try Yams.compose(yaml: text) } catch { throw AppError("\(path): malformed YAML: \(error)") }
        guard let mapping = node?.mapping else {
            if node == nil { return Layer() }
            throw AppError("\(path): expected key: value lines")
        }
        let known = [
            "host", "port", "calendars", "state", "page-url", "uid-domain", "horizon", "reload-interval",
            "idle-timeout", "header-timeout", "log-level", "private-feeds", "mail", "mail-from", "reminder-interval",
            "api-token-file", "database", "node", "leader-lease", "claim-seconds",
        ]
        var layer = Layer()
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let line = keyNode.mark.map { ":\($0.line):\($0.column)" } ?? ""
            func fail(_ what: String) -> AppError { AppError("\(path)\(line): \(key) must be \(what)") }
            switch key {
            case "host": layer.host = value.string
            case "port": guard let v = value.string.flatMap(Int.init) else { throw fail("a number") }; layer.port = v
            case "calendars": layer.calendars = value.string
            case "state": layer.state = value.string
            case "page-url": layer.pageURL = value.string
            case "uid-domain": layer.uidDomain = value.string
            case "horizon":
                guard let v = value.string.flatMap(Int.init) else { throw fail("a number") }; layer.horizon = v
            case "reload-interval":
                guard let v = value.string.flatMap(Double.init) else { throw fail("a number of seconds") }
                layer.reloadInterval = v
            case "idle-timeout":
                guard let v = value.string.flatMap(Double.init) else { throw fail("a number of seconds") }
                layer.idleTimeout = v
            case "header-timeout":
                guard let v = value.string.flatMap(Double.init) else { throw fail("a number of seconds") }
                layer.headerTimeout = v
            case "log-level": layer.logLevel = value.string
            case "private-feeds":
                guard let feeds = value.mapping else { throw fail("feed: token-file lines") }
                var map: [String: String] = [:]
                for (k, v) in feeds { if let name = k.string, let file = v.string { map[name] = file } }
                layer.privateFeeds = map
            case "mail": layer.mail = value.string
            case "mail-from": layer.mailFrom = value.string
            case "reminder-interval":
                guard let v = value.string.flatMap(Double.init) else { throw fail("a number of seconds") }
                layer.reminderInterval = v
            case "api-token-file": layer.apiTokenFile = value.string
            case "database": layer.database = value.string
            case "node": layer.node = value.string
            case "leader-lease":
                guard let v = value.string.flatMap(Double.init) else { throw fail("a number of seconds") }
                layer.leaderLease = v
            case "claim-seconds":
                guard let v = value.string.flatMap(Double.init) else { throw fail("a number of seconds") }
                layer.claimSeconds = v
            default:
                throw AppError("\(path)\(line): unknown setting \"\(key)\"; known: \(known.joined(separator: ", "))")
            }
        }
        return layer
    }
}
