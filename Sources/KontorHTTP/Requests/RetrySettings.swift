import Foundation
import KontorCore

/// A plugin's `http.retry` turned into the retry machinery of Core: the
/// response classifier (plugin rules over the built-in defaults), the backoff
/// policy and the server wait rules.
///
/// ```swift
/// let settings = try RetrySettings(plugin.http?.retry)
/// var state = settings.newState(startedAt: clock.now)
/// ```
public struct RetrySettings: Sendable {
    public var classifier: ResponseClassifier
    public var policy: BackoffPolicy
    public var waitRules: ServerWaitRules
    /// The longest wait a server may demand before the request gives up.
    public var maxServerWait: TimeInterval

    public init(
        classifier: ResponseClassifier = ResponseClassifier(), policy: BackoffPolicy = .default,
        waitRules: ServerWaitRules = ServerWaitRules(), maxServerWait: TimeInterval = 3600
    ) {
        self.classifier = classifier
        self.policy = policy
        self.waitRules = waitRules
        self.maxServerWait = maxServerWait
    }

    /// Compiles the rules' expressions; a broken one is an error naming the rule.
    public init(_ retry: PluginRetryPolicy?) throws(RequestBuildError) {
        self.init()
        guard let retry else { return }
        if let maxRetries = retry.maxRetries { policy.maxAttempts = maxRetries }
        if let maxTime = retry.maxTime.flatMap(DurationParser.seconds) { policy.maxElapsed = maxTime }
        for backoff in retry.backoff ?? [] {
            switch backoff {
            case .headerSeconds(let header, _, let max):
                waitRules.retryAfterHeader = header
                if let max = max.flatMap(DurationParser.seconds) { maxServerWait = max }
            case .headerUntil(let header, _, let max):
                waitRules.resetHeader = header
                // Epoch seconds (or milliseconds); a small number is seconds from now (SurveyMonkey's minute reset).
                waitRules.resetFormat = .automatic
                if let max = max.flatMap(DurationParser.seconds) { maxServerWait = max }
            case .exponential(let factor, let max):
                if let base = factor.flatMap(DurationParser.seconds) { policy.base = base }
                if let cap = max.flatMap(DurationParser.seconds) { policy.cap = cap }
            case .constant(let wait):
                if let wait = DurationParser.seconds(wait) {
                    policy.base = wait
                    policy.factor = 1
                    policy.cap = wait
                }
            }
        }
        var rules: [ResponseRule] = []
        for (index, rule) in (retry.rules ?? []).enumerated() {
            rules.append(try Self.compile(rule, field: "retry.rules[\(index)]"))
        }
        classifier = ResponseClassifier(rules: rules)
    }

    /// A fresh retry state machine for one request.
    public func newState(startedAt: Date) -> RetryState {
        RetryState(policy: policy, waitRules: waitRules, maxServerWait: maxServerWait, startedAt: startedAt)
    }

    private static func compile(_ rule: PluginResponseRule, field: String) throws(RequestBuildError) -> ResponseRule {
        let when: KontorCore.Expression?
        do {
            when = try rule.when.map { text throws(ExpressionError) in try KontorCore.Expression(parsing: Self.bare(text)) }
        } catch {
            throw RequestBuildError(field: "\(field).when", error.description)
        }
        let message = try rule.message.map { text throws(RequestBuildError) in try CompiledRequest.template(text, field: "\(field).message") }
        return ResponseRule(
            statuses: rule.status ?? [], bodyContains: rule.bodyContains, when: when,
            action: ResponseAction(rawValue: rule.action.rawValue) ?? .fail,
            failure: rule.failure.flatMap { FailureKind(rawValue: $0.rawValue) }, message: message
        )
    }

    /// `when` may be written with or without `{{ }}`; the expression is the part inside.
    static func bare(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("{{"), trimmed.hasSuffix("}}"), trimmed.count >= 4 else { return text }
        return String(trimmed.dropFirst(2).dropLast(2)).trimmingCharacters(in: .whitespaces)
    }
}
