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
    ],
    targets: [
        /// The pure domain: no I/O, no clocks. Everything else depends on it.
        .target(name: "KalendariumCore", swiftSettings: strictSettings),
        /// Reading `calendars/` into the core model, with located errors.
        .target(
            name: "CalendarFiles",
            dependencies: ["KalendariumCore", "ICalendar", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        /// libical from the system (Debian: libical-dev).
        .systemLibrary(name: "CLibical", pkgConfig: "libical", providers: [.apt(["libical-dev"])]),
        /// The only Swift code that touches libical pointers.
        .target(name: "ICalendar", dependencies: ["CLibical"], swiftSettings: strictSettings),
        /// The core model as iCalendar feeds, through ICalendar.
        .target(name: "Feeds", dependencies: ["KalendariumCore", "ICalendar"], swiftSettings: strictSettings),
        /// Wiring: configuration, state, feed export (and, later, services).
        .target(
            name: "KalendariumApp", dependencies: ["KalendariumCore", "CalendarFiles", "Feeds"],
            swiftSettings: strictSettings),
        .executableTarget(
            name: "kalendarium",
            dependencies: [
                "KalendariumCore", "CalendarFiles", "Feeds", "KalendariumApp",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "KalendariumCoreTests", dependencies: ["KalendariumCore"], swiftSettings: strictSettings),
        .testTarget(name: "ICalendarTests", dependencies: ["ICalendar"], swiftSettings: strictSettings),
        .testTarget(
            name: "FeedsTests", dependencies: ["Feeds", "ICalendar", "KalendariumCore", "CalendarFiles"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "CalendarFilesTests",
            dependencies: [
                "CalendarFiles", "KalendariumCore", .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
