import Foundation

/// Delivers rendered messages. A transport says whether a failure is worth retrying.
public protocol MailTransport: Sendable {
    func deliver(_ mail: OutgoingMail) async throws(MailError)
    /// Delivers several messages, each with its own result (SMTP uses one connection),
    /// calling `handOver` before each one is made final.
    func deliver(batch: [OutgoingMail], handOver: HandOver) async -> [Result<Void, MailError>]
}

extension MailTransport {
    /// Delivers several messages with nothing to check before each.
    public func deliver(batch: [OutgoingMail]) async -> [Result<Void, MailError>] {
        await deliver(batch: batch, handOver: .none)
    }

    public func deliver(batch: [OutgoingMail], handOver: HandOver) async -> [Result<Void, MailError>] {
        var results: [Result<Void, MailError>] = []
        for mail in batch {
            do {
                try await handOver.prepare(mail)
            } catch {
                results.append(.failure(MailError(.withheld, "withheld: \(error)")))
                continue
            }
            do {
                try await deliver(mail)
                await handOver.delivered(mail)
                results.append(.success(()))
            } catch {
                results.append(.failure(error))
            }
        }
        return results
    }
}
