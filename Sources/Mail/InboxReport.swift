/// What one pass over the inbox did, message by message.
public struct InboxReport: Hashable, Sendable {
    /// A message moved aside, where it now is and why.
    public struct Unmatched: Hashable, Sendable {
        public let file: String
        public let reason: String
    }

    /// A message left where it was, to be tried again on the next pass.
    public struct Failure: Hashable, Sendable {
        public let file: String
        public let error: String
    }

    /// The messages recorded, where they now are (in the Done folder).
    public var recorded: [String] = []
    public var unmatched: [Unmatched] = []
    public var failed: [Failure] = []
    /// What went wrong after a message was in its place (the reasons log could not be written).
    public var problems: [String] = []

    public init(
        recorded: [String] = [], unmatched: [Unmatched] = [], failed: [Failure] = [], problems: [String] = []
    ) {
        self.recorded = recorded
        self.unmatched = unmatched
        self.failed = failed
        self.problems = problems
    }

    /// Nothing was waiting.
    public var isEmpty: Bool { recorded.isEmpty && unmatched.isEmpty && failed.isEmpty && problems.isEmpty }
}
