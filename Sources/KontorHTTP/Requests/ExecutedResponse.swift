import KontorCore

/// A response the executor accepted: `success`, or `ignore` (skip without failing).
public struct ExecutedResponse: Sendable {
    public var response: HTTPResponseData
    /// The body parsed as JSON; `nil` when it is empty or not JSON.
    public var json: JSONValue?
    /// True when a rule said `ignore`: the caller treats it as "no data".
    public var ignored: Bool
    /// The URL that was requested (credentials included: never show it; use `displayURL`).
    public var requestURL: String
    /// The URL as it may be shown.
    public var displayURL: String
    /// Attempts beyond the first.
    public var retries: Int

    public init(response: HTTPResponseData, json: JSONValue?, ignored: Bool, requestURL: String, displayURL: String, retries: Int) {
        self.response = response
        self.json = json
        self.ignored = ignored
        self.requestURL = requestURL
        self.displayURL = displayURL
        self.retries = retries
    }
}
