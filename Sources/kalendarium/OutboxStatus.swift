import Foundation
import Store

/// What `kalendarium remind --status` prints: the outbox by state, the messages that
/// need a look (failed, waiting, in flight) and those flagged uncertain.
enum OutboxStatus {
    static func lines(_ store: any OutboxStore, format: OutputFormat) async throws -> [String] {
        let counts = try await store.outboxCounts()
        let entries = try await store.outbox(status: nil).filter { $0.status != .sent || $0.uncertain }
        switch format {
        case .json:
            let report = Report(
                counts: Dictionary(
                    uniqueKeysWithValues: OutboxEntry.Status.allCases.map { ($0.rawValue, counts[$0]) }),
                uncertain: counts.uncertain, messages: entries.map(Report.Message.init))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return [String(decoding: try encoder.encode(report), as: UTF8.self)]
        case .text:
            var lines: [String] = []
            for status in [OutboxEntry.Status.failed, .pending, .sending, .sent] {
                lines.append("\(status.rawValue): \(counts[status])")
                for e in entries where e.status == status && status != .sent {
                    lines.append(
                        "  \(e.recipient)  attempts \(e.attempts)\(e.uncertain ? "  uncertain" : "")  \(e.lastError ?? "")"
                    )
                }
            }
            lines.append("uncertain: \(counts.uncertain)")
            for e in entries where e.uncertain {
                lines.append("  \(e.recipient)  <\(e.messageID)>  \(e.status.rawValue)  may have arrived twice")
            }
            return lines
        }
    }

    /// The JSON shape of `remind --status --format json`.
    struct Report: Encodable {
        struct Message: Encodable {
            let key: String
            let recipient: String
            let messageID: String
            let status: String
            let attempts: Int
            let uncertain: Bool
            let lastError: String?

            init(_ e: OutboxEntry) {
                key = e.key
                recipient = e.recipient
                messageID = e.messageID
                status = e.status.rawValue
                attempts = e.attempts
                uncertain = e.uncertain
                lastError = e.lastError
            }

            enum CodingKeys: String, CodingKey {
                case key, recipient, status, attempts, uncertain
                case messageID = "message_id"
                case lastError = "last_error"
            }

            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(key, forKey: .key)
                try c.encode(recipient, forKey: .recipient)
                try c.encode(messageID, forKey: .messageID)
                try c.encode(status, forKey: .status)
                try c.encode(attempts, forKey: .attempts)
                try c.encode(uncertain, forKey: .uncertain)
                try c.encode(lastError, forKey: .lastError)
            }
        }

        /// Messages by status: `pending`, `sending`, `sent`, `failed`.
        let counts: [String: Int]
        let uncertain: Int
        /// Every message not yet sent, and every one flagged uncertain.
        let messages: [Message]
    }
}
