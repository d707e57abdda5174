import Foundation

/// The running state of one computed trait for one profile.
///
/// Traits without a window keep a compact summary (a count, an exact decimal
/// sum, the extremes, the first and last event, the distinct values), updated
/// by `add`. Windowed traits keep one `TraitSample` per matching event and
/// compute their value at the `now` they are asked for, so an order drops out
/// of `within: 90d` on the 91st day without a new event; `prune(before:)` drops
/// samples older than any future window. Both are order-independent and
/// merge with `merged(with:)` when profiles merge.
public struct TraitAccumulator: Sendable, Hashable, Codable {
    public var aggregation: String
    public var window: TimeInterval?
    public private(set) var count: Int = 0
    public private(set) var sum: Decimal = 0
    public private(set) var minimum: JSONValue?
    public private(set) var maximum: JSONValue?
    public private(set) var first: TraitSample?
    public private(set) var last: TraitSample?
    public private(set) var distinct: Set<JSONValue> = []
    /// Windowed traits only: the matching events still inside some future window, in event order.
    public private(set) var samples: [TraitSample] = []

    public init(_ aggregation: ComputedTrait.Aggregation, window: TimeInterval? = nil) {
        self.aggregation = aggregation.rawValue
        self.window = window
    }

    var kind: ComputedTrait.Aggregation { ComputedTrait.Aggregation(rawValue: aggregation) ?? .count }

    /// Adds one matching event with the values its property had.
    public mutating func add(_ sample: TraitSample) {
        if window != nil {
            guard !samples.contains(where: { $0.messageID == sample.messageID && $0.at == sample.at }) else { return }
            let index = samples.firstIndex { sample < $0 } ?? samples.endIndex
            samples.insert(sample, at: index)
            return
        }
        summarize(sample)
    }

    /// The trait's value at `now` (a windowed trait reads the events in `[now - within, now]`):
    /// counts and sums are numbers, `first`/`last`/`min`/`max` a value
    /// (`null` with no events), `distinct` a sorted list.
    public func value(at now: Date) -> JSONValue {
        guard let window else { return summaryValue }
        var summary = TraitAccumulator(kind)
        for sample in samples where sample.at >= now.addingTimeInterval(-window) && sample.at <= now { summary.summarize(sample) }
        return summary.summaryValue
    }

    /// When the value next changes by time alone: the oldest event in the window leaving it.
    public func nextExpiry(after now: Date) -> Date? {
        guard let window else { return nil }
        return samples.lazy.map { $0.at.addingTimeInterval(window) }.first { $0 > now }
    }

    /// Drops samples that no window ending at or after `now` can contain.
    public mutating func prune(before now: Date) {
        guard let window else { return }
        samples.removeAll { $0.at < now.addingTimeInterval(-window) }
    }

    /// The accumulator of a profile that absorbed another's events.
    public func merged(with other: TraitAccumulator) -> TraitAccumulator {
        var result = self
        if window != nil {
            for sample in other.samples { result.add(sample) }
            return result
        }
        result.count += other.count
        result.sum += other.sum
        for value in [other.minimum, other.maximum].compactMap({ $0 }) { result.extremes(value) }
        for sample in [other.first, other.last].compactMap({ $0 }) { result.ends(sample) }
        result.distinct.formUnion(other.distinct)
        return result
    }

    private mutating func summarize(_ sample: TraitSample) {
        count += 1
        switch kind {
        case .count: break
        case .sum: sum += sample.values.compactMap(\.traitDecimal).reduce(0, +)
        case .min, .max: for value in sample.values { extremes(value) }
        case .first, .last: if !sample.values.isEmpty { ends(sample) }
        case .distinct: distinct.formUnion(sample.values.filter(\.isScalar))
        }
    }

    /// Numeric text (`"49.90"`) compares as the number it holds.
    private mutating func extremes(_ raw: JSONValue) {
        guard raw.isScalar else { return }
        let value = raw.stringValue.flatMap { _ in raw.traitDecimal }.map(JSONValue.traitNumber) ?? raw
        if minimum.map({ JSONValue.traitOrder(value, $0) }) ?? true { minimum = value }
        if maximum.map({ JSONValue.traitOrder($0, value) }) ?? true { maximum = value }
    }

    private mutating func ends(_ sample: TraitSample) {
        if first.map({ sample < $0 }) ?? true { first = sample }
        if last.map({ $0 < sample }) ?? true { last = sample }
    }

    private var summaryValue: JSONValue {
        switch kind {
        case .count: return .int(count)
        case .sum: return JSONValue.traitNumber(sum)
        case .min: return minimum ?? .null
        case .max: return maximum ?? .null
        case .first: return first.map(Self.single) ?? .null
        case .last: return last.map(Self.single) ?? .null
        case .distinct: return .array(distinct.sorted(by: JSONValue.traitOrder))
        }
    }

    private static func single(_ sample: TraitSample) -> JSONValue {
        sample.values.count == 1 ? sample.values[0] : .array(sample.values)
    }
}

extension JSONValue {
    var isScalar: Bool {
        switch self {
        case .bool, .int, .double, .string: return true
        default: return false
        }
    }
}
