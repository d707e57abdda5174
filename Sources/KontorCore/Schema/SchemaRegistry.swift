/// Named schemas that `Schema.reference(name)` points to: shared or recursive
/// shapes (a `Request` used by streams and actions, a `Field` whose `items`
/// is again a `Field`).
///
/// The validator resolves references through it, and the JSON Schema writer
/// emits each entry once under `$defs`.
///
/// ```swift
/// let registry = SchemaRegistry(["Field": .object(["items": .init(.reference("Field"))])])
/// ```
public struct SchemaRegistry: Sendable {
    public var definitions: [String: Schema]

    public init(_ definitions: [String: Schema] = [:]) {
        self.definitions = definitions
    }

    /// The schema registered as `name`, if any.
    public subscript(name: String) -> Schema? {
        definitions[name]
    }

    /// A registry holding the definitions of both, `other` winning on a name clash.
    public func merging(_ other: SchemaRegistry) -> SchemaRegistry {
        SchemaRegistry(definitions.merging(other.definitions) { _, new in new })
    }
}
