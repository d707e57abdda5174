import Foundation

/// The computed traits of a deployment (`connectors.yaml` `traits:`), compiled.
///
/// Load time reports every bad `where` filter at once; at run time it feeds a
/// profile's events into its `ComputedTraitState`.
///
/// ```swift
/// let traits = try ComputedTraitSet(deployment.traits)
/// var state = ComputedTraitState()
/// let failures = traits.add(order, to: &state)
/// state.values(at: now, of: traits)   // ["order_count": 3, "lifetime_value": 249.5]
/// ```
public struct ComputedTraitSet: Sendable {
    /// The rules by name, in name order.
    public let rules: [ComputedTraitRule]

    /// Compiles `definitions`; throws every broken filter, sorted by trait name.
    public init(_ definitions: [String: ComputedTrait]) throws(ComputedTraitErrors) {
        var rules: [ComputedTraitRule] = []
        var errors: [ComputedTraitError] = []
        for (name, definition) in definitions.sorted(by: { $0.key < $1.key }) {
            do {
                rules.append(try ComputedTraitRule(name: name, definition))
            } catch {
                errors.append(error)
            }
        }
        guard errors.isEmpty else { throw ComputedTraitErrors(errors: errors) }
        self.rules = rules
    }

    /// The names of windowed traits: segments reading them depend on time.
    public var windowedNames: Set<String> { Set(rules.filter(\.isWindowed).map(\.name)) }

    /// Feeds `message` to every trait it matches; returns the names of traits whose filter
    /// failed to evaluate on it (the event then does not count for them).
    @discardableResult
    public func add(_ message: Message, to state: inout ComputedTraitState, now: Date? = nil) -> [String] {
        var failed: [String] = []
        for rule in rules {
            do {
                guard try rule.matches(message, now: now ?? message.timestamp) else { continue }
            } catch {
                failed.append(rule.name)
                continue
            }
            let sample = TraitSample(at: message.timestamp, messageID: message.messageId, values: rule.values(in: message))
            state.accumulators[rule.name, default: TraitAccumulator(rule.definition.aggregation, window: rule.definition.within)]
                .add(sample)
        }
        return failed
    }
}

/// Every problem of the `traits:` section.
public struct ComputedTraitErrors: Error, Sendable, Hashable, CustomStringConvertible {
    public var errors: [ComputedTraitError]

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

/// One profile's computed-trait accumulators, stored with the profile.
public struct ComputedTraitState: Sendable, Hashable, Codable {
    public var accumulators: [String: TraitAccumulator]

    public init(accumulators: [String: TraitAccumulator] = [:]) {
        self.accumulators = accumulators
    }

    /// The value of every trait of `traits` at `now` (traits without a matching event yet
    /// have their empty value: `0`, `null` or `[]`).
    public func values(at now: Date, of traits: ComputedTraitSet) -> [String: JSONValue] {
        var values: [String: JSONValue] = [:]
        for rule in traits.rules {
            let accumulator = accumulators[rule.name] ?? TraitAccumulator(rule.definition.aggregation, window: rule.definition.within)
            values[rule.name] = accumulator.value(at: now)
        }
        return values
    }

    /// When a windowed trait next changes by time alone (for the segment schedule).
    public func nextExpiry(after now: Date) -> Date? {
        accumulators.values.compactMap { $0.nextExpiry(after: now) }.min()
    }

    /// Drops windowed samples older than any window ending at or after `now`.
    public mutating func prune(before now: Date) {
        for name in accumulators.keys { accumulators[name]?.prune(before: now) }
    }

    /// The state of a profile that absorbed `other`.
    public func merged(with other: ComputedTraitState) -> ComputedTraitState {
        var result = self
        for (name, accumulator) in other.accumulators {
            result.accumulators[name] = result.accumulators[name].map { $0.merged(with: accumulator) } ?? accumulator
        }
        return result
    }
}
