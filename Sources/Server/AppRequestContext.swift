public import Foundation
public import Hummingbird
public import NIOCore

/// The request context of every route: Hummingbird's, with the items API's JSON
/// decoding (`ItemsRequestDecoder`: bounded in size and time, errors that say what to
/// fix) and encoding (sorted keys, so answers are stable for scripts and tests).
public struct AppRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's address, for the workspace's per-client limit on sign-in mails.
    public let remoteAddress: SocketAddress?

    public init(source: Source) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// A request body larger than this is refused with 413.
    public var maxUploadSize: Int { 64 * 1024 }

    public var requestDecoder: ItemsRequestDecoder { ItemsRequestDecoder() }

    public var responseEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
