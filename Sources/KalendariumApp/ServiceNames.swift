// The services' names, for ServiceLifecycle's log of the services it starts. Without
// them the library describes each struct by reflection, every stored property deep: a
// line of settings (paths, addresses) in the log and 14 ms of a daemon's start. An
// actor (`CalendarWatcher`) is printed by its type name already.

extension ApplicationService: CustomStringConvertible {
    var description: String { "ApplicationService" }
}

extension ReminderService: CustomStringConvertible {
    public var description: String { "ReminderService" }
}

extension SystemdService: CustomStringConvertible {
    public var description: String { "SystemdService" }
}

extension AnswerInboxService: CustomStringConvertible {
    public var description: String { "AnswerInboxService" }
}
