/// A problem in an expression, at a character offset inside its source text
/// (0-based), so the loader can point at `file:line:column` of the bad token.
public struct ExpressionError: Error, Sendable, Hashable, CustomStringConvertible {
    public var offset: Int
    public var message: String

    public init(offset: Int, _ message: String) {
        self.offset = offset
        self.message = message
    }

    public var description: String { "at offset \(offset): \(message)" }
}
