/// An SMTP client on SwiftNIO: EHLO, STARTTLS (swift-nio-ssl), AUTH PLAIN or LOGIN,
/// PIPELINING when offered, dot-stuffing, a timeout on every reply, and one connection
/// for a whole batch of messages. The dialogue is `SMTPClientStateMachine`'s, the bytes
/// `SMTPConnection`'s; this type performs what the one says over the other.
public struct SMTPTransport: MailTransport {
    public let configuration: SMTPConfiguration

    public init(configuration: SMTPConfiguration) { self.configuration = configuration }

    public func deliver(_ mail: OutgoingMail) async throws(MailError) {
        let results = await deliver(batch: [mail], handOver: .none)
        if case .failure(let error) = results[0] { throw error }
    }

    /// Sends every message over one connection; each gets its own result. A connection
    /// that fails part-way fails the rest as temporary, to be retried.
    public func deliver(batch: [OutgoingMail], handOver: HandOver) async -> [Result<Void, MailError>] {
        guard !batch.isEmpty else { return [] }
        var dialogue = SMTPClientStateMachine(configuration: configuration, batch: batch)
        var results = [Result<Void, MailError>?](repeating: nil, count: batch.count)
        do {
            try await SMTPConnection.open(configuration) { connection in
                await converse(&dialogue, over: &connection, batch: batch, handOver: handOver, results: &results)
            }
        } catch {
            record(dialogue.connectionFailed(error).outcomes, into: &results)
        }
        return results.map { $0 ?? .failure(MailError(.temporary, "the connection ended before this message")) }
    }

    /// Performs the dialogue's actions until it says close.
    private func converse(
        _ dialogue: inout SMTPClientStateMachine, over connection: inout SMTPConnection, batch: [OutgoingMail],
        handOver: HandOver, results: inout [Result<Void, MailError>?]
    ) async {
        var action = dialogue.connected()
        while true {
            for case .delivered(let index) in action.outcomes {
                // Recorded the moment the server has accepted it: a kill before this
                // line sends the message again (flagged uncertain); after it, never.
                await handOver.delivered(batch[index])
            }
            record(action.outcomes, into: &results)
            if let text = action.send {
                do {
                    try await connection.send(text)
                } catch {
                    action = dialogue.connectionFailed(error)
                    continue
                }
            }
            switch action.next {
            case .reply:
                do {
                    action = dialogue.received(try await connection.reply())
                } catch {
                    action = dialogue.connectionFailed(error)
                }
            case .startTLS:
                do {
                    try await connection.startTLS()
                    action = dialogue.tlsEstablished()
                } catch {
                    action = dialogue.connectionFailed(error)
                }
            case .handOver(let index):
                do {
                    try await handOver.prepare(batch[index])
                    action = dialogue.handOverAccepted()
                } catch {
                    action = dialogue.handOverRefused("\(error)")
                }
            case .close:
                return
            }
        }
    }

    private func record(_ outcomes: [SMTPClientStateMachine.Outcome], into results: inout [Result<Void, MailError>?]) {
        for outcome in outcomes {
            switch outcome {
            case .delivered(let index): results[index] = .success(())
            case .failed(let index, let error): results[index] = .failure(error)
            }
        }
    }
}
