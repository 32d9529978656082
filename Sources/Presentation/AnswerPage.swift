public import KalendariumCore
import Mustache

/// The page an answer link opens (`/meetings/{id}/svar?token=…&svar=kommer`): the
/// meeting, the person's current answer, and one form that records the answer only
/// when it is confirmed (`Templates/answer.html.mustache`). Usable without JavaScript;
/// every value escaped by Mustache.
public enum AnswerPage {
    /// What the form said, to show again after a mistake.
    public struct Form: Sendable {
        public var choice: AnswerChoice?
        public var substitute: String
        public var points: [Int]
        public var until: String
        public var from: String
        public var comment: String

        public init(
            choice: AnswerChoice? = nil, substitute: String = "", points: [Int] = [], until: String = "",
            from: String = "", comment: String = ""
        ) {
            self.choice = choice
            self.substitute = substitute
            self.points = points
            self.until = until
            self.from = from
            self.comment = comment
        }

        /// The form filled in from an answer already given.
        public init(_ answer: Answer) {
            self.init(
                choice: AnswerChoice(answer.kind), substitute: answer.substitute ?? "", comment: answer.comment ?? "")
            switch answer.part {
            case .points(let n): points = n
            case .until(let t): until = "\(t)"
            case .from(let t): from = "\(t)"
            case nil: break
            }
        }
    }

    public static func html(
        _ meeting: Meeting, person: Recipient, current: AnswerRecord?, window: AnswerWindow, data: CalendarData,
        agenda: [AgendaPoint], token: String, form: Form, pageURL: String, saved: Bool = false, error: String? = nil
    ) -> String {
        var context: [String: Any] = [
            "title": Swedish.meetingTitle(meeting, data).capitalizedFirst, "when": Swedish.when(meeting),
            "name": person.name, "token": token, "saved": saved, "open": window == .open,
            "started": window == .started,
            "action": MeetingPage.url(pageURL: pageURL, meeting: meeting.id) + "/svar",
            "meetingURL": MeetingPage.url(pageURL: pageURL, meeting: meeting.id),
            "coming": form.choice == .coming, "notComing": form.choice == .notComing,
            "substitute": form.choice == .substitute, "partial": form.choice == .partial,
            "substituteName": form.substitute, "until": form.until, "from": form.from, "comment": form.comment,
            "hasPoints": !agenda.isEmpty,
            "points": agenda.enumerated().map { i, point in
                ["number": i + 1, "title": point.title, "checked": form.points.contains(i + 1)] as [String: Any]
            },
        ]
        context["place"] = Swedish.place(meeting.place, data)
        context["error"] = error
        if let current {
            context["current"] = [
                "answer": Swedish.answer(current.answer), "at": Swedish.localTime(current.at),
                "via": Swedish.channel(current.via),
            ]
        }
        return Templates.answer.render(context)
    }

    /// A token that belongs to no one invited (403).
    public static func invalidLink(pageURL: String) -> String {
        MeetingPage.simple(
            title: "Länken fungerar inte",
            text: "Länken till svaret är inte giltig. Den kan ha ersatts av en nyare kallelse: använd länken i den "
                + "senaste, eller svara sekretariatet direkt.", pageURL: pageURL)
    }

    /// A meeting that is over or cancelled (410).
    public static func expiredLink(pageURL: String) -> String {
        MeetingPage.simple(
            title: "Länken gäller inte längre",
            text: "Mötet är över eller inställt, så det går inte längre att svara på kallelsen.", pageURL: pageURL)
    }

    /// A confirmation sent after the meeting started (409).
    public static let startedText = "Mötet har börjat: svaret kan inte längre ändras."

    /// The answer a form gives, or what is missing, in Swedish for the page.
    public static func answer(_ form: Form) -> Result<Answer, AgendaError> {
        guard let choice = form.choice else {
            return .failure(AgendaError(.invalid, "Välj ett svar."))
        }
        var part: Attendance.Part?
        if choice == .partial {
            if !form.points.isEmpty {
                part = .points(form.points.sorted())
            } else if let t = LocalTime(text: form.until) {
                part = .until(t)
            } else if let t = LocalTime(text: form.from) {
                part = .from(t)
            } else {
                return .failure(
                    AgendaError(.invalid, "Skriv vilka punkter du kommer till, eller till eller från vilken tid."))
            }
        }
        if choice == .substitute, form.substitute.trimmingWhitespace.isEmpty {
            return .failure(AgendaError(.invalid, "Skriv ersättarens namn."))
        }
        do {
            return .success(
                try Answer(choice.kind, substitute: form.substitute, part: part, comment: form.comment))
        } catch {
            return .failure(AgendaError(.invalid, "Svaret är för långt: högst \(Answer.maximumTextLength) tecken."))
        }
    }
}
