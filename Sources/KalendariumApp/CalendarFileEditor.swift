import BlockingPool
import CalendarFiles
import Foundation
public import KalendariumCore
public import Server

/// The workspace's changes to `calendars/`, made the way `kalendarium extra` makes
/// them: the change is applied to the file's text (``YearFileEdit``: comments and
/// order kept), the whole directory is loaded with the changed file in a scratch copy,
/// and only data that loads is written, atomically. After a save the daemon reloads,
/// so the feeds change at once; on a shared database the other daemons follow as they
/// follow any change of the files.
public actor CalendarFileEditor: CalendarEditing {
    let directory: String
    let reload: @Sendable () async -> Void

    public init(directory: String, reload: @escaping @Sendable () async -> Void) {
        self.directory = directory
        self.reload = reload
    }

    public func preview(_ change: CalendarChange) async -> CalendarEdit {
        let directory = self.directory
        return await BlockingPool.run { Self.edit(change, in: directory, version: nil, write: false) }
    }

    public func plan(year: Int) async -> YearPlan? {
        let directory = self.directory
        return await BlockingPool.run {
            let load = CalendarDirectory.load(directory)
            guard load.isUsable else { return nil }
            return Planner.plan(year: year, data: load.data, externalEvents: load.externalEvents)
        }
    }

    /// One save at a time, so two saves of one file cannot interleave.
    public func save(_ change: CalendarChange, version: String) async -> CalendarEdit {
        let directory = self.directory
        let edit = await BlockingPool.run { Self.edit(change, in: directory, version: version, write: true) }
        if edit.saved { await reload() }
        return edit
    }

    static func edit(_ change: CalendarChange, in directory: String, version: String?, write: Bool) -> CalendarEdit {
        let current = CalendarDirectory.load(directory)
        func failed(_ file: String, _ before: String, _ message: String) -> CalendarEdit {
            CalendarEdit(
                file: file, before: before, after: before, errors: [message], warnings: [],
                version: ContentHash.hex(before), saved: false)
        }
        guard current.isUsable else {
            return failed(
                "", "", "the data in \(directory) does not load now; run kalendarium check and fix it first")
        }
        let file: String
        let before: String
        let after: String
        let year: Int
        switch made(change, load: current, directory: directory) {
        case .failure(let error):
            return failed("", "", error.description)
        case .success(let result):
            (file, before, after, year) = result
        }
        let hash = ContentHash.hex(before)
        if let version, version != hash {
            return failed(
                file, before,
                "calendars/\(file) has changed since the change was shown; look at the new diff and save again")
        }
        // Load the whole directory with the changed file, in a scratch copy.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kalendarium-edit-\(UUID().uuidString)"
        ).path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        do {
            try FileManager.default.copyItem(atPath: directory, toPath: scratch)
            try AtomicFile.write(Data(after.utf8), to: "\(scratch)/\(file)")
        } catch {
            return failed(file, before, "cannot try the change in a scratch copy: \(error.localizedDescription)")
        }
        let check = CalendarDirectory.load(scratch)
        let errors = check.errors.map { $0.description.replacingOccurrences(of: scratch, with: "calendars") }
        let warnings = check.warnings.filter { $0.year == year || $0.date?.year == year }.map {
            $0.description.replacingOccurrences(of: scratch, with: "calendars")
        }
        guard errors.isEmpty, write else {
            return CalendarEdit(
                file: file, before: before, after: after, errors: errors, warnings: warnings, version: hash,
                saved: false)
        }
        do {
            try AtomicFile.write(Data(after.utf8), to: "\(directory)/\(file)")
        } catch {
            return failed(file, before, "cannot write calendars/\(file): \(error.localizedDescription)")
        }
        return CalendarEdit(
            file: file, before: before, after: after, errors: [], warnings: warnings, version: hash, saved: true)
    }

    /// The file a change edits, its text before and after, and the year it is about.
    static func made(
        _ change: CalendarChange, load: CalendarLoad, directory: String
    ) -> Result<
        (String, String, String, Int), CalendarEditError
    > {
        let data = load.data
        func text(_ file: String) -> String {
            (try? String(contentsOfFile: "\(directory)/\(file)", encoding: .utf8)) ?? ""
        }
        func located(_ id: String) -> Result<(Meeting, String, Int), CalendarEditError> {
            guard let meeting = data.meetings.first(where: { $0.id == id }) else {
                return .failure(CalendarEditError("no meeting \(id) in the data"))
            }
            guard let location = meeting.location else {
                return .failure(CalendarEditError("the data does not say which file holds \(id)"))
            }
            return .success((meeting, URL(fileURLWithPath: location.file).lastPathComponent, location.line))
        }
        func keys(
            _ id: String, _ make: (Meeting) -> Result<[(key: String, value: String?)], CalendarEditError>
        )
            -> Result<(String, String, String, Int), CalendarEditError>
        {
            located(id).flatMap { meeting, file, line in
                make(meeting).flatMap { keys in
                    let before = text(file)
                    return YearFileEdit.setting(keys, inItemAt: line, of: before).map {
                        (file, before, $0, meeting.year)
                    }
                }
            }
        }
        switch change {
        case .extra(let extra):
            return extra.meeting(in: data).map { meeting in
                let file = "\(extra.date.year).yaml"
                let before = text(file)
                let after = YearFileEdit.appending(
                    meeting, data: data, to: before,
                    comment: "Extra meeting added in the workspace (the agreement, § 4).")
                return (file, before, after, extra.date.year)
            }
        case .move(let id, let date, let start, let end):
            return keys(id) { meeting in
                guard case .timed(let sd, let s, let ed, let e) = meeting.schedule, sd == ed else {
                    return .failure(CalendarEditError("only a meeting on one day with a time can be moved here"))
                }
                guard date.year == sd.year else {
                    return .failure(
                        CalendarEditError("a meeting moves within its year; cancel it and add one in \(date.year)"))
                }
                let from = start ?? s
                let length = e.minutes - s.minutes
                let to =
                    end ?? LocalTime(
                        hour: min(from.minutes + length, 23 * 60 + 59) / 60,
                        minute: min(from.minutes + length, 23 * 60 + 59) % 60)!
                var keys: [(key: String, value: String?)] = [("date", "\(date)"), ("time", "\(from)-\(to)")]
                // Keep its identity, so its agenda, answers and minutes stay with it.
                if meeting.id == Meeting(subject: meeting.subject, schedule: meeting.schedule).id {
                    keys.append(("id", meeting.id))
                }
                return .success(keys)
            }
        case .place(let id, let place):
            return keys(id) { _ in
                .success([
                    ("municipality", place?.municipality), ("venue", place?.venue),
                    ("digital", place?.digital.map { $0.platform ?? "true" }),
                ])
            }
        case .rotation(let slug, let override, let note):
            guard let conference = data.conference(slug), let location = conference.location else {
                return .failure(CalendarEditError("no conference \(slug) in conferences.yaml"))
            }
            let note = note.trimmingWhitespace
            guard !note.isEmpty else {
                return .failure(CalendarEditError("an override needs a note that says why it was decided"))
            }
            let file = URL(fileURLWithPath: location.file).lastPathComponent
            let before = text(file)
            return YearFileEdit.appending(
                YearFileEdit.overrideEntry(override, note: note), toList: "overrides", inItemAt: location.line,
                of: before
            ).map { (file, before, $0, RotationOverride(override).years.first ?? 0) }
        case .adoptPlan(let year):
            let plan = Planner.plan(year: year, data: data, externalEvents: load.externalEvents)
            let file = "\(year).yaml"
            let after = MeetingYAML.yearFile(
                plan, data: data, header: MeetingYAML.planHeader(plan, data: data, by: "the workspace (Planera år)"))
            return .success((file, text(file), after, year))
        case .cancel(let id, let reason, let decided):
            return keys(id) { meeting in
                guard meeting.status != .cancelled else {
                    return .failure(CalendarEditError("\(id) is already cancelled"))
                }
                return .success([
                    ("status", "cancelled"), ("cancelled-on", "\(decided)"), ("cancelled-reason", reason),
                ])
            }
        }
    }
}
