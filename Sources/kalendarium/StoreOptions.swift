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

    /// Runs `body` with the store: PostgreSQL with --database, else SQLite in the state directory.
    func withStore<T: Sendable>(_ body: @Sendable (any Store) async throws -> T) async throws -> T {
        var flags = SettingLayer()
        flags[.state] = state
        flags[.database] = database.database
        return try await DatabaseOption.withStore(try calendars.settings(flags), body)
    }
    var today: LocalDate { StockholmTime.local(WallClock.now()).date }
}
