/// The client's side of one SMTP connection (RFC 5321) as a value: it is told what
/// happened (a reply, TLS in place, the hand-over's answer, the connection lost) and
/// answers with what to do next. It does no I/O and keeps no clock, so every turn of
/// the dialogue is tested without a socket (STYLE.md, examples 4 and 5); `SMTPTransport`
/// performs the actions over the channel.
///
/// One connection carries the whole batch: greeting, EHLO, STARTTLS and EHLO again,
/// AUTH, then for each message MAIL FROM, RCPT TO and DATA, the hand-over, then the
/// dot-stuffed data and its end-of-data dot in one write; RSET after a refused message;
/// QUIT at the end.
/// When the server offers PIPELINING (RFC 2920) the envelope is one write, and the next
/// message's envelope goes in the same write as the previous one's dot: one round trip
/// per message, not two.
struct SMTPClientStateMachine {
    /// What to do after an event, in this order: settle `outcomes`, write `send`, then `next`.
    struct Action: Equatable {
        /// Messages whose fate the event decided. A delivered message is recorded
        /// before anything else is written, so a kill cannot lose the record of it.
        var outcomes: [Outcome] = []
        /// Text to write: commands or data, with CRLF line ends.
        var send: String?
        var next: Next
    }

    enum Next: Equatable {
        /// Wait for the next reply, within the reply timeout, and pass it to `received(_:)`
        /// (or the failure to `connectionFailed(_:)`).
        case reply
        /// The server accepted STARTTLS: put TLS under the connection, then call
        /// `tlsEstablished()`. Putting it there fails when anything came after the 220:
        /// that came in clear, and must not be read as a reply over TLS.
        case startTLS
        /// The server waits for the message's data: ask the hand-over about it, then call
        /// `handOverAccepted()` (which sends the data and its dot in one write) or
        /// `handOverRefused(_:)`.
        case handOver(Int)
        /// The conversation is over: close the connection.
        case close
    }

    enum Outcome: Equatable {
        /// The server accepted message `index` (its reply to the end of data).
        case delivered(Int)
        case failed(Int, MailError)
    }

    private enum AuthStep: Equatable { case plain, loginUser, loginPassword, loginDone }

    /// The reply due next within a transaction.
    private enum EnvelopeStep: Equatable { case mailFrom, rcptTo, data }

    private enum State: Equatable {
        case connecting
        case greeting
        /// EHLO sent; `secure` when TLS is already in place (smtps:// or after STARTTLS).
        case ehlo(secure: Bool)
        case startTLS
        case upgrading
        case authenticating(AuthStep)
        /// Message `index`'s envelope; with PIPELINING all of it is sent at once, so the
        /// replies still due are read before the first refusal among them is reported.
        case envelope(Int, EnvelopeStep, refused: MailError?)
        case handingOver(Int)
        /// The dot is written; `pipelined` when the next message's envelope went with it.
        case endOfData(Int, pipelined: Bool)
        /// RSET sent after a refused message; `next` is the message after it.
        case resetting(next: Int)
        case quitting
        case closed
    }

    private let configuration: SMTPConfiguration
    private let batch: [OutgoingMail]
    private var state = State.connecting
    private var pipelining = false
    private var began = false

    init(configuration: SMTPConfiguration, batch: [OutgoingMail]) {
        self.configuration = configuration
        self.batch = batch
    }

    private var host: String { configuration.host }

    /// Whether the connection got as far as a first MAIL FROM: a connection refused at
    /// the greeting, EHLO, STARTTLS or AUTH has not, so none of its messages was tried.
    var beganSending: Bool { began }

    // MARK: - Events

    /// The TCP (or TLS) connection is up: the server speaks first.
    mutating func connected() -> Action {
        precondition(state == .connecting, "connected twice")
        state = .greeting
        return Action(next: .reply)
    }

    mutating func received(_ reply: SMTPResponse) -> Action {
        switch state {
        case .greeting:
            guard reply.code == 220 else { return setupFailed(refusal(reply, "the greeting")) }
            return ehlo(secure: configuration.security == .implicitTLS)
        case .ehlo(let secure):
            guard reply.code == 250 else { return setupFailed(refusal(reply, "EHLO \(configuration.heloName)")) }
            let extensions = reply.lines.map { $0.uppercased() }
            if !secure && (configuration.security == .startTLSRequired || configuration.security == .startTLSIfOffered)
            {
                if extensions.contains(where: { $0.hasPrefix("STARTTLS") }) {
                    state = .startTLS
                    return Action(send: "STARTTLS\r\n", next: .reply)
                }
                if configuration.security == .startTLSRequired {
                    return setupFailed(
                        MailError(
                            .permanent,
                            "\(host) does not offer STARTTLS; refusing to send the password in clear "
                                + "(use smtps:// or add ?starttls=never for a trusted local relay)"))
                }
            }
            pipelining = extensions.contains { $0.hasPrefix("PIPELINING") }
            return authenticate(offered: extensions)
        case .startTLS:
            guard reply.code == 220 else { return setupFailed(refusal(reply, "STARTTLS")) }
            state = .upgrading
            return Action(next: .startTLS)
        case .authenticating(let step):
            return authenticating(step, reply)
        case .envelope(let index, let step, let refused):
            return envelope(index, step, refused: refused, reply)
        case .endOfData(let index, let pipelined):
            let outcome =
                reply.code == 250 ? Outcome.delivered(index) : .failed(index, refusal(reply, "the end of the message"))
            if pipelined {
                // The transaction ended with this reply, accepted or not (RFC 5321
                // §4.1.1.4), so the next envelope, already sent, needs no RSET first.
                state = .envelope(index + 1, .mailFrom, refused: nil)
                return Action(outcomes: [outcome], next: .reply)
            }
            guard reply.code == 250 else {
                return refused(index, refusal(reply, "the end of the message"))
            }
            var action = begin(index + 1)
            action.outcomes.insert(outcome, at: 0)
            return action
        case .resetting(let next):
            // Whatever the answer, the next transaction starts with MAIL FROM; a server
            // that has really lost its way fails that instead.
            return begin(next)
        case .quitting:
            state = .closed
            return Action(next: .close)
        case .connecting, .upgrading, .handingOver, .closed:
            preconditionFailure("a reply while \(state): the transport reads only when asked to")
        }
    }

    /// TLS is in place after STARTTLS: greet again, since the server forgets what was
    /// said in clear (RFC 3207 §4.2).
    mutating func tlsEstablished() -> Action {
        precondition(state == .upgrading, "TLS established while \(state)")
        return ehlo(secure: true)
    }

    /// The hand-over took the message: its data and the dot that makes it the server's,
    /// in one write (with the next envelope behind, under PIPELINING).
    mutating func handOverAccepted() -> Action {
        guard case .handingOver(let index) = state else { preconditionFailure("a hand-over while \(state)") }
        let data = DotStuffing.body(batch[index].rendered) + DotStuffing.terminator
        let next = index + 1
        guard pipelining, next < batch.count else {
            state = .endOfData(index, pipelined: false)
            return Action(send: data, next: .reply)
        }
        state = .endOfData(index, pipelined: true)
        return Action(send: data + envelope(batch[next]), next: .reply)
    }

    /// The hand-over refused the message (another sender has it now). Mid-DATA there is
    /// no RSET: only closing the connection drops the message, so the rest of the batch
    /// waits for another connection.
    mutating func handOverRefused(_ reason: String) -> Action {
        guard case .handingOver(let index) = state else { preconditionFailure("a hand-over while \(state)") }
        return lost(MailError(.withheld, "withheld: \(reason)"), current: index)
    }

    /// The connection broke, timed out, or could not be made: the message in flight and
    /// every one after it fail as temporary, to be retried.
    mutating func connectionFailed(_ error: MailError) -> Action {
        switch state {
        case .connecting, .greeting, .ehlo, .startTLS, .upgrading, .authenticating:
            return setupFailed(error)
        case .envelope(let index, _, _), .handingOver(let index):
            return lost(error, current: index)
        case .endOfData(let index, _):
            // The server has the whole message and may have kept it: its fate is unknown.
            return lost(
                MailError(error.kind, "no answer to the end of data: \(error.message)", uncertain: true),
                current: index)
        case .resetting(let next):
            return lost(error, from: next)
        case .quitting, .closed:
            state = .closed
            return Action(next: .close)
        }
    }

    // MARK: - Steps

    private mutating func ehlo(secure: Bool) -> Action {
        state = .ehlo(secure: secure)
        return Action(send: "EHLO \(configuration.heloName)\r\n", next: .reply)
    }

    /// AUTH PLAIN when offered (or when the server names no mechanism), else LOGIN.
    private mutating func authenticate(offered extensions: [String]) -> Action {
        guard let user = configuration.username, let password = configuration.password else { return begin(0) }
        let mechanisms = extensions.first { $0.hasPrefix("AUTH") }?.split(separator: " ").map(String.init) ?? []
        if mechanisms.contains("PLAIN") || mechanisms.isEmpty {
            state = .authenticating(.plain)
            let token = Base64.encode([0] + Array(user.utf8) + [0] + Array(password.utf8))
            return Action(send: "AUTH PLAIN \(token)\r\n", next: .reply)
        }
        if mechanisms.contains("LOGIN") {
            state = .authenticating(.loginUser)
            return Action(send: "AUTH LOGIN\r\n", next: .reply)
        }
        return setupFailed(
            MailError(
                .permanent,
                "\(host) offers none of AUTH PLAIN and LOGIN (it offers \(mechanisms.dropFirst().joined(separator: " "))); "
                    + "use another server, or one without a password in the URL"))
    }

    private mutating func authenticating(_ step: AuthStep, _ reply: SMTPResponse) -> Action {
        switch step {
        case .plain:
            guard reply.code == 235 else { return setupFailed(refusal(reply, "AUTH PLAIN")) }
            return begin(0)
        case .loginUser:
            guard reply.code == 334 else { return setupFailed(refusal(reply, "AUTH LOGIN")) }
            state = .authenticating(.loginPassword)
            return Action(send: Base64.encode(Array((configuration.username ?? "").utf8)) + "\r\n", next: .reply)
        case .loginPassword:
            guard reply.code == 334 else { return setupFailed(refusal(reply, "AUTH LOGIN's user name")) }
            state = .authenticating(.loginDone)
            return Action(send: Base64.encode(Array((configuration.password ?? "").utf8)) + "\r\n", next: .reply)
        case .loginDone:
            guard reply.code == 235 else { return setupFailed(refusal(reply, "AUTH LOGIN's password")) }
            return begin(0)
        }
    }

    /// Starts message `index`'s transaction, or says goodbye after the last.
    private mutating func begin(_ index: Int) -> Action {
        guard index < batch.count else {
            state = .quitting
            return Action(send: "QUIT\r\n", next: .reply)
        }
        state = .envelope(index, .mailFrom, refused: nil)
        began = true
        let mail = batch[index]
        if pipelining {
            return Action(send: envelope(mail), next: .reply)
        }
        return Action(send: "MAIL FROM:<\(mail.from)>\r\n", next: .reply)
    }

    /// A pipelined envelope: the three commands in one write, DATA last (RFC 2920 §3.1).
    private func envelope(_ mail: OutgoingMail) -> String {
        "MAIL FROM:<\(mail.from)>\r\nRCPT TO:<\(mail.to)>\r\nDATA\r\n"
    }

    private mutating func envelope(
        _ index: Int, _ step: EnvelopeStep, refused earlier: MailError?, _ reply: SMTPResponse
    ) -> Action {
        let mail = batch[index]
        switch step {
        case .mailFrom:
            return envelopeReply(
                reply, index, "MAIL FROM:<\(mail.from)>", refused: earlier, then: .rcptTo,
                send: "RCPT TO:<\(mail.to)>\r\n")
        case .rcptTo:
            return envelopeReply(reply, index, "RCPT TO:<\(mail.to)>", refused: earlier, then: .data, send: "DATA\r\n")
        case .data:
            switch (earlier, reply.code) {
            case (nil, 354):
                state = .handingOver(index)
                return Action(next: .handOver(index))
            case (nil, _):
                return refused(index, refusal(reply, "DATA"))
            case (let first?, 354):
                // The server waits for data after refusing the envelope (RFC 2920 says it
                // must not): no RSET can stop it now, only closing.
                return lost(first, current: index)
            case (let first?, _):
                return refused(index, first)
            }
        }
    }

    /// A reply of 250 to MAIL FROM or RCPT TO. Without PIPELINING the next command goes
    /// only after it; with PIPELINING it was sent already, and a refusal is kept until
    /// the reply to DATA, so no reply is left unread.
    private mutating func envelopeReply(
        _ reply: SMTPResponse, _ index: Int, _ command: String, refused earlier: MailError?,
        then following: EnvelopeStep,
        send next: String
    ) -> Action {
        let refusal = reply.code == 250 ? nil : refusal(reply, command)
        if pipelining {
            state = .envelope(index, following, refused: earlier ?? refusal)
            return Action(next: .reply)
        }
        if let refusal { return refused(index, refusal) }
        state = .envelope(index, following, refused: nil)
        return Action(send: next, next: .reply)
    }

    // MARK: - Failures

    /// A reply other than the one expected: 4xx is worth a retry, 5xx is not. Anything
    /// else unexpected is taken as temporary, so a confused server costs a delay, not a message.
    private func refusal(_ reply: SMTPResponse, _ what: String) -> MailError {
        MailError(
            reply.code >= 500 ? .permanent : .temporary,
            "\(host) answered \(what) with \(reply)")
    }

    /// The server refused message `index`: report it, and reset the transaction so
    /// the next message on the connection starts clean.
    private mutating func refused(_ index: Int, _ error: MailError) -> Action {
        state = .resetting(next: index + 1)
        return Action(outcomes: [.failed(index, error)], send: "RSET\r\n", next: .reply)
    }

    /// Before any message could be sent: every message fails the same way.
    private mutating func setupFailed(_ error: MailError) -> Action {
        state = .closed
        return Action(outcomes: batch.indices.map { .failed($0, error) }, next: .close)
    }

    /// The connection is gone mid-batch: message `current` fails with `error`, the
    /// rest as temporary.
    private mutating func lost(_ error: MailError, current: Int) -> Action {
        var action = lost(error, from: current + 1)
        action.outcomes.insert(.failed(current, error), at: 0)
        return action
    }

    private mutating func lost(_ error: MailError, from first: Int) -> Action {
        state = .closed
        let rest = MailError(.temporary, "connection lost: \(error.message)")
        return Action(outcomes: (first..<max(first, batch.count)).map { .failed($0, rest) }, next: .close)
    }
}
