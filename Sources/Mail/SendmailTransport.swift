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
/// Exit status 75 (EX_TEMPFAIL) is temporary; any other failure is permanent. A delivery
/// that takes longer than `defaultTimeout` is stopped and temporary.
public struct SendmailTransport: MailTransport {
    public let program: String
    /// How long one delivery may take, from the start of the program to its exit. A
    /// sendmail hands a message to its queue in well under a second; one still running
    /// after a minute is stuck (on a full disk, a lock, a relay it delivers to at once),
    /// and without a limit it would hold the whole reminder pass for ever.
    static let defaultTimeout = Duration.seconds(60)
    /// After SIGTERM, the time sendmail has to exit (and remove a half-written queue
    /// file) before SIGKILL.
    static let terminationGrace = Duration.seconds(5)
    /// What of sendmail's standard error is kept for the message: its first line says why.
    static let keptErrorBytes = 4096

    let timeout: Duration

    public init(program: String = "/usr/sbin/sendmail") { self.init(program: program, timeout: Self.defaultTimeout) }

    /// With another limit than `defaultTimeout`: for tests, which cannot wait a minute.
    init(program: String, timeout: Duration) {
        self.program = program
        self.timeout = timeout
    }

    /// A sendmail that exits without reading its input leaves a broken pipe. Writing to
    /// it must be an error this transport reports (and the outbox retries), not a
    /// SIGPIPE that ends the process: so from the first delivery on the process ignores
    /// SIGPIPE, as servers do (NIO's sockets never raise it; a pipe to a child does).
    private static let brokenPipesAreErrors: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    /// How a run of the program ended.
    private enum Outcome: Sendable {
        case exited(TerminationStatus, firstErrorLine: String)
        case failedToRun(any Error)
        case timedOut
    }

    public func deliver(_ mail: OutgoingMail) async throws(MailError) {
        Self.brokenPipesAreErrors
        guard FileManager.default.isExecutableFile(atPath: program) else {
            throw MailError(.temporary, "\(program) is not there or not executable; install an MTA or use maildir:")
        }
        // sendmail wants the local line ends; it makes them CRLF on the wire itself.
        let message = Array(mail.rendered.replacing("\r\n", with: "\n").utf8)
        let timeout = self.timeout
        let outcome = await withTaskGroup(of: Outcome?.self) { group in
            group.addTask { await execute(message, for: mail) }
            group.addTask {
                do { try await Task.sleep(for: timeout) } catch { return nil }
                return .timedOut
            }
            // The first outcome decides. Cancelling the other task stops the clock, or
            // tears the program down (see `execute`), and the group waits until it is gone.
            for await case let outcome? in group {
                group.cancelAll()
                return outcome
            }
            preconditionFailure("the program's task always has an outcome")
        }
        switch outcome {
        case .exited(.exited(0), _):
            return
        case _ where Task.isCancelled:
            // Stopped because the caller gave up (a shutdown, say), not for what the
            // message is: it waits for the next run.
            throw MailError(.temporary, "the delivery was cancelled and \(program) stopped")
        case .exited(.exited(let code), let detail):
            throw MailError(code == 75 ? .temporary : .permanent, "\(program) exited with \(code) \(detail)")
        case .exited(.signaled(let signal), let detail):
            throw MailError(.permanent, "\(program) was killed by signal \(signal) \(detail)")
        case .failedToRun(let error):
            throw MailError(.temporary, "cannot run \(program): \(error)")
        case .timedOut:
            // It may have queued the message before it got stuck: sent again, it is
            // flagged uncertain.
            throw MailError(
                .temporary,
                "\(program) did not finish within \(timeout.components.seconds) s and was stopped; "
                    + "the MTA's log should say what it waits for",
                uncertain: true)
        }
    }

    /// Runs the program with the message on its standard input. Cancelled, subprocess
    /// tears it down: SIGTERM, then SIGKILL after `terminationGrace`, both to a process
    /// group of its own, so that what it started (postdrop, a delivery agent) stops too.
    private func execute(_ message: [UInt8], for mail: OutgoingMail) async -> Outcome {
        var options = PlatformOptions()
        options.processGroupID = 0
        options.teardownSequence = [
            .gracefulShutDown(toProcessGroup: true, allowedDurationToNextStep: Self.terminationGrace)
        ]
        do {
            let result = try await run(
                .path(FilePath(program)), arguments: ["-i", "-f", mail.from, "--", mail.to],
                platformOptions: options, input: .inputWriter, output: .discarded, error: .sequence
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
            return .exited(result.terminationStatus, firstErrorLine: result.closureResult)
        } catch {
            return .failedToRun(error)
        }
    }

    /// The first line of what the program writes to `stream`, reading it to the end. The
    /// end comes when the program exits, even if a child it left in the background still
    /// holds the pipe open: subprocess (1.0.2, `Configuration.run`) then stops waiting
    /// and drains what the pipe holds. No grace is needed: what the program wrote before
    /// it exited is in the pipe by then, and a background child is not the program.
    private static func firstLine(of stream: SubprocessOutputSequence) async throws -> String {
        var kept: [UInt8] = []
        for try await buffer in stream where kept.count < keptErrorBytes {
            buffer.withUnsafeBytes { kept += $0.prefix(keptErrorBytes - kept.count) }
        }
        return String(decoding: kept, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
    }
}
