import Feeds
import Hummingbird
import KalendariumCore
import Mustache

/// `GET /`: the page people open to subscribe and to see what is coming.
enum WebPage {
    static let template: MustacheTemplate = {
        do { return try MustacheTemplate(string: PageTemplate.html) } catch {
            fatalError("PageTemplate.html: \(error)")
        }
    }()

    static func response(state: CalendarState, options: ServerOptions, now: UTCInstant) -> Response {
        let html = template.render(context(state: state, options: options, now: now))
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static func context(state: CalendarState, options: ServerOptions, now: UTCInstant) -> [String: Any] {
        let today = StockholmTime.local(now).date
        let problems = state.problems
        var context: [String: Any] = [
            "problems": problems, "hasProblems": !problems.isEmpty, "hasData": state.published != nil,
        ]
        guard let published = state.published else { return context }
        let data = published.data
        let base = published.pageURL
        context["feeds"] = published.feedNames.filter { options.feedTokens[$0] == nil }.compactMap {
            name -> [String: Any]? in
            guard let feed = published.feeds[name] else { return nil }
            let http = base + "calendars/" + name
            let webcal = "webcal://" + (http.split(separator: "://", maxSplits: 1).last.map(String.init) ?? http)
            return ["title": feed.title, "description": feed.description, "http": http, "webcal": webcal]
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
            let cells = rotations.map { rotation -> String in
                guard let entry = rotation?.entry(for: year) else { return "–" }
                if entry.status == .cancelled { return "inställt" }
                if let network = entry.network { return data.network(network)?.name ?? network }
                let names = entry.hosts.map { data.municipality($0)?.name ?? $0 }
                return Swedish.list(names) + (entry.status == .digital ? " (digitalt)" : "")
            }
            return ["year": year, "cells": cells]
        }
        context["hasWarnings"] = !published.warnings.isEmpty
        context["warnings"] = published.warnings.map { w -> [String: Any] in
            let subject = w.subject.map { slug in data.body(slug)?.name ?? data.conference(slug)?.name ?? slug } ?? ""
            return [
                "when": w.date.map(PageText.date) ?? w.year.map(String.init) ?? "", "subject": subject,
                "rule": PageText.rule(w.rule),
            ]
        }
        let built = StockholmTime.local(published.builtAt)
        context["builtAt"] = "\(PageText.date(built.date)) kl. \(built.time)"
        return context
    }

    static func row(_ m: Meeting, _ data: CalendarData) -> [String: Any] {
        let time: String
        switch m.schedule {
        case .timed(let sd, let s, let ed, let e): time = ed == sd ? "\(s)–\(e)" : "\(s) – \(PageText.date(ed)) \(e)"
        case .allDay: time = PageText.allDay
        case .undated: time = ""
        }
        var what = Swedish.kind(m.kind).capitalizedFirst
        if let status = PageText.status(m.status) { what += " (\(status))" }
        var place: [String] = []
        if let venue = m.place?.venue { place.append(venue) }
        if let slug = m.place?.municipality { place.append(data.municipality(slug)?.name ?? slug) }
        if let digital = m.place?.digital { place.append(digital == "digitalt" ? "Digitalt" : "Digitalt (\(digital))") }
        return [
            "date": m.schedule.firstDay.map(PageText.date) ?? "", "time": time, "what": what,
            "place": place.joined(separator: ", "),
        ]
    }
}
