import Hummingbird
import ServiceLifecycle

/// The application as one service of a bigger group, made only when that group
/// starts: its migrations and first load need the services before it in the group
/// (PostgreSQL's connection pool) already running.
struct ApplicationService: Service {
    let make: @Sendable () async throws -> any ApplicationProtocol

    func run() async throws { try await make().run() }
}
