extension ResponseClassifier {
    /// The built-in classification of a status (see the table on ``ResponseClassifier``).
    public static func builtIn(status: Int) -> ResponseClassification {
        let (action, failure, message): (ResponseAction, FailureKind?, String) =
            switch status {
            case 200...299: (.success, nil, "HTTP \(status)")
            case 429: (.rateLimited, .transientError, "HTTP 429: rate limit reached")
            case 408: (.retry, .transientError, "HTTP 408: request timeout")
            case 500...599: (.retry, .transientError, "HTTP \(status): server error")
            case 401: (.refreshAuth, .configError, "HTTP 401: authentication failed; check the credentials")
            case 403: (.fail, .configError, "HTTP 403: access denied; check the credentials and their permissions")
            case 400...499: (.fail, .systemError, "HTTP \(status): request rejected")
            default: (.fail, .systemError, "HTTP \(status): unexpected status")
            }
        return ResponseClassification(action: action, failure: failure, message: message, source: .builtIn)
    }

    /// The built-in classification of a transport failure: always `retry`.
    public static func builtIn(for failure: TransportFailure) -> ResponseClassification {
        ResponseClassification(
            action: .retry, failure: .transientError,
            message: "\(failure.kind.rawValue) failure: \(failure.message)", source: .builtIn
        )
    }
}

/// The result of classifying one exchange.
public struct ResponseClassification: Sendable, Hashable {
    /// Where a classification came from.
    public enum Source: Sendable, Hashable {
        /// The plugin rule at this index of `ResponseClassifier.rules`.
        case rule(Int)
        /// The built-in defaults.
        case builtIn
    }

    public var action: ResponseAction
    /// Whose problem it is, for everything but `success` and `ignore`.
    public var failure: FailureKind?
    /// A short, human-readable explanation (the rule's `message`, or a default).
    public var message: String
    public var source: Source

    public init(action: ResponseAction, failure: FailureKind? = nil, message: String, source: Source = .builtIn) {
        self.action = action
        self.failure = failure
        self.message = message
        self.source = source
    }
}
