import Foundation

/// What one destination has received over the store's life, for `kontor status`.
public struct DeliveryTotals: Sendable, Hashable {
    public var destination: String
    /// Jobs settled as delivered (decision `done`).
    public var delivered: Int
    /// When the last of them was settled.
    public var lastDeliveredAt: Date?

    public init(destination: String, delivered: Int = 0, lastDeliveredAt: Date? = nil) {
        self.destination = destination
        self.delivered = delivered
        self.lastDeliveredAt = lastDeliveredAt
    }
}
