// Serves one file at every path with plain SwiftNIO: the least a Swift server on NIO
// can do per request (parse the head, compare If-None-Match, write a prepared head and
// one shared buffer), so `bench/serve.sh` can say how far kalendarium is from it.
// Usage: nio-ceiling FILE PORT ETAG
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

let arguments = CommandLine.arguments
guard arguments.count == 4, let port = Int(arguments[2]), let file = FileManager.default.contents(atPath: arguments[1])
else {
    FileHandle.standardError.write(Data("usage: nio-ceiling FILE PORT ETAG\n".utf8))
    exit(2)
}
let etag = arguments[3]

/// Answers each request from the one buffer, and 304 when the ETag matches.
final class FileHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let body: ByteBuffer
    let etag: String

    init(body: ByteBuffer, etag: String) {
        self.body = body
        self.etag = etag
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(let request) = unwrapInboundIn(data) else { return }
        let matches = request.headers["If-None-Match"].contains(etag)
        var headers = HTTPHeaders([("Content-Type", "text/calendar; charset=utf-8"), ("ETag", etag)])
        headers.add(name: "Content-Length", value: matches ? "0" : String(body.readableBytes))
        let head = HTTPResponseHead(version: request.version, status: matches ? .notModified : .ok, headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if !matches { context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil) }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }
}

let body = ByteBuffer(bytes: file)
let group = MultiThreadedEventLoopGroup.singleton
let channel = try ServerBootstrap(group: group)
    .serverChannelOption(.backlog, value: 256)
    .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
    .childChannelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.configureHTTPServerPipeline()
            try channel.pipeline.syncOperations.addHandler(FileHandler(body: body, etag: etag))
        }
    }
    .bind(host: "127.0.0.1", port: port).wait()
try channel.closeFuture.wait()
