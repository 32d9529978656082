import Foundation

/// Hands each message to the local `sendmail -i -f FROM -- TO` (Postfix, exim, msmtp…).
/// Exit status 75 (EX_TEMPFAIL) is temporary; any other failure is permanent.
public struct SendmailTransport: MailTransport {
    public let program: String

    public init(program: String = "/usr/sbin/sendmail") { self.program = program }

    public func deliver(_ mail: OutgoingMail) async throws(MailError) {
        guard FileManager.default.isExecutableFile(atPath: program) else {
            throw MailError(.temporary, "\(program) is not there or not executable; install an MTA or use maildir:")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = ["-i", "-f", mail.from, "--", mail.to]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        do {
            try process.run()
            input.fileHandleForWriting.write(Data(mail.rendered.replacing("\r\n", with: "\n").utf8))
            try input.fileHandleForWriting.close()
        } catch {
            throw MailError(.temporary, "cannot run \(program): \(error.localizedDescription)")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let detail =
                String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                .split(separator: "\n").first.map(String.init) ?? ""
            let kind: MailError.Kind = process.terminationStatus == 75 ? .temporary : .permanent
            throw MailError(kind, "\(program) exited with \(process.terminationStatus) \(detail)")
        }
    }
}
