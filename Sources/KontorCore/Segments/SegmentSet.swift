import Foundation

/// Every segment of a deployment, compiled and ordered so that a rule reading
/// `segments.x` is evaluated after `x`.
///
/// Load time collects every problem of every rule (and reference cycles) into
/// one `SegmentRuleErrors`.
///
/// ```swift
/// let segments = try SegmentSet(deployment.segments, known: known)
/// let outcomes = segments.evaluate(view, now: now)   // ["vip": .member, "churn_risk": .notMember]
/// ```
public struct SegmentSet: Sendable {
    /// Rules in evaluation order (dependencies first, then by name).
    public let rules: [SegmentRule]
    /// Segments whose membership can change with time alone, including those reading such a segment.
    public let timeDependentNames: Set<String>

    /// Compiles `definitions`; `known.segments` defaults to the names of `definitions`.
    public init(_ definitions: [String: SegmentDefinition], known: SegmentRule.KnownNames = .init()) throws(SegmentRuleErrors) {
        var known = known
        if known.segments == nil { known.segments = Set(definitions.keys) }
        var compiled: [String: SegmentRule] = [:]
        var errors: [SegmentRuleError] = []
        for (name, definition) in definitions.sorted(by: { $0.key < $1.key }) {
            do {
                compiled[name] = try SegmentRule(name: name, definition, known: known)
            } catch {
                errors.append(error)
            }
        }
        guard errors.isEmpty else { throw SegmentRuleErrors(errors: errors) }
        var ordered: [SegmentRule] = []
        var state: [String: Bool] = [:]  // false: visiting, true: done
        func visit(_ name: String, path: [String]) throws(SegmentRuleError) {
            guard let rule = compiled[name], state[name] != true else { return }
            if state[name] == false {
                let cycle = (path.drop { $0 != name } + [name]).joined(separator: " → ")
                throw SegmentRuleError(segment: name, rule: rule.definition.whereRule, problems: [ExpressionError(offset: 0, "segments refer to each other in a cycle: \(cycle)")])
            }
            state[name] = false
            for dependency in rule.referencedSegments { try visit(dependency, path: path + [name]) }
            state[name] = true
            ordered.append(rule)
        }
        do {
            for name in compiled.keys.sorted() { try visit(name, path: []) }
        } catch {
            throw SegmentRuleErrors(errors: [error])
        }
        var timeDependent: Set<String> = []
        for rule in ordered where rule.isTimeDependent || rule.referencedSegments.contains(where: timeDependent.contains) {
            timeDependent.insert(rule.name)
        }
        self.rules = ordered
        self.timeDependentNames = timeDependent
    }

    /// Every segment's outcome for `view`; a failed segment counts as "not a member" for rules reading it.
    public func evaluate(_ view: ProfileView, now: Date, only names: Set<String>? = nil) -> [String: SegmentOutcome] {
        var outcomes: [String: SegmentOutcome] = [:]
        var members: [String: Bool] = [:]
        for rule in rules where names == nil || names?.contains(rule.name) == true || isNeeded(rule.name, by: names) {
            let outcome = rule.evaluate(view, segments: members, now: now)
            outcomes[rule.name] = outcome
            members[rule.name] = outcome.isMember
        }
        return outcomes.filter { names == nil || names?.contains($0.key) == true }
    }

    /// `true` when a segment in `names` reads `name`, directly or not.
    private func isNeeded(_ name: String, by names: Set<String>?) -> Bool {
        guard let names else { return true }
        var pending = Array(names)
        var seen: Set<String> = []
        while let next = pending.popLast() {
            guard seen.insert(next).inserted, let rule = rules.first(where: { $0.name == next }) else { continue }
            if rule.referencedSegments.contains(name) { return true }
            pending += rule.referencedSegments
        }
        return false
    }
}

/// Every problem of the `segments:` section.
public struct SegmentRuleErrors: Error, Sendable, Hashable, CustomStringConvertible {
    public var errors: [SegmentRuleError]

    public init(errors: [SegmentRuleError]) {
        self.errors = errors
    }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
