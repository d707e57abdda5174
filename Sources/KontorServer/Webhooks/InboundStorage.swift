import Foundation
import KontorCore
import KontorStore

/// Stores the messages of a delivery through the server's ``GroupCommitWriter``
/// (the ingest API's, so webhooks and forms share its group commits), and
/// turns a failure into the answer the sender should get.
enum InboundStorage {
    /// Seconds a sender is asked to wait when the store is unavailable.
    static let retryAfterSeconds = 5

    /// Returns once `messages` are durably stored, each stamped with `receivedAt`.
    static func store(_ messages: [Message], source: String, writer: GroupCommitWriter, receivedAt: Date) async throws(APIError)
        -> AppendResult
    {
        let stamped = messages.map { message in
            var message = message
            message.receivedAt = receivedAt
            return message
        }
        do {
            return try await writer.append(stamped, source: source)
        } catch .rejected(let reason) {
            throw APIError(.badRequest, code: "rejected", "The messages cannot be stored: \(reason)")
        } catch {
            throw APIError(
                .serviceUnavailable, code: "store_unavailable",
                "The event store is unavailable; nothing was stored. Retry later.", retryAfter: retryAfterSeconds)
        }
    }
}
