/// What became of one received message, as the caller of `MaildirInbox.process` decides.
public enum InboxVerdict: Hashable, Sendable {
    /// Read and recorded: the message moves to the Done folder.
    case recorded
    /// Not an answer Kalendarium can match: the message moves to the Unmatched folder
    /// with `reason`, for a person to read.
    case unmatched(reason: String)
}
