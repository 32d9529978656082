/// Decides which reminders are due. Pure: time, items, meetings and people come in as
/// values; the outbox (which remembers what was sent) is the caller's.
///
/// Catching up after downtime: a pass sends every reminder whose send day has come and
/// that is still relevant — an item reminder until the due date, an agenda notice until
/// the meeting. For one item only the most recent due reminder is sent (a missed
/// "7 days" one is stale once the "1 day" one is due). The outbox's keys keep a
/// reminder from being sent twice however many passes run.
public enum ReminderPlanner {
    /// - Parameters:
    ///   - agendas: the stored agendas, by meeting id.
    ///   - notified: per meeting, the highest agenda version a kallelse has gone out with
    ///     (from the outbox's record; see ``AgendaNotice/version(inKey:)``).
    ///   - answers: the answers to the kallelser of coming meetings, for the reminder to
    ///     those who have not answered and the quorum warning.
    ///   - noticed: when each person's first kallelse to a meeting was queued, by meeting
    ///     and lowercased address (the outbox's record).
    public static func pass(
        now: UTCInstant, items: [Item], data: CalendarData, recipients: [Recipient],
        rules: ReminderRules = ReminderRules(), agendas: [String: Agenda] = [:], notified: [String: Int] = [:],
        minutes: [Minutes] = [], answers: [AnswerRecord] = [], noticed: [String: [String: UTCInstant]] = [:]
    ) -> ReminderPass {
        let (today, time) = StockholmTime.local(now)
        guard SwedishHolidays.isWorkingDay(today), time >= rules.sendTime else {
            return ReminderPass(date: nil, envelopes: [], stale: [], unaddressed: [])
        }
        var reminders: [Reminder] = []
        var stale: [String] = []
        var unaddressed: [Item] = []
        let open = items.filter { $0.status.isOpen }
        let index = OwnerIndex(recipients)

        for item in open {
            guard let id = item.id else { continue }
            let owners = index.recipients(owning: item.owners)
            if owners.isEmpty { unaddressed.append(item) }
            guard let due = item.due else { continue }
            if due < today {
                // Weekly, keyed by ISO week: the first pass of each week sends it.
                let week = today.isoWeek
                for r in owners where r.receives.contains(.overdue) {
                    reminders.append(
                        Reminder(
                            key: "item:\(id):overdue:\(week.year)-W\(week.week)", recipient: r,
                            subject: .itemOverdue(item, daysLate: due.days(to: today))))
                }
                continue
            }
            let triggers = rules.itemDaysBefore.sorted(by: >).map { n in (n, sendDay(for: due.adding(days: -n))) }
            let reached = triggers.filter { $0.1 <= today && today < due }
            guard let latest = reached.last else { continue }
            stale += reached.dropLast().map { "item:\(id):due-\($0.0):\(due)" }
            for r in owners where r.receives.contains(.items) {
                reminders.append(
                    Reminder(
                        key: "item:\(id):due-\(latest.0):\(due)", recipient: r,
                        subject: .itemDue(item, daysLeft: today.days(to: due))))
            }
        }

        for meeting in data.meetings where meeting.status != .cancelled {
            guard case .body(let slug) = meeting.subject, let body = data.body(slug),
                let day = meeting.schedule.firstDay
            else { continue }
            let send = sendDay(for: day.adding(days: -rules.agendaDaysBefore))
            guard send <= today else { continue }
            let key = "meeting:\(meeting.id):agenda:\(day)"
            guard today < day else {
                if day.days(to: today) < 14 { stale.append(key) }
                continue
            }
            let agendaItems = open.filter { $0.body == slug }
            guard data.agendaTemplate(of: slug) != nil || agendas[meeting.id] != nil else {
                // A body without agendas keeps the notice of before: when, where, open items.
                for r in recipients where r.receives.contains(.agenda) && attends(r, body) {
                    reminders.append(
                        Reminder(key: key, recipient: r, subject: .agenda(meeting, openItems: agendaItems)))
                }
                continue
            }
            guard let agenda = agendas[meeting.id], let latest = agenda.latestVersion else { continue }
            let sent = notified[meeting.id]
            if let sent, latest.number <= sent { continue }
            // An update waits until the agenda has rested, so a morning of edits makes one mail.
            if sent != nil, now.secondsSince1970 - latest.publishedAt.secondsSince1970 < rules.updateQuietMinutes * 60 {
                continue
            }
            let changes = agenda.versions.filter { $0.number > (sent ?? latest.number) }.flatMap(\.changes)
            let notice = AgendaNotice(version: latest, updates: sent, changes: changes)
            for r in recipients where r.receives.contains(.agenda) && attends(r, body) {
                reminders.append(
                    Reminder(
                        key: AgendaNotice.key(meeting: meeting.id, day: day, version: latest.number), recipient: r,
                        subject: .notice(meeting, notice, openItems: agendaItems)))
            }
        }
        reminders += agendaReminders(today: today, data: data, recipients: recipients, rules: rules, agendas: agendas)
        reminders += minutesReminders(
            now: now, items: items, data: data, recipients: recipients, rules: rules, minutes: minutes)
        reminders += answerReminders(
            today: today, data: data, recipients: recipients, rules: rules, answers: answers, noticed: noticed)

        for r in recipients where r.dailyDigest {
            let mine = open.filter { item in item.owners.contains { r.owns($0) } || r.bodies.contains(item.body) }
            if !mine.isEmpty {
                reminders.append(
                    Reminder(
                        key: "digest:\(r.email.lowercased()):\(today)", recipient: r,
                        subject: .digest(openItems: mine)))
            }
        }

        var byRecipient: [String: [Reminder]] = [:]
        for reminder in reminders { byRecipient[reminder.recipient.email.lowercased(), default: []].append(reminder) }
        let envelopes = byRecipient.keys.sorted().map { email in
            let list = byRecipient[email]!.sorted { $0.key < $1.key }
            return ReminderPass.Envelope(recipient: list[0].recipient, reminders: list)
        }
        return ReminderPass(date: today, envelopes: envelopes, stale: stale.sorted(), unaddressed: unaddressed)
    }

    /// The secretariat's reminders of agendas not published in time, and the answers
    /// to members' proposals.
    static func agendaReminders(
        today: LocalDate, data: CalendarData, recipients: [Recipient], rules: ReminderRules, agendas: [String: Agenda]
    ) -> [Reminder] {
        var reminders: [Reminder] = []
        for meeting in data.meetings where meeting.status != .cancelled {
            guard case .body(let slug) = meeting.subject, let day = meeting.schedule.firstDay, today < day else {
                continue
            }
            let agenda = agendas[meeting.id]
            for point in agenda?.points ?? [] where point.state != .proposed {
                guard let proposal = point.proposal else { continue }
                let to =
                    recipients.first { $0.email.lowercased() == proposal.by.lowercased() }
                    ?? Recipient(name: proposal.by, email: proposal.by, roles: [])
                reminders.append(
                    Reminder(
                        key: "proposal:\(meeting.id):\(point.key):\(point.state.rawValue)", recipient: to,
                        subject: .proposalAnswer(meeting, point)))
            }
            guard data.agendaTemplate(of: slug) != nil || agenda != nil, agenda?.isPublished != true else { continue }
            let noticeDay = sendDay(for: day.adding(days: -rules.agendaDaysBefore))
            let early = sendDay(for: day.adding(days: -rules.agendaMissingDaysBefore))
            let stage: String
            if today >= noticeDay {
                stage = "notice-day"
            } else if today >= early {
                stage = "early"
            } else {
                continue
            }
            let chair = data.chair(of: meeting)?.name.lowercased()
            for r in recipients where r.roles.contains(.kansli) || (chair != nil && r.name.lowercased() == chair) {
                reminders.append(
                    Reminder(
                        key: "meeting:\(meeting.id):agenda-missing:\(day):\(stage)", recipient: r,
                        subject: .agendaMissing(meeting, daysLeft: today.days(to: day))))
            }
        }
        return reminders
    }

    /// Each approved version of minutes, once, to the body's members and attendees
    /// (who receive agendas) and to every municipality's registry.
    static func minutesReminders(
        now: UTCInstant, items: [Item], data: CalendarData, recipients: [Recipient], rules: ReminderRules,
        minutes: [Minutes]
    ) -> [Reminder] {
        var reminders: [Reminder] = []
        for record in minutes {
            guard let version = record.latestVersion, version.announce,
                let approved = version.approvals.map(\.at).max(),
                now.secondsSince1970 - approved.secondsSince1970 <= rules.minutesDaysToSend * 86_400,
                let meeting = data.meetings.first(where: { $0.id == record.meeting }),
                case .body(let slug) = meeting.subject, let body = data.body(slug)
            else { continue }
            let created = Set(version.content.points.flatMap { $0.decisions.flatMap(\.items) })
            let newItems = items.filter { $0.id.map(created.contains) ?? false }
            for r in recipients
            where r.roles.contains(.registrator) || (r.receives.contains(.agenda) && attends(r, body)) {
                reminders.append(
                    Reminder(
                        key: "minutes:\(meeting.id):v\(version.number)", recipient: r,
                        subject: .minutes(meeting, record, version, newItems: newItems)))
            }
        }
        return reminders
    }

    /// Some working days before a meeting: one reminder to each member who got its
    /// kallelse on an earlier day and has not answered, and, if the answers so far do not
    /// make the quorum, one warning to the chair and the secretariat with the names. A
    /// kallelse that went out late (after downtime, or an agenda published late) gets a
    /// day to be answered first.
    static func answerReminders(
        today: LocalDate, data: CalendarData, recipients: [Recipient], rules: ReminderRules,
        answers: [AnswerRecord], noticed: [String: [String: UTCInstant]]
    ) -> [Reminder] {
        var reminders: [Reminder] = []
        let byMeeting = Dictionary(grouping: answers, by: \.meeting)
        for meeting in data.meetings where meeting.status != .cancelled {
            guard case .body = meeting.subject, let day = meeting.schedule.firstDay, today < day,
                today >= workingDays(rules.answerReminderWorkingDaysBefore, before: day),
                let sent = noticed[meeting.id]
            else { continue }
            let before = Set(sent.filter { StockholmTime.local($0.value).date < today }.keys)
            let state = MeetingAnswers(
                meeting: meeting, data: data, recipients: recipients, records: byMeeting[meeting.id] ?? [])
            let members = state.invitees.filter { $0.isMember && before.contains($0.recipient.email.lowercased()) }
            guard !members.isEmpty else { continue }
            for invitee in members where invitee.answer == nil {
                reminders.append(
                    Reminder(
                        key: "meeting:\(meeting.id):answer-reminder:\(day)", recipient: invitee.recipient,
                        subject: .answerReminder(meeting)))
            }
            guard !state.forecast.reached else { continue }
            let chair = data.chair(of: meeting)?.name.lowercased()
            for r in recipients where r.roles.contains(.kansli) || (chair != nil && r.name.lowercased() == chair) {
                reminders.append(
                    Reminder(
                        key: "meeting:\(meeting.id):quorum-warning:\(day)", recipient: r,
                        subject: .quorumWarning(meeting, state.forecast)))
            }
        }
        return reminders
    }

    /// The working day `count` working days before `day` (3 before a Friday: Tuesday).
    static func workingDays(_ count: Int, before day: LocalDate) -> LocalDate {
        var d = day
        var left = count
        while left > 0 {
            d = d.adding(days: -1)
            if SwedishHolidays.isWorkingDay(d) { left -= 1 }
        }
        return d
    }

    /// Recipients by what they own, so a pass over many items and people stays linear.
    struct OwnerIndex {
        var byPerson: [String: [Int]] = [:]
        var byRole: [Role: [Int]] = [:]
        var byNetwork: [String: [Int]] = [:]
        var byMunicipality: [String: [Int]] = [:]
        let recipients: [Recipient]

        init(_ recipients: [Recipient]) {
            self.recipients = recipients
            for (i, r) in recipients.enumerated() {
                byPerson[r.name.lowercased(), default: []].append(i)
                for role in r.roles { byRole[role, default: []].append(i) }
                for network in r.networks { byNetwork[network, default: []].append(i) }
                if let m = r.municipality, r.roles.contains(.kommundirektor) {
                    byMunicipality[m, default: []].append(i)
                }
            }
        }

        /// Everyone who owns any of `owners` (as `Recipient.owns` decides), in file order.
        func recipients(owning owners: [Owner]) -> [Recipient] {
            var found = Set<Int>()
            for owner in owners {
                switch owner {
                case .person(let name): found.formUnion(byPerson[name.lowercased()] ?? [])
                case .role(let role): found.formUnion(byRole[role] ?? [])
                case .network(let slug): found.formUnion(byNetwork[slug] ?? [])
                case .municipality(let slug): found.formUnion(byMunicipality[slug] ?? [])
                }
            }
            return found.sorted().map { recipients[$0] }
        }
    }

    /// The last working day on or before `day`: a reminder due on a Sunday goes out on Friday.
    public static func sendDay(for day: LocalDate) -> LocalDate {
        var d = day
        while !SwedishHolidays.isWorkingDay(d) { d = d.adding(days: -1) }
        return d
    }

    /// A person gets a body's notices if they name the body, or (naming none) hold one of its roles.
    public static func attends(_ r: Recipient, _ body: Body) -> Bool {
        r.bodies.isEmpty ? !r.roles.isDisjoint(with: body.people) : r.bodies.contains(body.slug)
    }
}
