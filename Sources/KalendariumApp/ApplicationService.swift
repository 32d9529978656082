import Hummingbird
import ServiceLifecycle

/// The application as one service of a bigger group, made only when that group
/// starts: its migrations and first load need the services before it in the group
/// (PostgreSQL's connection pool) already running.
struct ApplicationService: Service {
    let make: @Sendable () async throws -> any ApplicationProtocol

    func run() async throws { try await make().run() }
}

/// Its name, for ServiceLifecycle's log of the services it starts. Without it the
/// library describes the value by reflection, every stored property deep: a line of
/// settings in the log and 14 ms of a daemon's start.
extension ApplicationService: CustomStringConvertible {
    var description: String { "ApplicationService" }
}
