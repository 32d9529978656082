import ArgumentParser
import KalendariumApp
import KalendariumCore
import Store

/// The options of a command that works on the store: the calendars it checks
/// against, the state directory and the database.
struct StoreOptions: ParsableArguments {
    @OptionGroup var calendars: CalendarOptions
    @Option(
        help: ArgumentHelp(
            SettingHelp.state + " The database is there unless --database names one.",
            valueName: "DIR"))
    var state: String?
    @OptionGroup var database: DatabaseOption
    @Option(
        help: ArgumentHelp(
            "Act as if it were this time (RFC 3339, 2021-11-10T09:00:00+01:00): the date of history notes and published versions.",
            valueName: "TIME"))
    var now: String?

    /// Runs `body` with the store: PostgreSQL with --database, else SQLite in the state directory.
    func withStore<T: Sendable>(_ body: @Sendable (any Store) async throws -> T) async throws -> T {
        var flags = SettingLayer()
        flags[.state] = state
        flags[.database] = database.database
        return try await DatabaseOption.withStore(try calendars.settings(flags), body)
    }
    /// `--now`, else the wall clock.
    var instant: UTCInstant {
        get throws {
            guard let now else { return WallClock.now() }
            guard let instant = UTCInstant(rfc3339: now) else {
                throw ValidationError("--now \"\(now)\" is not a time as 2021-11-10T09:00:00+01:00")
            }
            return instant
        }
    }

    var today: LocalDate {
        get throws { StockholmTime.local(try instant).date }
    }
}
