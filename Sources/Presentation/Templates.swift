import Mustache

/// The Mustache templates, embedded in the binary from `Templates/` at build time so
/// an installed `kalendarium` needs no resource folder beside it. A template that does
/// not parse fails the tests (`PresentationTests`), never a running daemon by surprise.
enum Templates {
    static let page = parse(PackageResources.page_html_mustache, "page.html.mustache")
    static let meeting = parse(PackageResources.meeting_html_mustache, "meeting.html.mustache")
    static let minutes = parse(PackageResources.minutes_html_mustache, "minutes.html.mustache")
    static let minutesArticle = parse(PackageResources.minutes_article_html_mustache, "minutes-article.html.mustache")
    static let reminder = parse(PackageResources.reminder_txt_mustache, "reminder.txt.mustache")
    static let reminderHTML = parse(PackageResources.reminder_html_mustache, "reminder.html.mustache")
    static let answer = parse(PackageResources.answer_html_mustache, "answer.html.mustache")

    private static func parse(_ bytes: [UInt8], _ name: String) -> MustacheTemplate {
        do { return try MustacheTemplate(string: String(decoding: bytes, as: UTF8.self)) } catch {
            fatalError("Templates/\(name) does not parse: \(error)")
        }
    }
}
