import Foundation

/// What an expression is evaluated against: its variables (`record`,
/// `config`, `response`, `traits` …) and the current time, injected so that
/// `now_utc()` is testable and Core never reads a wall clock.
public struct EvaluationContext: Sendable {
    public var variables: [String: JSONValue]
    public var now: Date

    public init(variables: [String: JSONValue], now: Date) {
        self.variables = variables
        self.now = now
    }
}
