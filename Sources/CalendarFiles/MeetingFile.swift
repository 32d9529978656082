import KalendariumCore

/// Reads a year file (`calendars/2019.yaml`): the meetings and conferences of one year.
enum MeetingFile {
    static let keys = [
        "id", "body", "conference", "kind", "date", "end-date", "time", "all-day", "season", "municipality", "venue",
        "digital", "status", "note", "guests", "chair", "cancelled-on", "cancelled-reason",
    ]

    /// - Parameters:
    ///   - year: the year the file is named after; every meeting must start in it.
    ///   - bodies: the bodies, for their usual time when a meeting gives none.
    static func meetings(_ doc: YAMLValue, year: Int, bodies: [Body], into diagnostics: inout [Diagnostic]) -> [Meeting]
    {
        DefinitionFiles.entries(doc, list: "meetings", into: &diagnostics) { (item) throws(FileError) in
            try meeting(item, year: year, bodies: bodies)
        }
    }

    /// `partial: true`: the file holds only the meetings some document names.
    static func isPartial(_ doc: YAMLValue) throws(FileError) -> Bool {
        try doc.fields("a year file", allowed: ["meetings", "partial"])["partial"]?.bool("partial") ?? false
    }

    static func meeting(_ item: YAMLValue, year: Int, bodies: [Body]) throws(FileError) -> Meeting {
        let f = try item.fields("a meeting", allowed: keys)
        let subject: Meeting.Subject
        switch (f["body"], f["conference"]) {
        case (let body?, nil): subject = .body(try DefinitionFiles.slug(body))
        case (nil, let conference?): subject = .conference(try DefinitionFiles.slug(conference))
        default: throw item.fail("a meeting needs either \"body\" or \"conference\" (not both)")
        }
        let kind = try f["kind"]?.oneOf(Meeting.Kind.self, "kind") ?? (subject.isConference ? .conference : .ordinary)
        let schedule = try schedule(f, subject: subject, year: year, bodies: bodies, item: item)
        if schedule.year != year {
            throw (f["date"] ?? item).fail(
                "a meeting of \(schedule.year) in the file for \(year); move it to \(schedule.year).yaml")
        }
        let digital = try f["digital"].flatMap { (v) throws(FileError) in
            DigitalMeeting(written: try v.string("a platform or true"))
        }
        let status = try f["status"]?.oneOf(Meeting.Status.self, "status") ?? .planned
        let place = Place(
            municipality: try f["municipality"].map { (v) throws(FileError) in try DefinitionFiles.slug(v) },
            venue: try f["venue"]?.string("a venue"), digital: digital)
        return Meeting(
            id: try f["id"].map { (v) throws(FileError) in try DefinitionFiles.slug(v) }, subject: subject, kind: kind,
            schedule: schedule, place: place.isEmpty ? nil : place,
            status: status, note: try f["note"]?.string("a note"),
            guests: try (f["guests"]?.list("guests") ?? []).map { (v) throws(FileError) in try v.string("a guest") },
            chair: try f["chair"].map(DefinitionFiles.chairperson),
            cancellation: try cancellation(f, status: status, schedule: schedule), location: item.location)
    }

    /// `cancelled-on:` (the day it was decided) and `cancelled-reason:` of a cancelled
    /// meeting. They belong to `status: cancelled` only, and a cancellation is decided
    /// before the meeting would have taken place, so a later day is a typo.
    private static func cancellation(
        _ f: Fields, status: Meeting.Status, schedule: Schedule
    ) throws(FileError) -> Cancellation? {
        let on = f["cancelled-on"]
        let reason = f["cancelled-reason"]
        guard on != nil || reason != nil else { return nil }
        guard status == .cancelled else {
            let key = on != nil ? "cancelled-on" : "cancelled-reason"
            throw (on ?? reason)!.fail("\(key) belongs to a cancelled meeting; add \"status: cancelled\" or remove it")
        }
        let decided = try on?.date()
        if let decided, let last = schedule.lastDay, decided > last {
            throw on!.fail(
                "cancelled-on \(decided) is after the meeting (\(last)); give the day the cancellation was decided")
        }
        return Cancellation(decided: decided, reason: try reason?.string("a reason for the cancellation"))
    }

    /// Date, optional end date and time. A body's meeting without a time takes the body's
    /// usual slot; a conference without one is all-day; one without a date has a season.
    private static func schedule(
        _ f: Fields, subject: Meeting.Subject, year: Int, bodies: [Body], item: YAMLValue
    ) throws(FileError) -> Schedule {
        guard let dateValue = f["date"] else {
            if f["time"] != nil || f["end-date"] != nil { throw item.fail("a meeting with a time needs a date") }
            guard let season = f["season"] else {
                throw item.fail("a meeting needs a date (or, while undecided, a season)")
            }
            return .undated(year: year, season: try season.oneOf(Season.self, "season"))
        }
        if let season = f["season"] { throw season.fail("give either a date or a season, not both") }
        let first = try dateValue.date()
        let last = try f["end-date"]?.date() ?? first
        if let allDay = f["all-day"], try allDay.bool("all-day") {
            if f["time"] != nil { throw allDay.fail("an all-day meeting has no time") }
            return .allDay(first: first, last: last)
        }
        if let time = f["time"] {
            let (start, end) = try time.timeRange()
            return .timed(startDate: first, start: start, endDate: last, end: end)
        }
        if case .body(let slug) = subject, let body = bodies.first(where: { $0.slug == slug }) {
            return .timed(startDate: first, start: body.start, endDate: last, end: body.end)
        }
        return .allDay(first: first, last: last)
    }
}

extension Meeting.Subject {
    var isConference: Bool {
        if case .conference = self { return true }
        return false
    }
}
