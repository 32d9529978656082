import ArgumentParser
import Foundation
import KalendariumApp
import Logging
import Metrics
import NIOCore
import NIOPosix
import Prometheus
import Server
import Store

/// `kalendarium serve`: the daemon calendar apps subscribe to.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the feeds, the web page, /healthz and /metrics over HTTP.",
        discussion: """
            Reloads on SIGHUP and when a file in the calendars directory changes; a broken edit \
            keeps the last good data. SIGTERM finishes in-flight requests and exits 0. Under \
            systemd it speaks sd_notify (Type=notify) and pings the watchdog.

            \(Setting.help)
            """
    )

    @OptionGroup var options: CalendarOptions
    @Option(help: "Address to listen on (default 127.0.0.1).") var host: String?
    @Option(help: "Port (default 8080; 0 picks a free one).") var port: Int?
    @Option(
        help: ArgumentHelp(
            SettingHelp.state, valueName: "DIR"))
    var state: String?
    @Option(help: ArgumentHelp("Public address of the web page (default http://HOST:PORT/).", valueName: "URL"))
    var pageURL: String?
    @Option(help: ArgumentHelp("Domain part of event UIDs; never change it once published.", valueName: "DOMAIN"))
    var uidDomain: String?
    @Option(help: "Years ahead that hosts.ics plans (default 10).") var horizon: Int?
    @Option(help: "Days after its date a cancelled meeting stays in the feeds (default 30).")
    var keepCancelledDays: Int?
    @Option(
        help: ArgumentHelp("Every event's ORGANIZER: the secretariat's functional mailbox.", valueName: "MAILTO"))
    var organizer: String?
    @Option(help: ArgumentHelp("The ORGANIZER's name.", valueName: "NAME")) var organizerName: String?
    @Option(help: "Seconds between checks of the calendars directory (default 2).") var reloadInterval: Double?
    @Option(help: "Seconds before an idle connection is closed (default 30).") var idleTimeout: Double?
    @Option(help: "Seconds a client has to send a complete request head (default 10).") var headerTimeout: Double?
    @Option(help: "trace, debug, info, notice, warning, error or critical (default info).") var logLevel: String?
    @Option(help: ArgumentHelp("A feed that needs ?token=…, with the file holding the token.", valueName: "NAME=FILE"))
    var privateFeed: [String] = []

    @Option(help: ArgumentHelp("Where reminders go: maildir:PATH, sendmail:, smtp://…, smtps://…", valueName: "URL"))
    var mail: String?
    @Option(help: ArgumentHelp("Sender of reminders.", valueName: "ADDRESS")) var mailFrom: String?
    @Option(
        help: ArgumentHelp(
            "The maildir the organizer address delivers into: calendar apps' answers to invitations are read from it.",
            valueName: "maildir:PATH"))
    var mailIn: String?
    @Option(help: "Seconds between reminder passes (default 60).") var reminderInterval: Double?
    @Option(help: ArgumentHelp("File with the API's bearer token (or set KALENDARIUM_API_TOKEN).", valueName: "FILE"))
    var apiTokenFile: String?
    @Option(help: ArgumentHelp("PostgreSQL URL shared by several daemons (default: SQLite).", valueName: "URL"))
    var database: String?
    @Option(help: ArgumentHelp("This daemon's name among several (default HOSTNAME-PID).", valueName: "NAME"))
    var node: String?
    @Option(help: "Seconds the reminder sender's lease lasts (default 30).") var leaderLease: Double?
    @Option(help: "Seconds a claim on reminders holds without its heartbeat (default 30).") var claimSeconds: Double?
    @Option(help: "Seconds a sign-in to the workspace lasts (default 28800: 8 hours).") var sessionLifetime: Double?

    func run() async throws {
        Malloc.useOneArena()
        // Run Swift concurrency on NIO's event loops, so a request does not hop between
        // the network threads and the task pool (as Vapor's and Hummingbird's templates do).
        let takeover = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        var flags = SettingLayer()
        flags[.host] = host
        flags[.port] = port.map(String.init)
        flags[.state] = state
        flags[.pageURL] = pageURL
        flags[.uidDomain] = uidDomain
        flags[.horizon] = horizon.map(String.init)
        flags[.keepCancelledDays] = keepCancelledDays.map(String.init)
        flags[.organizer] = organizer
        flags[.organizerName] = organizerName
        flags[.reloadInterval] = reloadInterval.map { String($0) }
        flags[.idleTimeout] = idleTimeout.map { String($0) }
        flags[.headerTimeout] = headerTimeout.map { String($0) }
        flags[.mail] = mail
        flags[.mailFrom] = mailFrom
        flags[.mailIn] = mailIn
        flags[.reminderInterval] = reminderInterval.map { String($0) }
        flags[.apiTokenFile] = apiTokenFile
        flags[.logLevel] = logLevel
        flags[.database] = database
        flags[.node] = node
        flags[.leaderLease] = leaderLease.map { String($0) }
        flags[.claimSeconds] = claimSeconds.map { String($0) }
        flags[.sessionLifetime] = sessionLifetime.map { String($0) }
        for item in privateFeed {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw ValidationError("--private-feed \"\(item)\" is not NAME=FILE") }
            flags.privateFeeds[parts[0]] = parts[1]
        }
        let environment = ProcessInfo.processInfo.environment
        do {
            let configuration = try options.settings(flags)
            let logger = KalendariumApplication.logger(level: configuration.logLevel)
            logger.debug("event loops run Swift concurrency: \(takeover)")
            // Hummingbird's MetricsMiddleware records requests through swift-metrics: once
            // per process, here at the entry point, into the registry /metrics shows.
            let requestMetrics = PrometheusCollectorRegistry()
            MetricsSystem.bootstrap(RequestMetrics.factory(registry: requestMetrics))
            let location = try StoreLocation(database: configuration.database, stateDirectory: configuration.state)
            try await KalendariumApplication.serve(
                configuration: configuration, database: try location.open(logger: logger, startWithout: true),
                shared: location.isShared, environment: environment, logger: logger, requestMetrics: requestMetrics,
                onListening: { port in
                    // For scripts and tests that start the daemon on port 0.
                    FileHandle.standardOutput.write(Data("listening on http://\(configuration.host):\(port)/\n".utf8))
                })
        } catch let error as AppError {
            StandardError.print("error: \(error.description)")
            throw ExitCode(1)
        } catch let error as StoreError {
            StandardError.print("error: \(error.description)")
            throw ExitCode(1)
        }
    }
}
