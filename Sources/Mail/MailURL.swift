import Foundation

/// Where mail goes, from a URL: `maildir:PATH` (the default, for a local mailbox),
/// `sendmail:` (the local sendmail program), `smtp://user:pass@host:587` (STARTTLS)
/// or `smtps://user:pass@host:465` (TLS).
public enum MailURL {
    public static func transport(_ url: String) throws(MailError) -> any MailTransport {
        if url.hasPrefix("maildir:") {
            let path = String(url.dropFirst("maildir:".count))
            guard !path.isEmpty else {
                throw MailError(.permanent, "maildir: needs a directory, as maildir:/var/mail/kalendarium")
            }
            return MaildirTransport(directory: path)
        }
        if url == "sendmail:" || url.hasPrefix("sendmail:") {
            let program = String(url.dropFirst("sendmail:".count))
            return SendmailTransport(program: program.isEmpty ? "/usr/sbin/sendmail" : program)
        }
        if url.hasPrefix("smtp://") || url.hasPrefix("smtps://") {
            return SMTPTransport(configuration: try SMTPConfiguration(url: url))
        }
        throw MailError(
            .permanent, "unknown mail URL \"\(redacted(url))\"; use maildir:PATH, sendmail:, smtp:// or smtps://")
    }

    /// The URL with any password replaced, for messages and logs.
    public static func redacted(_ url: String) -> String {
        guard let scheme = url.range(of: "://"), let at = url.range(of: "@", range: scheme.upperBound..<url.endIndex)
        else {
            return url
        }
        let credentials = url[scheme.upperBound..<at.lowerBound]
        guard let colon = credentials.firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + ":***" + String(url[at.lowerBound...])
    }
}
