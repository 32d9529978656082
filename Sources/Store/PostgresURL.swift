import Foundation
import NIOSSL
import PostgresNIO

/// Reads `postgres://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=…` (also `postgresql://`),
/// the form libpq and psql take. A password may instead come from `$PGPASSWORD`.
enum PostgresURL {
    static func configuration(
        _ url: String, environment: [String: String] = ProcessInfo.processInfo.environment
    )
        throws -> PostgresClient.Configuration
    {
        guard let parts = URLComponents(string: url), parts.scheme == "postgres" || parts.scheme == "postgresql"
        else {
            throw StoreError(
                "\"\(redacted(url))\" is not a PostgreSQL URL; write postgres://USER:PASSWORD@HOST:5432/DATABASE")
        }
        guard let user = parts.user, !user.isEmpty else {
            throw StoreError("\(redacted(url)) names no user; write postgres://USER@HOST/DATABASE")
        }
        let password = parts.password?.removingPercentEncoding ?? environment["PGPASSWORD"]
        let database = parts.path.isEmpty ? nil : String(parts.path.dropFirst())
        let query = Dictionary(
            (parts.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        let tls: PostgresClient.Configuration.TLS
        switch query["sslmode"] ?? "prefer" {
        case "disable": tls = .disable
        case "prefer", "allow": tls = .prefer(.makeClientConfiguration())
        case "require", "verify-ca", "verify-full": tls = .require(.makeClientConfiguration())
        case let other:
            throw StoreError("sslmode=\(other) is not one of disable, prefer, require, verify-full")
        }
        var configuration: PostgresClient.Configuration
        if let socket = query["host"], socket.hasPrefix("/") {
            // libpq's way to name a Unix socket directory: ?host=/run/postgresql
            let port = parts.port ?? 5432
            configuration = .init(
                unixSocketPath: "\(socket)/.s.PGSQL.\(port)", username: user.removingPercentEncoding ?? user,
                password: password, database: database)
        } else {
            guard let host = parts.host, !host.isEmpty else {
                throw StoreError("\(redacted(url)) names no host; write postgres://USER@HOST:5432/DATABASE")
            }
            configuration = .init(
                host: host, port: parts.port ?? 5432, username: user.removingPercentEncoding ?? user,
                password: password, database: database, tls: tls)
        }
        configuration.options.maximumConnections = Int(query["pool"] ?? "") ?? 10
        configuration.options.connectTimeout = .seconds(try connectTimeout(url))
        return configuration
    }

    /// libpq's `connect_timeout` (seconds, default 30): how long to wait for the
    /// database when starting, before giving up with a message.
    static func connectTimeout(_ url: String) throws -> Int {
        let value = URLComponents(string: url)?.queryItems?.first { $0.name == "connect_timeout" }?.value
        guard let value else { return 30 }
        guard let seconds = Int(value), seconds > 0 else {
            throw StoreError("connect_timeout=\(value) is not a number of seconds")
        }
        return seconds
    }

    /// The URL with any password replaced, for messages and logs.
    static func redacted(_ url: String) -> String {
        guard let scheme = url.range(of: "://"), let at = url.range(of: "@", range: scheme.upperBound..<url.endIndex),
            let colon = url[scheme.upperBound..<at.lowerBound].firstIndex(of: ":")
        else { return url }
        return String(url[..<colon]) + ":***" + String(url[at.lowerBound...])
    }
}
