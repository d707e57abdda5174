/// A deterministic random number generator (SplitMix64) for tests and
/// reproducible simulations: the same seed gives the same jitter every run.
///
/// Everything in Kontor that draws randomness (schedule jitter, backoff jitter)
/// takes `inout some RandomNumberGenerator`; production code passes
/// `SystemRandomNumberGenerator()`, tests pass this.
///
/// ```swift
/// var random = SeededRandomNumberGenerator(seed: 42)
/// let delay = policy.delay(forRetry: 3, using: &random)
/// ```
public struct SeededRandomNumberGenerator: RandomNumberGenerator, Sendable, Hashable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A generator that always returns the same value, for tests that need the
/// extremes of a jitter range: `.minimum` gives 0, `.maximum` the full range.
public struct FixedRandomNumberGenerator: RandomNumberGenerator, Sendable, Hashable {
    public var value: UInt64

    public init(value: UInt64) {
        self.value = value
    }

    /// Draws the lowest value of every range.
    public static let minimum = FixedRandomNumberGenerator(value: 0)
    /// Draws the highest value of every jitter range.
    public static let maximum = FixedRandomNumberGenerator(value: .max)

    public mutating func next() -> UInt64 { value }
}
