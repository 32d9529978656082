import HTTPTypes
import Testing

@testable import Server

/// Which requests the event-loop fast path takes; everything else must reach
/// Hummingbird's routes, which the black-box tests (`test_feed_fast_path.py`) compare it to.
@Suite struct FeedFastPathTests {
    func request(_ path: String, method: HTTPRequest.Method = .get, _ fields: HTTPFields = [:]) -> HTTPRequest {
        HTTPRequest(method: method, scheme: nil, authority: "a", path: path, headerFields: fields)
    }

    @Test func plainFeedRequestsAreTaken() {
        #expect(FeedFastPath.feed(request("/calendars/all.ics"))! == ("all.ics", "/calendars/{name}"))
        #expect(
            FeedFastPath.feed(request("/calendars/municipality/huddinge.ics"))!
                == ("municipality/huddinge.ics", "/calendars/municipality/{name}"))
        #expect(FeedFastPath.feed(request("/calendars/all.ics", [.contentLength: "0"])) != nil)
    }

    @Test(arguments: [
        "/calendars/all.ics?token=x", "/calendars/all%2Eics", "/calendars/../all.ics", "/calendars/.ics",
        "/calendars/person/abc.ics", "/calendars/municipality/../all.ics", "/calendars/a/b/c.ics", "/calendars/all",
        "/calendars/all.ics#x", "/", "/healthz",
    ])
    func otherPathsGoToTheRouter(path: String) {
        #expect(FeedFastPath.feed(request(path)) == nil)
    }

    @Test func otherMethodsAndBodiesGoToTheRouter() {
        #expect(FeedFastPath.feed(request("/calendars/all.ics", method: .head)) == nil)
        #expect(FeedFastPath.feed(request("/calendars/all.ics", method: .post)) == nil)
        #expect(FeedFastPath.feed(request("/calendars/all.ics", [.contentLength: "3"])) == nil)
        #expect(FeedFastPath.feed(request("/calendars/all.ics", [.transferEncoding: "chunked"])) == nil)
    }
}
