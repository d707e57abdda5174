/// A compiled regular expression for route matching.
struct PathPattern: @unchecked Sendable {
    // `Regex` is immutable after compilation; it is not declared `Sendable` in every toolchain.
    private let regex: Regex<AnyRegexOutput>

    init(_ pattern: String) throws(RateLimitError) {
        do {
            regex = try Regex(pattern)
        } catch {
            throw RateLimitError(offset: 0, "invalid path pattern '\(pattern)': \(error)")
        }
    }

    func isFound(in path: String) -> Bool {
        path.contains(regex)
    }
}
