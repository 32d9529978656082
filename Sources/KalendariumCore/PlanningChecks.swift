/// The planning rules a kalendarium should follow. Breaking one is a warning, not an
/// error: the documents sometimes break them for good reasons (an extra meeting on a
/// Thursday evening), and the data keeps what was decided.
///
/// Each rule is its own function so tests can exercise it alone.
public enum PlanningChecks {
    /// Every warning for `data`, in date order. Assumes `DataValidator` found no errors.
    /// - Parameter externalEvents: events from other calendars (`calendars/external/`) to avoid.
    public static func warnings(in data: CalendarData, externalEvents: [ExternalEvent] = []) -> [Diagnostic] {
        let active = data.meetings.filter { $0.status != .cancelled }
        var all = usualSlot(active, data) + daysOff(active, data) + minimumMeetings(active, data)
        all += preparation(active, data) + overlaps(active, data) + conferenceHosts(data)
        all += externalClashes(active, data, externalEvents) + chairs(active, data)
        return all.sorted { $0.sortKey < $1.sortKey }
    }

    /// Each body elects its chair every year (the agreement, § 3; seed 004, section 6), and
    /// the chair sends the notices: a year with meetings and no chair in the data is a gap.
    static func chairs(_ meetings: [Meeting], _ data: CalendarData) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for body in data.bodies {
            let years = Set(meetings.filter { $0.subject == .body(body.slug) }.map(\.year))
            for year in years.sorted() where body.chairs(in: year) == nil {
                result.append(
                    Diagnostic(
                        .warning, rule: .noChair,
                        "\(body.name) has meetings in \(year) and no chair; add `\(year):` under its chairs "
                            + "in bodies.yaml (the body elects a chair every year)",
                        at: body.location, year: year, subject: body.slug))
            }
        }
        return result
    }

    /// The agreement's usual slots: ledningsgruppen on Fridays 08:30–11:00, the committee
    /// on Thursdays 12:00–15:30. Only ordinary meetings are held to it: extra meetings,
    /// planning conferences and meetings with guests have their own day and time by nature.
    static func usualSlot(_ meetings: [Meeting], _ data: CalendarData) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for meeting in meetings where meeting.kind == .ordinary {
            guard case .body(let slug) = meeting.subject, let body = data.body(slug),
                let day = meeting.schedule.firstDay
            else { continue }
            if day.weekday != body.weekday {
                result.append(
                    Diagnostic(
                        .warning, rule: .weekday,
                        "held on a \(day.weekday.name); \(body.name) meets on \(body.weekday.name)s",
                        at: meeting.location, date: day, subject: slug))
            }
            if case .timed(_, let start, _, let end) = meeting.schedule, start != body.start || end != body.end {
                result.append(
                    Diagnostic(
                        .warning, rule: .time,
                        "held \(start)–\(end); \(body.name) usually meets \(body.start)–\(body.end)",
                        at: meeting.location, date: day, subject: slug))
            }
        }
        return result
    }

    /// No meetings on public holidays, their eves, or in the non-meeting periods (July, Christmas).
    static func daysOff(_ meetings: [Meeting], _ data: CalendarData) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for meeting in meetings {
            for day in meeting.schedule.days {
                if let holiday = SwedishHolidays.holiday(on: day) {
                    result.append(
                        Diagnostic(
                            .warning, rule: .holiday, "falls on \(holiday.kind), a day off",
                            at: meeting.location, date: day, subject: meeting.subject.slug))
                } else if let period = data.rules.nonMeetingPeriods.first(where: { $0.contains(day) }) {
                    result.append(
                        Diagnostic(
                            .warning, rule: .nonMeetingPeriod,
                            "falls in the non-meeting period \"\(period.name)\" (\(period.from)–\(period.to))",
                            at: meeting.location, date: day, subject: meeting.subject.slug))
                }
            }
        }
        return result
    }

    /// The agreement, § 4, and the verksamhetsplan: each body meets at least six times a year.
    /// Only years in which the body has data are counted, so an empty future year is no warning.
    static func minimumMeetings(_ meetings: [Meeting], _ data: CalendarData) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for body in data.bodies {
            let own = meetings.filter { $0.subject == .body(body.slug) }
            for year in Set(own.map(\.year)).sorted() where !data.partialYears.contains(year) {
                let count = own.filter { $0.year == year }.count
                if count < body.minimumMeetingsPerYear {
                    result.append(
                        Diagnostic(
                            .warning, rule: .minimumMeetings,
                            "\(body.name) has \(count) meeting\(count == 1 ? "" : "s") in \(year); "
                                + "the rule is at least \(body.minimumMeetingsPerYear)",
                            at: own.first { $0.year == year }?.location, year: year,
                            subject: body.slug))
                }
            }
        }
        return result
    }

    /// Ledningsgruppen prepares the committee's meetings: each ordinary committee meeting
    /// needs a ledningsgrupp meeting as `rules.yaml`'s `preparation` says (by default one
    /// since the committee's previous meeting, as the 2019 kalendarium does).
    static func preparation(_ meetings: [Meeting], _ data: CalendarData) -> [Diagnostic] {
        var result: [Diagnostic] = []
        let rule = data.rules.preparation
        for body in data.bodies {
            guard let preparer = body.preparedBy else { continue }
            // Ordinary meetings only: a session with guests or a planning conference is not
            // one ledningsgruppen prepares, nor one that starts a new round of preparation.
            let own = meetings.filter {
                $0.subject == .body(body.slug) && $0.kind == .ordinary && $0.schedule.firstDay != nil
            }.sorted { $0.schedule.firstDay! < $1.schedule.firstDay! }
            let preparations = meetings.filter { $0.subject == .body(preparer) }.compactMap(\.schedule.firstDay)
            for (index, meeting) in own.enumerated() {
                let day = meeting.schedule.firstDay!
                let previous = own[..<index].last { $0.schedule.firstDay! < day }?.schedule.firstDay
                guard !preparations.contains(where: { rule.prepares($0, meetingOn: day, previous: previous) }) else {
                    continue
                }
                let name = data.body(preparer)?.name ?? preparer
                result.append(
                    Diagnostic(
                        .warning, rule: .preparation, "no \(name) meeting \(rule) to prepare it",
                        at: meeting.location, date: day, subject: body.slug))
            }
        }
        return result
    }

    /// Two meetings that need the same people at the same time.
    static func overlaps(_ meetings: [Meeting], _ data: CalendarData) -> [Diagnostic] {
        var result: [Diagnostic] = []
        let timed = meetings.compactMap { m in m.schedule.span.map { (m, $0) } }.sorted {
            $0.1.lowerBound < $1.1.lowerBound
        }
        for (i, (a, spanA)) in timed.enumerated() {
            for (b, spanB) in timed[(i + 1)...] {
                if spanB.lowerBound >= spanA.upperBound { break }
                let shared = data.people(of: a.subject).intersection(data.people(of: b.subject))
                guard !shared.isEmpty, spanA.overlaps(spanB) else { continue }
                result.append(
                    Diagnostic(
                        .warning, rule: .overlap,
                        "overlaps \(data.name(of: b.subject)) (\(b.location?.description ?? b.id)); both need "
                            + shared.map(\.rawValue).sorted().joined(separator: ", "),
                        at: a.location, date: a.schedule.firstDay, subject: a.subject.slug))
            }
        }
        return result
    }

    /// Every conference year in the span of the data needs hosts, and a conference held
    /// in a municipality should be held by one of that year's hosts. An event of a moved
    /// conference year (Södertörnskonferensen 2020, held in spring 2021) is checked against
    /// the year it moved from.
    static func conferenceHosts(_ data: CalendarData) -> [Diagnostic] {
        guard let first = data.yearsWithData.first, let last = data.yearsWithData.last else { return [] }
        var result: [Diagnostic] = []
        for conference in data.conferences {
            guard case .municipalities = conference.hostRule,
                let rotation = try? HostRotation(conference: conference, municipalities: data.municipalities)
            else { continue }
            // A moved year's event lies in a later year than its conference year: start early enough.
            let earliest =
                data.meetings.filter { $0.subject == .conference(conference.slug) }
                .map(conference.conferenceYear(of:)).min() ?? first
            for entry in rotation.entries(in: min(first, earliest)...last) {
                if entry.hosts.isEmpty && entry.status != .cancelled {
                    result.append(
                        Diagnostic(
                            .warning, rule: .noHost, "\(conference.name) \(entry.year) has no host: \(entry.reason)",
                            at: conference.location, year: entry.year, subject: conference.slug))
                }
                let held = data.meetings.filter {
                    $0.subject == .conference(conference.slug) && conference.conferenceYear(of: $0) == entry.year
                }
                for meeting in held {
                    if entry.status == .cancelled && meeting.status != .cancelled {
                        result.append(
                            Diagnostic(
                                .warning, rule: .noHost,
                                "\(conference.name) \(entry.year) is cancelled in the rotation but listed as \(meeting.status.rawValue)",
                                at: meeting.location, date: meeting.schedule.firstDay, subject: conference.slug))
                    }
                    if let place = meeting.place?.municipality, !entry.hosts.isEmpty, !entry.hosts.contains(place) {
                        result.append(
                            Diagnostic(
                                .warning, rule: .hostPlace,
                                "held in \(data.municipality(place)?.name ?? place), but the hosts of \(entry.year) are "
                                    + entry.hosts.map { data.municipality($0)?.name ?? $0 }.joined(separator: " and "),
                                at: meeting.location, date: meeting.schedule.firstDay, subject: conference.slug))
                    }
                }
            }
        }
        return result
    }

    /// A meeting on the same day and time as an event in another calendar the members follow.
    static func externalClashes(_ meetings: [Meeting], _ data: CalendarData, _ events: [ExternalEvent]) -> [Diagnostic]
    {
        var result: [Diagnostic] = []
        for meeting in meetings {
            guard let span = meeting.schedule.span else { continue }
            for event in events where event.span.overlaps(span) {
                result.append(
                    Diagnostic(
                        .warning, rule: .externalClash,
                        "clashes with \"\(event.summary)\" in \(event.calendar)",
                        at: meeting.location, date: meeting.schedule.firstDay, subject: meeting.subject.slug))
            }
        }
        return result
    }
}

extension Diagnostic {
    /// Date order; a yearly warning sorts after that year's dated ones.
    var sortKey: SortKey {
        SortKey(
            day: date?.dayNumber ?? year.flatMap { LocalDate(year: $0, month: 12, day: 31)?.dayNumber } ?? .max,
            dated: date != nil ? 0 : 1, subject: subject ?? "", rule: rule)
    }

    struct SortKey: Comparable {
        let day: Int
        let dated: Int
        let subject: String
        let rule: DiagnosticRule

        static func < (a: SortKey, b: SortKey) -> Bool {
            (a.day, a.dated, a.subject, a.rule) < (b.day, b.dated, b.subject, b.rule)
        }
    }
}
