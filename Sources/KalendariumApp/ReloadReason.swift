/// Why the calendar is read again; logged with each reload. The new year is more than
/// a label: with several daemons it rebuilds the newest generation as of now, so the
/// host horizon moves even where no file changed; so does a changed agenda, whose
/// point titles the feeds' DESCRIPTIONs carry.
public enum ReloadReason: String, Sendable {
    case start
    case signal = "SIGHUP"
    case filesChanged = "files changed"
    case newYear = "new year"
    case retry = "retry after a failed reload"
    case agendasChanged = "agendas changed"
    case workspace = "changed in the workspace"
}
