public import KalendariumCore
import Mustache

/// The secretariat's workspace in the browser (`/arbetsyta/`): every page inside one
/// layout (`Templates/workspace.html.mustache`) with the navigation, the signed-in
/// person and the sign-out form. Pages are plain HTML forms, usable without
/// JavaScript and on a phone; every value is escaped by Mustache, and only the page
/// body, itself rendered from a template, is put in unescaped.
public enum WorkspacePage {
    /// Who is signed in, for the header.
    public struct Viewer: Sendable {
        public let person: WorkspacePerson
        public let csrf: String

        public init(person: WorkspacePerson, csrf: String) {
            self.person = person
            self.csrf = csrf
        }
    }

    /// The navigation's entries; `current` marks the page being shown.
    public enum Section: String, CaseIterable, Sendable {
        case overview = "/arbetsyta/"
        case meetings = "/arbetsyta/moten"
        case items = "/arbetsyta/arenden"
        case rotation = "/arbetsyta/vardskap"
        case plan = "/arbetsyta/planera"

        var label: String {
            switch self {
            case .overview: "Översikt"
            case .meetings: "Möten"
            case .items: "Ärenden"
            case .rotation: "Värdskap"
            case .plan: "Planera år"
            }
        }
    }

    /// A whole page: `main` is the rendered body of one of the page templates.
    public static func layout(
        title: String, viewer: Viewer?, section: Section?, main: String, notice: String? = nil, error: String? = nil
    ) -> String {
        var context: [String: Any] = ["title": title, "main": main]
        context["notice"] = notice
        context["error"] = error
        if let viewer {
            context["person"] = [
                "name": viewer.person.name, "role": role(viewer.person), "csrf": viewer.csrf,
                "nav": Section.allCases.map { ["href": $0.rawValue, "label": $0.label, "current": $0 == section] },
            ]
        }
        return Templates.workspace.render(context)
    }

    static func role(_ person: WorkspacePerson) -> String {
        if person.isSecretariat { return "sekretariatet" }
        return "läsbehörighet"
    }

    // MARK: - Signing in

    public static func signIn(csrf: String, email: String = "", notice: String? = nil, error: String? = nil) -> String {
        layout(
            title: "Logga in", viewer: nil, section: nil,
            main: Templates.workspaceSignIn.render(["csrf": csrf, "email": email]), notice: notice, error: error)
    }

    /// The same answer for every address, known or not.
    public static func linkSent() -> String {
        message(
            "Kolla din e-post",
            [
                "Om adressen finns bland kalendariets mottagare har vi skickat en inloggningslänk till den. "
                    + "Länken fungerar en gång och i 15 minuter.",
                "Kommer inget mejl? Kontrollera skräpposten, eller fråga sekretariatet om din adress finns med.",
            ], link: ("/arbetsyta/logga-in", "Tillbaka till inloggningen"))
    }

    public static func confirmLink(email: String, token: String, csrf: String, expires: UTCInstant) -> String {
        layout(
            title: "Logga in", viewer: nil, section: nil,
            main: Templates.workspaceLink.render([
                "email": email, "token": token, "csrf": csrf, "expires": Swedish.localTime(expires),
            ]))
    }

    public static func linkUnusable() -> String {
        message(
            "Länken fungerar inte",
            [
                "Inloggningslänken är redan använd, för gammal (den gäller i 15 minuter) eller inte giltig.",
                "Be om en ny länk.",
            ], link: ("/arbetsyta/logga-in", "Be om en ny inloggningslänk"))
    }

    public static func tooManyRequests() -> String {
        message(
            "För många försök",
            ["Du har bett om många inloggningslänkar på kort tid. Vänta en kvart och försök igen."],
            link: ("/arbetsyta/logga-in", "Tillbaka till inloggningen"))
    }

    public static let signedOut = "Du är utloggad."
    public static let signInFirst = "Logga in för att fortsätta."

    /// A form without its CSRF token, or with a wrong one (403).
    public static func forgedForm() -> String {
        message(
            "Formuläret kunde inte tas emot",
            [
                "Formuläret saknade sin säkerhetskod eller hade en felaktig. Det händer när sidan har legat öppen "
                    + "länge eller när du har loggat in på nytt. Ladda om sidan och försök igen."
            ], link: ("/arbetsyta/", "Till översikten"))
    }

    /// Someone signed in without the role the page or change needs (403).
    public static func forbidden(_ viewer: Viewer) -> String {
        layout(
            title: "Inte behörig", viewer: viewer, section: nil,
            main: Templates.workspaceMessage.render([
                "heading": "Inte behörig",
                "paragraphs": ["Din roll i recipients.yaml ger inte rätt att göra den här ändringen."],
            ]))
    }

    public static func notFound(_ viewer: Viewer?) -> String {
        layout(
            title: "Hittades inte", viewer: viewer, section: nil,
            main: Templates.workspaceMessage.render([
                "heading": "Sidan finns inte", "paragraphs": ["Det finns inget möte eller ärende med den adressen."],
            ]))
    }

    public static func unavailable() -> String {
        message(
            "Arbetsytan är inte tillgänglig just nu",
            ["Databasen eller kalenderdata kan inte läsas. Försök igen om en stund."], link: nil)
    }

    static func message(_ heading: String, _ paragraphs: [String], link: (String, String)?) -> String {
        var context: [String: Any] = ["heading": heading, "paragraphs": paragraphs]
        if let link { context["link"] = ["href": link.0, "label": link.1] }
        return layout(
            title: heading, viewer: nil, section: nil, main: Templates.workspaceMessage.render(context))
    }
}

extension WorkspacePage {
    public static let signInSubject = "Inloggning till Kalendariets arbetsyta"

    /// The sign-in mail's text: the link, how long it works, and what to do if the
    /// person did not ask for it.
    public static func signInMail(name: String, link: String, expires: UTCInstant) -> String {
        """
        Hej \(name)!

        Här är din länk för att logga in i arbetsytan i Södertörnskommunernas kalendarium:

        \(link)

        Länken fungerar en gång och till \(Swedish.localTime(expires)). Öppna den och tryck på "Logga in".

        Har du inte bett om länken kan du bortse från det här mejlet; ingen kan logga in utan länken.
        """
    }
}
