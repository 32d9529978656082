public import KalendariumCore
import Mustache

/// The pages of the workspace behind sign-in, each from its own template and inside
/// ``WorkspacePage/layout(title:viewer:section:main:notice:error:)``.
extension WorkspacePage {
    /// One coming meeting on the overview, with the state of its cycle.
    public struct MeetingState: Sendable {
        public let meeting: Meeting
        public let agenda: Agenda?
        public let noticeQueued: Bool
        public let minutes: Minutes?

        public init(meeting: Meeting, agenda: Agenda?, noticeQueued: Bool, minutes: Minutes?) {
            self.meeting = meeting
            self.agenda = agenda
            self.noticeQueued = noticeQueued
            self.minutes = minutes
        }
    }

    public static func overview(
        _ viewer: Viewer, coming: [MeetingState], overdue: [Item], warnings: [Diagnostic], data: CalendarData,
        today: LocalDate, notice: String? = nil
    ) -> String {
        var context: [String: Any] = [
            "hasMeetings": !coming.isEmpty,
            "meetings": coming.map { state -> [String: Any] in
                [
                    "href": "/arbetsyta/moten/\(state.meeting.id)",
                    "title": Swedish.meetingTitle(state.meeting, data).capitalizedFirst,
                    "when": Swedish.when(state.meeting), "agenda": agendaState(state.agenda),
                    "notice": state.noticeQueued ? "skickad" : "inte skickad",
                    "minutes": minutesState(state.minutes),
                ]
            },
            "hasOverdue": !overdue.isEmpty,
            "overdue": overdue.map { item -> [String: Any] in
                [
                    "href": "/arbetsyta/arenden/\(item.id ?? 0)", "title": item.title,
                    "due": item.due.map(Swedish.shortDate) ?? "", "owners": owners(item, data),
                ]
            },
            "hasWarnings": !warnings.isEmpty,
            "warnings": warnings.map { w -> String in
                let subject = w.subject.map { data.body($0)?.name ?? data.conference($0)?.name ?? $0 }
                let when = w.date.map(Swedish.shortDate) ?? w.year.map(String.init)
                return [when, subject].compactMap { $0 }.joined(separator: ", ") + ": " + Swedish.deviation(w)
            },
        ]
        var hosts: [[String: Any]] = []
        for conference in data.conferences {
            guard let rotation = try? HostRotation(conference: conference, municipalities: data.municipalities)
            else { continue }
            for year in today.year...(today.year + 4) {
                guard let entry = rotation.entry(for: year) else { continue }
                hosts.append(["conference": conference.name, "year": year, "hosts": Swedish.hostCell(entry, data)])
            }
        }
        context["hasHosts"] = !hosts.isEmpty
        context["hosts"] = hosts
        return layout(
            title: "Översikt", viewer: viewer, section: .overview,
            main: Templates.workspaceOverview.render(context), notice: notice)
    }

    static func agendaState(_ agenda: Agenda?) -> String {
        guard let agenda, !agenda.points.isEmpty || agenda.isPublished else { return "ingen än" }
        guard let version = agenda.latestVersion else { return "utkast, \(agenda.accepted.count) punkter" }
        let base = "publicerad (version \(version.number))"
        return agenda.hasUnpublishedChanges ? base + ", med opublicerade ändringar" : base
    }

    static func minutesState(_ minutes: Minutes?) -> String {
        guard let minutes else { return "inga än" }
        if minutes.isApproved { return minutes.correction == nil ? "justerade" : "rättas" }
        return "utkast"
    }

    static func owners(_ item: Item, _ data: CalendarData) -> String {
        Swedish.list(item.owners.map { Swedish.owner($0, data) })
    }

    /// A form's fields as they were sent, to show again after a mistake.
    public typealias Fields = [String: String]

    public static func meetings(
        _ viewer: Viewer, year: Int, data: CalendarData, form: Fields = [:], notice: String? = nil,
        error: String? = nil, preview: Change? = nil
    ) -> String {
        let meetings = data.meetings.filter { $0.year == year }.sorted { order($0) < order($1) }
        let context: [String: Any] = [
            "year": year, "previousYear": year - 1, "nextYear": year + 1,
            "next": "/arbetsyta/moten?ar=\(year + 1)", "previous": "/arbetsyta/moten?ar=\(year - 1)",
            "hasMeetings": !meetings.isEmpty,
            "meetings": meetings.map { m -> [String: Any] in
                [
                    "href": "/arbetsyta/moten/\(m.id)", "title": Swedish.meetingTitle(m, data).capitalizedFirst,
                    "when": Swedish.when(m), "place": Swedish.place(m.place, data) ?? "",
                    "status": Swedish.status(m.status) ?? "planerat",
                ]
            },
            "mayEdit": viewer.person.mayEditData, "csrf": viewer.csrf,
            "bodies": data.bodies.map { ["slug": $0.slug, "name": $0.name, "selected": form["organ"] == $0.slug] },
            "municipalities": data.municipalities.map {
                ["slug": $0.slug, "name": $0.name, "selected": form["kommun"] == $0.slug]
            },
            "form": [
                "date": form["datum"] ?? "", "start": form["start"] ?? "", "end": form["slut"] ?? "",
                "venue": form["lokal"] ?? "", "digital": form["digitalt"] ?? "", "note": form["notering"] ?? "",
            ],
        ]
        var main = Templates.workspaceMeetings.render(context)
        if let preview { main = change(preview, csrf: viewer.csrf) + main }
        return layout(
            title: "Möten \(year)", viewer: viewer, section: .meetings, main: main, notice: notice, error: error)
    }

    /// Meetings by day and time; undated conferences at the end of their year.
    static func order(_ m: Meeting) -> (Int, Int) {
        switch m.schedule {
        case .timed(let day, let start, _, _): (day.dayNumber, start.minutes)
        case .allDay(let day, _): (day.dayNumber, -1)
        case .undated: (Int.max, 0)
        }
    }

    /// A change to `calendars/` shown before it is saved: the file's diff, what
    /// `check` says, and a form that sends the same fields again to save it.
    public struct Change: Sendable {
        public let file: String
        public let diff: [LineDiff.Line]
        public let errors: [String]
        public let warnings: [String]
        /// Where the save form goes, and the fields it sends again.
        public let action: String
        public let fields: [(String, String)]
        /// The file's version the diff was made against: a save refuses a file changed since.
        public let version: String

        public init(
            file: String, diff: [LineDiff.Line], errors: [String], warnings: [String], action: String,
            fields: [(String, String)], version: String
        ) {
            self.file = file
            self.diff = diff
            self.errors = errors
            self.warnings = warnings
            self.action = action
            self.fields = fields
            self.version = version
        }
    }

    static func change(_ change: Change, csrf: String, button: String = "Spara ändringen") -> String {
        Templates.workspaceChange.render([
            "file": change.file, "hasErrors": !change.errors.isEmpty, "errors": change.errors,
            "hasWarnings": !change.warnings.isEmpty, "warnings": change.warnings,
            "diff": change.diff.map { line -> [String: Any] in
                switch line {
                case .same(let text): ["kind": "same", "text": "  " + text]
                case .added(let text): ["kind": "add", "text": "+ " + text]
                case .removed(let text): ["kind": "del", "text": "- " + text]
                case .gap: ["kind": "same", "text": "  …"]
                }
            },
            "action": change.action, "csrf": csrf, "version": change.version, "button": button,
            "fields": change.fields.filter { $0.0 != "csrf" && $0.0 != "steg" && $0.0 != "version" }.map {
                ["name": $0.0, "value": $0.1]
            },
        ])
    }

    public static func meeting(
        _ viewer: Viewer, _ meeting: Meeting, data: CalendarData, pageURL: String, audit: [AuditEntry],
        answerURL: String? = nil, notice: String? = nil, error: String? = nil, preview: Change? = nil
    ) -> String {
        var start = "", end = "", date = ""
        switch meeting.schedule {
        case .timed(let sd, let s, _, let e):
            date = "\(sd)"
            start = "\(s)"
            end = "\(e)"
        case .allDay(let first, _): date = "\(first)"
        case .undated: break
        }
        let context: [String: Any] = [
            "title": Swedish.meetingTitle(meeting, data).capitalizedFirst, "when": Swedish.when(meeting),
            "place": Swedish.place(meeting.place, data) as Any, "status": Swedish.status(meeting.status) ?? "planerat",
            "agendaHref": "/arbetsyta/moten/\(meeting.id)/dagordning",
            "minutesHref": "/arbetsyta/moten/\(meeting.id)/minnesanteckningar",
            "pageHref": MeetingPage.url(pageURL: pageURL, meeting: meeting.id),
            "mayEdit": viewer.person.mayEditData, "csrf": viewer.csrf,
            "action": "/arbetsyta/moten/\(meeting.id)", "cancelled": meeting.status == .cancelled,
            "date": date, "start": start, "end": end, "venue": meeting.place?.venue ?? "",
            "digital": meeting.place?.digital.map { $0.platform ?? "ja" } ?? "",
            "municipalities": data.municipalities.map {
                ["slug": $0.slug, "name": $0.name, "selected": meeting.place?.municipality == $0.slug]
            },
            "hasAudit": !audit.isEmpty, "audit": audit.map(auditRow), "answerHref": answerURL as Any,
        ]
        var main = Templates.workspaceMeeting.render(context)
        if let preview { main = change(preview, csrf: viewer.csrf) + main }
        return layout(
            title: Swedish.meetingTitle(meeting, data).capitalizedFirst, viewer: viewer, section: .meetings,
            main: main, notice: notice, error: error)
    }

    static func auditRow(_ entry: AuditEntry) -> [String: Any] {
        var row: [String: Any] = ["at": Swedish.localTime(entry.at), "who": entry.email, "action": entry.action]
        if !entry.detail.isEmpty { row["detail"] = entry.detail }
        return row
    }
}
