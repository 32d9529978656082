import Foundation
import Hummingbird
import KalendariumCore
import Presentation
import Store

/// *Ärenden*: the outstanding items, filtered by status, body and text; a new item,
/// and an item changed or closed, with its history and audit entries. The same
/// checks as the items API (``Item/problems(in:)``) decide what may be saved.
extension Workspace {
    func registerItems(on router: Router<AppRequestContext>) {
        router.get(RouterPath(WorkspacePaths.items)) { request, _ in
            try await page(request) { signed in
                // The filter is a form sent by GET: its spaces come as `+`, which
                // Hummingbird's query parameters keep as they are.
                let q = Form(AnswerRoutes.formFields(request.uri.query ?? ""))
                let query = WorkspacePage.ItemQuery(
                    status: q["status"] ?? "oppna", body: q["organ"] ?? "", text: q["q"] ?? "")
                return WorkspaceResponse.html(
                    .ok,
                    WorkspacePage.items(
                        signed.viewer, items: try await filtered(query), query: query, data: signed.data,
                        people: signed.published.recipients, today: today))
            }
        }
        router.post(RouterPath(WorkspacePaths.items)) { request, _ in
            try await form(request) { signed, form in
                guard signed.person.mayEditData else { return forbidden(signed) }
                let owner = form.given("ansvarig").flatMap(Owner.init)
                let item = Item(
                    title: form["titel"] ?? "", description: form["beskrivning"] ?? "", body: form["organ"] ?? "",
                    owners: owner.map { [$0] } ?? [], due: form.given("klart").flatMap { LocalDate(iso: $0) })
                var problems = item.problems(in: signed.data)
                if form.given("klart") != nil, item.due == nil { problems.append("the due date is not YYYY-MM-DD") }
                guard problems.isEmpty else {
                    let query = WorkspacePage.ItemQuery()
                    return WorkspaceResponse.html(
                        .unprocessableContent,
                        WorkspacePage.items(
                            signed.viewer, items: try await filtered(query), query: query, data: signed.data,
                            people: signed.published.recipients, today: today, form: form.dictionary,
                            error: "Ärendet kan inte sparas: " + problems.joined(separator: "; ") + "."))
                }
                let saved = try await store.addItem(item)
                let id = saved.id ?? 0
                try await audit(signed, "item: added", AuditEntry.item(id), saved.title)
                return WorkspaceResponse.redirect(WorkspacePaths.item(id) + "?klart=ny")
            }
        }
        router.get("/arbetsyta/arenden/{id}") { request, context in
            try await page(request) { signed in
                guard let id = context.parameters.get("id").flatMap({ Int64($0) }),
                    let item = try await store.item(id: id)
                else { return notFound(signed) }
                let notice: String? =
                    switch request.uri.queryParameters.get("klart") {
                    case "ny": "Ärendet är tillagt."
                    case "sparat": "Ärendet är sparat."
                    default: nil
                    }
                return WorkspaceResponse.html(
                    .ok,
                    WorkspacePage.item(
                        signed.viewer, item, data: signed.data, today: today,
                        audit: try await store.auditEntries(subject: AuditEntry.item(id), limit: 50), notice: notice))
            }
        }
        router.post("/arbetsyta/arenden/{id}") { request, context in
            try await form(request) { signed, form in
                guard let id = context.parameters.get("id").flatMap({ Int64($0) }),
                    let item = try await store.item(id: id)
                else { return notFound(signed) }
                guard signed.person.mayEditData else { return forbidden(signed) }
                let status = form["status"].flatMap(Item.Status.init(rawValue:))
                let due: LocalDate?? =
                    form.given("klart").map { LocalDate(iso: $0) } ?? (form["klart"] != nil ? .some(nil) : nil)
                var changed = item
                changed.title = form["titel"] ?? item.title
                changed.description = form["beskrivning"] ?? item.description
                var problems = changed.problems(in: signed.data)
                if let due, due == nil, form.given("klart") != nil { problems.append("the due date is not YYYY-MM-DD") }
                guard problems.isEmpty else {
                    return WorkspaceResponse.html(
                        .unprocessableContent,
                        WorkspacePage.item(
                            signed.viewer, item, data: signed.data, today: today,
                            audit: try await store.auditEntries(subject: AuditEntry.item(id), limit: 50),
                            error: "Ärendet kan inte sparas: " + problems.joined(separator: "; ") + "."))
                }
                let note = form.given("kommentar") ?? "Ändrat i arbetsytan av \(signed.person.name)"
                let saved = try await store.updateItem(
                    id: id,
                    ItemChange(
                        title: changed.title, description: changed.description, due: due, status: status, note: note),
                    on: today)
                var what: [String] = []
                if saved.status != item.status { what.append("status \(saved.status.rawValue)") }
                if saved.title != item.title { what.append("title") }
                if saved.due != item.due { what.append("due \(saved.due.map { "\($0)" } ?? "none")") }
                if saved.description != item.description { what.append("description") }
                try await audit(signed, "item: changed", AuditEntry.item(id), what.joined(separator: ", "))
                return WorkspaceResponse.redirect(WorkspacePaths.item(id) + "?klart=sparat")
            }
        }
    }

    func filtered(_ query: WorkspacePage.ItemQuery) async throws -> [Item] {
        var filter = ItemFilter()
        switch query.status {
        case "alla": break
        case "oppna", "": filter.statuses = [.open, .inProgress]
        default: filter.statuses = Item.Status(rawValue: query.status).map { [$0] } ?? [.open, .inProgress]
        }
        if !query.body.isEmpty { filter.body = query.body }
        let items = try await store.items(filter)
        guard !query.text.isEmpty else { return items }
        return items.filter {
            $0.title.localizedCaseInsensitiveContains(query.text)
                || $0.description.localizedCaseInsensitiveContains(query.text)
        }
    }
}
