import Hummingbird
import KalendariumCore
import NIOCore

/// A paper's bytes from a request body: at most ``PaperContent/maximumBytes``, refused
/// from its `Content-Length` before anything is read, and otherwise collected only up
/// to the limit (the rest is never buffered), within ``timeout``.
enum PaperUpload {
    /// 20 MiB over a slow line takes a while; a body that trickles for longer is cut off.
    static let timeout = Duration.seconds(120)
    static let limit = PaperContent.maximumBytes

    static func bytes(_ request: Request) async throws -> [UInt8] {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw tooLarge
        }
        do {
            let buffer = try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
                group.addTask { try await request.body.collect(upTo: limit) }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let body = first else {
                    throw APIError(.requestTimeout, "the paper did not arrive within \(timeout.components.seconds) s")
                }
                return body
            }
            return Array(buffer.readableBytesView)
        } catch let error as APIError {
            throw error
        } catch is NIOTooManyBytesError {
            throw tooLarge
        } catch {
            throw APIError(.badRequest, "the request body is malformed: \(error)")
        }
    }

    static var tooLarge: APIError {
        APIError(
            .contentTooLarge,
            "a paper may be at most \(limit / (1024 * 1024)) MiB; put a larger one on a file share and attach a link")
    }
}
