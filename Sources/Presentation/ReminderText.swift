public import KalendariumCore
import Mustache

/// The Swedish subject and text of a reminder e-mail; the text's shape is the
/// template `Templates/reminder.txt.mustache`.
public enum ReminderText {
    /// The subject of the unsubscribe e-mail the `List-Unsubscribe` header asks for.
    public static let unsubscribeSubject = "avregistrera"

    public static func subject(_ envelope: ReminderPass.Envelope, data: CalendarData) -> String {
        let reminders = envelope.reminders
        if reminders.count == 1, let only = reminders.first {
            switch only.subject {
            case .itemDue(let item, let days): return "Påminnelse: \(item.title) – \(Swedish.dueIn(days: days))"
            case .itemOverdue(let item, _): return "Försenat ärende: \(item.title)"
            case .agenda(let meeting, _): return "Kallelse: \(Swedish.meetingTitle(meeting, data))"
            case .digest: return "Dagens sammanställning av utestående ärenden"
            case .notice(let meeting, let notice, _):
                return
                    "\(notice.updates == nil ? "Kallelse" : "Uppdaterad kallelse"): \(Swedish.meetingTitle(meeting, data))"
            case .agendaMissing(let meeting, _):
                return "Dagordningen är inte publicerad: \(Swedish.meetingTitle(meeting, data))"
            case .minutes(let meeting, _, let version, _):
                return "Minnesanteckningar: \(Swedish.meetingTitle(meeting, data))"
                    + (version.number > 1 ? " (rättade, version \(version.number))" : "")
            case .proposalAnswer(let meeting, let point):
                return "Ditt förslag till \(Swedish.meetingTitle(meeting, data)): "
                    + (point.state == .accepted ? "med på dagordningen" : "inte med på dagordningen")
            case .answerReminder(let meeting):
                return "Svara på kallelsen: \(Swedish.meetingTitle(meeting, data))"
            case .quorumWarning(let meeting, _):
                return "Risk att mötet inte blir beslutfört: \(Swedish.meetingTitle(meeting, data))"
            }
        }
        return "\(Swedish.organisation): \(reminders.count) påminnelser"
    }

    /// The recipient's own links, worked out by the caller (this target knows no crypto
    /// and no store).
    public struct Links {
        /// The token for a meeting's page and papers: for a members-only body, and for the
        /// secretariat and the chair, whose page shows the answers.
        public var page: (Meeting) -> String?
        /// The token of the person's answer links to a meeting's kallelse.
        public var answer: (Meeting) -> String?
        /// The person's own calendar (`/calendars/person/{token}.ics`), in every mail's footer.
        public var calendar: String?

        public init(
            page: @escaping (Meeting) -> String? = { _ in nil }, answer: @escaping (Meeting) -> String? = { _ in nil },
            calendar: String? = nil
        ) {
            self.page = page
            self.answer = answer
            self.calendar = calendar
        }
    }

    public static func body(
        _ envelope: ReminderPass.Envelope, data: CalendarData, pageURL: String, unsubscribe: String,
        links: Links = Links()
    ) -> String {
        var context: [String: Any] = [
            "name": envelope.recipient.name,
            "reminders": envelope.reminders.map { section($0, data, pageURL: pageURL, links: links) },
            "pageURL": pageURL, "unsubscribe": unsubscribe, "reasons": reasons(envelope.recipient),
        ]
        context["calendarURL"] = links.calendar
        return Templates.reminder.render(context)
    }

    /// The four answer links of a kallelse, as lines "Jag kommer: URL".
    static func answerLinks(_ meeting: Meeting, pageURL: String, token: String?) -> [String]? {
        guard let token else { return nil }
        return AnswerChoice.allCases.map { choice in
            "\(choice.label): \(MeetingPage.answerURL(pageURL: pageURL, meeting: meeting.id, token: token, choice: choice))"
        }
    }

    /// The text as simple HTML: a paragraph for each block, a line break for each line,
    /// every character escaped. Code, not a template: it has no layout to edit, and a pass
    /// renders thousands (through Mustache this was a third of a reminder pass).
    public static func html(_ text: String) -> String {
        var trimmed = Substring(text)
        while trimmed.hasSuffix("\n") { trimmed = trimmed.dropLast() }
        var out: [UInt8] = []
        out.reserveCapacity(trimmed.utf8.count * 2 + 128)
        out.append(contentsOf: "<!doctype html><html lang=\"sv\"><body style=\"font-family: sans-serif\">\n<p>".utf8)
        let newline = UInt8(ascii: "\n")
        let bytes = trimmed.utf8
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            bytes.formIndex(after: &index)
            guard byte == newline else {
                HTMLEscape.append(byte, to: &out)
                continue
            }
            if index != bytes.endIndex && bytes[index] == newline {
                out.append(contentsOf: "</p>\n<p>".utf8)  // a blank line ends the paragraph
                bytes.formIndex(after: &index)
            } else {
                out.append(contentsOf: "<br>\n".utf8)
            }
        }
        out.append(contentsOf: "</p>\n</body></html>\n".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    static func section(_ reminder: Reminder, _ data: CalendarData, pageURL: String, links: Links) -> [String: Any] {
        let token = links.page
        switch reminder.subject {
        case .itemDue(let item, let days):
            return [
                "itemDue": [
                    "title": item.title, "dueIn": Swedish.dueIn(days: days),
                    "dueDate": item.due.map(Swedish.date) ?? "",
                    "status": Swedish.status(item.status), "details": details(item, data),
                ] as [String: Any]
            ]
        case .itemOverdue(let item, let days):
            return [
                "itemOverdue": [
                    "title": item.title, "days": days, "dueDate": item.due.map(Swedish.date) ?? "",
                    "inProgress": item.status == .inProgress, "details": details(item, data),
                ] as [String: Any]
            ]
        case .agenda(let meeting, let items):
            var agenda: [String: Any] = [
                "title": Swedish.meetingTitle(meeting, data), "when": Swedish.when(meeting),
                "hasItems": !items.isEmpty, "items": items.map(itemLine),
            ]
            agenda["place"] = Swedish.place(meeting.place, data)
            agenda["note"] = meeting.note
            agenda["chair"] = Swedish.chair(of: meeting, data)
            agenda["answers"] = answerLinks(meeting, pageURL: pageURL, token: links.answer(meeting)).map {
                ["links": $0]
            }
            return ["agenda": agenda]
        case .digest(let items):
            return ["digest": ["items": items.map(itemLine)]]
        case .notice(let meeting, let notice, let items):
            let lines = Swedish.agendaLines(
                notice.version.points, of: meeting, data, openItems: items,
                paperURL: {
                    MeetingPage.paperURL(pageURL: pageURL, meeting: meeting.id, name: $0, token: token(meeting))
                })
            var section: [String: Any] = [
                "title": Swedish.meetingTitle(meeting, data), "when": Swedish.when(meeting),
                "version": notice.version.number,
                "agenda": Swedish.agendaText(lines).split(separator: "\n").map(String.init),
                "meetingURL": MeetingPage.url(pageURL: pageURL, meeting: meeting.id, token: token(meeting)),
            ]
            if notice.updates != nil {
                section["update"] = ["changes": notice.changes.map(Swedish.agendaChange)]
            }
            // The open items are in the agenda's own point when it has one.
            if !notice.version.points.contains(where: { $0.fill == .openItems }) {
                section["items"] = ["list": items.map(itemLine), "none": items.isEmpty]
            }
            if let day = meeting.schedule.firstDay {
                let due = items.filter { $0.status.isOpen && ($0.due.map { $0 <= day } ?? false) }
                section["dueBefore"] = due.map(itemLine)
                section["hasDueBefore"] = !due.isEmpty
            }
            section["place"] = Swedish.place(meeting.place, data)
            section["note"] = meeting.note
            section["chair"] = Swedish.chair(of: meeting, data)
            section["answers"] = answerLinks(meeting, pageURL: pageURL, token: links.answer(meeting)).map {
                ["links": $0]
            }
            return ["notice": section]
        case .agendaMissing(let meeting, let days):
            let noticeDay = meeting.schedule.firstDay.map {
                ReminderPlanner.sendDay(for: $0.adding(days: -data.rules.reminders.agendaDaysBefore))
            }
            return [
                "agendaMissing": [
                    "title": Swedish.meetingTitle(meeting, data), "daysLeft": days,
                    "noticeDay": noticeDay.map(Swedish.date) ?? "", "meeting": meeting.id,
                    "meetingURL": MeetingPage.url(pageURL: pageURL, meeting: meeting.id, token: token(meeting)),
                ] as [String: Any]
            ]
        case .minutes(let meeting, let minutes, let version, let newItems):
            let view = MinutesView(
                minutes: minutes, content: version.content, meeting: meeting, data: data, items: newItems,
                members: data.memberCount(in: meeting.year))
            var byOwner: [String: [String]] = [:]
            for item in newItems {
                for owner in item.owners {
                    byOwner[Swedish.owner(owner, data), default: []].append(
                        item.title + (item.due.map { " (senast \(Swedish.date($0)))" } ?? ""))
                }
            }
            return [
                "minutes": [
                    "title": Swedish.meetingTitle(meeting, data),
                    "text": view.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
                    "owners": byOwner.keys.sorted().map { ["owner": $0, "items": byOwner[$0]!] },
                    "hasItems": !newItems.isEmpty, "reason": version.reason ?? "",
                    "meetingURL": MeetingPage.url(pageURL: pageURL, meeting: meeting.id),
                ] as [String: Any]
            ]
        case .answerReminder(let meeting):
            var section: [String: Any] = [
                "title": Swedish.meetingTitle(meeting, data), "when": Swedish.when(meeting),
                "meetingURL": MeetingPage.url(pageURL: pageURL, meeting: meeting.id, token: token(meeting)),
            ]
            section["answers"] = answerLinks(meeting, pageURL: pageURL, token: links.answer(meeting)).map {
                ["links": $0]
            }
            return ["answerReminder": section]
        case .quorumWarning(let meeting, let forecast):
            func names(_ state: QuorumForecast.Seat.State) -> String? {
                let seats = forecast.seats.filter { $0.state == state }
                guard !seats.isEmpty else { return nil }
                return Swedish.list(
                    seats.map { seat in seat.people.isEmpty ? seat.name : "\(seat.name) (\(Swedish.list(seat.people)))"
                    })
            }
            var section: [String: Any] = [
                "title": Swedish.meetingTitle(meeting, data), "when": Swedish.when(meeting),
                "represented": forecast.represented, "members": forecast.members, "needed": forecast.needed,
                "meetingURL": MeetingPage.url(pageURL: pageURL, meeting: meeting.id, token: token(meeting)),
                "meeting": meeting.id,
            ]
            section["declined"] = names(.declined)
            section["unanswered"] = names(.unanswered)
            section["nobody"] = names(.nobodyInvited)
            return ["quorumWarning": section]
        case .proposalAnswer(let meeting, let point):
            return [
                "proposalAnswer": [
                    "title": point.title, "meeting": Swedish.meetingTitle(meeting, data),
                    "accepted": point.state == .accepted,
                    "meetingURL": MeetingPage.url(pageURL: pageURL, meeting: meeting.id, token: token(meeting)),
                ] as [String: Any]
            ]
        }
    }

    static func itemLine(_ item: Item) -> [String: Any] {
        var line: [String: Any] = ["title": item.title, "status": Swedish.status(item.status).lowercased()]
        line["due"] = item.due.map(Swedish.date)
        return line
    }

    static func details(_ item: Item, _ data: CalendarData) -> [String] {
        var lines: [String] = []
        if !item.description.isEmpty { lines.append(item.description) }
        if let meeting = item.meeting, let m = data.meetings.first(where: { $0.id == meeting }) {
            lines.append("Beslutat vid \(Swedish.meetingTitle(m, data)).")
        }
        if let last = item.history.last, !last.text.isEmpty {
            lines.append("Senaste anteckning (\(last.date)): \(last.text)")
        }
        if let recurrence = item.recurrence {
            lines.append("Återkommer \(Swedish.recurrence(recurrence)): när detta är klart läggs nästa tillfälle upp.")
        }
        return lines
    }

    static func reasons(_ r: Recipient) -> String {
        var parts: [String] = []
        if r.receives.contains(.items) { parts.append("för påminnelser om dina ärenden") }
        if r.receives.contains(.agenda) { parts.append("för kallelser") }
        if r.receives.contains(.overdue) { parts.append("för försenade ärenden") }
        if r.dailyDigest { parts.append("för en daglig sammanställning") }
        return Swedish.list(parts)
    }
}
