import Foundation

/// A segment's `where` rule, parsed and checked when the configuration loads.
///
/// The rule is a boolean expression over `ProfileView`'s variables (`traits`,
/// `computed`, `consent`, `identities`, `segments`, `profile`). Load time
/// reports, with offsets into the rule text: syntax errors, variables outside
/// the scope, and (when the names are given) unknown computed traits, consent
/// purposes and segments, each with a "did you mean".
///
/// ```swift
/// let rule = try SegmentRule(name: "email_buyers",
///     SegmentDefinition(whereRule: "consent.email and computed.order_count >= 2"),
///     known: SegmentRule.KnownNames(computed: ["order_count"], purposes: ["email"]))
/// rule.evaluate(view, now: now)   // .member
/// ```
public struct SegmentRule: Sendable {
    /// Every variable a segment rule may use.
    public static let scope = ExpressionScope(
        "segment rule", variables: ["traits", "computed", "consent", "identities", "segments", "profile"])

    /// Names a rule may refer to; `nil` skips that check.
    public struct KnownNames: Sendable, Hashable {
        public var computed: Set<String>?
        public var purposes: Set<String>?
        public var segments: Set<String>?
        /// Computed traits whose value changes with time alone (windowed ones, `rfm_recency`).
        public var timeDependentComputed: Set<String>

        public init(computed: Set<String>? = nil, purposes: Set<String>? = nil, segments: Set<String>? = nil, timeDependentComputed: Set<String> = []) {
            self.computed = computed
            self.purposes = purposes
            self.segments = segments
            self.timeDependentComputed = timeDependentComputed
        }
    }

    public let name: String
    public let definition: SegmentDefinition
    public let expression: Expression
    /// The segments this rule reads (`segments.vip`).
    public let referencedSegments: [String]
    /// `true` when membership can change without a new event: the rule reads the clock
    /// (`now_utc()`, `today_utc()`, `day_delta()`) or a time-dependent computed trait.
    /// The engine re-evaluates such segments on a schedule.
    public let isTimeDependent: Bool

    public init(name: String, _ definition: SegmentDefinition, known: KnownNames = KnownNames()) throws(SegmentRuleError) {
        self.name = name
        self.definition = definition
        do {
            expression = try Expression(parsing: definition.whereRule)
        } catch {
            throw SegmentRuleError(segment: name, rule: definition.whereRule, problems: [error])
        }
        var problems = expression.check(scope: Self.scope)
        if expression.isBooleanValued() == false {
            problems.append(ExpressionError(offset: 0, "a segment rule must be true or false (a comparison, and/or/not, a test)"))
        }
        problems += Self.unknown(expression.memberAccesses(of: "computed"), among: known.computed, what: "computed trait")
        problems += Self.unknown(expression.memberAccesses(of: "consent"), among: known.purposes, what: "consent purpose")
        let segments = expression.memberAccesses(of: "segments")
        problems += Self.unknown(segments, among: known.segments, what: "segment")
        if let own = segments.first(where: { $0.name == name }) {
            problems.append(ExpressionError(offset: own.offset, "segment '\(name)' cannot refer to itself"))
        }
        guard problems.isEmpty else {
            throw SegmentRuleError(segment: name, rule: definition.whereRule, problems: problems.sorted { $0.offset < $1.offset })
        }
        referencedSegments = Array(Set(segments.map(\.name))).sorted()
        isTimeDependent = expression.readsClock
            || expression.memberAccesses(of: "computed").contains { known.timeDependentComputed.contains($0.name) }
    }

    /// Whether `view` is a member at `now`; an evaluation error means "not a member" and is returned for counting.
    public func evaluate(_ view: ProfileView, segments: [String: Bool] = [:], now: Date) -> SegmentOutcome {
        do {
            return try expression.isTrue(in: EvaluationContext(variables: view.variables(segments: segments), now: now)) ? .member : .notMember
        } catch {
            return .failed(error)
        }
    }

    private static func unknown(_ accesses: [(name: String, offset: Int)], among names: Set<String>?, what: String) -> [ExpressionError] {
        guard let names else { return [] }
        return accesses.filter { !names.contains($0.name) }.map { access in
            let hint = NearestName.suggest(for: access.name, among: names.sorted()).map { "; did you mean '\($0)'?" } ?? ""
            return ExpressionError(offset: access.offset, "unknown \(what) '\(access.name)'\(hint)")
        }
    }
}

/// The result of evaluating one rule on one profile.
public enum SegmentOutcome: Sendable, Hashable {
    case member
    case notMember
    /// The rule failed on this profile (e.g. `traits.age >= 18` with a text age): not a member, counted.
    case failed(ExpressionError)

    public var isMember: Bool { self == .member }
}

/// Problems of one segment rule, with offsets into the rule text; the loader maps them to `file:line:col`.
public struct SegmentRuleError: Error, Sendable, Hashable, CustomStringConvertible {
    public var segment: String
    public var rule: String
    public var problems: [ExpressionError]

    public init(segment: String, rule: String, problems: [ExpressionError]) {
        self.segment = segment
        self.rule = rule
        self.problems = problems
    }

    public var description: String {
        "segments.\(segment).where: " + problems.map(\.description).joined(separator: "; ")
    }
}
