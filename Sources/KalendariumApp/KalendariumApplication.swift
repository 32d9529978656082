import Feeds
import Foundation
public import Hummingbird
import KalendariumCore
public import Logging
import Mail
import NIOCore
public import Prometheus
import Reminders
public import Server
import ServiceLifecycle
public import Store
import UnixSignals

/// Everything `kalendarium serve` runs, built the way tests can build it too.
public struct KalendariumApplication {
    public let application: any ApplicationProtocol
    public let state: CalendarState
    public let watcher: CalendarWatcher

    /// Loads the data once, then assembles the HTTP server and the services.
    /// - Parameter onListening: called with the bound port (useful with port 0).
    /// - Parameters:
    ///   - store: the open store; `shared` when other daemons use it too (PostgreSQL),
    ///     which turns on the calendar sync through the database.
    public static func build(
        configuration: Settings, store: any Store, shared: Bool, environment: [String: String],
        logger: Logger, requestMetrics: PrometheusCollectorRegistry? = nil,
        onListening: @escaping @Sendable (Int) -> Void = { _ in }
    ) async throws -> KalendariumApplication {
        let state = CalendarState()
        let metrics = ServerMetrics(requestRegistry: requestMetrics)
        let notifier = SystemdNotifier(environment: environment)
        let settings = configuration.feedSettings
        let export = FeedExport(settings: settings, stateDirectory: configuration.state)
        let now: @Sendable () -> UTCInstant = { WallClock.now() }
        let node = configuration.nodeName
        if shared {
            state.setNode(NodeRole(name: node, sendsReminders: false))
            logger.info("sharing the database with other daemons", metadata: ["node": "\(node)"])
            if configuration.pageURL == nil {
                logger.warning(
                    """
                    page-url is not set: each daemon links to its own address, and the feeds differ between \
                    them; set page-url to the load balancer's address
                    """)
            }
        }
        let interval = Duration.milliseconds(Int64(configuration.reloadInterval * 1000))
        let sync =
            shared
            ? CalendarSync(
                store: store, node: node, stateDirectory: configuration.state, export: export, state: state,
                logger: logger, interval: interval) : nil
        let reloader = CalendarReloader(
            directory: configuration.calendars, export: export, state: state, metrics: metrics, logger: logger,
            interval: interval, now: now, sync: sync, agendas: store)
        let watcher = CalendarWatcher(
            reloader: reloader, directory: configuration.calendars, notifier: notifier, interval: interval, now: now,
            agendas: store)
        // Before the server starts, so the first request already has feeds (or a reason why not).
        await watcher.reload(reason: .start)
        let options = ServerOptions(feedTokens: try configuration.feedTokens())
        let mail = try MailConfiguration(configuration)
        let reminders = ReminderService(
            run: ReminderRun(
                store: store, transport: try mail.transport(),
                settings: MailSettings(from: mail.from, unsubscribe: mail.unsubscribe, feeds: settings)),
            leases: store, state: state, recipientsFile: "\(configuration.calendars)/recipients.yaml",
            interval: .milliseconds(Int64(configuration.reminderInterval * 1000)), logger: logger, now: now,
            node: node, leaseSeconds: Int(configuration.leaderLease.rounded(.up)),
            claimSeconds: Int(configuration.claimSeconds.rounded(.up)), metrics: metrics, shared: shared)
        logger.info("reminders", metadata: ["mail": "\(mail.redactedURL)"])
        var answers: [any Service] = []
        if let mailIn = configuration.mailIn {
            let inbox: MaildirInbox
            do { inbox = try MailURL.inbox(mailIn) } catch { throw AppError(error.message) }
            answers.append(
                AnswerInboxService(
                    inbox: AnswerInbox(inbox: inbox, store: store, settings: settings), state: state,
                    interval: .milliseconds(Int64(configuration.reminderInterval * 1000)), logger: logger, now: now))
        }
        let writeToken = try configuration.writeToken()
        let items = ItemsAPI(store: store, state: state, token: writeToken, now: now)
        let agendas = AgendaAPI(store: store, state: state, token: writeToken, now: now)
        let router = buildRouter(
            state: state, metrics: metrics, options: options, items: items, agendas: agendas,
            minutes: MinutesAPI(store: store, agendas: agendas, token: writeToken, now: now),
            meetings: MeetingRoutes(state: state, store: store),
            personal: PersonalFeedRoutes(state: state, store: store, options: options, now: now),
            answers: AnswersAPI(store: store, agendas: agendas, token: writeToken, now: now),
            answerPages: AnswerRoutes(state: state, store: store, now: now),
            workspace: Workspace(
                state: state, store: store,
                mailer: SignInMailer(
                    transport: try mail.transport(), from: mail.from, domain: settings.uidDomain, now: now),
                editor: CalendarFileEditor(directory: configuration.calendars) {
                    _ = await watcher.reload(reason: .workspace)
                },
                options: WorkspaceOptions(
                    sessionLifetime: .seconds(max(60, Int64(configuration.sessionLifetime))),
                    secureCookies: configuration.effectivePageURL.lowercased().hasPrefix("https://")),
                now: now),
            now: now)
        let app = Application(
            router: router,
            server: .framedHTTP1(
                configuration: .init(
                    additionalChannelHandlers: [
                        RequestHeadTimeoutHandler(timeout: .milliseconds(Int64(configuration.headerTimeout * 1000)))
                    ],
                    idleTimeout: .milliseconds(Int64(configuration.idleTimeout * 1000)),
                    httpDecoderConfiguration: .init(
                        maxHeaderFieldSize: 16 * 1024, maxHeaderListSize: 32 * 1024, maxHeaderFieldCount: 100)),
                fastPath: FeedFastPath(state: state, options: options, serverName: "Kalendarium")),
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: "Kalendarium"),
            services: [watcher] + (sync.map { [$0] } ?? []) + [reminders] + answers
                + [SystemdService(notifier: notifier)],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                logger.info("listening", metadata: ["address": "http://\(configuration.host):\(port)/"])
                onListening(port)
                notifier.ready(
                    status: state.problems.isEmpty ? "serving" : "degraded: \(state.problems.count) problems")
            },
            logger: logger
        )
        return KalendariumApplication(application: app, state: state, watcher: watcher)
    }

    /// Runs `kalendarium serve` on `database` until SIGTERM or SIGINT, then finishes
    /// in-flight requests and returns. One ServiceGroup runs the store's services
    /// (PostgreSQL's connection pool) and then the application: it is built once they
    /// run (migrations and the first load use the database), and it stops before them,
    /// so a clean stop can still hand the reminder sender's lease over.
    public static func serve(
        configuration: Settings, database: OpenedStore, shared: Bool, environment: [String: String],
        logger: Logger, requestMetrics: PrometheusCollectorRegistry? = nil,
        onListening: @escaping @Sendable (Int) -> Void = { _ in }
    ) async throws {
        let application = ApplicationService {
            try await database.prepare()
            return try await build(
                configuration: configuration, store: database.store, shared: shared, environment: environment,
                logger: logger, requestMetrics: requestMetrics, onListening: onListening
            ).application
        }
        let group = ServiceGroup(
            configuration: .init(
                services: database.services + [application], gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        try await group.run()
    }

    /// A logger that writes journald-friendly lines to standard error.
    public static func logger(level: String) -> Logger {
        var logger = Logger(label: "kalendarium") { label in
            JournalLogHandler(label: label, level: Logger.Level(rawValue: level) ?? .info)
        }
        logger.logLevel = Logger.Level(rawValue: level) ?? .info
        return logger
    }
}
