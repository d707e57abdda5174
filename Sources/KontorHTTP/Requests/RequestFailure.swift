import KontorCore

/// A request that failed for good, described for the run history: which
/// request (method and URL, credentials hidden), which status, what the
/// plugin or the defaults say about it, and the start of the body, redacted.
///
/// ```text
/// GET https://shop.test/admin/api/2024-10/customers.json?limit=250: HTTP 401: Check access_token (config_error); body: {"errors":"[API] Invalid API key or access token"}
/// ```
public struct RequestFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var method: String
    /// The URL with credential parameters and secret values replaced by `***`.
    public var url: String
    /// The HTTP status, `nil` when no response came.
    public var status: Int?
    public var failure: FailureKind
    public var message: String
    /// The first 500 characters of the body, secrets redacted.
    public var bodyExcerpt: String?

    public init(
        method: String, url: String, status: Int?, failure: FailureKind, message: String, bodyExcerpt: String? = nil
    ) {
        self.method = method
        self.url = url
        self.status = status
        self.failure = failure
        self.message = message
        self.bodyExcerpt = bodyExcerpt
    }

    public var description: String {
        var text = "\(method) \(url): "
        if let status { text += "HTTP \(status): " }
        text += "\(message) (\(failure.rawValue))"
        if let bodyExcerpt, !bodyExcerpt.isEmpty { text += "; body: \(bodyExcerpt)" }
        return text
    }

    /// The URL as it may be shown: values of `hiddenParameters` become `***`, then known secrets.
    public static func displayURL(_ url: String, hiddenParameters: Set<String>, redactor: SecretRedactor) -> String {
        let items = RequestURL.queryItems(of: url)
        guard !items.isEmpty else { return redactor.redact(url) }
        let query = items.map { item in
            PercentEncoding.encode(item.name) + "=" + (hiddenParameters.contains(item.name) ? "***" : PercentEncoding.encode(item.value))
        }.joined(separator: "&")
        return redactor.redact(RequestURL.withoutQuery(url) + "?" + query)
    }
}
