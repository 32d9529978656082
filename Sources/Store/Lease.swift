public import KalendariumCore

/// A named lease: who has it and until when.
public struct Lease: Hashable, Sendable {
    public let holder: String
    public let until: UTCInstant

    public init(holder: String, until: UTCInstant) {
        self.holder = holder
        self.until = until
    }
}
