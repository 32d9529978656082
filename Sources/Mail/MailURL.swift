import Foundation

/// Where mail goes, from a URL: `maildir:PATH` (the default, for a local mailbox),
/// `sendmail:` (the local sendmail program), `smtp://user:pass@host:587` (STARTTLS)
/// or `smtps://user:pass@host:465` (TLS); and where answers come from (`inbox`).
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

    /// The inbox `--mail-in` names: `maildir:PATH`, the maildir the organizer address
    /// delivers into, absolute or relative to `base` (by default the working directory);
    /// `~/` is the home directory. The result holds the absolute path, so reports name it whole.
    public static func inbox(_ url: String, relativeTo base: String? = nil) throws(InboxError) -> MaildirInbox {
        let example = "maildir:/var/mail/kalendarium-svar"
        guard url.hasPrefix("maildir:") else {
            if url.hasPrefix("/") || url.hasPrefix(".") || !url.contains(":") {
                throw InboxError("--mail-in \"\(url)\" needs its scheme: write maildir:\(url)")
            }
            throw InboxError(
                "--mail-in \"\(redacted(url))\": answers are read from a maildir only; write --mail-in maildir:PATH "
                    + "(as \(example)) and let the MTA or fetchmail deliver the organizer address's mail there")
        }
        var path = String(url.dropFirst("maildir:".count))
        if path.hasPrefix("//") { path.removeFirst(2) }  // maildir:///var/mail/x, URL style
        guard !path.isEmpty else { throw InboxError("--mail-in maildir: needs a directory, as \(example)") }
        if path.hasPrefix("~/") {
            path = FileManager.default.homeDirectoryForCurrentUser.path + path.dropFirst()
        } else if !path.hasPrefix("/") {
            let base = base ?? FileManager.default.currentDirectoryPath
            path = (base.hasSuffix("/") ? base : base + "/") + path
        }
        // `a/./b/` and `a//b` as `a/b`, without resolving links: the folders stay where the path says.
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == ".." { _ = parts.popLast() } else { parts.append(part) }
        }
        return MaildirInbox(directory: "/" + parts.joined(separator: "/"))
    }
}
