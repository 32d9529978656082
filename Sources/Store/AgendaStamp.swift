/// A cheap summary of every stored agenda that changes whenever one does: how many
/// there are and the sum of their revisions (each change adds one to its agenda's).
/// Daemons poll it to rebuild the feeds after an agenda was changed by the CLI or by
/// another daemon, without reading the documents.
public struct AgendaStamp: Hashable, Sendable, CustomStringConvertible {
    public let count: Int64
    public let revisions: Int64

    public init(count: Int64, revisions: Int64) {
        self.count = count
        self.revisions = revisions
    }

    public var description: String { "\(count) agendas, \(revisions) changes" }
}
