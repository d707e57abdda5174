/// A value a mapping reads through `@path` (or the `$.` shorthand), exposed so
/// the loader can check it: a path whose first key is a scope variable
/// (`$.config.list_id`) reads that variable, any other path reads the input.
public struct MappingReference: Sendable, Hashable {
    /// Where the path string sits inside the mapping (`["merge_fields", "FNAME", "@path"]`).
    public var path: [String]
    /// The path as written (`$.traits.email`).
    public var text: String
    /// The scope variable the path reads, or `nil` when it reads the input record or profile.
    public var variable: String?
    /// The path's segments (`["config", "list_id"]`); indices as digits, wildcards as `*`.
    public var segments: [String]

    public init(path: [String], text: String, variable: String?, segments: [String]) {
        self.path = path
        self.text = text
        self.variable = variable
        self.segments = segments
    }
}
