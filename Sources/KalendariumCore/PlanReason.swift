/// Why the planner chose a meeting's date (and host), written above the meeting in the
/// proposed year file. Typed, so a reader in another language (or a test) gets the
/// facts, not a sentence to pick apart; `description` is the English comment.
public enum PlanReason: Hashable, Sendable, CustomStringConvertible {
    /// Already in the data for that year; kept as it is.
    case alreadyInData
    /// The first free `weekday` of `month`, over `days` days (lunch to lunch when two or more).
    case planningConference(weekday: Weekday, month: Int, days: Int)
    /// A conference a network arranges: tentative on a `weekday` of `month` until the network decides.
    case conferenceByNetwork(conference: String, network: String, weekday: Weekday, month: Int)
    /// A conference in its season, on the hosts the rotation gives.
    case conferenceByRotation(conference: String, season: Season?, hosts: [String], rotation: RotationReason)
    /// Ordinary meeting `number` of `count`, spread evenly over the free `weekday`s.
    case ordinaryMeeting(number: Int, count: Int, weekday: Weekday)
    /// Ledningsgruppen's meeting preparing `committee`'s meeting on `meeting`.
    case preparation(committee: String, meeting: LocalDate, daysBefore: Int)
    /// Brings `body` to its minimum of `minimum` meetings, in the widest gap.
    case minimum(body: String, minimum: Int)
    /// `reason`, and the committee meeting hosted by `host` (a name), next in turn after `after`.
    indirect case hosted(PlanReason, host: String, after: String)

    public var description: String {
        switch self {
        case .alreadyInData:
            "already in the data; kept as it is"
        case .planningConference(let weekday, let month, let days):
            "planning conference: the first free \(weekday.name) of month \(month)"
                + (days >= 2 ? ", lunch to lunch over \(days) days" : "")
        case .conferenceByNetwork(let conference, let network, let weekday, let month):
            "\(conference) is arranged by \(network); a \(weekday.name) in month \(month), "
                + "tentative until the network decides"
        case .conferenceByRotation(let conference, let season, let hosts, let rotation):
            "\(conference) in the \(season?.rawValue ?? "year"); hosts \(hosts.joined(separator: " and ")) "
                + "by the rotation (\(rotation))"
        case .ordinaryMeeting(let number, let count, let weekday):
            "ordinary meeting \(number) of \(count), spread evenly over the free \(weekday.name)s "
                + "from February to mid-December"
        case .preparation(let committee, let meeting, let daysBefore):
            "prepares \(committee)'s meeting of \(meeting) (\(daysBefore) days before)"
        case .minimum(let body, let minimum):
            "brings \(body) to its minimum of \(minimum) meetings; placed in the widest gap"
        case .hosted(let reason, let host, let after):
            "\(reason); hosted by \(host), next in turn after \(after)"
        }
    }
}
