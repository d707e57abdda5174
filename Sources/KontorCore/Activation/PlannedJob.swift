/// An outbox job the planner asks the store to insert.
public struct PlannedJob: Sendable, Hashable {
    public var destination: String
    public var profileID: String
    public var operation: OutboxOperation
    /// What to send: the mapped payload (for a remove: the payload the destination holds).
    public var payload: JSONValue
    /// ``PayloadHash`` of ``payload``.
    public var payloadHash: String
    /// ``IdempotencyKey`` of the fields above.
    public var idempotencyKey: String

    public init(destination: String, profileID: String, operation: OutboxOperation, payload: JSONValue, payloadHash: String) {
        self.destination = destination
        self.profileID = profileID
        self.operation = operation
        self.payload = payload
        self.payloadHash = payloadHash
        self.idempotencyKey = IdempotencyKey.make(
            destination: destination, profileID: profileID, operation: operation, payloadHash: payloadHash)
    }
}
