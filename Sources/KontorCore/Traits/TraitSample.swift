import Foundation

/// One matching event as a windowed computed trait remembers it: when, which
/// message, and the values it contributed.
public struct TraitSample: Sendable, Hashable, Codable, Comparable {
    public var at: Date
    public var messageID: String
    public var values: [JSONValue]

    public init(at: Date, messageID: String, values: [JSONValue]) {
        self.at = at
        self.messageID = messageID
        self.values = values
    }

    /// Event order: timestamp, then `messageId`, so `first`/`last` never depend on arrival order.
    public static func < (lhs: TraitSample, rhs: TraitSample) -> Bool {
        lhs.at != rhs.at ? lhs.at < rhs.at : lhs.messageID < rhs.messageID
    }

    enum CodingKeys: String, CodingKey {
        case at, values
        case messageID = "message_id"
    }
}

extension JSONValue {
    /// A number, or a string holding one (`"199.00"` as Shopify sends prices), as an exact decimal.
    var traitDecimal: Decimal? {
        switch self {
        case .int(let value): return Decimal(value)
        case .double(let value): return value.isFinite ? Decimal(string: String(value)) : nil
        case .string(let text):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, Double(trimmed) != nil else { return nil }
            return Decimal(string: trimmed)
        default: return nil
        }
    }

    /// The order `min`, `max` and `distinct` use: booleans, then numbers by value, then strings; other values last.
    static func traitOrder(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        let (l, r) = (lhs.traitRank, rhs.traitRank)
        if l != r { return l < r }
        switch (lhs, rhs) {
        case (.bool(let a), .bool(let b)): return !a && b
        case (.string(let a), .string(let b)): return a < b
        default:
            if let a = lhs.doubleValue, let b = rhs.doubleValue, a != b { return a < b }
            if case .int(let a) = lhs, case .int(let b) = rhs { return a < b }
            return lhs.typeName < rhs.typeName
        }
    }

    private var traitRank: Int {
        switch self {
        case .bool: return 0
        case .int, .double: return 1
        case .string: return 2
        default: return 3
        }
    }

    /// A decimal as JSON: an integer when whole and in range, else a double.
    static func traitNumber(_ value: Decimal) -> JSONValue {
        var rounded = value
        var source = value
        NSDecimalRound(&rounded, &source, 0, .plain)
        if rounded == value, let int = Int(exactly: NSDecimalNumber(decimal: value).int64Value), Decimal(int) == value {
            return .int(int)
        }
        return .double(Double(value.description) ?? NSDecimalNumber(decimal: value).doubleValue)
    }
}
