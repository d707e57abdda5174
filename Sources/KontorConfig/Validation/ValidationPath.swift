/// Where the validator is inside a document, used to say *what* a problem is
/// in: `in source 'shop'`, `in 'schedule' of source 'shop'`, `in 'server'`.
///
/// Entries of a `map` schema (`sources.shop`) name the thing they define,
/// after the singular of the map's key: `sources` → `source`, `streams` →
/// `stream`, `spec` → `setting`.
public struct ValidationPath: Sendable, Hashable, CustomStringConvertible {
    public enum Component: Sendable, Hashable {
        /// A property of an object.
        case key(String)
        /// An entry of a `map` (a user-chosen name).
        case entry(String)
        case index(Int)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) {
        self.components = components
    }

    public func appending(_ component: Component) -> ValidationPath {
        ValidationPath(components + [component])
    }

    /// The keys and indices as strings, as `YAMLNode.location(at:)` takes them.
    public var keys: [String] {
        components.map {
            switch $0 {
            case .key(let name), .entry(let name): return name
            case .index(let index): return String(index)
            }
        }
    }

    /// `sources.shop.streams[0]`
    public var description: String {
        Self.dotted(components[...])
    }

    /// `in source 'shop'`, `in 'schedule' of source 'shop'`, `in 'server'`, or
    /// empty at the top level.
    public var context: String {
        guard !components.isEmpty else { return "" }
        guard let entryIndex = components.lastIndex(where: { if case .entry = $0 { return true } else { return false } }),
            case .entry(let name) = components[entryIndex]
        else {
            return "in '\(description)'"
        }
        var kind = "entry"
        if entryIndex > 0, case .key(let collection) = components[entryIndex - 1] {
            kind = Self.singular(collection)
        }
        let entity = "\(kind) '\(name)'"
        let rest = components[(entryIndex + 1)...]
        return rest.isEmpty ? "in \(entity)" : "in '\(Self.dotted(rest))' of \(entity)"
    }

    /// The entity name used for entries of a map under `collection`.
    public static func singular(_ collection: String) -> String {
        let irregular = ["spec": "setting", "config": "setting", "properties": "property", "query": "query parameter"]
        if let name = irregular[collection] { return name }
        if collection.hasSuffix("ies") { return String(collection.dropLast(3)) + "y" }
        if collection.hasSuffix("s"), !collection.hasSuffix("ss") { return String(collection.dropLast()) }
        return collection
    }

    private static func dotted(_ components: ArraySlice<Component>) -> String {
        var text = ""
        for component in components {
            switch component {
            case .key(let name), .entry(let name):
                text += text.isEmpty ? name : ".\(name)"
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }
}
