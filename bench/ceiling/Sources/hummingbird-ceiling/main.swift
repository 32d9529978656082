// Serves one file at /calendars/all.ics from a bare Hummingbird route (no middleware):
// the framework's own ceiling for this answer, for `bench/serve.sh`.
// Usage: hummingbird-ceiling FILE PORT ETAG
import Foundation
import Hummingbird
import NIOCore
import NIOPosix

let arguments = CommandLine.arguments
guard arguments.count == 4, let port = Int(arguments[2]), let file = FileManager.default.contents(atPath: arguments[1])
else {
    FileHandle.standardError.write(Data("usage: hummingbird-ceiling FILE PORT ETAG\n".utf8))
    exit(2)
}
let etag = arguments[3]
// As `kalendarium serve` does: Swift concurrency on NIO's event loops.
_ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
let body = ByteBuffer(bytes: file)

let router = Router()
router.get("/calendars/all.ics") { request, _ -> Response in
    var headers: HTTPFields = [.contentType: "text/calendar; charset=utf-8", .eTag: etag]
    if request.headers[.ifNoneMatch] == etag {
        headers[.contentLength] = "0"
        return Response(status: .notModified, headers: headers)
    }
    return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: body))
}
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
try await app.runService()
