@testable import KalendariumCore

/// The Södertörn definitions in code, so core tests need no files.
enum Sodertorn {
    static let slugs = ["botkyrka", "haninge", "huddinge", "nykvarn", "nynashamn", "salem", "sodertalje", "tyreso"]

    static func municipalities(leaving: [String: Int] = [:]) -> [Municipality] {
        slugs.map {
            Municipality(
                slug: $0, name: $0.prefix(1).uppercased() + $0.dropFirst(), memberFrom: 2000, memberUntil: leaving[$0])
        }
    }

    static let radslagHistory: [Int: [String]] = [
        2019: ["salem"], 2020: ["nynashamn"], 2021: ["botkyrka"], 2022: ["tyreso"],
        2023: ["sodertalje"], 2024: ["haninge"], 2025: ["nykvarn"], 2026: ["huddinge"],
    ]

    static let konferensenHistory: [Int: [String]] = [
        2019: ["nynashamn", "haninge"], 2020: ["botkyrka", "salem"],
        2021: ["huddinge", "tyreso"], 2022: ["sodertalje", "nykvarn"],
    ]

    static func radslag(overrides: [RotationOverride] = []) -> Conference {
        Conference(
            slug: "radslag", name: "Rådslag", hostRule: .municipalities(count: 1),
            history: radslagHistory.map { HostRecord(year: $0.key, hosts: $0.value) }, overrides: overrides,
            participants: [.kso, .kommundirektor])
    }

    static func konferensen(overrides: [RotationOverride] = []) -> Conference {
        Conference(
            slug: "sodertornskonferensen", name: "Södertörnskonferensen", hostRule: .municipalities(count: 2),
            history: konferensenHistory.map { HostRecord(year: $0.key, hosts: $0.value) }, overrides: overrides,
            participants: [.kso, .kommundirektor])
    }

    static let ledningsgruppen = Body(
        slug: "ledningsgruppen", name: "Ledningsgruppen", weekday: .friday,
        start: LocalTime(hour: 8, minute: 30)!, end: LocalTime(hour: 11, minute: 0)!, minimumMeetingsPerYear: 6,
        members: [.kommundirektor])

    static let kommitten = Body(
        slug: "samarbetskommitten", name: "Samarbetskommittén", weekday: .thursday,
        start: LocalTime(hour: 12, minute: 0)!, end: LocalTime(hour: 15, minute: 30)!, minimumMeetingsPerYear: 6,
        members: [.kso], attendees: [.kommundirektor], preparedBy: "ledningsgruppen")

    static func data(meetings: [Meeting], conferences: [Conference]? = nil) -> CalendarData {
        CalendarData(
            municipalities: municipalities(), bodies: [ledningsgruppen, kommitten],
            conferences: conferences ?? [radslag(), konferensen()], meetings: meetings)
    }
}

func date(_ text: String) -> LocalDate { LocalDate(iso: text)! }
func time(_ text: String) -> LocalTime { LocalTime(text: text)! }

/// A meeting in its body's usual slot (or the given times).
func meeting(
    _ body: String, _ day: String, _ from: String? = nil, _ to: String? = nil, kind: Meeting.Kind = .ordinary,
    status: Meeting.Status = .planned, municipality: String? = nil
) -> Meeting {
    let usual = body == "ledningsgruppen" ? ("08:30", "11:00") : ("12:00", "15:30")
    return Meeting(
        subject: .body(body), kind: kind,
        schedule: .timed(
            startDate: date(day), start: time(from ?? usual.0), endDate: date(day), end: time(to ?? usual.1)),
        place: municipality.map { Place(municipality: $0) }, status: status)
}
