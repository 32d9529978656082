public import KalendariumCore

/// Sends the sign-in mail; the daemon's wiring gives the configured mail transport
/// (the maildir by default), so the server needs no mail code of its own.
public protocol SignInMailing: Sendable {
    /// Mails `link` to `person`; the link works until `expires`.
    func sendSignInLink(to person: Recipient, link: String, expires: UTCInstant) async throws
}

/// Changes to the data files in `calendars/`, made the same validated way as
/// `kalendarium extra`: shown as a diff with `check`'s result first, saved only if
/// the data still loads, comments and order kept; the daemon then reloads.
public protocol CalendarEditing: Sendable {
    /// What `change` would do, without writing anything.
    func preview(_ change: CalendarChange) async -> CalendarEdit
    /// Writes `change` if the file is still at `version` (the preview's) and the data
    /// loads afterwards; reloads the calendar.
    func save(_ change: CalendarChange, version: String) async -> CalendarEdit
    /// The year's plan from the rules and the external calendars, as `kalendarium plan`
    /// makes it; nil when the data does not load.
    func plan(year: Int) async -> YearPlan?
}

/// The workspace's settings.
public struct WorkspaceOptions: Sendable {
    /// How long a session lasts after sign-in.
    public var sessionLifetime: Duration
    /// Cookies get `Secure` (the page is served over HTTPS).
    public var secureCookies: Bool
    /// How long a sign-in link works: 15 minutes.
    public var linkLifetime: Duration
    /// Links mailed to one address within ``limitWindow``, at most.
    public var linksPerAddress: Int
    /// Sign-in requests from one client address within ``limitWindow``, at most.
    public var requestsPerClient: Int
    public var limitWindow: Duration

    public init(
        sessionLifetime: Duration = .seconds(8 * 3600), secureCookies: Bool = false,
        linkLifetime: Duration = .seconds(15 * 60), linksPerAddress: Int = 3, requestsPerClient: Int = 20,
        limitWindow: Duration = .seconds(15 * 60)
    ) {
        self.sessionLifetime = sessionLifetime
        self.secureCookies = secureCookies
        self.linkLifetime = linkLifetime
        self.linksPerAddress = linksPerAddress
        self.requestsPerClient = requestsPerClient
        self.limitWindow = limitWindow
    }
}
