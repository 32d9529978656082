import ArgumentParser
import Foundation
import KalendariumApp
import Logging
import Store

/// `--database postgres://…` for the commands that use the store; without it, the
/// SQLite file in the state directory.
struct DatabaseOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "PostgreSQL URL shared by several daemons, e.g. postgres://kalendarium@db.example.org/kalendarium "
                + "(default $KALENDARIUM_DATABASE, else SQLite in the state directory).",
            valueName: "URL"))
    var database: String?

    /// Opens the store `settings` name, runs `body` with it and closes it; a store error
    /// ends the command with its message.
    static func withStore<T: Sendable>(
        _ settings: Settings, _ body: @Sendable (any Store) async throws -> T
    ) async throws -> T {
        do {
            let location = try StoreLocation(database: settings.database, stateDirectory: settings.state)
            return try await location.withStore(logger: KalendariumApplication.logger(level: "warning"), body)
        } catch let error as StoreError {
            StandardError.print("error: \(error.description)")
            throw ExitCode(1)
        }
    }
}
