import Foundation
public import Hummingbird
import NIOCore

/// Hummingbird's request decoding for the items API: the body is collected up to the
/// context's `maxUploadSize` and within `timeout` (a body trickled a byte at a time must
/// not hold a connection, and a task, for ever), then decoded as JSON by
/// `ItemRequests.decode`, whose errors are 400 or 422 with what to fix.
public struct ItemsRequestDecoder: RequestDecoder {
    /// How long a client has to send a request body, with or without a token.
    public static let timeout = Duration.seconds(10)

    public func decode<T: Decodable>(
        _ type: T.Type, from request: Request, context: some RequestContext
    ) async throws
        -> T
    {
        let limit = context.maxUploadSize
        let buffer: ByteBuffer
        do {
            buffer = try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
                group.addTask { try await request.body.collect(upTo: limit) }
                group.addTask {
                    try await Task.sleep(for: Self.timeout)
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let body = first else {
                    throw APIError(
                        .requestTimeout, "the body did not arrive within \(Self.timeout.components.seconds) s")
                }
                return body
            }
        } catch let error as APIError {
            throw error
        } catch is NIOTooManyBytesError {
            throw APIError(.contentTooLarge, "the body is larger than \(limit / 1024) KiB")
        } catch {
            throw APIError(.badRequest, "the request body is malformed: \(error)")
        }
        return try ItemRequests.decode(Data(buffer.readableBytesView))
    }
}
