import Foundation

/// Where RFM scores change: each list holds the four boundaries between the
/// scores 1 to 5 (quintiles of a typical shop; set them from your own data).
///
/// | score | recency: days since last order | frequency: orders | monetary: lifetime value |
/// |---|---|---|---|
/// | 5 | ≤ 30 | ≥ 10 | ≥ 1000 |
/// | 4 | ≤ 90 | ≥ 5 | ≥ 500 |
/// | 3 | ≤ 180 | ≥ 3 | ≥ 250 |
/// | 2 | ≤ 365 | ≥ 2 | ≥ 100 |
/// | 1 | older, or no order | 0–1 | less |
public struct RFMThresholds: Sendable, Hashable, Codable {
    /// Upper bounds in days for scores 5, 4, 3, 2 (ascending).
    public var recencyDays: [Double]
    /// Lower bounds in orders for scores 2, 3, 4, 5 (ascending).
    public var frequency: [Double]
    /// Lower bounds in money for scores 2, 3, 4, 5 (ascending).
    public var monetary: [Double]

    public init(recencyDays: [Double] = [30, 90, 180, 365], frequency: [Double] = [2, 3, 5, 10], monetary: [Double] = [100, 250, 500, 1000]) {
        self.recencyDays = recencyDays
        self.frequency = frequency
        self.monetary = monetary
    }

    /// The scores of one customer at `now`.
    public func score(lastOrder: Date?, orderCount: Int, lifetimeValue: Decimal, now: Date) -> RFMScore {
        let recency: Int
        if let lastOrder {
            let days = now.timeIntervalSince(lastOrder) / 86_400
            recency = 5 - recencyDays.filter { days > $0 }.count
        } else {
            recency = 1
        }
        let money = NSDecimalNumber(decimal: lifetimeValue).doubleValue
        return RFMScore(
            recency: max(1, recency),
            frequency: 1 + frequency.filter { Double(orderCount) >= $0 }.count,
            monetary: 1 + monetary.filter { money >= $0 }.count)
    }
}

/// Recency, frequency and monetary scores, each 1 (low) to 5 (high).
public struct RFMScore: Sendable, Hashable, Codable {
    public var recency: Int
    public var frequency: Int
    public var monetary: Int

    public init(recency: Int, frequency: Int, monetary: Int) {
        self.recency = recency
        self.frequency = frequency
        self.monetary = monetary
    }

    /// `"545"`: recency, frequency, monetary.
    public var code: String { "\(recency)\(frequency)\(monetary)" }
}
