/// A problem in a mapping, at a path of keys/indices inside the mapping value
/// (e.g. `["merge_fields", "FNAME", "@path"]`) so the loader can position it;
/// `expressionOffset` points inside a template or path string when known.
public struct MappingError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: [String]
    public var message: String
    public var expressionOffset: Int?

    public init(path: [String], _ message: String, expressionOffset: Int? = nil) {
        self.path = path
        self.message = message
        self.expressionOffset = expressionOffset
    }

    public var description: String {
        path.isEmpty ? message : "\(path.joined(separator: ".")): \(message)"
    }
}
