import KalendariumCore

/// Readers for the files that define the cooperation: municipalities, bodies and
/// networks, conferences, and the planning rules. The schema is `calendars/README.md`.
enum DefinitionFiles {
    static func municipalities(_ doc: YAMLValue, into diagnostics: inout [Diagnostic]) -> [Municipality] {
        entries(doc, list: "municipalities", into: &diagnostics) { (item) throws(FileError) in
            let f = try item.fields("a municipality", allowed: ["slug", "name", "member-from", "member-until"])
            let from = try f.required("member-from").int("the first member year", in: 1900...2200)
            return Municipality(
                slug: try slug(f.required("slug")), name: try f.required("name").string("a name"),
                memberFrom: from, lastDay: try f["member-until"].map { (v) throws(FileError) in try lastDay(v, from) },
                location: item.location)
        }
    }

    /// `member-until: 2031` (member to the end of 2031) or `member-until: 2031-05-31`
    /// (the last day of a notice period, agreement § 2).
    private static func lastDay(_ value: YAMLValue, _ from: Int) throws(FileError) -> LocalDate {
        let text = try value.scalar("the last member year or day")
        let day: LocalDate
        if text.contains("-") {
            day = try value.date()
        } else {
            day = LocalDate(
                year: try value.int("the last member year (or day, YYYY-MM-DD)", in: from...2200), month: 12, day: 31)!
        }
        guard day.year >= from else {
            throw value.fail("member-until \(text) is before member-from \(from)")
        }
        return day
    }

    static func bodies(_ doc: YAMLValue, into diagnostics: inout [Diagnostic]) -> [Body] {
        entries(doc, list: "bodies", into: &diagnostics) { (item) throws(FileError) in
            let f = try item.fields(
                "a body",
                allowed: [
                    "slug", "name", "weekday", "time", "minimum-meetings-per-year", "members", "attendees",
                    "prepared-by", "chairs", "color", "visibility", "minutes-adjuster",
                ])
            let (start, end) = try f.required("time").timeRange()
            guard start < end else { throw try f.required("time").fail("the usual time ends before it starts") }
            var body = Body(
                slug: try slug(f.required("slug")), name: try f.required("name").string("a name"),
                weekday: try f.required("weekday").oneOf(Weekday.self, "weekday"), start: start, end: end,
                minimumMeetingsPerYear: try f.required("minimum-meetings-per-year").int(
                    "a number of meetings", in: 0...366),
                members: Set(try roles(f.required("members"))), attendees: Set(try f["attendees"].map(roles) ?? []),
                preparedBy: try f["prepared-by"].map { (v) throws(FileError) in try slug(v) },
                chairs: try f["chairs"].map(chairTerms) ?? [], color: try f["color"].map(color),
                visibility: try f["visibility"]?.oneOf(Visibility.self, "visibility") ?? .public,
                location: item.location)
            body.minutesAdjuster = try f["minutes-adjuster"]?.string("a name")
            return body
        }
    }

    /// `chairs:` of a body: `2019: {chair: …, vice-chair: …}` per year.
    private static func chairTerms(_ value: YAMLValue) throws(FileError) -> [ChairTerm] {
        try value.pairs("chairs by year (2019: {chair: …, vice-chair: …})").map { (key, term) throws(FileError) in
            let f = try term.fields("the chairs of a year", allowed: ["chair", "vice-chair"])
            return ChairTerm(
                year: try key.int("a year", in: 1900...2200), chair: try chairperson(f.required("chair")),
                viceChair: try f["vice-chair"].map(chairperson), location: key.location)
        }
    }

    /// A chair as `Meeri Wasberg` or `{name: Meeri Wasberg, municipality: haninge}`.
    static func chairperson(_ value: YAMLValue) throws(FileError) -> Chairperson {
        guard value.isMapping else { return Chairperson(name: try value.string("a name")) }
        let f = try value.fields("a chair", allowed: ["name", "municipality"])
        return Chairperson(
            name: try f.required("name").string("a name"),
            municipality: try f["municipality"].map { (v) throws(FileError) in try slug(v) })
    }

    static func networks(_ doc: YAMLValue, into diagnostics: inout [Diagnostic]) -> [Network] {
        entries(doc, list: "networks", optional: true, into: &diagnostics) { (item) throws(FileError) in
            let f = try item.fields("a network", allowed: ["slug", "name"])
            return Network(
                slug: try slug(f.required("slug")), name: try f.required("name").string("a name"),
                location: item.location)
        }
    }

    static func conferences(_ doc: YAMLValue, into diagnostics: inout [Diagnostic]) -> [Conference] {
        entries(doc, list: "conferences", into: &diagnostics) { (item) throws(FileError) in
            let f = try item.fields(
                "a conference",
                allowed: [
                    "slug", "name", "hosts-per-year", "network", "every", "first-year", "season", "participants",
                    "history", "overrides", "color",
                ])
            let rule: HostRule
            switch (f["hosts-per-year"], f["network"]) {
            case (let count?, nil): rule = .municipalities(count: try count.int("a number of hosts", in: 1...8))
            case (nil, let network?): rule = .network(try slug(network))
            default:
                throw item.fail("a conference needs either \"hosts-per-year\" (municipalities in turn) or \"network\"")
            }
            var history: [HostRecord] = []
            for (key, value) in try f["history"]?.pairs("a host history (year: [hosts])") ?? [] {
                history.append(
                    HostRecord(
                        year: try key.int("a year", in: 1900...2200),
                        hosts: try value.list("hosts").map { (v) throws(FileError) in try slug(v) },
                        location: key.location))
            }
            let overrides = try (f["overrides"]?.list("overrides") ?? []).map(override)
            return Conference(
                slug: try slug(f.required("slug")), name: try f.required("name").string("a name"), hostRule: rule,
                interval: try f["every"]?.int("a number of years", in: 1...10) ?? 1,
                firstYear: try f["first-year"]?.int("a year", in: 1900...2200),
                season: try f["season"]?.oneOf(Season.self, "season"), history: history, overrides: overrides,
                participants: Set(try f["participants"].map(roles) ?? []), color: try f["color"].map(color),
                location: item.location)
        }
    }

    private static func override(_ item: YAMLValue) throws(FileError) -> RotationOverride {
        let f = try item.fields(
            "an override", allowed: ["year", "swap", "cancelled", "digital", "hosts", "moved-to", "note"])
        let note = try f["note"]?.string("a note")
        if let swap = f["swap"] {
            let years = try swap.list("two years").map { (v) throws(FileError) in try v.int("a year", in: 1900...2200) }
            guard years.count == 2, years[0] != years[1] else {
                throw swap.fail("swap takes two different years: [2027, 2028]")
            }
            return RotationOverride(.swap(years[0], years[1]), note: note, location: item.location)
        }
        let year = try f.required("year").int("a year", in: 1900...2200)
        if let hosts = f["hosts"] {
            return RotationOverride(
                .hosts(year, try hosts.list("hosts").map { (v) throws(FileError) in try slug(v) }),
                note: note, location: item.location)
        }
        if let cancelled = f["cancelled"], try cancelled.bool("cancelled") {
            return RotationOverride(.cancelled(year), note: note, location: item.location)
        }
        if let digital = f["digital"], try digital.bool("digital") {
            return RotationOverride(.digital(year), note: note, location: item.location)
        }
        if let moved = f["moved-to"] {
            return RotationOverride(.moved(year, to: try move(moved, from: year)), note: note, location: item.location)
        }
        throw item.fail("an override needs one of: swap, hosts, cancelled: true, digital: true, moved-to")
    }

    /// `moved-to: {year: 2021, season: spring}`: when the year's conference took place instead.
    private static func move(_ value: YAMLValue, from year: Int) throws(FileError) -> ConferenceMove {
        let m = try value.fields("moved-to ({year: 2021, season: spring})", allowed: ["year", "season"])
        // Not before the conference year: an event held early belongs to the year it is held in.
        return ConferenceMove(
            year: try m.required("year").int("the year it took place (not before \(year))", in: year...2200),
            season: try m.required("season").oneOf(Season.self, "season"))
    }

    static func rules(_ doc: YAMLValue) throws(FileError) -> PlanningRules {
        let f = try doc.fields(
            "the planning rules",
            allowed: ["non-meeting-periods", "preparation", "preparation-window-days", "planner", "reminders"])
        var rules = PlanningRules()
        if let planner = f["planner"] { rules.planner = try plannerRules(planner) }
        if let reminders = f["reminders"] { rules.reminders = try reminderRules(reminders) }
        if let window = f["preparation-window-days"] {
            rules.preparation = .window(days: try window.int("days", in: 1...90))
        }
        if let preparation = f["preparation"] {
            let text = try preparation.scalar("between-meetings or a number of days")
            if text == "between-meetings" {
                rules.preparation = .betweenMeetings
            } else if let days = Int(text), (1...90).contains(days) {
                rules.preparation = .window(days: days)
            } else {
                throw preparation.fail(
                    "preparation is between-meetings (a ledningsgrupp meeting since the committee's previous one) "
                        + "or a number of days (1–90) before each committee meeting, not \"\(text)\"")
            }
        }
        if let periods = f["non-meeting-periods"] {
            rules.nonMeetingPeriods = try periods.list("periods").map { (item) throws(FileError) in
                let p = try item.fields("a non-meeting period", allowed: ["name", "from", "to"])
                func day(_ key: String) throws(FileError) -> MonthDay {
                    let v = try p.required(key)
                    guard let d = MonthDay(text: try v.scalar("a day as MM-DD")) else {
                        throw v.fail("expected a day of the year as MM-DD (07-01)")
                    }
                    return d
                }
                return NonMeetingPeriod(
                    name: try p.required("name").string("a name"), from: try day("from"), to: try day("to"))
            }
        }
        return rules
    }

    private static func reminderRules(_ value: YAMLValue) throws(FileError) -> ReminderRules {
        let f = try value.fields(
            "the reminder rules",
            allowed: [
                "item-days-before", "agenda-days-before", "send-time", "agenda-missing-days-before",
                "update-quiet-minutes", "answer-reminder-working-days-before",
            ])
        var rules = ReminderRules()
        if let days = f["item-days-before"] {
            rules.itemDaysBefore = try days.list("days").map { (v) throws(FileError) in try v.int("days", in: 0...365) }
        }
        if let days = f["agenda-days-before"] { rules.agendaDaysBefore = try days.int("days", in: 0...365) }
        if let days = f["agenda-missing-days-before"] {
            rules.agendaMissingDaysBefore = try days.int("days", in: 0...365)
        }
        if let minutes = f["update-quiet-minutes"] {
            rules.updateQuietMinutes = try minutes.int("minutes", in: 0...1440)
        }
        if let days = f["answer-reminder-working-days-before"] {
            rules.answerReminderWorkingDaysBefore = try days.int("working days", in: 0...60)
        }
        if let time = f["send-time"] {
            guard let t = LocalTime(text: try time.scalar("a time as HH:MM")) else {
                throw time.fail("expected a time as HH:MM")
            }
            rules.sendTime = t
        }
        return rules
    }

    private static func plannerRules(_ value: YAMLValue) throws(FileError) -> PlannerRules {
        let f = try value.fields(
            "the planner rules",
            allowed: [
                "sportlov-weeks", "easter-break", "avoid-bridge-days", "planning-conferences", "committee-host-order",
                "conference-weekday",
            ])
        var rules = PlannerRules()
        if let weeks = f["sportlov-weeks"] {
            rules.sportlovWeeks = try weeks.list("ISO weeks").map { (v) throws(FileError) in
                try v.int("an ISO week", in: 1...53)
            }
        }
        if let easter = f["easter-break"] {
            rules.easterBreak = try easter.oneOf(PlannerRules.EasterBreak.self, "easter break")
        }
        if let bridge = f["avoid-bridge-days"] { rules.avoidBridgeDays = try bridge.bool("avoid-bridge-days") }
        if let weekday = f["conference-weekday"] {
            rules.conferenceWeekday = try weekday.oneOf(Weekday.self, "weekday")
        }
        if let order = f["committee-host-order"] {
            rules.committeeHostOrder = try order.list("municipalities").map { (v) throws(FileError) in
                let name = try slug(v)
                rules.locations["committee-host-order:\(name)"] = v.location
                return name
            }
        }
        if let conferences = f["planning-conferences"] {
            var result: [String: PlannerRules.PlanningConference] = [:]
            for (key, item) in try conferences.pairs("planning conferences (body: {month, days})") {
                let c = try item.fields("a planning conference", allowed: ["month", "days"])
                rules.locations["planning-conferences:\(try slug(key))"] = key.location
                result[try slug(key)] = PlannerRules.PlanningConference(
                    month: try c.required("month").int("a month", in: 1...12),
                    days: try c["days"]?.int("days", in: 1...3) ?? 1)
            }
            rules.planningConferences = result
        }
        return rules
    }

    // MARK: - Shared pieces

    static func slug(_ value: YAMLValue) throws(FileError) -> String {
        let text = try value.string("a slug")
        guard text.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }) else {
            throw value.fail(
                "\"\(text)\" is not a slug: use lowercase ASCII letters, digits and hyphens (nynashamn, not Nynäshamn)")
        }
        return text
    }

    /// `color: teal`: a CSS3 colour name, as RFC 7986's COLOR requires; a hex value or a
    /// misspelt name would be ignored by the clients, so it is an error here.
    static func color(_ value: YAMLValue) throws(FileError) -> CSSColor {
        let text = try value.string("a colour name")
        guard let color = CSSColor(name: text) else {
            throw value.fail(
                "color \"\(text)\" is not a CSS3 colour name\(Suggestion.hint(for: text, in: CSSColor.names.sorted()))"
                    + "; use a name such as teal, steelblue or darkorange (RFC 7986 COLOR takes names only)")
        }
        return color
    }

    static func roles(_ value: YAMLValue) throws(FileError) -> [Role] {
        try value.list("roles").map { (v) throws(FileError) in try v.oneOf(Role.self, "role") }
    }

    /// Reads each item of the top-level list `list`; a bad item is reported and skipped
    /// so one mistake does not hide the others.
    static func entries<T>(
        _ doc: YAMLValue, list: String, optional: Bool = false, into diagnostics: inout [Diagnostic],
        _ read: (YAMLValue) throws(FileError) -> T
    ) -> [T] {
        do throws(FileError) {
            guard doc.isMapping else { throw doc.fail("expected a top-level \"\(list):\" list") }
            // The directory reader has checked the top-level keys against the file's own list.
            let fields = try doc.fields("this file", allowed: doc.topLevelKeys)
            guard let items = fields[list] else {
                if optional { return [] }
                throw doc.fail("expected a top-level \"\(list):\" list")
            }
            var result: [T] = []
            for item in try items.list(list) {
                do { result.append(try read(item)) } catch { diagnostics.append(error.diagnostic) }
            }
            return result
        } catch {
            diagnostics.append(error.diagnostic)
            return []
        }
    }
}
