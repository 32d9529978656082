import Synchronization
import Testing

@testable import Mail

/// `?connections=N`: a batch spread over several connections at once, against a real
/// server on loopback.
@Suite struct SMTPConnectionsTests {
    static func batch(_ count: Int) -> [OutgoingMail] {
        (0..<count).map {
            OutgoingMail(
                from: "kansli@example.org", to: "p\($0)@example.org", messageID: "\($0)@kalendarium",
                rendered: "Subject: Påminnelse \($0)\r\n\r\nHej\r\n")
        }
    }

    /// A server that takes everything, offering PIPELINING; records the subject of
    /// each message that arrived.
    /// The subject of each message that arrived at the server.
    final class Arrived: Sendable {
        let subjects = Mutex<[String]>([])
        var sorted: [String] { subjects.withLock { $0.sorted() } }
    }

    static func server(
        arrived: Arrived, greeting: @escaping @Sendable (Int) -> String = { _ in "220 fake ESMTP\r\n" }
    ) async throws -> ScriptedSMTPServer {
        try await ScriptedSMTPServer(greeting: greeting) { line in
            let command = line.uppercased()
            if command.hasPrefix("EHLO") { return "250-fake\r\n250 PIPELINING\r\n" }
            if command.hasPrefix("MAIL FROM") || command.hasPrefix("RCPT TO") { return "250 ok\r\n" }
            if command == "DATA" { return "354 go ahead\r\n" }
            if command == "." { return "250 queued\r\n" }
            if command == "QUIT" { return "221 bye\r\n" }
            // The data: each message's subject says which it is.
            if line.hasPrefix("Subject: ") {
                arrived.subjects.withLock { $0.append(String(line.dropFirst("Subject: ".count))) }
            }
            return nil
        }
    }

    @Test func aBatchIsSpreadOverTheConnectionsAskedFor() async throws {
        let arrived = Arrived()
        let server = try await Self.server(arrived: arrived)
        let transport = SMTPTransport(
            configuration: try SMTPConfiguration(
                url: "smtp://127.0.0.1:\(server.port)?starttls=never&timeout=5&connections=3"))
        let results = await transport.deliver(batch: Self.batch(7))
        try await server.stop()
        #expect(results.count == 7)
        #expect(results.allSatisfy { if case .success = $0 { true } else { false } }, "\(results)")
        #expect(server.connections == 3)
        #expect(arrived.sorted == (0..<7).map { "Påminnelse \($0)" }.sorted())
    }

    /// A server that allows one connection at a time per client refuses the others at
    /// the greeting; their messages go over another connection, not to a retry a minute on.
    @Test func messagesOfRefusedConnectionsGoOverOneThatWorked() async throws {
        let arrived = Arrived()
        let server = try await Self.server(arrived: arrived) { number in
            // One at a time: the three made beside the first are refused; the one made
            // after them, once they are closed, is not.
            (1...3).contains(number) ? "421 4.7.0 too many connections from your address\r\n" : "220 fake ESMTP\r\n"
        }
        let transport = SMTPTransport(
            configuration: try SMTPConfiguration(
                url: "smtp://127.0.0.1:\(server.port)?starttls=never&timeout=5&connections=4"))
        let results = await transport.deliver(batch: Self.batch(8))
        try await server.stop()
        #expect(results.allSatisfy { if case .success = $0 { true } else { false } }, "\(results)")
        #expect(arrived.sorted.count == 8)
        // Four at once, then one for the three refused connections' messages.
        #expect(server.connections == 5)
    }

    @Test func everyConnectionRefusedFailsEveryMessageAsTheServerSaid() async throws {
        let arrived = Arrived()
        let server = try await Self.server(arrived: arrived) { _ in "421 4.3.2 shutting down\r\n" }
        let transport = SMTPTransport(
            configuration: try SMTPConfiguration(
                url: "smtp://127.0.0.1:\(server.port)?starttls=never&timeout=5&connections=2"))
        let results = await transport.deliver(batch: Self.batch(3))
        try await server.stop()
        for result in results {
            guard case .failure(let error) = result as Result<Void, MailError> else {
                Issue.record("a message went through a refused connection")
                continue
            }
            #expect(error.kind == MailError.Kind.temporary && error.message.contains("421 4.3.2 shutting down"))
        }
        #expect(server.connections == 2)
    }

    @Test(arguments: ["0", "17", "two", ""])
    func aWrongNumberOfConnectionsIsExplained(value: String) {
        #expect(throws: MailError.self) {
            try SMTPConfiguration(url: "smtp://mail.example.org?connections=\(value)")
        }
        do {
            _ = try SMTPConfiguration(url: "smtp://mail.example.org?connections=\(value)")
        } catch {
            #expect(error.message.contains("connections=\(value) must be a whole number from 1 to 16"))
        }
    }
}
