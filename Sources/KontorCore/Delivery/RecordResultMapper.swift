import Foundation

/// Reads a batch response back onto each record of the batch (Segment's
/// multi-status), so that one bad email fails alone and the 499 good ones
/// around it are delivered.
///
/// Whole-batch statuses first, through the ``ResponseClassifier``'s classification:
///
/// | response | outcome |
/// |---|---|
/// | `retry` / `rate_limited` (5xx, 408, 429, transport failure) | ``BatchOutcome/retryAll(_:serverWait:)``, with `Retry-After` |
/// | `fail` or `refresh_auth` with `config_error` (401, 403) | `retryAll`: the configuration is wrong, not the records |
/// | other `fail` (400, 413, 422, …), batch of 2+ | ``BatchOutcome/bisect(_:halves:)`` |
/// | other `fail`, batch of 1 | the record fails with the response's reason |
/// | `ignore` | every record delivered |
/// | `success` (and in `success_status`, if given) | per record, below |
///
/// Per record, from the action's `result`:
/// - `errors` with `index`: the error names the record's position (Google `partialFailureError`
///   `location.fieldPathElements.0.index`, HubSpot 207 positions);
/// - `errors` with `key` + `field`: the error names a value of the record (Mailchimp
///   `errors[].email_address`, HubSpot 207 `errors[].context.ids[]`, Brevo `contacts.failure[]` with `key: $`);
///   values compare as text, ignoring case and surrounding spaces;
/// - `items`: a list parallel to the batch, judged by `success_when`;
/// - ``invalidCountPath``: a count of invalid records naming none (Meta `num_invalid_entries`):
///   every record is delivered and the count reported.
///
/// An error code listed in `retry_codes` retries its record; any other error fails it for good.
///
/// ```swift
/// let mapper = RecordResultMapper(result: action.plan(for: mode).result)
/// switch mapper.map(response, records: batch.items.map(\.payload), now: clock.now) { … }
/// ```
public struct RecordResultMapper: Sendable {
    public var result: ActionResult?
    /// Where a response gives a bare count of invalid records (`num_invalid_entries`).
    public var invalidCountPath: FieldPath?
    /// Reads `Retry-After` and reset headers of whole-batch failures.
    public var waitRules: ServerWaitRules
    /// `result.items.success_when`, parsed once.
    let successWhen: Result<Template, ExpressionError>?

    public init(result: ActionResult?, invalidCountPath: FieldPath? = nil, waitRules: ServerWaitRules = ServerWaitRules()) {
        self.result = result
        self.invalidCountPath = invalidCountPath
        self.waitRules = waitRules
        self.successWhen = result?.items.map { items in
            Result { () throws(ExpressionError) in try Template(parsing: items.successWhen) }
        }
    }

    /// The outcome of a response to a batch of `records` (the payloads, in request order).
    /// - Parameter classification: the plugin classifier's verdict; the built-in one when `nil`.
    public func map(
        _ response: HTTPResponseFacts, records: [JSONValue], classification: ResponseClassification? = nil,
        config: JSONValue = .null, now: Date
    ) -> BatchOutcome {
        let verdict = classification ?? ResponseClassifier.builtIn(status: response.status)
        switch verdict.action {
        case .retry, .rateLimited:
            let wait = waitRules.demandedWait(headers: response.headers, rateLimited: verdict.action == .rateLimited, now: now)
            return .retryAll(RecordFailure(verdict.message, failure: verdict.failure ?? .transientError), serverWait: wait)
        case .refreshAuth:
            return .retryAll(RecordFailure(verdict.message, failure: .configError), serverWait: nil)
        case .fail:
            let failure = RecordFailure(failureMessage(verdict, response), failure: verdict.failure ?? .systemError)
            return rejected(failure, count: records.count)
        case .ignore:
            return .perRecord(.allDelivered(records.count))
        case .success:
            if let accepted = result?.successStatus, !accepted.contains(response.status) {
                let message = "HTTP \(response.status): not one of the success statuses \(accepted.map(String.init))"
                return rejected(RecordFailure(message), count: records.count)
            }
            return .perRecord(perRecord(response, records: records, config: config, now: now))
        }
    }

    /// The outcome of a batch whose request got no response (timeout, refused connection).
    public func map(_ failure: TransportFailure, count: Int) -> BatchOutcome {
        let verdict = ResponseClassifier.builtIn(for: failure)
        return .retryAll(RecordFailure(verdict.message, failure: .transientError), serverWait: nil)
    }

    /// A whole-batch refusal: configuration errors retry, others bisect (or fail a lone record).
    private func rejected(_ failure: RecordFailure, count: Int) -> BatchOutcome {
        if failure.failure == .configError { return .retryAll(failure, serverWait: nil) }
        guard count > 1 else {
            return .perRecord(RecordResults(outcomes: Array(repeating: .failed(failure), count: count)))
        }
        let middle = count / 2
        return .bisect(failure, halves: [0..<middle, middle..<count])
    }

    /// The classifier's message, with the response's own explanation when it has one.
    private func failureMessage(_ verdict: ResponseClassification, _ response: HTTPResponseFacts) -> String {
        guard let body = response.body else { return verdict.message }
        let candidates = ["detail", "message", "title", "error.message", "error"]
        for path in candidates {
            if let text = FieldPath(parsing: path).value(in: body)?.stringValue, !text.isEmpty {
                return "\(verdict.message): \(text.count > 300 ? String(text.prefix(300)) + "…" : text)"
            }
        }
        return verdict.message
    }
}
