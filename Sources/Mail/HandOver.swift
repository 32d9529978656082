/// What a sender does around the moment each message is made final (SMTP's
/// end-of-data dot; for maildir and sendmail, the delivery itself).
///
/// The outbox uses it for at-least-once delivery with the smallest window for a
/// duplicate: `prepare` makes sure the message is still this sender's and notes that
/// it is being handed over (throwing withholds it: another sender has it now), and
/// `delivered` records it as sent the moment the server has accepted it (its reply to
/// the end of data), with nothing in between. A sender killed after the dot and before
/// that record leaves the message handed over but unrecorded: the next sender sends it
/// again, flagged uncertain, with the same Message-ID. Recording before the server's
/// answer would instead lose a message the server dropped.
public struct HandOver: Sendable {
    public var prepare: @Sendable (OutgoingMail) async throws -> Void
    public var delivered: @Sendable (OutgoingMail) async -> Void

    public init(
        prepare: @escaping @Sendable (OutgoingMail) async throws -> Void,
        delivered: @escaping @Sendable (OutgoingMail) async -> Void
    ) {
        self.prepare = prepare
        self.delivered = delivered
    }

    /// Nothing before or after.
    public static let none = HandOver(prepare: { _ in }, delivered: { _ in })
}
