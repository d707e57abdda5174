import Foundation

/// Reads the waits a server demands from its response headers:
/// `Retry-After` (seconds or an HTTP date), a rate-limit reset header
/// (`X-RateLimit-Reset`, epoch seconds or seconds from now) and Shopify's
/// leaky-bucket gauge `X-Shopify-Shop-Api-Call-Limit: 39/40`.
///
/// ```swift
/// let rules = ServerWaitRules()
/// rules.demandedWait(headers: ["Retry-After": "2.0"], rateLimited: true, now: now)   // 2
/// rules.demandedWait(headers: ["X-Shopify-Shop-Api-Call-Limit": "39/40"], rateLimited: false, now: now)  // 4
/// ```
public struct ServerWaitRules: Sendable, Hashable {
    /// How to read the reset header's number.
    public enum ResetFormat: String, Sendable, Hashable {
        /// Seconds since the Unix epoch (GitHub, Twitter).
        case epochSeconds = "epoch_seconds"
        /// Seconds from now (Klaviyo's `RateLimit-Reset`, Brevo).
        case secondsFromNow = "seconds"
        /// Epoch seconds when the number is above 1,000,000,000 (September 2001),
        /// epoch milliseconds above 10¹², else seconds from now.
        case automatic
    }

    /// Honoured on every response that carries it.
    public var retryAfterHeader: String
    /// Honoured on rate-limited responses, and on any response whose remaining-calls header says 0.
    public var resetHeader: String?
    public var resetFormat: ResetFormat
    /// The header that counts the calls left in the current window.
    public var remainingHeader: String?
    /// A `used/size` bucket gauge (Shopify); read on every response.
    public var callLimitHeader: String?
    /// Slow down once the bucket is this full (0…1).
    public var callLimitThreshold: Double
    /// How fast the bucket drains, in calls per second (Shopify standard plan: 2).
    public var callLimitLeakRate: Double

    public init(
        retryAfterHeader: String = "Retry-After",
        resetHeader: String? = "X-RateLimit-Reset",
        resetFormat: ResetFormat = .automatic,
        remainingHeader: String? = "X-RateLimit-Remaining",
        callLimitHeader: String? = "X-Shopify-Shop-Api-Call-Limit",
        callLimitThreshold: Double = 0.8,
        callLimitLeakRate: Double = 2
    ) {
        self.retryAfterHeader = retryAfterHeader
        self.resetHeader = resetHeader
        self.resetFormat = resetFormat
        self.remainingHeader = remainingHeader
        self.callLimitHeader = callLimitHeader
        self.callLimitThreshold = callLimitThreshold
        self.callLimitLeakRate = callLimitLeakRate
    }

    /// The longest wait, in seconds, any header demands before the next request;
    /// `nil` when none does. `rateLimited` says the response was classified
    /// `rate_limited` (reset headers count then).
    public func demandedWait(headers: [String: String], rateLimited: Bool, now: Date) -> TimeInterval? {
        var waits: [TimeInterval] = []
        if let value = headers.value(forHeader: retryAfterHeader), let wait = Self.retryAfter(value, now: now) {
            waits.append(wait)
        }
        if let resetHeader, let value = headers.value(forHeader: resetHeader) {
            let exhausted = remainingHeader.flatMap { headers.value(forHeader: $0) }.flatMap { Double($0.trimmed) } == 0
            if rateLimited || exhausted, let wait = Self.resetWait(value, format: resetFormat, now: now) {
                waits.append(wait)
            }
        }
        if let callLimitHeader, let value = headers.value(forHeader: callLimitHeader),
           let wait = callLimitWait(value) {
            waits.append(wait)
        }
        return waits.max()
    }

    /// `Retry-After`: decimal seconds (`120`, `2.0`) or an HTTP date; never negative.
    public static func retryAfter(_ value: String, now: Date) -> TimeInterval? {
        let text = value.trimmed
        if let seconds = Double(text), seconds.isFinite { return max(0, seconds) }
        return HTTPDate.parse(text).map { max(0, $0.timeIntervalSince(now)) }
    }

    /// A reset header's wait in seconds; never negative.
    public static func resetWait(_ value: String, format: ResetFormat, now: Date) -> TimeInterval? {
        guard let number = Double(value.trimmed), number.isFinite else { return nil }
        let wait: TimeInterval =
            switch format {
            case .secondsFromNow: number
            case .epochSeconds: number - now.timeIntervalSince1970
            case .automatic:
                if number > 1e12 {
                    number / 1000 - now.timeIntervalSince1970
                } else if number > 1e9 {
                    number - now.timeIntervalSince1970
                } else {
                    number
                }
            }
        return max(0, wait)
    }

    /// The wait that keeps a leaky bucket (`used/size`) below the threshold:
    /// `(used + 1 − threshold × size) / leakRate` seconds once `used` reaches the threshold.
    public func callLimitWait(_ value: String) -> TimeInterval? {
        guard let gauge = Self.callLimit(value), gauge.size > 0, callLimitLeakRate > 0 else { return nil }
        let threshold = callLimitThreshold * Double(gauge.size)
        guard Double(gauge.used) >= threshold else { return nil }
        return (Double(gauge.used) + 1 - threshold) / callLimitLeakRate
    }

    /// `39/40` → (used: 39, size: 40).
    public static func callLimit(_ value: String) -> (used: Int, size: Int)? {
        let parts = value.trimmed.split(separator: "/")
        guard parts.count == 2, let used = Int(parts[0].trimmingCharacters(in: .whitespaces)),
              let size = Int(parts[1].trimmingCharacters(in: .whitespaces))
        else { return nil }
        return (used, size)
    }
}

extension String {
    fileprivate var trimmed: String { trimmingCharacters(in: .whitespaces) }
}
