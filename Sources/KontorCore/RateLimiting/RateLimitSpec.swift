import Foundation

/// "At most `limit` requests in any `interval`": the `"N/duration"` strings of
/// a plugin's `http.rate_limits` (`"2/1s"`, `"700/1m"`, `"10/s"`).
///
/// ```swift
/// let spec = try RateLimitSpec(parsing: "700/1m")   // limit 700, interval 60
/// ```
public struct RateLimitSpec: Sendable, Hashable, CustomStringConvertible {
    /// The most requests allowed in any window of `interval` seconds.
    public var limit: Int
    /// The window, in seconds.
    public var interval: TimeInterval

    public init(limit: Int, interval: TimeInterval) {
        self.limit = limit
        self.interval = interval
    }

    /// Parses `N/duration`; the duration may omit a leading `1` (`10/s`, `150/m`).
    public init(parsing text: String) throws(RateLimitError) {
        let characters = Array(text)
        guard let slash = characters.firstIndex(of: "/") else {
            throw RateLimitError(offset: 0, "rate limit '\(text)' should look like 'N/duration', e.g. '10/1s' or '700/1m'")
        }
        let countText = String(characters[..<slash]).trimmingCharacters(in: .whitespaces)
        let durationText = String(characters[(slash + 1)...]).trimmingCharacters(in: .whitespaces)
        let durationOffset = slash + 1 + (characters[(slash + 1)...].firstIndex { !$0.isWhitespace }.map { $0 - slash - 1 } ?? 0)
        guard !countText.isEmpty else {
            throw RateLimitError(offset: 0, "rate limit '\(text)' is missing the number of requests before '/'")
        }
        guard countText.allSatisfy({ $0.isASCII && $0.isNumber }), let limit = Int(countText) else {
            throw RateLimitError(offset: 0, "request count '\(countText)' is not a whole number")
        }
        guard limit >= 1 else {
            throw RateLimitError(offset: 0, "request count must be at least 1, not \(limit)")
        }
        guard !durationText.isEmpty else {
            throw RateLimitError(offset: slash + 1, "rate limit '\(text)' is missing the duration after '/', e.g. '1s'")
        }
        let hasNumber = durationText.first.map { ($0.isASCII && $0.isNumber) || $0 == "P" } ?? false
        guard let interval = DurationParser.seconds(hasNumber ? durationText : "1" + durationText) else {
            throw RateLimitError(offset: durationOffset, "'\(durationText)' is not a duration; use e.g. 1s, 10s, 1m, 1h or 1d")
        }
        guard interval > 0 else {
            throw RateLimitError(offset: durationOffset, "the duration must be longer than zero")
        }
        self.limit = limit
        self.interval = interval
    }

    /// `10/1s`, `700/1m`, `150/10s`.
    public var description: String {
        "\(limit)/\(DurationText.format(interval))"
    }

    /// The steady rate in requests per second.
    public var requestsPerSecond: Double { Double(limit) / interval }
}
