/// The working state of one plan: what is taken, what is planned.
struct PlanState {
    let year: Int
    let data: CalendarData
    let rules: PlannerRules
    let externalDays: [LocalDate: String]
    var planned: [PlannedMeeting] = []
    var relaxations: [PlanRelaxation] = []
    var allowBridgeDays = false

    init(year: Int, data: CalendarData, externalEvents: [ExternalEvent]) {
        self.year = year
        self.data = data
        self.rules = data.rules.planner
        var days: [LocalDate: String] = [:]
        for event in externalEvents {
            for day in event.schedule.days where day.year == year { days[day] = event.summary }
        }
        externalDays = days
        planned = data.meetings.filter { $0.year == year }.map {
            PlannedMeeting(meeting: $0, reason: .alreadyInData, isFixed: true)
        }
    }

    var committee: Body? { data.bodies.first { $0.preparedBy != nil } }
    var preparer: Body? { committee.flatMap { data.body($0.preparedBy!) } }

    // MARK: - Days

    /// Whether nothing can be planned on `day`: outside the year, a weekend, a holiday,
    /// a non-meeting period, sportlov, the Easter break, a bridge day (unless allowed),
    /// another calendar's event or another meeting.
    func blocked(_ day: LocalDate) -> Bool {
        day.year != year || day.weekday.isWeekend || SwedishHolidays.holiday(on: day) != nil
            || data.rules.nonMeetingPeriods.contains { $0.contains(day) }
            || rules.sportlovWeeks.contains(day.isoWeek.week) || isEasterBreak(day)
            || (!allowBridgeDays && SwedishHolidays.isBridgeDay(day)) || externalDays[day] != nil
            || planned.contains { $0.meeting.status != .cancelled && $0.meeting.schedule.days.contains(day) }
    }

    func isEasterBreak(_ day: LocalDate) -> Bool {
        let easter = SwedishHolidays.easterSunday(year)
        switch rules.easterBreak {
        case .none: return false
        case .afterEaster: return (1...5).contains(easter.days(to: day))
        case .beforeEaster: return (-6 ... -2).contains(easter.days(to: day))
        }
    }

    func days(of weekday: Weekday, from: LocalDate, to: LocalDate) -> [LocalDate] {
        let first = from.adding(days: (weekday.index - from.weekday.index + 7) % 7)
        return stride(from: 0, through: first.days(to: to), by: 7).map { first.adding(days: $0) }
    }

    func count(_ slug: String, ordinaryOnly: Bool = false) -> Int {
        planned.filter {
            $0.meeting.subject == .body(slug) && $0.meeting.status != .cancelled
                && (!ordinaryOnly || $0.meeting.kind == .ordinary)
        }.count
    }

    mutating func add(_ meeting: Meeting, _ reason: PlanReason, note: PlanNote? = nil) {
        planned.append(PlannedMeeting(meeting: meeting, reason: reason, isFixed: false, note: note))
    }

    // MARK: - Planning conferences

    mutating func planPlanningConferences() {
        for body in data.bodies {
            guard let conf = rules.planningConferences[body.slug],
                !planned.contains(where: {
                    $0.meeting.subject == .body(body.slug) && $0.meeting.kind == .planningConference
                })
            else { continue }
            let monthStart = LocalDate(year: year, month: conf.month, day: 1)!
            let monthEnd = LocalDate(
                year: year, month: conf.month, day: LocalDate.daysIn(month: conf.month, year: year))!
            // Two days lunch to lunch start on a Thursday; one day keeps the body's weekday.
            let startDay: Weekday = conf.days >= 2 ? .thursday : body.weekday
            let start = days(of: startDay, from: monthStart, to: monthEnd).first { first in
                (0..<conf.days).allSatisfy { !blocked(first.adding(days: $0)) }
            }
            guard let start else {
                relaxations.append(
                    .planningConference(
                        body: body.name, days: conf.days, weekday: startDay, month: conf.month, year: year))
                continue
            }
            let schedule: Schedule =
                conf.days >= 2
                ? .timed(
                    startDate: start, start: LocalTime(hour: 12, minute: 0)!,
                    endDate: start.adding(days: conf.days - 1),
                    end: LocalTime(hour: 13, minute: 0)!)
                : .timed(startDate: start, start: body.start, endDate: start, end: body.end)
            add(
                Meeting(subject: .body(body.slug), kind: .planningConference, schedule: schedule),
                .planningConference(weekday: startDay, month: conf.month, days: conf.days),
                note: .planningConference(lunchToLunch: conf.days >= 2))
        }
    }

    // MARK: - Conferences

    mutating func planConferences() {
        for conference in data.conferences {
            guard !planned.contains(where: { $0.meeting.subject == .conference(conference.slug) }),
                let rotation = try? HostRotation(conference: conference, municipalities: data.municipalities),
                let entry = rotation.entry(for: year), entry.status != .cancelled
            else { continue }
            let month = PlanState.targetMonth(conference.season)
            let middle = LocalDate(year: year, month: month, day: 15)!
            let candidates = days(
                of: rules.conferenceWeekday, from: LocalDate(year: year, month: month, day: 1)!,
                to: LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year))!
            )
            .filter { !blocked($0) }
            .sorted { (abs($0.days(to: middle)), $0) < (abs($1.days(to: middle)), $1) }
            guard let day = candidates.first else {
                relaxations.append(
                    .conference(name: conference.name, year: year, weekday: rules.conferenceWeekday, month: month))
                continue
            }
            if let network = entry.network {
                add(
                    Meeting(
                        subject: .conference(conference.slug), schedule: .allDay(first: day, last: day),
                        status: .tentative),
                    .conferenceByNetwork(
                        conference: conference.name, network: network, weekday: rules.conferenceWeekday, month: month),
                    note: .networkDecides(network: network))
            } else {
                add(
                    Meeting(
                        subject: .conference(conference.slug), schedule: .allDay(first: day, last: day),
                        place: entry.hosts.first.map { Place(municipality: $0) }),
                    .conferenceByRotation(
                        conference: conference.name, season: conference.season, hosts: entry.hosts,
                        rotation: entry.reason),
                    note: entry.hosts.count > 1 ? .hosts(entry.hosts) : nil)
            }
        }
    }

    static func targetMonth(_ season: Season?) -> Int {
        switch season {
        case .spring: 4
        case .summer: 6
        case .autumn: 9
        case .winter: 2
        case nil: 10
        }
    }

    // MARK: - Committee meetings and their preparation

    /// Fridays (for a Thursday committee) tried in order: 13 days before as the 2019
    /// kalendarium does, then 6, then 20 and on; each one the preparation rule accepts
    /// (after the committee's previous meeting, or within the window), at most 60 days back.
    func preparationDays(for day: LocalDate, preparer: Body, previous: LocalDate?) -> [LocalDate] {
        let rule = data.rules.preparation
        let reach: Int
        switch rule {
        case .window(let days): reach = days
        case .betweenMeetings: reach = 60
        }
        let offsets = (1...reach).filter { offset in
            let candidate = day.adding(days: -offset)
            return candidate.weekday == preparer.weekday && rule.prepares(candidate, meetingOn: day, previous: previous)
        }
        return offsets.sorted { (abs($0 - 13), $0) < (abs($1 - 13), $1) }.map { day.adding(days: -$0) }
    }

    /// The committee's latest ordinary meeting before `day`: planned this year, or in
    /// earlier years' data (as the check counts them).
    func previousMeeting(of committee: Body, before day: LocalDate) -> LocalDate? {
        (planned.map(\.meeting) + data.meetings.filter { $0.year < year })
            .filter { $0.subject == .body(committee.slug) && $0.kind == .ordinary && $0.status != .cancelled }
            .compactMap(\.schedule.firstDay).filter { $0 < day }.max()
    }

    func existingPreparation(for day: LocalDate, preparer: Body, previous: LocalDate?) -> Bool {
        planned.contains { p in
            guard p.meeting.subject == .body(preparer.slug), p.meeting.status != .cancelled,
                let d = p.meeting.schedule.firstDay
            else { return false }
            return data.rules.preparation.prepares(d, meetingOn: day, previous: previous)
        }
    }

    mutating func planCommitteeAndPreparation() {
        guard let committee, let preparer else { return }
        let needed = committee.minimumMeetingsPerYear - count(committee.slug, ordinaryOnly: true)
        guard needed > 0 else { return }
        let from = LocalDate(year: year, month: 2, day: 1)!
        let to = LocalDate(year: year, month: 12, day: 18)!
        func candidates() -> [LocalDate] {
            days(of: committee.weekday, from: from, to: to).filter { day in
                let previous = previousMeeting(of: committee, before: day)
                return !blocked(day)
                    && (existingPreparation(for: day, preparer: preparer, previous: previous)
                        || preparationDays(for: day, preparer: preparer, previous: previous).contains { !blocked($0) })
            }
        }
        var pool = candidates()
        if pool.count < needed {
            allowBridgeDays = true
            pool = candidates()
            relaxations.append(.bridgeDays(year: year, weekday: committee.weekday, committee: committee.name))
        }
        if pool.count < needed {
            relaxations.append(
                .committeeMinimum(
                    year: year, body: committee.name, planned: pool.count, minimum: committee.minimumMeetingsPerYear,
                    weekday: committee.weekday, from: from, to: to, preparer: preparer.name))
        }
        let chosen = PlanState.spread(pool, count: min(needed, pool.count))
        for (index, day) in chosen.enumerated() {
            add(
                Meeting(
                    subject: .body(committee.slug),
                    schedule: .timed(startDate: day, start: committee.start, endDate: day, end: committee.end)),
                .ordinaryMeeting(number: index + 1, count: chosen.count, weekday: committee.weekday))
            // The meetings chosen before this one are planned by now: the previous is known.
            let previous = previousMeeting(of: committee, before: day)
            if existingPreparation(for: day, preparer: preparer, previous: previous) { continue }
            guard
                let prep = preparationDays(for: day, preparer: preparer, previous: previous).first(where: {
                    !blocked($0)
                })
            else { continue }
            add(
                Meeting(
                    subject: .body(preparer.slug),
                    schedule: .timed(startDate: prep, start: preparer.start, endDate: prep, end: preparer.end)),
                .preparation(committee: committee.name, meeting: day, daysBefore: prep.days(to: day)))
        }
    }

    /// `count` items of `pool` evenly spread by position.
    static func spread(_ pool: [LocalDate], count: Int) -> [LocalDate] {
        guard count > 0, !pool.isEmpty else { return [] }
        return (0..<count).map { i in pool[min(pool.count - 1, (2 * i + 1) * pool.count / (2 * count))] }
    }

    /// A body still short of its minimum gets ordinary meetings in the widest gaps.
    mutating func topUpMinimums() {
        for body in data.bodies {
            var missing = body.minimumMeetingsPerYear - count(body.slug)
            while missing > 0 {
                let taken = planned.filter { $0.meeting.subject == .body(body.slug) && $0.meeting.status != .cancelled }
                    .compactMap { $0.meeting.schedule.firstDay }
                let free = days(
                    of: body.weekday, from: LocalDate(year: year, month: 1, day: 7)!,
                    to: LocalDate(year: year, month: 12, day: 18)!
                ).filter { !blocked($0) }
                guard let best = free.max(by: { gap($0, taken) < gap($1, taken) }) else {
                    relaxations.append(.bodyMinimum(year: year, body: body.name, weekday: body.weekday))
                    break
                }
                add(
                    Meeting(
                        subject: .body(body.slug),
                        schedule: .timed(startDate: best, start: body.start, endDate: best, end: body.end)),
                    .minimum(body: body.name, minimum: body.minimumMeetingsPerYear))
                missing -= 1
            }
        }
    }

    private func gap(_ day: LocalDate, _ taken: [LocalDate]) -> Int {
        taken.map { abs($0.days(to: day)) }.min() ?? Int.max
    }

    // MARK: - Committee hosts

    /// Committee meetings move between the municipalities in turn, as in the 2019 kalendarium.
    mutating func assignCommitteeHosts() {
        guard let committee else { return }
        let members = data.municipalities.filter { $0.isMember(in: year) }.map(\.slug)
        guard !members.isEmpty else { return }
        let order = hostOrder().filter { members.contains($0) }
        let past = data.meetings.filter {
            $0.subject == .body(committee.slug) && $0.year < year && $0.place?.municipality != nil
        }.sorted { $0.schedule.firstDay! < $1.schedule.firstDay! }
        let indices = planned.indices.filter {
            !planned[$0].isFixed && planned[$0].meeting.subject == .body(committee.slug)
        }.sorted { planned[$0].meeting.schedule.firstDay! < planned[$1].meeting.schedule.firstDay! }
        var pointer = 0
        var after = "the start of the turn order"
        if let last = past.last, let slug = last.place?.municipality, let i = order.firstIndex(of: slug) {
            pointer = i + 1 + (year - last.year - 1) * indices.count
            after = "\(data.municipality(slug)?.name ?? slug) (\(last.schedule.firstDay!))"
        }
        for (n, index) in indices.enumerated() {
            let slug = order[((pointer + n) % order.count + order.count) % order.count]
            let old = planned[index]
            let m = old.meeting
            planned[index] = PlannedMeeting(
                meeting: Meeting(
                    subject: m.subject, kind: m.kind, schedule: m.schedule,
                    place: Place(municipality: slug, venue: m.place?.venue, digital: m.place?.digital),
                    status: m.status,
                    note: m.note),
                reason: .hosted(old.reason, host: data.municipality(slug)?.name ?? slug, after: after),
                isFixed: false, note: old.note)
            after = data.municipality(slug)?.name ?? slug
        }
    }

    /// The configured order, else the order in which the data first shows each host.
    func hostOrder() -> [String] {
        if !rules.committeeHostOrder.isEmpty { return rules.committeeHostOrder }
        var order: [String] = []
        for m in data.meetings.sorted(by: {
            ($0.schedule.firstDay ?? .init(dayNumber: 0)) < ($1.schedule.firstDay ?? .init(dayNumber: 0))
        })
        where m.subject == .body(committee?.slug ?? "") {
            if let slug = m.place?.municipality, !order.contains(slug) { order.append(slug) }
        }
        return order + data.municipalities.map(\.slug).filter { !order.contains($0) }.sorted()
    }

    func result() -> [PlannedMeeting] {
        planned.sorted { a, b in
            let da = a.meeting.schedule.firstDay ?? LocalDate(year: year, month: 12, day: 31)!
            let db = b.meeting.schedule.firstDay ?? LocalDate(year: year, month: 12, day: 31)!
            return (da, a.meeting.subject.slug) < (db, b.meeting.subject.slug)
        }
    }
}
