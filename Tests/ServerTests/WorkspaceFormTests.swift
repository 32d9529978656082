import Testing

@testable import Server

/// The workspace's form readers: a browser's multipart upload, and the per-client limit.
@Suite struct WorkspaceFormTests {
    static func body(_ parts: [String], boundary: String = "----b0undary") -> [UInt8] {
        Array((parts.map { "--\(boundary)\r\n\($0)\r\n" }.joined() + "--\(boundary)--\r\n").utf8)
    }

    @Test func aBrowsersUploadIsReadWithItsFieldsAndFile() throws {
        let boundary = try #require(MultipartForm.boundary("multipart/form-data; boundary=\"----b0undary\""))
        let form = try #require(
            MultipartForm(
                Self.body([
                    "Content-Disposition: form-data; name=\"csrf\"\r\n\r\nabc",
                    "Content-Disposition: form-data; name=\"punkt\"\r\n\r\n2",
                    "Content-Disposition: form-data; name=\"fil\"; filename=\"C:\\\\Users\\\\x\\\\Budget.pdf\"\r\n"
                        + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--not-the-boundary",
                ]), boundary: boundary))
        #expect(form.fields.map(\.0) == ["csrf", "punkt"] && form.fields.map(\.1) == ["abc", "2"])
        let file = try #require(form.files["fil"])
        #expect(file.filename == "Budget.pdf")
        #expect(String(decoding: file.bytes, as: UTF8.self) == "%PDF-1.4\r\n--not-the-boundary")
    }

    @Test func malformedBodiesAreRefused() {
        #expect(MultipartForm.boundary("application/x-www-form-urlencoded") == nil)
        #expect(MultipartForm.boundary("multipart/form-data") == nil)
        #expect(MultipartForm(Array("no parts at all".utf8), boundary: "b") == nil)
        // A part without its blank line, and a part without a name.
        #expect(
            MultipartForm(Self.body(["Content-Disposition: form-data; name=\"a\""], boundary: "b"), boundary: "b")
                == nil)
        #expect(
            MultipartForm(Self.body(["Content-Disposition: form-data\r\n\r\nx"], boundary: "b"), boundary: "b") == nil)
        // More parts than a form has.
        let many = Self.body(
            Array(repeating: "Content-Disposition: form-data; name=\"a\"\r\n\r\nx", count: 30), boundary: "b")
        #expect(MultipartForm(many, boundary: "b") == nil)
    }

    @Test func theClientLimitCountsInItsWindow() {
        let limit = ClientLimit(limit: 2, window: .seconds(60), maximumKeys: 2)
        let start = ContinuousClock.now
        #expect(limit.allow("a", at: start) && limit.allow("a", at: start))
        #expect(!limit.allow("a", at: start + .seconds(30)))
        #expect(limit.allow("a", at: start + .seconds(61)))
        #expect(limit.allow("b", at: start) && limit.allow("c", at: start + .seconds(1)))
    }
}
