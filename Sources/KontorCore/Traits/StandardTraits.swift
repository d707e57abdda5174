import Foundation

/// Ready-made computed traits over Segment's e-commerce `Order Completed` event
/// (property `total`), for a deployment to copy into `traits:`:
///
/// ```yaml
/// traits:
///   order_count:      {count: {event: Order Completed}}
///   lifetime_value:   {sum:   {event: Order Completed, property: total}}
///   first_order_date: {first: {event: Order Completed, property: timestamp}}
///   last_order_date:  {last:  {event: Order Completed, property: timestamp}}
/// ```
///
/// `average_order_value` and the RFM scores derive from these (`DerivedTraits`).
public enum StandardTraits {
    public static let orderEvent = "Order Completed"
    public static let orderTotal = "total"

    public static let orderCount = ComputedTrait(.count, .init(event: orderEvent))
    public static let lifetimeValue = ComputedTrait(.sum, .init(event: orderEvent, property: orderTotal))
    public static let firstOrderDate = ComputedTrait(.first, .init(event: orderEvent, property: ComputedTraitRule.timestampProperty))
    public static let lastOrderDate = ComputedTrait(.last, .init(event: orderEvent, property: ComputedTraitRule.timestampProperty))

    /// The four definitions by their conventional names.
    public static let definitions: [String: ComputedTrait] = [
        "order_count": orderCount,
        "lifetime_value": lifetimeValue,
        "first_order_date": firstOrderDate,
        "last_order_date": lastOrderDate,
    ]
}

/// Traits derived from computed traits: `average_order_value` and RFM scores.
///
/// Added to a profile's `computed` values when the traits they read exist:
/// - `average_order_value` = `lifetime_value / order_count` (absent with no orders);
/// - `rfm_recency`, `rfm_frequency`, `rfm_monetary`: 1–5 by `RFMThresholds`;
/// - `rfm`: the three digits, e.g. `"545"`.
///
/// `rfm_recency` and `rfm` change with time alone (days since the last order).
public struct DerivedTraits: Sendable, Hashable {
    public static let timeDependentNames: Set<String> = ["rfm_recency", "rfm"]
    public static let names: Set<String> = ["average_order_value", "rfm_recency", "rfm_frequency", "rfm_monetary", "rfm"]

    public var thresholds: RFMThresholds
    public var orderCount: String
    public var lifetimeValue: String
    public var lastOrderDate: String

    public init(
        thresholds: RFMThresholds = RFMThresholds(), orderCount: String = "order_count",
        lifetimeValue: String = "lifetime_value", lastOrderDate: String = "last_order_date"
    ) {
        self.thresholds = thresholds
        self.orderCount = orderCount
        self.lifetimeValue = lifetimeValue
        self.lastOrderDate = lastOrderDate
    }

    /// The derived values for `computed` (the values of the base traits) at `now`.
    public func values(from computed: [String: JSONValue], at now: Date) -> [String: JSONValue] {
        guard let count = computed[orderCount]?.intValue else { return [:] }
        var derived: [String: JSONValue] = [:]
        let total = computed[lifetimeValue]?.traitDecimal
        if let total, count > 0 {
            derived["average_order_value"] = JSONValue.traitNumber(total / Decimal(count))
        }
        let last = computed[lastOrderDate]?.stringValue.flatMap { DateFormat.rfc3339.date(from: $0) }
        if let total, computed[lastOrderDate] != nil {
            let score = thresholds.score(lastOrder: last, orderCount: count, lifetimeValue: total, now: now)
            derived["rfm_recency"] = .int(score.recency)
            derived["rfm_frequency"] = .int(score.frequency)
            derived["rfm_monetary"] = .int(score.monetary)
            derived["rfm"] = .string(score.code)
        }
        return derived
    }
}
