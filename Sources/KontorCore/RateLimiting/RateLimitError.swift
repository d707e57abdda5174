/// A problem in a rate limit (`"2/1s"`) or a route pattern, at a 0-based
/// character offset inside the text, so the loader can point at the bad part.
public struct RateLimitError: Error, Sendable, Hashable, CustomStringConvertible {
    public var offset: Int
    public var message: String

    public init(offset: Int, _ message: String) {
        self.offset = offset
        self.message = message
    }

    public var description: String { "at offset \(offset): \(message)" }
}
