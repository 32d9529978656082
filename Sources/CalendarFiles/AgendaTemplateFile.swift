import KalendariumCore

/// Reads `calendars/agendas.yaml`: each body's agenda template, its points in order,
/// and a bare `topics` line where points added without a place go.
///
/// ```yaml
/// agendas:
///   ledningsgruppen:
///     - {title: Välkommen, kind: standing}
///     - {title: Utestående ärenden och föregående möten, kind: standing, fill: open-items}
///     - topics
///     - {title: Övriga frågor, kind: standing}
/// ```
enum AgendaTemplateFile {
    static func templates(_ doc: YAMLValue, bodies: [Body], into diagnostics: inout [Diagnostic]) -> [AgendaTemplate] {
        do throws(FileError) {
            let top = try doc.fields("agendas.yaml", allowed: ["agendas"])
            guard let agendas = top["agendas"] else { return [] }
            var templates: [AgendaTemplate] = []
            for (key, list) in try agendas.pairs("agenda templates by body (ledningsgruppen: [...])") {
                let body = try DefinitionFiles.slug(key)
                guard bodies.contains(where: { $0.slug == body }) else {
                    throw key.fail(
                        "unknown body \"\(body)\"" + Suggestion.hint(for: body, in: bodies.map(\.slug)),
                        rule: .unknownBody)
                }
                if templates.contains(where: { $0.body == body }) {
                    throw key.fail("a second template for \(body); keep one")
                }
                templates.append(try template(for: body, list))
            }
            return templates
        } catch {
            diagnostics.append(error.diagnostic)
            return []
        }
    }

    private static func template(for body: String, _ list: YAMLValue) throws(FileError) -> AgendaTemplate {
        var points: [AgendaTemplate.Point] = []
        var topicsAfter: Int?
        for entry in try list.list("agenda points") {
            if !entry.isMapping {
                guard try entry.string("a point or topics") == "topics" else {
                    throw entry.fail("expected a point ({title: …, kind: …}) or the word topics")
                }
                guard topicsAfter == nil else { throw entry.fail("topics is given twice; new points go in one place") }
                topicsAfter = points.count
                continue
            }
            let f = try entry.fields("an agenda point", allowed: ["title", "kind", "fill"])
            let title = try f.required("title").string("a title")
            guard !title.contains(where: \.isNewline) else { throw try f.required("title").fail("a title is one line") }
            points.append(
                AgendaTemplate.Point(
                    title: title, kind: try f["kind"]?.oneOf(AgendaKind.self, "kind") ?? .standing,
                    fill: try f["fill"]?.oneOf(AgendaFill.self, "fill")))
        }
        guard !points.isEmpty else { throw list.fail("the template of \(body) has no points") }
        return AgendaTemplate(body: body, points: points, topicsAfter: topicsAfter)
    }
}
