import ArgumentParser
import CalendarFiles
import Foundation
import KalendariumApp
import KalendariumCore

/// `kalendarium extra`: add an extra meeting (the agreement, § 4: called by the chair,
/// or when at least five members ask) to the year's data file.
struct ExtraCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extra",
        abstract: "Add an extra meeting to calendars/YEAR.yaml.",
        discussion: """
            The meeting is appended to the year file (created if missing), after checking that the \
            data stays valid; it then appears in the feeds and the reminders. With only a start time, \
            the meeting lasts as long as the body's usual meeting.
            """
    )

    @OptionGroup var options: CalendarOptions
    @Option(help: "The body that meets (ledningsgruppen, samarbetskommitten).") var body: String
    @Option(help: "The date, YYYY-MM-DD.") var date: String
    @Option(help: "Start, or start-end: 19:00 or 19:00-20:30.") var time: String
    @Option(help: "Host municipality (slug).") var place: String?
    @Option(help: "Named venue.") var venue: String?
    @Option(help: "Held digitally on this platform (Teams), or true when the platform is not known.") var digital:
        String?
    @Option(help: "A note, for example who called the meeting.") var note: String?

    func run() throws {
        let data = try options.loadOrExit().data
        guard let day = LocalDate(iso: date) else {
            throw ValidationError("--date \"\(date)\" is not a date as YYYY-MM-DD")
        }
        let parts = time.split(separator: "-").map(String.init)
        guard (1...2).contains(parts.count), let start = LocalTime(text: parts[0]) else {
            throw ValidationError("--time \"\(time)\" is not HH:MM or HH:MM-HH:MM")
        }
        var end: LocalTime?
        if parts.count == 2 {
            guard let given = LocalTime(text: parts[1]) else {
                throw ValidationError("--time \"\(time)\": the end is not HH:MM")
            }
            end = given
        }
        let placeGiven = Place(
            municipality: place, venue: venue, digital: digital.flatMap(DigitalMeeting.init(written:)))
        let extra = ExtraMeeting(body: body, date: day, start: start, end: end, place: placeGiven, note: note)
        let meeting: Meeting
        switch extra.meeting(in: data) {
        case .success(let made): meeting = made
        case .failure(let error): throw ValidationError(error.description)
        }

        var proposed = data
        proposed.meetings.append(meeting)
        let errors = DataValidator.errors(in: proposed)
        guard errors.isEmpty else {
            for error in errors { StandardError.print(error.description) }
            StandardError.print("nothing written: the extra meeting would make the data invalid")
            throw ExitCode(1)
        }
        let directory = try options.directory
        let file = "\(directory)/\(day.year).yaml"
        let text = YearFileEdit.appending(
            meeting, data: data, to: (try? String(contentsOfFile: file, encoding: .utf8)) ?? "",
            comment: "Extra meeting added by `kalendarium extra` (the agreement, § 4).")
        do {
            try AtomicFile.write(Data(text.utf8), to: file)
        } catch {
            StandardError.print("error: cannot write \(file): \(error.localizedDescription)")
            throw ExitCode(1)
        }
        // Read it back the way every other command will, so a mistake shows now.
        let check = CalendarDirectory.load(directory)
        guard check.isUsable else {
            for error in check.errors { StandardError.print(error.description) }
            throw ExitCode(1)
        }
        print("added \(meeting.id) to \(file)")
        for warning in check.warnings where warning.date == day { print(warning.description) }
    }
}
