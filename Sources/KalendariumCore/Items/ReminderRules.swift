/// When reminders go out, from the configuration (defaults as the secretariat asked).
public struct ReminderRules: Hashable, Sendable {
    /// Days before an item's due date that its owners are reminded.
    public var itemDaysBefore: [Int]
    /// Days before a meeting that its agenda notice (kallelse) goes out.
    public var agendaDaysBefore: Int
    /// Local time of the daily pass, on working days only.
    public var sendTime: LocalTime

    public init(
        itemDaysBefore: [Int] = [7, 1], agendaDaysBefore: Int = 10, sendTime: LocalTime = LocalTime(hour: 8, minute: 0)!
    ) {
        self.itemDaysBefore = itemDaysBefore
        self.agendaDaysBefore = agendaDaysBefore
        self.sendTime = sendTime
    }
}
