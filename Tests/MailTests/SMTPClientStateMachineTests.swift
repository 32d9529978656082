import Testing

@testable import Mail

/// The SMTP dialogue without a socket: replies go in, actions come out.
@Suite struct SMTPClientStateMachineTests {
    typealias Action = SMTPClientStateMachine.Action

    static let first = OutgoingMail(
        from: "kansli@example.org", to: "kso@botkyrka.example.org", messageID: "1@kalendarium",
        rendered: "Subject: Påminnelse\r\n\r\n.Punkt först\r\nslut\r\n")
    static let second = OutgoingMail(
        from: "kansli@example.org", to: "kso@haninge.example.org", messageID: "2@kalendarium",
        rendered: "Subject: Påminnelse\r\n\r\nHej\r\n")

    static func machine(
        _ url: String = "smtp://mail.example.org:2525?starttls=never", batch: [OutgoingMail] = [first, second]
    ) throws -> SMTPClientStateMachine {
        SMTPClientStateMachine(configuration: try SMTPConfiguration(url: url), batch: batch)
    }

    static func reply(_ code: Int, _ lines: String...) -> SMTPResponse {
        SMTPResponse(code: code, lines: lines.isEmpty ? ["ok"] : lines)
    }

    static func send(_ text: String) -> Action { Action(send: text, next: .reply) }

    /// Greeting and EHLO, the server offering `extensions`; returns the action after EHLO.
    static func greet(_ machine: inout SMTPClientStateMachine, offering extensions: String...) -> Action {
        #expect(machine.connected() == Action(next: .reply))
        #expect(machine.received(reply(220, "mail.example.org ESMTP")) == send("EHLO kalendarium.localdomain\r\n"))
        return machine.received(SMTPResponse(code: 250, lines: ["mail.example.org"] + extensions))
    }

    /// Sends message `index` through its envelope and hand-over, then its data up to the end-of-data dot.
    static func transaction(_ machine: inout SMTPClientStateMachine, _ mail: OutgoingMail, index: Int) {
        #expect(machine.received(reply(250)) == send("RCPT TO:<\(mail.to)>\r\n"))
        #expect(machine.received(reply(250)) == send("DATA\r\n"))
        #expect(machine.received(reply(354, "go ahead")) == Action(next: .handOver(index)))
        #expect(machine.handOverAccepted() == send(DotStuffing.body(mail.rendered) + ".\r\n"))
    }

    @Test func aBatchGoesOverOneConnectionAndEndsWithQuit() throws {
        var machine = try Self.machine()
        #expect(Self.greet(&machine, offering: "SIZE 1000000") == Self.send("MAIL FROM:<kansli@example.org>\r\n"))
        Self.transaction(&machine, Self.first, index: 0)
        #expect(
            machine.received(Self.reply(250, "queued as 1"))
                == Action(outcomes: [.delivered(0)], send: "MAIL FROM:<kansli@example.org>\r\n", next: .reply))
        Self.transaction(&machine, Self.second, index: 1)
        #expect(
            machine.received(Self.reply(250, "queued as 2"))
                == Action(outcomes: [.delivered(1)], send: "QUIT\r\n", next: .reply))
        #expect(machine.received(Self.reply(221, "bye")) == Action(next: .close))
    }

    @Test func theDataIsDotStuffedAndWaitsForTheHandOver() throws {
        var machine = try Self.machine(batch: [Self.first])
        _ = Self.greet(&machine)
        _ = machine.received(Self.reply(250))
        _ = machine.received(Self.reply(250))
        // Nothing of the message goes before the hand-over allows it; then all of it.
        #expect(machine.received(Self.reply(354)) == Action(next: .handOver(0)))
        #expect(machine.handOverAccepted().send == "Subject: Påminnelse\r\n\r\n..Punkt först\r\nslut\r\n.\r\n")
    }

    @Test func withPipeliningTheEnvelopeIsOneWrite() throws {
        var machine = try Self.machine()
        #expect(
            Self.greet(&machine, offering: "PIPELINING", "8BITMIME")
                == Self.send(
                    "MAIL FROM:<kansli@example.org>\r\nRCPT TO:<kso@botkyrka.example.org>\r\nDATA\r\n"))
        #expect(machine.received(Self.reply(250)) == Action(next: .reply))
        #expect(machine.received(Self.reply(250)) == Action(next: .reply))
        #expect(machine.received(Self.reply(354)) == Action(next: .handOver(0)))
        // The next envelope goes behind the dot, in the same write.
        #expect(
            machine.handOverAccepted()
                == Self.send(
                    DotStuffing.body(Self.first.rendered)
                        + ".\r\nMAIL FROM:<kansli@example.org>\r\nRCPT TO:<kso@haninge.example.org>\r\nDATA\r\n"))
        #expect(machine.received(Self.reply(250)) == Action(outcomes: [.delivered(0)], next: .reply))
        #expect(machine.received(Self.reply(250)) == Action(next: .reply))
        #expect(machine.received(Self.reply(250)) == Action(next: .reply))
        #expect(machine.received(Self.reply(354)) == Action(next: .handOver(1)))
        // The last message's dot has nothing behind it.
        #expect(machine.handOverAccepted() == Self.send(DotStuffing.body(Self.second.rendered) + ".\r\n"))
        #expect(machine.received(Self.reply(250)) == Action(outcomes: [.delivered(1)], send: "QUIT\r\n", next: .reply))
    }

    /// A message refused at its end of data has ended its transaction: the next
    /// envelope, sent behind the dot, is answered next and needs no RSET.
    @Test func aRefusedEndOfDataWithTheNextEnvelopePipelinedGoesOn() throws {
        var machine = try Self.machine()
        _ = Self.greet(&machine, offering: "PIPELINING")
        _ = machine.received(Self.reply(250))
        _ = machine.received(Self.reply(250))
        _ = machine.received(Self.reply(354))
        #expect(machine.handOverAccepted().send?.hasSuffix("DATA\r\n") == true)
        let refused = MailError(.permanent, "mail.example.org answered the end of the message with 552 too big")
        #expect(machine.received(Self.reply(552, "too big")) == Action(outcomes: [.failed(0, refused)], next: .reply))
        #expect(machine.received(Self.reply(250)) == Action(next: .reply))
        #expect(machine.received(Self.reply(250)) == Action(next: .reply))
        #expect(machine.received(Self.reply(354)).next == .handOver(1))
    }

    /// With the next envelope in flight, a lost answer to the dot leaves that message
    /// uncertain and the next one merely unsent.
    @Test func aLostConnectionAfterAPipelinedDotIsUncertainForThatMessageOnly() throws {
        var machine = try Self.machine()
        _ = Self.greet(&machine, offering: "PIPELINING")
        _ = machine.received(Self.reply(250))
        _ = machine.received(Self.reply(250))
        _ = machine.received(Self.reply(354))
        _ = machine.handOverAccepted()
        let action = machine.connectionFailed(MailError(.temporary, "reset"))
        #expect(action.next == .close && action.outcomes.count == 2)
        guard case .failed(0, let first) = action.outcomes[0], case .failed(1, let second) = action.outcomes[1] else {
            Issue.record("expected both to fail: \(action.outcomes)")
            return
        }
        #expect(first.uncertain && !second.uncertain && second.kind == .temporary)
        #expect(machine.beganSending)
    }

    /// Every pipelined reply is read before the first refusal among them is reported,
    /// so the next transaction does not take the DATA reply for its own.
    @Test func aPipelinedRefusalReadsEveryReplyThenResets() throws {
        var machine = try Self.machine()
        _ = Self.greet(&machine, offering: "PIPELINING")
        #expect(machine.received(Self.reply(250)) == Action(next: .reply))
        #expect(machine.received(Self.reply(550, "5.1.1 mailbox unavailable")) == Action(next: .reply))
        let refused = MailError(
            .permanent,
            "mail.example.org answered RCPT TO:<kso@botkyrka.example.org> with 550 5.1.1 mailbox unavailable")
        #expect(
            machine.received(Self.reply(554, "no valid recipients"))
                == Action(outcomes: [.failed(0, refused)], send: "RSET\r\n", next: .reply))
        #expect(
            machine.received(Self.reply(250))
                == Self.send("MAIL FROM:<kansli@example.org>\r\nRCPT TO:<kso@haninge.example.org>\r\nDATA\r\n"))
    }

    /// RFC 2920 says a server must not take DATA after refusing every recipient; one
    /// that does waits for a message no RSET can stop, so only closing drops it.
    @Test func aServerThatTakesDataAfterARefusalIsLeft() throws {
        var machine = try Self.machine()
        _ = Self.greet(&machine, offering: "PIPELINING")
        _ = machine.received(Self.reply(250))
        _ = machine.received(Self.reply(450, "try later"))
        let action = machine.received(Self.reply(354))
        #expect(action.next == .close && action.send == nil)
        #expect(action.outcomes.count == 2)
        guard case .failed(0, let error) = action.outcomes[0], case .failed(1, let rest) = action.outcomes[1] else {
            Issue.record("expected both to fail: \(action.outcomes)")
            return
        }
        #expect(error.kind == .temporary && error.message.contains("450 try later"))
        #expect(rest.kind == .temporary && rest.message.hasPrefix("connection lost: "))
    }

    @Test(arguments: [
        (451, MailError.Kind.temporary), (452, .temporary), (421, .temporary), (550, .permanent), (554, .permanent),
        (250, .temporary),
    ])
    func aRefusedEnvelopeIsReportedAndReset(code: Int, kind: MailError.Kind) throws {
        var machine = try Self.machine()
        _ = Self.greet(&machine)
        // 250 is what MAIL FROM wants, so the refusal here is RCPT TO's or DATA's.
        _ = machine.received(Self.reply(250))
        if code == 250 {
            _ = machine.received(Self.reply(250))
        }
        let action = machine.received(Self.reply(code, "nej"))
        let what = code == 250 ? "DATA" : "RCPT TO:<kso@botkyrka.example.org>"
        #expect(
            action
                == Action(
                    outcomes: [.failed(0, MailError(kind, "mail.example.org answered \(what) with \(code) nej"))],
                    send: "RSET\r\n", next: .reply))
        // Whatever RSET's answer, the next message is tried.
        #expect(machine.received(Self.reply(500, "what?")) == Self.send("MAIL FROM:<kansli@example.org>\r\n"))
    }

    @Test func aMessageRefusedAtTheEndOfDataDoesNotStopTheBatch() throws {
        var machine = try Self.machine()
        _ = Self.greet(&machine)
        Self.transaction(&machine, Self.first, index: 0)
        let refused = MailError(.permanent, "mail.example.org answered the end of the message with 552 too big")
        #expect(
            machine.received(Self.reply(552, "too big"))
                == Action(outcomes: [.failed(0, refused)], send: "RSET\r\n", next: .reply))
        #expect(machine.received(Self.reply(250)) == Self.send("MAIL FROM:<kansli@example.org>\r\n"))
        Self.transaction(&machine, Self.second, index: 1)
        #expect(
            machine.received(Self.reply(451, "local error"))
                == Action(
                    outcomes: [
                        .failed(
                            1,
                            MailError(
                                .temporary, "mail.example.org answered the end of the message with 451 local error"))
                    ],
                    send: "RSET\r\n", next: .reply))
        #expect(machine.received(Self.reply(250)) == Self.send("QUIT\r\n"))
    }

    @Test func aMultiLineEHLOFromTheDecoderOffersPipeliningAndAuth() throws {
        var decoder = SMTPReplyDecoder()
        var machine = try Self.machine("smtp://kansli:hemligt@mail.example.org?starttls=never")
        _ = machine.connected()
        let greeting = try decoder.feed(Array("220-mail.example.org ESMTP\r\n220 welcome\r\n".utf8))
        #expect(greeting.count == 1)
        #expect(machine.received(greeting[0]) == Self.send("EHLO kalendarium.localdomain\r\n"))
        let ehlo = try decoder.feed(
            Array("250-mail.example.org\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n250 AUTH LOGIN PLAIN\r\n".utf8))
        #expect(ehlo.count == 1 && ehlo[0].lines.count == 4)
        // "\0kansli\0hemligt" in base64.
        #expect(machine.received(ehlo[0]) == Self.send("AUTH PLAIN AGthbnNsaQBoZW1saWd0\r\n"))
        #expect(
            machine.received(Self.reply(235, "2.7.0 authenticated"))
                == Self.send(
                    "MAIL FROM:<kansli@example.org>\r\nRCPT TO:<kso@botkyrka.example.org>\r\nDATA\r\n"))
    }

    @Test func authLoginWhenPlainIsNotOffered() throws {
        var machine = try Self.machine("smtp://kansli:hemligt@mail.example.org?starttls=never")
        #expect(Self.greet(&machine, offering: "AUTH LOGIN") == Self.send("AUTH LOGIN\r\n"))
        #expect(machine.received(Self.reply(334, "VXNlcm5hbWU6")) == Self.send("a2Fuc2xp\r\n"))
        #expect(machine.received(Self.reply(334, "UGFzc3dvcmQ6")) == Self.send("aGVtbGlndA==\r\n"))
        #expect(machine.received(Self.reply(235)) == Self.send("MAIL FROM:<kansli@example.org>\r\n"))
    }

    @Test func aServerThatNamesNoMechanismGetsPlain() throws {
        var machine = try Self.machine("smtp://kansli:hemligt@mail.example.org?starttls=never")
        #expect(Self.greet(&machine) == Self.send("AUTH PLAIN AGthbnNsaQBoZW1saWd0\r\n"))
    }

    @Test func refusedCredentialsFailTheBatchWithoutThePassword() throws {
        var machine = try Self.machine("smtp://kansli:hemligt@mail.example.org?starttls=never")
        _ = Self.greet(&machine, offering: "AUTH LOGIN")
        _ = machine.received(Self.reply(334))
        _ = machine.received(Self.reply(334))
        let error = MailError(
            .permanent, "mail.example.org answered AUTH LOGIN's password with 535 5.7.8 authentication failed")
        #expect(
            machine.received(Self.reply(535, "5.7.8 authentication failed"))
                == Action(outcomes: [.failed(0, error), .failed(1, error)], next: .close))

        var plain = try Self.machine("smtp://kansli:hemligt@mail.example.org?starttls=never")
        _ = Self.greet(&plain, offering: "AUTH PLAIN")
        let refused = plain.received(Self.reply(454, "4.7.0 try later"))
        #expect(refused.next == .close && refused.outcomes.count == 2)
        for case .failed(_, let error) in refused.outcomes {
            #expect(error.kind == .temporary)
            #expect(!error.message.contains("hemligt") && !error.message.contains("AGthbnNsaQBoZW1saWd0"))
        }
    }

    @Test func noUsableMechanismIsPermanent() throws {
        var machine = try Self.machine("smtp://kansli:hemligt@mail.example.org?starttls=never")
        let action = Self.greet(&machine, offering: "AUTH CRAM-MD5 XOAUTH2")
        #expect(action.next == .close && action.send == nil && action.outcomes.count == 2)
        guard case .failed(0, let error) = action.outcomes[0] else { return }
        #expect(error.kind == .permanent)
        #expect(error.message.contains("offers none of AUTH PLAIN and LOGIN (it offers CRAM-MD5 XOAUTH2)"))
    }

    @Test func startTLSThenGreetAgainThenAuthenticate() throws {
        var machine = try Self.machine("smtp://kansli:hemligt@mail.example.org")
        #expect(Self.greet(&machine, offering: "STARTTLS", "PIPELINING") == Self.send("STARTTLS\r\n"))
        #expect(machine.received(Self.reply(220, "ready to start TLS")) == Action(next: .startTLS))
        #expect(machine.tlsEstablished() == Self.send("EHLO kalendarium.localdomain\r\n"))
        // What the server offers over TLS counts, not what it offered in clear.
        #expect(
            machine.received(SMTPResponse(code: 250, lines: ["mail.example.org", "AUTH PLAIN"]))
                == Self.send("AUTH PLAIN AGthbnNsaQBoZW1saWd0\r\n"))
        #expect(machine.received(Self.reply(235)) == Self.send("MAIL FROM:<kansli@example.org>\r\n"))
    }

    @Test func credentialsNeverGoInClear() throws {
        var machine = try Self.machine("smtp://kansli:hemligt@mail.example.org")
        let action = Self.greet(&machine, offering: "AUTH PLAIN")
        #expect(action.send == nil && action.next == .close)
        guard case .failed(0, let error) = action.outcomes.first else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.kind == .permanent && error.message.contains("does not offer STARTTLS"))
        #expect(error.message.contains("?starttls=never"))
    }

    @Test func startTLSIsUsedWhenOfferedAndSkippedWhenNot() throws {
        var offered = try Self.machine("smtp://mail.example.org")
        #expect(Self.greet(&offered, offering: "STARTTLS") == Self.send("STARTTLS\r\n"))
        let refused = offered.received(Self.reply(454, "TLS not available"))
        #expect(refused.next == .close && refused.outcomes.count == 2)

        var absent = try Self.machine("smtp://mail.example.org")
        #expect(Self.greet(&absent) == Self.send("MAIL FROM:<kansli@example.org>\r\n"))

        // smtps:// is TLS already: no STARTTLS, even if offered.
        var implicit = try Self.machine("smtps://kansli:hemligt@mail.example.org")
        #expect(Self.greet(&implicit, offering: "STARTTLS") == Self.send("AUTH PLAIN AGthbnNsaQBoZW1saWd0\r\n"))
    }

    @Test(arguments: [(554, MailError.Kind.permanent), (421, .temporary)])
    func aRefusedGreetingFailsTheBatch(code: Int, kind: MailError.Kind) throws {
        var machine = try Self.machine()
        _ = machine.connected()
        let error = MailError(kind, "mail.example.org answered the greeting with \(code) go away")
        #expect(
            machine.received(Self.reply(code, "go away"))
                == Action(outcomes: [.failed(0, error), .failed(1, error)], next: .close))
        #expect(!machine.beganSending)
    }

    @Test func aConnectionThatCannotBeMadeFailsEveryMessageAlike() throws {
        var machine = try Self.machine()
        let error = MailError(.temporary, "cannot connect to mail.example.org:2525: refused")
        #expect(
            machine.connectionFailed(error) == Action(outcomes: [.failed(0, error), .failed(1, error)], next: .close))
    }

    @Test func aConnectionLostMidEnvelopeFailsTheRestAsTemporary() throws {
        var machine = try Self.machine()
        _ = Self.greet(&machine)
        _ = machine.received(Self.reply(250))
        let error = MailError(.temporary, "mail.example.org sent no reply within 5 s")
        #expect(
            machine.connectionFailed(error)
                == Action(
                    outcomes: [
                        .failed(0, error),
                        .failed(1, MailError(.temporary, "connection lost: mail.example.org sent no reply within 5 s")),
                    ],
                    next: .close))
    }

    /// After the dot the server has the whole message: with no answer, its fate is unknown.
    @Test func noAnswerToTheEndOfDataIsUncertain() throws {
        var machine = try Self.machine()
        _ = Self.greet(&machine)
        Self.transaction(&machine, Self.first, index: 0)
        let action = machine.connectionFailed(MailError(.temporary, "mail.example.org closed the connection"))
        let uncertain = MailError(
            .temporary, "no answer to the end of data: mail.example.org closed the connection", uncertain: true)
        #expect(
            action
                == Action(
                    outcomes: [
                        .failed(0, uncertain),
                        .failed(
                            1,
                            MailError(
                                .temporary,
                                "connection lost: no answer to the end of data: mail.example.org closed the connection")
                        ),
                    ],
                    next: .close))
    }

    @Test func aDeliveredMessageStaysDeliveredWhenTheConnectionGoesLater() throws {
        var machine = try Self.machine()
        _ = Self.greet(&machine)
        Self.transaction(&machine, Self.first, index: 0)
        #expect(machine.received(Self.reply(250)).outcomes == [.delivered(0)])
        let lost = machine.connectionFailed(MailError(.temporary, "reset"))
        #expect(lost.outcomes == [.failed(1, MailError(.temporary, "reset"))])
    }

    @Test func aLostConnectionDuringRSETFailsOnlyTheRest() throws {
        var machine = try Self.machine()
        _ = Self.greet(&machine)
        _ = machine.received(Self.reply(550, "sender refused"))
        #expect(
            machine.connectionFailed(MailError(.temporary, "reset"))
                == Action(outcomes: [.failed(1, MailError(.temporary, "connection lost: reset"))], next: .close))
    }

    @Test func aLostConnectionAfterTheLastMessageChangesNothing() throws {
        var machine = try Self.machine(batch: [Self.first])
        _ = Self.greet(&machine)
        Self.transaction(&machine, Self.first, index: 0)
        #expect(machine.received(Self.reply(250)) == Action(outcomes: [.delivered(0)], send: "QUIT\r\n", next: .reply))
        #expect(machine.connectionFailed(MailError(.temporary, "reset")) == Action(next: .close))
    }

    /// A refused hand-over (another sender has the message) must keep it from the
    /// server: no dot, and since mid-DATA only closing drops a message, no more on
    /// this connection either.
    @Test func aRefusedHandOverIsWithheldAndTheConnectionClosed() throws {
        var machine = try Self.machine()
        _ = Self.greet(&machine)
        _ = machine.received(Self.reply(250))
        _ = machine.received(Self.reply(250))
        #expect(machine.received(Self.reply(354)).next == .handOver(0))
        #expect(
            machine.handOverRefused("another sender has claimed <1@kalendarium>")
                == Action(
                    outcomes: [
                        .failed(0, MailError(.withheld, "withheld: another sender has claimed <1@kalendarium>")),
                        .failed(
                            1,
                            MailError(
                                .temporary, "connection lost: withheld: another sender has claimed <1@kalendarium>")),
                    ],
                    next: .close))
    }
}
