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

    /// Sends the batch over `configuration.connections` connections at once (one by
    /// default), each message with its own result. A connection that fails part-way fails
    /// the rest of its messages as temporary, to be retried. When some connections are
    /// refused before sending anything (a server that limits connections per client)
    /// and another got through, their messages go again over one more connection.
    public func deliver(batch: [OutgoingMail], handOver: HandOver) async -> [Result<Void, MailError>] {
        guard !batch.isEmpty else { return [] }
        let count = min(configuration.connections, batch.count)
        guard count > 1 else { return await deliver(batch[...], handOver: handOver).results }
        // Every count-th message on each connection, so that each holds a fair share
        // of the batch's order and the first messages go out first.
        let parts = (0..<count).map { first in Array(stride(from: first, to: batch.count, by: count)) }
        var results = [Result<Void, MailError>?](repeating: nil, count: batch.count)
        var untried: [Int] = []
        var anyBegan = false
        await withTaskGroup(of: ([Int], [Result<Void, MailError>], Bool).self) { group in
            for part in parts {
                group.addTask {
                    let (results, began) = await deliver(ArraySlice(part.map { batch[$0] }), handOver: handOver)
                    return (part, results, began)
                }
            }
            for await (part, partResults, began) in group {
                anyBegan = anyBegan || began
                if !began { untried += part }
                for (index, result) in zip(part, partResults) { results[index] = result }
            }
        }
        if anyBegan && !untried.isEmpty {
            untried.sort()
            let (again, _) = await deliver(ArraySlice(untried.map { batch[$0] }), handOver: handOver)
            for (index, result) in zip(untried, again) { results[index] = result }
        }
        return results.map { $0 ?? .failure(MailError(.temporary, "the connection ended before this message")) }
    }

    /// Sends `batch` over one connection; also says whether it got as far as sending.
    private func deliver(
        _ batch: ArraySlice<OutgoingMail>, handOver: HandOver
    ) async -> (results: [Result<Void, MailError>], began: Bool) {
        let batch = Array(batch)
        var dialogue = SMTPClientStateMachine(configuration: configuration, batch: batch)
        var results = [Result<Void, MailError>?](repeating: nil, count: batch.count)
        do {
            try await SMTPConnection.open(configuration) { connection in
                await converse(&dialogue, over: &connection, batch: batch, handOver: handOver, results: &results)
            }
        } catch {
            record(dialogue.connectionFailed(error).outcomes, into: &results)
        }
        return (
            results.map { $0 ?? .failure(MailError(.temporary, "the connection ended before this message")) },
            dialogue.beganSending
        )
    }

    /// Performs the dialogue's actions until it says close.
    ///
    /// A message's record as sent starts the moment the server accepts it and runs
    /// while the next message's envelope and data go out; the next end-of-data dot waits
    /// for it. So the store's commit costs no round trip of its own, and still no more
    /// than one message per connection is ever past its dot and unrecorded (the one a
    /// kill can make arrive twice).
    private func converse(
        _ dialogue: inout SMTPClientStateMachine, over connection: inout SMTPConnection, batch: [OutgoingMail],
        handOver: HandOver, results: inout [Result<Void, MailError>?]
    ) async {
        var action = dialogue.connected()
        var recording: Task<Void, Never>?
        defer { precondition(recording == nil, "a record as sent left running") }
        while true {
            for case .delivered(let index) in action.outcomes {
                // Recorded from the moment the server has accepted it: a kill before the
                // record sends the message again (flagged uncertain); after it, never.
                // Only one can be pending: the next dot waits for it.
                await recording?.value
                let mail = batch[index]
                recording = Task { await handOver.delivered(mail) }
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
                await recording?.value
                recording = nil
                do {
                    try await handOver.prepare(batch[index])
                    action = dialogue.handOverAccepted()
                } catch {
                    action = dialogue.handOverRefused("\(error)")
                }
            case .close:
                await recording?.value
                recording = nil
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
