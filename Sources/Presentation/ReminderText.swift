public import KalendariumCore

/// The Swedish subject and text of a reminder e-mail.
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

    /// The text of the e-mail: a greeting, a section for each reminder, the links and
    /// why the person gets it. Written as code, not a template: a pass renders thousands,
    /// and Mustache's lookups (a dynamic cast or more per name) were most of a pass.
    /// The wording is pinned, word for word, by `PresentationTests`.
    public static func body(
        _ envelope: ReminderPass.Envelope, data: CalendarData, pageURL: String, unsubscribe: String,
        links: Links = Links()
    ) -> String {
        var text = TextLines()
        text.line("Hej \(envelope.recipient.name)!")
        text.line()
        for reminder in envelope.reminders {
            write(reminder, data, pageURL: pageURL, links: links, into: &text)
            text.line()
        }
        text.line("Kalendarium: \(pageURL)")
        if let calendar = links.calendar { text.line("Din egen kalender med dina möten och ärenden: \(calendar)") }
        text.line()
        text.line("--")
        text.line(
            "Du får detta mejl från Södertörnskommunernas kalendarium eftersom du finns i mottagarlistan "
                + "\(reasons(envelope.recipient)).")
        text.line("Vill du inte längre få mejl av det här slaget? Skriv till \(unsubscribe).")
        return text.text
    }

    /// The lines of a text, each ending in a line feed.
    struct TextLines {
        var text = ""

        mutating func line(_ line: String = "") {
            text += line
            text += "\n"
        }

        mutating func lines(_ lines: [String], prefix: String = "") {
            for line in lines { self.line(prefix + line) }
        }

        /// The answer links of a kallelse, after a blank line, when the person has them.
        mutating func answers(_ links: [String]?) {
            guard let links else { return }
            line()
            line("Svara på kallelsen (länken öppnar en sida där du bekräftar):")
            lines(links, prefix: "  ")
        }

        /// Place, chair and note of a meeting, each on its line when there is one.
        mutating func whereAndWho(_ meeting: Meeting, _ data: CalendarData) {
            if let place = Swedish.place(meeting.place, data) { line("Plats: \(place).") }
            if let chair = Swedish.chair(of: meeting, data) { line("Ordförande: \(chair).") }
            if let note = meeting.note { line(note) }
        }
    }

    /// One reminder's section of the text.
    static func write(
        _ reminder: Reminder, _ data: CalendarData, pageURL: String, links: Links, into text: inout TextLines
    ) {
        let token = links.page
        switch reminder.subject {
        case .itemDue(let item, let days):
            text.line(
                "Ärendet \"\(item.title)\" ska vara klart \(Swedish.dueIn(days: days)) (\(item.due.map(Swedish.date) ?? ""))."
            )
            text.line("Status: \(Swedish.status(item.status)).")
            text.lines(details(item, data))
        case .itemOverdue(let item, let days):
            let state = item.status == .inProgress ? "pågår fortfarande" : "är fortfarande öppet"
            text.line(
                "Ärendet \"\(item.title)\" skulle ha varit klart för \(days) dagar sedan "
                    + "(\(item.due.map(Swedish.date) ?? "")) och \(state).")
            text.lines(details(item, data))
        case .agenda(let meeting, let items):
            text.line("Kallelse till \(Swedish.meetingTitle(meeting, data)).")
            text.line("Tid: \(Swedish.when(meeting)).")
            text.whereAndWho(meeting, data)
            text.line()
            text.line(items.isEmpty ? "Inga utestående ärenden." : "Utestående ärenden:")
            text.lines(items.map(itemLine))
            text.answers(answerLinks(meeting, pageURL: pageURL, token: links.answer(meeting)))
            text.line("Mötet finns som bilaga och i prenumerationen på kalendern.")
        case .digest(let items):
            text.line("Utestående ärenden i dag:")
            text.lines(items.map { "  • \($0.title) (\(Swedish.status($0.status).lowercased()))" })
        case .notice(let meeting, let notice, let items):
            let title = Swedish.meetingTitle(meeting, data)
            if notice.updates != nil {
                text.line("Uppdaterad kallelse till \(title): dagordningen har ändrats sedan förra kallelsen.")
                text.line("Ändringar:")
                text.lines(notice.changes.map(Swedish.agendaChange), prefix: "  • ")
            } else {
                text.line("Kallelse till \(title).")
            }
            text.line("Tid: \(Swedish.when(meeting)).")
            text.whereAndWho(meeting, data)
            text.line()
            text.line("Dagordning (version \(notice.version.number)):")
            let lines = Swedish.agendaLines(
                notice.version.points, of: meeting, data, openItems: items,
                paperURL: {
                    MeetingPage.paperURL(pageURL: pageURL, meeting: meeting.id, name: $0, token: token(meeting))
                })
            text.lines(Swedish.agendaText(lines).split(separator: "\n").map(String.init))
            // The open items are in the agenda's own point when it has one.
            if !notice.version.points.contains(where: { $0.fill == .openItems }) {
                text.line()
                text.line(items.isEmpty ? "Inga utestående ärenden." : "Utestående ärenden:")
                text.lines(items.map(itemLine))
            }
            if let day = meeting.schedule.firstDay {
                let due = items.filter { $0.status.isOpen && ($0.due.map { $0 <= day } ?? false) }
                if !due.isEmpty {
                    text.line()
                    text.line("Ska vara klart före mötet:")
                }
                text.lines(due.map { "  • \($0.title)" + ($0.due.map { " (senast \(Swedish.date($0)))" } ?? "") })
            }
            text.line()
            text.line(
                "Dagordningen och handlingarna: "
                    + MeetingPage.url(pageURL: pageURL, meeting: meeting.id, token: token(meeting)))
            text.answers(answerLinks(meeting, pageURL: pageURL, token: links.answer(meeting)))
            text.line("Mötet finns som bilaga och i prenumerationen på kalendern; du kan också svara med")
            text.line("kalenderns knappar (Acceptera, Avböj).")
        case .agendaMissing(let meeting, let days):
            let noticeDay = meeting.schedule.firstDay.map {
                ReminderPlanner.sendDay(for: $0.adding(days: -data.rules.reminders.agendaDaysBefore))
            }
            text.line(
                "Dagordningen till \(Swedish.meetingTitle(meeting, data)) är inte publicerad, "
                    + "och mötet är om \(days) dagar.")
            text.line(
                "Kallelsen ska gå ut \(noticeDay.map(Swedish.date) ?? ""); "
                    + "den går ut så snart dagordningen är publicerad")
            text.line("(kalendarium agenda publish \(meeting.id)).")
            text.line("Utkastet: " + MeetingPage.url(pageURL: pageURL, meeting: meeting.id, token: token(meeting)))
        case .minutes(let meeting, let minutes, let version, let newItems):
            text.line("Här är de justerade minnesanteckningarna från \(Swedish.meetingTitle(meeting, data)).")
            // Only a corrected version says why (the first has no reason).
            if let reason = version.reason, !reason.isEmpty { text.line("De är rättade: \(reason)") }
            if !newItems.isEmpty {
                var byOwner: [String: [String]] = [:]
                for item in newItems {
                    for owner in item.owners {
                        byOwner[Swedish.owner(owner, data), default: []].append(
                            item.title + (item.due.map { " (senast \(Swedish.date($0)))" } ?? ""))
                    }
                }
                text.line()
                text.line("Nya utestående ärenden, per ansvarig:")
                for owner in byOwner.keys.sorted() {
                    text.line("\(owner):")
                    text.lines(byOwner[owner] ?? [], prefix: "  • ")
                }
            }
            text.line()
            let view = MinutesView(
                minutes: minutes, content: version.content, meeting: meeting, data: data, items: newItems,
                members: data.memberCount(in: meeting.year))
            text.lines(view.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
            text.line()
            text.line("Mötet: " + MeetingPage.url(pageURL: pageURL, meeting: meeting.id))
        case .answerReminder(let meeting):
            text.line(
                "Du har inte svarat på kallelsen till \(Swedish.meetingTitle(meeting, data)) (\(Swedish.when(meeting)))."
            )
            text.line("Mötet är beslutfört när minst hälften av kommunerna är företrädda, så svara gärna")
            text.line("även om du inte kan komma.")
            text.answers(answerLinks(meeting, pageURL: pageURL, token: links.answer(meeting)))
            text.line("Mötet: " + MeetingPage.url(pageURL: pageURL, meeting: meeting.id, token: token(meeting)))
        case .quorumWarning(let meeting, let forecast):
            func names(_ state: QuorumForecast.Seat.State) -> String? {
                let seats = forecast.seats.filter { $0.state == state }
                guard !seats.isEmpty else { return nil }
                return Swedish.list(
                    seats.map { seat in seat.people.isEmpty ? seat.name : "\(seat.name) (\(Swedish.list(seat.people)))"
                    })
            }
            text.line(
                "\(Swedish.meetingTitle(meeting, data)) (\(Swedish.when(meeting))) ser inte ut att bli beslutfört: "
                    + "\(forecast.represented) av \(forecast.members)")
            text.line(
                "kommuner har anmält att de är företrädda, och minst \(forecast.needed) behövs (samverkansavtalet § 3)."
            )
            if let declined = names(.declined) { text.line("Förhinder: \(declined).") }
            if let unanswered = names(.unanswered) { text.line("Har inte svarat: \(unanswered).") }
            if let nobody = names(.nobodyInvited) { text.line("Ingen i mottagarlistan för: \(nobody).") }
            text.line("Svaren: " + MeetingPage.url(pageURL: pageURL, meeting: meeting.id, token: token(meeting)))
            text.line("(kalendarium answers \(meeting.id))")
        case .proposalAnswer(let meeting, let point):
            let state = point.state == .accepted ? "är med på dagordningen" : "är inte med på dagordningen"
            text.line("Ditt förslag \"\(point.title)\" till \(Swedish.meetingTitle(meeting, data)) \(state).")
            text.line("Dagordningen: " + MeetingPage.url(pageURL: pageURL, meeting: meeting.id, token: token(meeting)))
        }
    }

    /// An open item as a bullet line: title, status and due date.
    static func itemLine(_ item: Item) -> String {
        "  • \(item.title) (\(Swedish.status(item.status).lowercased())"
            + (item.due.map { ", klart senast \(Swedish.date($0))" } ?? "") + ")"
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
