/// Everything Kalendarium remembers between runs, for the code that needs all of it:
/// opening a store (`StoreLocation`), the daemon's wiring and the shared test suite.
/// Every other user takes the narrowest part: the items API an `ItemStore`, the
/// reminder pass an `ItemStore & OutboxStore`, the calendar sync and the sender's lease
/// a `CoordinationStore`, agendas an `AgendaStore` (and the members-only links an `AgendaTokenStore`). SQLite (the embedded default) and PostgreSQL (several
/// machines) implement all three, so they are interchangeable and share one test suite.
public typealias Store = ItemStore & OutboxStore & CoordinationStore & AgendaStore & AgendaTokenStore
    & MinutesStore & AnswerStore & PersonTokenStore & WorkspaceStore
