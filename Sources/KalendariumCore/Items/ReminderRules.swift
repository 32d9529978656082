/// When reminders go out, from the configuration (defaults as the secretariat asked).
public struct ReminderRules: Hashable, Sendable {
    /// Days before an item's due date that its owners are reminded.
    public var itemDaysBefore: [Int]
    /// Days before a meeting that its agenda notice (kallelse) goes out.
    public var agendaDaysBefore: Int
    /// Local time of the daily pass, on working days only.
    public var sendTime: LocalTime
    /// Days before a meeting that the secretariat and the chair are reminded when its
    /// agenda is not published (and again on the notice day). Boardeaser's rule: 14.
    public var agendaMissingDaysBefore: Int
    /// How long a published agenda must rest before an updated kallelse goes out, so
    /// that several edits in a row make one mail.
    public var updateQuietMinutes: Int
    /// How long after approval minutes are still e-mailed (after downtime): older
    /// approved minutes are not sent out of the blue.
    public var minutesDaysToSend: Int = 30
    /// Working days before a meeting that members who have not answered its kallelse
    /// get one reminder, and the chair and the secretariat a warning if the quorum
    /// forecast falls short.
    public var answerReminderWorkingDaysBefore: Int = 3

    public init(
        itemDaysBefore: [Int] = [7, 1], agendaDaysBefore: Int = 10,
        sendTime: LocalTime = LocalTime(hour: 8, minute: 0)!,
        agendaMissingDaysBefore: Int = 14, updateQuietMinutes: Int = 60
    ) {
        self.itemDaysBefore = itemDaysBefore
        self.agendaDaysBefore = agendaDaysBefore
        self.sendTime = sendTime
        self.agendaMissingDaysBefore = agendaMissingDaysBefore
        self.updateQuietMinutes = updateQuietMinutes
    }
}
