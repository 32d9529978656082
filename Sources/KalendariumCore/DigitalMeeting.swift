/// A meeting held digitally, with the platform when the documents name it ("Teams").
public struct DigitalMeeting: Hashable, Sendable {
    public let platform: String?

    public init(platform: String? = nil) { self.platform = platform }
}
