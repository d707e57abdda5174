import Foundation

/// A trait computed from a profile's events, kept up to date by the profile builder.
///
/// ```yaml
/// order_count:    {count: {event: Order Completed}}
/// lifetime_value: {sum: {event: Order Completed, property: total}, within: 365d}
/// ```
public struct ComputedTrait: Sendable, Hashable, Decodable, SchemaDescribed {
    public enum Aggregation: String, Sendable, Hashable, Decodable, CaseIterable {
        case count, sum, min, max, first, last, distinct

        /// Every aggregation but `count` reads a property of the event.
        public var needsProperty: Bool { self != .count }
    }

    /// Which events an aggregation reads.
    public struct EventFilter: Sendable, Hashable, Decodable {
        /// The `track` event name (`Order Completed`).
        public var event: String
        /// The property aggregated (`total`, `products.category`).
        public var property: String?
        /// A boolean expression over `event`, `properties`, `context`.
        public var whereRule: String?

        public init(event: String, property: String? = nil, whereRule: String? = nil) {
            self.event = event
            self.property = property
            self.whereRule = whereRule
        }

        private enum CodingKeys: String, CodingKey {
            case event, property
            case whereRule = "where"
        }
    }

    public var aggregation: Aggregation
    public var filter: EventFilter
    /// Only events of this recent window count (seconds); all events when `nil`.
    public var within: TimeInterval?

    public init(_ aggregation: Aggregation, _ filter: EventFilter, within: TimeInterval? = nil) {
        self.aggregation = aggregation
        self.filter = filter
        self.within = within
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        let present = Aggregation.allCases.filter { container.contains(Key(stringValue: $0.rawValue)) }
        guard present.count == 1, let aggregation = present.first else {
            let names = Aggregation.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: present.isEmpty
                    ? "a computed trait needs one of \(names)"
                    : "a computed trait has exactly one of \(names), found \(present.map(\.rawValue).joined(separator: " and "))"))
        }
        let key = Key(stringValue: aggregation.rawValue)
        let filter = try container.decode(EventFilter.self, forKey: key)
        if aggregation.needsProperty, filter.property == nil {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container, debugDescription: "'\(aggregation.rawValue)' needs a 'property' to aggregate")
        }
        self.init(aggregation, filter, within: try container.decodeDurationIfPresent(forKey: Key(stringValue: "within")))
    }

    static let filterSchema: Schema = .object([
        "event": .required(.string(), "The track event name, e.g. Order Completed"),
        "property": Property(.string(), "The event property aggregated, e.g. total (not for count)"),
        "where": Property(
            .string(format: .expression(DeploymentScopes.traitFilter, boolean: true)),
            "Only events for which this is true, e.g. \"properties.total > 50\""),
    ])

    public static let schema: Schema = .object(
        Dictionary(uniqueKeysWithValues: Aggregation.allCases.map {
            ($0.rawValue, Property(filterSchema, "The \($0.rawValue) of matching events"))
        }).merging(["within": Property(.duration, "Only events of this recent window, e.g. 90d")]) { first, _ in first },
        description: "A computed trait: exactly one of count, sum, min, max, first, last, distinct")
}
