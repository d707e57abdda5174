import Foundation

/// A computed trait ready to run: its `connectors.yaml` definition with the
/// `where` filter parsed and scope-checked.
///
/// Events match when they are `track` calls named `filter.event` and the
/// filter (over `event`, `properties`, `context`) is true. An event on which
/// the filter fails to evaluate does not match and is counted by the caller.
///
/// ```swift
/// let rule = try ComputedTraitRule(name: "big_orders",
///     ComputedTrait(.count, .init(event: "Order Completed", whereRule: "properties.total > 100")))
/// ```
public struct ComputedTraitRule: Sendable {
    /// The value read from a matching event when `property` is absent (`first`/`last` of dates):
    /// the event's own timestamp. A property named `timestamp` falls back to it as well.
    public static let timestampProperty = "timestamp"

    public let name: String
    public let definition: ComputedTrait
    public let filter: Expression?
    private let path: [String]?

    /// Parses and checks the filter; every problem is thrown at once, with offsets into the `where` text.
    public init(name: String, _ definition: ComputedTrait) throws(ComputedTraitError) {
        self.name = name
        self.definition = definition
        self.path = definition.filter.property.map { $0.split(separator: ".", omittingEmptySubsequences: false).map(String.init) }
        guard let text = definition.filter.whereRule else {
            filter = nil
            return
        }
        let expression: Expression
        do {
            expression = try Expression(parsing: text)
        } catch {
            throw ComputedTraitError(trait: name, problems: [error])
        }
        let problems = expression.check(scope: DeploymentScopes.traitFilter)
        guard problems.isEmpty else { throw ComputedTraitError(trait: name, problems: problems) }
        filter = expression
    }

    /// Whether the trait only counts a recent window of events.
    public var isWindowed: Bool { definition.within != nil }

    /// `true` when `message` counts; throws when the filter fails on it.
    public func matches(_ message: Message, now: Date) throws(ExpressionError) -> Bool {
        guard message.type == .track, message.event == definition.filter.event else { return false }
        guard let filter else { return true }
        let variables: [String: JSONValue] = [
            "event": message.eventScopeValue, "properties": .object(message.properties), "context": .object(message.context),
        ]
        return try filter.isTrue(in: EvaluationContext(variables: variables, now: now))
    }

    /// The values the aggregated property has in `message`; a path through a list reads every
    /// element (`products.sku` of an order gives each line's sku). Nulls are left out.
    public func values(in message: Message) -> [JSONValue] {
        guard let path else { return [Self.timestamp(of: message)] }
        let found = Self.values(at: path[...], in: .object(message.properties)).filter { !$0.isNull }
        if found.isEmpty, path == [Self.timestampProperty] { return [Self.timestamp(of: message)] }
        return found
    }

    private static func timestamp(of message: Message) -> JSONValue {
        .string(DateFormat.rfc3339.string(from: message.timestamp))
    }

    private static func values(at path: ArraySlice<String>, in value: JSONValue) -> [JSONValue] {
        if case .array(let items) = value, path.first.flatMap(Int.init) == nil {
            return items.flatMap { values(at: path, in: $0) }
        }
        guard let key = path.first else {
            if case .array(let items) = value { return items }
            return [value]
        }
        let next: JSONValue?
        if let index = Int(key), case .array(let items) = value {
            next = items.indices.contains(index) ? items[index] : nil
        } else {
            next = value[key]
        }
        guard let next else { return [] }
        return values(at: path.dropFirst(), in: next)
    }
}

/// The problems of one computed trait's `where` filter, with offsets into its text.
public struct ComputedTraitError: Error, Sendable, Hashable, CustomStringConvertible {
    public var trait: String
    public var problems: [ExpressionError]

    public init(trait: String, problems: [ExpressionError]) {
        self.trait = trait
        self.problems = problems
    }

    public var description: String {
        "traits.\(trait).where: " + problems.map(\.description).joined(separator: "; ")
    }
}
