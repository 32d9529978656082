import Mustache

/// The Mustache templates, embedded in the binary from `Templates/` at build time so
/// an installed `kalendarium` needs no resource folder beside it. A template that does
/// not parse fails the tests (`PresentationTests`), never a running daemon by surprise.
/// Every `.html` template escapes its values with `HTMLEscape` (see there for why not
/// Mustache's own).
enum Templates {
    static let page = parse(PackageResources.page_html_mustache, "page.html.mustache")
    static let meeting = parse(PackageResources.meeting_html_mustache, "meeting.html.mustache")
    static let minutes = parse(PackageResources.minutes_html_mustache, "minutes.html.mustache")
    static let minutesArticle = parse(PackageResources.minutes_article_html_mustache, "minutes-article.html.mustache")
    static let answer = parse(PackageResources.answer_html_mustache, "answer.html.mustache")
    static let workspace = parse(PackageResources.workspace_html_mustache, "workspace.html.mustache")
    static let workspaceSignIn = parse(PackageResources.ws_signin_html_mustache, "ws-signin.html.mustache")
    static let workspaceLink = parse(PackageResources.ws_link_html_mustache, "ws-link.html.mustache")
    static let workspaceMessage = parse(PackageResources.ws_message_html_mustache, "ws-message.html.mustache")
    static let workspaceOverview = parse(PackageResources.ws_overview_html_mustache, "ws-overview.html.mustache")
    static let workspaceMeetings = parse(PackageResources.ws_meetings_html_mustache, "ws-meetings.html.mustache")
    static let workspaceMeeting = parse(PackageResources.ws_meeting_html_mustache, "ws-meeting.html.mustache")
    static let workspaceChange = parse(PackageResources.ws_change_html_mustache, "ws-change.html.mustache")
    static let workspaceItems = parse(PackageResources.ws_items_html_mustache, "ws-items.html.mustache")
    static let workspaceItem = parse(PackageResources.ws_item_html_mustache, "ws-item.html.mustache")
    static let workspaceAgenda = parse(PackageResources.ws_agenda_html_mustache, "ws-agenda.html.mustache")
    static let workspaceMinutes = parse(PackageResources.ws_minutes_html_mustache, "ws-minutes.html.mustache")
    static let workspaceRotation = parse(PackageResources.ws_rotation_html_mustache, "ws-rotation.html.mustache")
    static let workspacePlan = parse(PackageResources.ws_plan_html_mustache, "ws-plan.html.mustache")

    /// Mustache resolves a `CONTENT_TYPE` pragma while it parses, from its own registry:
    /// the escaping is registered once, before the first template is parsed.
    private static let escapingRegistered: Void = MustacheContentTypes.register(
        EscapedHTML(), named: EscapedHTML.name)

    private static func parse(_ bytes: [UInt8], _ name: String) -> MustacheTemplate {
        _ = escapingRegistered
        var text = String(decoding: bytes, as: UTF8.self)
        // A pragma on a line of its own leaves no trace in the output.
        if name.hasSuffix(".html.mustache") { text = "{{% CONTENT_TYPE: \(EscapedHTML.name)}}\n" + text }
        do { return try MustacheTemplate(string: text) } catch {
            fatalError("Templates/\(name) does not parse: \(error)")
        }
    }
}
