import Foundation
import Subprocess

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#elseif canImport(Musl)
    import Musl
#endif

#if canImport(System)
    import System
#else
    import SystemPackage
#endif

/// Hands each message to the local `sendmail -i -f FROM -- TO` (Postfix, exim, msmtp…).
/// Exit status 75 (EX_TEMPFAIL) is temporary; any other failure is permanent.
public struct SendmailTransport: MailTransport {
    public let program: String

    /// What of sendmail's standard error is kept for the message: its first line says why.
    static let keptErrorBytes = 4096

    public init(program: String = "/usr/sbin/sendmail") { self.program = program }

    /// A sendmail that exits without reading its input leaves a broken pipe. Writing to
    /// it must be an error this transport reports (and the outbox retries), not a
    /// SIGPIPE that ends the process: so from the first delivery on the process ignores
    /// SIGPIPE, as servers do (NIO's sockets never raise it; a pipe to a child does).
    private static let brokenPipesAreErrors: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    public func deliver(_ mail: OutgoingMail) async throws(MailError) {
        Self.brokenPipesAreErrors
        guard FileManager.default.isExecutableFile(atPath: program) else {
            throw MailError(.temporary, "\(program) is not there or not executable; install an MTA or use maildir:")
        }
        // sendmail wants the local line ends; it makes them CRLF on the wire itself.
        let message = Array(mail.rendered.replacing("\r\n", with: "\n").utf8)
        let status: TerminationStatus
        let detail: String
        do {
            let result = try await run(
                .path(FilePath(program)), arguments: ["-i", "-f", mail.from, "--", mail.to], input: .inputWriter,
                output: .discarded, error: .sequence
            ) { execution in
                // Standard error is read while the message is written, so a chatty
                // sendmail cannot block on a full pipe while we wait for it to read.
                async let detail = Self.firstLine(of: execution.standardError)
                do {
                    _ = try await execution.standardInputWriter.write(message)
                    try await execution.standardInputWriter.finish()
                } catch {
                    // A sendmail that stops reading says why in its exit status and on
                    // standard error, which say more than the broken pipe.
                }
                return try await detail
            }
            status = result.terminationStatus
            detail = result.closureResult
        } catch {
            throw MailError(.temporary, "cannot run \(program): \(error)")
        }
        switch status {
        case .exited(0):
            return
        case .exited(let code):
            throw MailError(code == 75 ? .temporary : .permanent, "\(program) exited with \(code) \(detail)")
        case .signaled(let signal):
            throw MailError(.permanent, "\(program) was killed by signal \(signal) \(detail)")
        }
    }

    /// The first line of what the program writes to `stream`, reading it to the end.
    private static func firstLine(of stream: SubprocessOutputSequence) async throws -> String {
        var kept: [UInt8] = []
        for try await buffer in stream where kept.count < keptErrorBytes {
            buffer.withUnsafeBytes { kept += $0.prefix(keptErrorBytes - kept.count) }
        }
        return String(decoding: kept, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
    }
}
