import Dispatch
import Foundation
import KalendariumCore
import Synchronization

/// Reads a `calendars/` directory: `municipalities.yaml`, `bodies.yaml`,
/// `conferences.yaml`, optional `rules.yaml` and `agendas.yaml`, and one `YYYY.yaml` per year.
public enum CalendarDirectory {
    /// Loads and validates `path`. Never throws: every problem, including a missing
    /// directory, comes back as a located error.
    public static func load(_ path: String) -> CalendarLoad {
        var errors: [Diagnostic] = []
        let directory = path.hasSuffix("/") ? String(path.dropLast()) : path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            let error = Diagnostic.error(
                .files,
                "no calendars directory here; pass --calendars DIR "
                    + "(the repository ships one in calendars/)",
                at: SourceLocation(file: directory, line: 0, column: 0))
            return CalendarLoad(
                data: CalendarData(municipalities: [], bodies: [], conferences: [], meetings: []),
                externalEvents: [], errors: [error], readingWarnings: [])
        }
        func document(
            _ name: String, required: Bool, keys: [String], parsed: Result<YAMLDocument, FileError>? = nil
        ) -> YAMLValue? {
            let file = "\(directory)/\(name)"
            do {
                let document: YAMLDocument
                if let parsed {
                    document = try parsed.get()
                } else {
                    guard let text = read(file, required: required, into: &errors) else { return nil }
                    document = try YAMLDocument(file: file, text: text)
                }
                guard let root = document.root else {
                    if required {
                        errors.append(
                            .error(.files, "the file is empty", at: SourceLocation(file: file, line: 1, column: 1)))
                    }
                    return nil
                }
                _ = try root.fields("\(name)", allowed: keys)
                return root
            } catch {
                errors.append(error.diagnostic)
                return nil
            }
        }

        let municipalitiesDoc = document("municipalities.yaml", required: true, keys: ["municipalities"])
        let bodiesDoc = document("bodies.yaml", required: true, keys: ["bodies", "networks"])
        let conferencesDoc = document("conferences.yaml", required: true, keys: ["conferences"])
        let rulesDoc = document(
            "rules.yaml", required: false,
            keys: ["non-meeting-periods", "preparation", "preparation-window-days", "planner", "reminders"])

        let municipalities = municipalitiesDoc.map { DefinitionFiles.municipalities($0, into: &errors) } ?? []
        let bodies = bodiesDoc.map { DefinitionFiles.bodies($0, into: &errors) } ?? []
        let networks = bodiesDoc.map { DefinitionFiles.networks($0, into: &errors) } ?? []
        let conferences = conferencesDoc.map { DefinitionFiles.conferences($0, into: &errors) } ?? []
        var rules = PlanningRules()
        if let rulesDoc {
            do { rules = try DefinitionFiles.rules(rulesDoc) } catch { errors.append(error.diagnostic) }
        }

        var meetings: [Meeting] = []
        var partialYears: Set<Int> = []
        let years = yearFiles(in: directory)
        let parsedYears = parseConcurrently(years.map { "\(directory)/\($0.1)" })
        for ((year, name), parsed) in zip(years, parsedYears) {
            if let doc = document(name, required: true, keys: ["meetings", "partial"], parsed: parsed) {
                meetings += MeetingFile.meetings(doc, year: year, bodies: bodies, into: &errors)
                do {
                    if try MeetingFile.isPartial(doc) { partialYears.insert(year) }
                } catch {
                    errors.append(error.diagnostic)
                }
            }
        }
        var data = CalendarData(
            municipalities: municipalities, bodies: bodies, networks: networks,
            conferences: conferences, meetings: meetings, rules: rules)
        data.partialYears = partialYears
        if let agendasDoc = document("agendas.yaml", required: false, keys: ["agendas"]) {
            data.agendaTemplates = AgendaTemplateFile.templates(agendasDoc, bodies: bodies, into: &errors)
        }
        if errors.isEmpty { errors = DataValidator.errors(in: data) }
        let external = ExternalCalendars.load(directory)
        errors += external.diagnostics.filter { $0.severity == .error }
        // Every file is read or reported: one left out would leave its meetings out of the feeds.
        let unread = DirectoryListing.unread(in: directory)
        errors += unread.filter { $0.severity == .error }
        return CalendarLoad(
            data: data, externalEvents: external.events, errors: errors,
            readingWarnings: (external.diagnostics + unread).filter { $0.severity == .warning })
    }

    /// Reads and parses `files` on every core, in order: the year files are most of a
    /// load (fifty years are fifty documents for Yams), and each is independent of the
    /// others. Each document is made on one thread and only read once it is handed back.
    static func parseConcurrently(_ files: [String]) -> [Result<YAMLDocument, FileError>] {
        let results = Mutex<[Int: ParsedFile]>([:])
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            var errors: [Diagnostic] = []
            let parsed: ParsedFile
            if let text = read(file, required: true, into: &errors) {
                parsed = ParsedFile(Result { () throws(FileError) in try YAMLDocument(file: file, text: text) })
            } else {
                let location = SourceLocation(file: file, line: 0, column: 0)
                parsed = ParsedFile(
                    .failure(FileError(errors.first ?? .error(.files, "cannot read the file", at: location))))
            }
            results.withLock { $0[index] = parsed }
        }
        return results.withLock { all in files.indices.map { all[$0]!.result } }
    }

    /// `YYYY.yaml` files, by year.
    static func yearFiles(in directory: String) -> [(Int, String)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.compactMap { name -> (Int, String)? in
            DirectoryListing.year(ofFile: name).map { ($0, name) }
        }.sorted { $0.0 < $1.0 }
    }

    private static func read(_ file: String, required: Bool, into errors: inout [Diagnostic]) -> String? {
        guard FileManager.default.fileExists(atPath: file) else {
            if required {
                errors.append(
                    .error(
                        .files, "missing file; see calendars/README.md for what it holds",
                        at: SourceLocation(file: file, line: 0, column: 0)))
            }
            return nil
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            errors.append(
                .error(
                    .files, "cannot read the file (permissions?)", at: SourceLocation(file: file, line: 0, column: 0)))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            errors.append(
                .error(
                    .files, "the file is not UTF-8 text; save it as UTF-8",
                    at: SourceLocation(file: file, line: 1, column: 1)))
            return nil
        }
        return text
    }
}

/// A parsed file on its way back from the thread that parsed it. Yams' nodes are not
/// marked Sendable, but nothing mutates a document once parsed, and the thread that
/// made it lets go of it when it hands it over.
struct ParsedFile: @unchecked Sendable {
    let result: Result<YAMLDocument, FileError>

    init(_ result: Result<YAMLDocument, FileError>) { self.result = result }
}
