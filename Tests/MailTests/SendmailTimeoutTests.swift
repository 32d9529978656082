import Foundation
import Testing

@testable import Mail

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A sendmail that does not finish cannot hold a delivery for ever.
@Suite struct SendmailTimeoutTests {
    static let mail = OutgoingMail(MIMETests.message())

    /// An MTA may leave a child in the background (a queue runner) that keeps standard
    /// error open: the delivery ends when sendmail exits, with what it wrote.
    @Test func aBackgroundChildHoldingStandardErrorDoesNotHoldTheDelivery() async throws {
        let programs = try StandInPrograms()
        defer { programs.remove() }
        let dir = programs.directory
        let queued = try programs.program("queued", "cat > /dev/null\nsleep 30 &\necho $! > \(dir)/queued.pid\nexit 0")
        let busy = try programs.program(
            "busy", "cat > /dev/null\necho 'queue full' >&2\nsleep 30 &\necho $! > \(dir)/busy.pid\nexit 75")
        defer {
            for file in ["queued.pid", "busy.pid"] {
                for pid in (try? programs.processIDs(in: file)) ?? [] { kill(pid, SIGKILL) }
            }
        }
        let clock = ContinuousClock()
        let start = clock.now
        try await SendmailTransport(program: queued).deliver(Self.mail)
        await #expect(throws: MailError(.temporary, "\(busy) exited with 75 queue full")) {
            try await SendmailTransport(program: busy).deliver(Self.mail)
        }
        // Not held for the children's 30 s; a loaded machine may take seconds to spawn and
        // reap the two programs, which the design does not bound, so the margin is wide.
        #expect(clock.now - start < .seconds(20))
        // The background children were left alone: they are the MTA's, not stuck.
        #expect(try programs.processIDs(in: "queued.pid").allSatisfy(StandInPrograms.isRunning))
    }

    /// A sendmail that never exits is stopped at the timeout, with what it started, and
    /// the delivery is temporary (and uncertain: it may have queued the message).
    @Test func aSendmailThatNeverExitsIsStoppedAtTheTimeout() async throws {
        let programs = try StandInPrograms()
        defer { programs.remove() }
        let stuck = try programs.program("stuck", "sleep 300 &\necho $$ $! > \(programs.directory)/stuck.pid\nwait")
        let transport = SendmailTransport(program: stuck, timeout: .seconds(1))
        let clock = ContinuousClock()
        let start = clock.now
        await #expect(
            throws: MailError(
                .temporary,
                "\(stuck) did not finish within 1 s and was stopped; the MTA's log should say what it waits for",
                uncertain: true)
        ) {
            try await transport.deliver(Self.mail)
        }
        // What the design bounds: the timeout, then at most the grace before SIGKILL; a
        // loaded machine adds spawn and reaping time it does not bound (9.5 s was seen with
        // several builds and test runs at once), far below the stuck program's 300 s.
        #expect(clock.now - start < .seconds(1) + SendmailTransport.terminationGrace + .seconds(20))
        let pids = try programs.processIDs(in: "stuck.pid")
        #expect(pids.count == 2)
        // The shell is reaped by then; its sleep, killed with it, may take a moment to go.
        let deadline = clock.now + .seconds(2)
        while pids.contains(where: StandInPrograms.isRunning), clock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(!pids.contains(where: StandInPrograms.isRunning), "\(pids)")
        for pid in pids { kill(pid, SIGKILL) }
    }
}
