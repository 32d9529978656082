// swift-tools-version: 6.1
import PackageDescription

/// Settings every target shares: Swift 6 mode plus the upcoming features that keep
/// dependencies explicit (see shared/STYLE.md, "Strict settings").
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Kalendarium",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kalendarium", targets: ["kalendarium"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        // Subprocess names programs by `FilePath`, which is swift-system's on Linux.
        .package(url: "https://github.com/apple/swift-system", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-async-algorithms", from: "1.1.4"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        /// Runs blocking work (files, YAML, libical) on NIO's thread pool, off the event loops.
        .target(
            name: "BlockingPool", dependencies: [.product(name: "NIOPosix", package: "swift-nio")],
            swiftSettings: strictSettings),
        /// The pure domain: no I/O, no clocks. Everything else depends on it.
        .target(name: "KalendariumCore", swiftSettings: strictSettings),
        /// Reading `calendars/` into the core model, with located errors.
        .target(
            name: "CalendarFiles",
            dependencies: [
                "KalendariumCore", "ICalendar", "Presentation", .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings
        ),
        /// libical from the system (Debian: libical-dev).
        .systemLibrary(name: "CLibical", pkgConfig: "libical", providers: [.apt(["libical-dev"])]),
        /// glibc's malloc_trim and mallopt, which Swift's Glibc module leaves out.
        .systemLibrary(name: "CMalloc"),
        /// The only Swift code that touches libical pointers.
        .target(name: "ICalendar", dependencies: ["CLibical"], swiftSettings: strictSettings),
        /// Every Swedish word and format people see (feeds, e-mails, the page), with the
        /// Mustache templates embedded from `Templates/`.
        .target(
            name: "Presentation",
            dependencies: ["KalendariumCore", .product(name: "Mustache", package: "swift-mustache")],
            resources: [
                .embedInCode("Templates/page.html.mustache"), .embedInCode("Templates/meeting.html.mustache"),
                .embedInCode("Templates/minutes.html.mustache"),
                .embedInCode("Templates/minutes-article.html.mustache"),
                .embedInCode("Templates/answer.html.mustache"),
                .embedInCode("Templates/workspace.html.mustache"), .embedInCode("Templates/ws-signin.html.mustache"),
                .embedInCode("Templates/ws-link.html.mustache"), .embedInCode("Templates/ws-message.html.mustache"),
                .embedInCode("Templates/ws-overview.html.mustache"),
                .embedInCode("Templates/ws-meetings.html.mustache"),
                .embedInCode("Templates/ws-meeting.html.mustache"), .embedInCode("Templates/ws-change.html.mustache"),
                .embedInCode("Templates/ws-items.html.mustache"), .embedInCode("Templates/ws-item.html.mustache"),
                .embedInCode("Templates/ws-agenda.html.mustache"), .embedInCode("Templates/ws-minutes.html.mustache"),
                .embedInCode("Templates/ws-rotation.html.mustache"), .embedInCode("Templates/ws-plan.html.mustache"),
            ],
            swiftSettings: strictSettings),
        /// The core model as iCalendar feeds, through ICalendar.
        .target(
            name: "Feeds", dependencies: ["KalendariumCore", "ICalendar", "Presentation"],
            swiftSettings: strictSettings),
        /// The store: items, the reminder outbox and what daemons share (SQLite through
        /// GRDB, PostgreSQL through postgres-nio).
        .target(
            name: "Store",
            dependencies: [
                "KalendariumCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings),
        /// E-mail: MIME rendering and transports (maildir, sendmail, SMTP).
        .target(
            name: "Mail",
            dependencies: [
                "KalendariumCore", "BlockingPool",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system", condition: .when(platforms: [.linux])),
            ],
            swiftSettings: strictSettings),
        /// Reminders: the e-mails (their text from Presentation), the pass that queues them and the dispatcher.
        .target(
            name: "Reminders",
            dependencies: ["KalendariumCore", "Feeds", "ICalendar", "Mail", "Store", "Presentation", "BlockingPool"],
            swiftSettings: strictSettings),
        /// HTTP: routes for feeds, the web page, health and metrics (Hummingbird).
        .target(
            name: "Server",
            dependencies: [
                "KalendariumCore", "Feeds", "Store", "Presentation", "BlockingPool",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
            ],
            resources: [.embedInCode("openapi.yaml")],
            swiftSettings: strictSettings),
        /// Wiring: configuration, state, feed export, services in one ServiceGroup.
        .target(
            name: "KalendariumApp",
            dependencies: [
                "KalendariumCore", "CalendarFiles", "Feeds", "Server", "Mail", "Store", "Reminders", "BlockingPool",
                "CMalloc", .product(name: "AsyncAlgorithms", package: "swift-async-algorithms"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Configuration", package: "swift-configuration"),
            ],
            swiftSettings: strictSettings),
        .executableTarget(
            name: "kalendarium",
            dependencies: [
                "KalendariumCore", "CalendarFiles", "Feeds", "KalendariumApp", "Store", "Mail", "Reminders", "Server",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "KalendariumCoreTests",
            dependencies: [
                "KalendariumCore", "CalendarFiles",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "PresentationTests", dependencies: ["Presentation", "KalendariumCore"], swiftSettings: strictSettings),
        .testTarget(
            name: "ICalendarTests", dependencies: ["ICalendar"], resources: [.copy("Fixtures")],
            swiftSettings: strictSettings),
        .testTarget(
            name: "MailTests",
            dependencies: [
                "Mail", "KalendariumCore", .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings),
        .testTarget(
            name: "StoreTests",
            dependencies: [
                "Store", "KalendariumCore", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "FeedsTests", dependencies: ["Feeds", "ICalendar", "KalendariumCore", "CalendarFiles"],
            resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(
            name: "RemindersTests",
            dependencies: ["Reminders", "Store", "Mail", "Feeds", "KalendariumCore", "CalendarFiles"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Server", "KalendariumCore", "Feeds", "CalendarFiles", "Store",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "KalendariumAppTests",
            dependencies: [
                "KalendariumApp", "Feeds", "KalendariumCore", "Server", "Store",
                .product(name: "Logging", package: "swift-log"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "CalendarFilesTests",
            dependencies: ["CalendarFiles", "KalendariumCore"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)

/// Fuzz targets for `scripts/fuzz`: libFuzzer supplies their `main`, so they exist only
/// when that script builds them (with `-sanitize=fuzzer,address`); a plain build and
/// the test command never see them.
if Context.environment["KALENDARIUM_FUZZ"] != nil {
    let targets: [(name: String, dependencies: [Target.Dependency])] = [
        ("FuzzCalendarYAML", ["CalendarFiles", "KalendariumCore"]),
        ("FuzzICalendarReader", ["ICalendar"]),
        ("FuzzMIME", ["Mail", "KalendariumCore"]),
        ("FuzzInboundMail", ["Mail", "Feeds"]),
        ("FuzzSMTPReply", ["Mail"]),
        ("FuzzItemsJSON", ["Server", "CalendarFiles", "KalendariumCore"]),
    ]
    package.targets += [
        .target(name: "CFuzzDriver", path: "Fuzz/CFuzzDriver"),
        .target(
            name: "FuzzSupport", dependencies: ["CFuzzDriver"], path: "Fuzz/FuzzSupport", swiftSettings: strictSettings),
    ]
    for target in targets {
        package.targets.append(
            .executableTarget(
                name: target.name, dependencies: target.dependencies + ["FuzzSupport"], path: "Fuzz/\(target.name)",
                swiftSettings: strictSettings))
    }
}
