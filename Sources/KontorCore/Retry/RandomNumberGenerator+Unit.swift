extension RandomNumberGenerator {
    /// A uniform draw from `[0, 1]`, from the top 53 bits of one `next()`
    /// (closed, so that a test generator can hit both ends of a jitter range exactly).
    ///
    /// Used instead of `Double.random(in:using:)`, which may reject draws and
    /// call `next()` again: with a constant test generator that never ends.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) / Double((1 << 53) - 1)
    }

    /// A uniform draw from `[0, upperBound]`; 0 when `upperBound` is not positive.
    public mutating func nextJitter(upTo upperBound: Double) -> Double {
        upperBound > 0 ? nextUnit() * upperBound : 0
    }
}
