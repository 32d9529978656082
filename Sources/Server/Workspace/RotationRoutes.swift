import Hummingbird
import KalendariumCore
import Presentation
import Store

/// *Värdskap*: the rotation years ahead, and its overrides (swap two years, cancel a
/// year, hold it digitally, explicit hosts) written to `conferences.yaml` through the
/// same preview-then-save path as the meetings. *Planera år*: the year's plan from the
/// rules beside what the data holds, and adopting it as `calendars/YEAR.yaml`.
extension Workspace {
    func registerRotation(on router: Router<AppRequestContext>) {
        router.get(RouterPath(WorkspacePaths.rotation)) { request, _ in
            try await page(request) { signed in
                let notice = request.uri.queryParameters.get("sparat").map { "Ändringen är sparad i calendars/\($0)." }
                return WorkspaceResponse.html(
                    .ok, WorkspacePage.rotation(signed.viewer, data: signed.data, from: today.year, notice: notice))
            }
        }
        router.post(RouterPath(WorkspacePaths.rotation)) { request, _ in
            try await form(request) { signed, form in
                guard signed.person.mayEditData, editor != nil else { return forbidden(signed) }
                let hosts = form.fields.filter { $0.0 == "vard" }.map(\.1)
                func again(
                    _ status: HTTPResponse.Status, error: String?, preview: WorkspacePage.Change? = nil
                )
                    -> Response
                {
                    WorkspaceResponse.html(
                        status,
                        WorkspacePage.rotation(
                            signed.viewer, data: signed.data, from: today.year, form: form.dictionary, hosts: hosts,
                            error: error, preview: preview))
                }
                guard let year = form["ar"].flatMap({ Int($0) }), (1900...2199).contains(year) else {
                    return again(.unprocessableContent, error: "Skriv året som fyra siffror.")
                }
                let change: RotationOverride.Change
                switch form["typ"] {
                case "byte":
                    guard let other = form["ar2"].flatMap({ Int($0) }), other != year else {
                        return again(.unprocessableContent, error: "Skriv vilket år som byter värdar med \(year).")
                    }
                    change = .swap(year, other)
                case "installt": change = .cancelled(year)
                case "digitalt": change = .digital(year)
                case "vardar":
                    guard !hosts.isEmpty else {
                        return again(.unprocessableContent, error: "Kryssa i värdkommunerna.")
                    }
                    change = .hosts(year, hosts)
                default: return again(.unprocessableContent, error: "Välj en avvikelse.")
                }
                guard let note = form.given("notering") else {
                    return again(.unprocessableContent, error: "Skriv varför och när avvikelsen beslutades.")
                }
                return try await edit(
                    .rotation(conference: form["konferens"] ?? "", change, note: note), form: form, signed: signed,
                    action: WorkspacePaths.rotation, subject: { AuditEntry.file($0) },
                    show: { again($0, error: $1, preview: $2) })
            }
        }
        router.get(RouterPath(WorkspacePaths.plan)) { request, _ in
            try await page(request) { signed in
                let year =
                    request.uri.queryParameters.get("ar").flatMap { Int($0) }.flatMap {
                        (1900...2199).contains($0) ? $0 : nil
                    } ?? today.year + 1
                let notice = request.uri.queryParameters.get("sparat").map {
                    "Planen är antagen och sparad i calendars/\($0)."
                }
                return try await planPage(signed, year: year, form: nil, status: .ok, notice: notice)
            }
        }
        router.post(RouterPath(WorkspacePaths.plan)) { request, _ in
            try await form(request) { signed, form in
                guard signed.person.mayEditData, editor != nil else { return forbidden(signed) }
                guard let year = form["ar"].flatMap({ Int($0) }), (1900...2199).contains(year) else {
                    return try await planPage(signed, year: today.year + 1, form: nil, status: .unprocessableContent)
                }
                return try await planPage(signed, year: year, form: form, status: .ok)
            }
        }
    }

    /// The plan of `year`; for the secretariat, its year file as a change to preview or
    /// (with `steg=spara`) to save.
    func planPage(
        _ signed: SignedIn, year: Int, form: Form?, status: HTTPResponse.Status, notice: String? = nil
    ) async throws -> Response {
        guard let editor, let plan = await editor.plan(year: year) else {
            return WorkspaceResponse.html(.serviceUnavailable, WorkspacePage.unavailable())
        }
        func show(_ status: HTTPResponse.Status, _ error: String?, _ preview: WorkspacePage.Change?) -> Response {
            WorkspaceResponse.html(
                status,
                WorkspacePage.plan(
                    signed.viewer, plan, data: signed.data, notice: notice, error: error, preview: preview))
        }
        guard signed.person.mayEditData else { return show(status, nil, nil) }
        let fields = form ?? Form([("ar", "\(year)")])
        if form?["steg"] == "spara" {
            return try await edit(
                .adoptPlan(year: year), form: fields, signed: signed, action: WorkspacePaths.plan,
                subject: { AuditEntry.file($0) }, show: show)
        }
        let preview = await editor.preview(.adoptPlan(year: year))
        return show(
            status, nil,
            WorkspacePage.Change(
                file: "calendars/\(preview.file)", diff: LineDiff.lines(from: preview.before, to: preview.after),
                errors: preview.errors, warnings: preview.warnings, action: WorkspacePaths.plan,
                fields: [("ar", "\(year)")], version: preview.version))
    }
}
