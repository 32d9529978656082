public import KalendariumCore
import Mustache

/// The web page people open to subscribe and to see what is coming, rendered from
/// `Templates/page.html.mustache`. Mustache escapes every `{{value}}`, so text from the
/// data cannot inject markup.
public struct PageView: Sendable {
    /// A feed the page offers (feeds behind a token are left out by the caller).
    public struct Feed: Sendable {
        public let title: String
        public let description: String
        /// The feed's `https://` (or `http://`) address.
        public let url: String

        public init(title: String, description: String, url: String) {
            self.title = title
            self.description = description
            self.url = url
        }
    }

    /// The published data; nil before any load has succeeded.
    public let data: CalendarData?
    public let feeds: [Feed]
    public let warnings: [Diagnostic]
    /// Why the service is degraded, as `/healthz` words it.
    public let problems: [String]
    public let builtAt: UTCInstant?

    public init(
        data: CalendarData?, feeds: [Feed], warnings: [Diagnostic], problems: [String], builtAt: UTCInstant?
    ) {
        self.data = data
        self.feeds = feeds
        self.warnings = warnings
        self.problems = problems
        self.builtAt = builtAt
    }

    public func render(now: UTCInstant) -> String { Templates.page.render(context(now: now)) }

    func context(now: UTCInstant) -> [String: Any] {
        let today = StockholmTime.local(now).date
        var context: [String: Any] = ["problems": problems, "hasProblems": !problems.isEmpty, "hasData": data != nil]
        guard let data else { return context }
        context["feeds"] = feeds.map { feed -> [String: Any] in
            let webcal =
                "webcal://" + (feed.url.split(separator: "://", maxSplits: 1).last.map(String.init) ?? feed.url)
            return ["title": feed.title, "description": feed.description, "http": feed.url, "webcal": webcal]
        }
        context["bodies"] = data.bodies.map { body -> [String: Any] in
            let coming = data.meetings.filter {
                $0.subject == .body(body.slug) && ($0.schedule.lastDay.map { $0 >= today } ?? false)
            }.sorted { $0.schedule.firstDay! < $1.schedule.firstDay! }.prefix(6)
            return ["name": body.name, "meetings": coming.map { row($0, data) }, "hasMeetings": !coming.isEmpty]
        }
        let conferences = data.conferences
        context["conferenceNames"] = conferences.map(\.name)
        let rotations = conferences.map { try? HostRotation(conference: $0, municipalities: data.municipalities) }
        context["rotation"] = (today.year...(today.year + 9)).map { year -> [String: Any] in
            let cells = rotations.map { rotation in rotation?.entry(for: year).map { Swedish.hostCell($0, data) } ?? "–"
            }
            return ["year": year, "cells": cells]
        }
        context["years"] = archive(data)
        context["hasWarnings"] = !warnings.isEmpty
        context["warnings"] = warnings.map { w -> [String: Any] in
            let subject = w.subject.map { slug in data.body(slug)?.name ?? data.conference(slug)?.name ?? slug } ?? ""
            return [
                "when": w.date.map(Swedish.shortDate) ?? w.year.map(String.init) ?? "", "subject": subject,
                "rule": Swedish.deviation(w),
            ]
        }
        if let builtAt {
            let built = StockholmTime.local(builtAt)
            context["builtAt"] = Swedish.shortDateTime(built.date, built.time)
        }
        return context
    }

    /// Every meeting and conference, newest year first, each row with the meeting's id
    /// (`PageAnchor.meeting`): the place each feed event's URL points at, so it exists for
    /// past and cancelled meetings too.
    func archive(_ data: CalendarData) -> [[String: Any]] {
        func day(_ m: Meeting) -> LocalDate {
            if let first = m.schedule.firstDay { return first }
            if case .undated(let year, let season) = m.schedule {
                return LocalDate(year: year, month: season?.months.lowerBound ?? 1, day: 1)!
            }
            return LocalDate(year: m.year, month: 1, day: 1)!
        }
        let byYear = Dictionary(grouping: data.meetings, by: \.year)
        return byYear.keys.sorted(by: >).map { year -> [String: Any] in
            let meetings = byYear[year]!.sorted { (day($0), $0.id) < (day($1), $1.id) }
            return [
                "year": year,
                "meetings": meetings.map { m -> [String: Any] in
                    var cells = row(m, data)
                    cells["id"] = PageAnchor.meeting(m)
                    cells["subject"] = data.name(of: m.subject)
                    if case .undated(let y, let season) = m.schedule { cells["date"] = Swedish.undated(season, y) }
                    if m.status == .cancelled { cells["cancellation"] = Swedish.cancellation(m) }
                    return cells
                },
            ]
        }
    }

    func row(_ m: Meeting, _ data: CalendarData) -> [String: Any] {
        let time: String
        switch m.schedule {
        case .timed(let sd, let s, let ed, let e):
            time = ed == sd ? "\(s)–\(e)" : "\(s) – \(Swedish.shortDate(ed)) \(e)"
        case .allDay: time = Swedish.allDay
        case .undated: time = ""
        }
        var what = Swedish.kind(m.kind).capitalizedFirst
        if let status = Swedish.status(m.status) { what += " (\(status))" }
        var row: [String: Any] = [
            "date": m.schedule.firstDay.map(Swedish.shortDate) ?? "", "time": time, "what": what,
            "place": Swedish.place(m.place, data) ?? "",
        ]
        row["chair"] = Swedish.chair(of: m, data)
        return row
    }
}
