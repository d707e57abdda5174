import KontorCore

extension YAMLNode {
    /// The scalar, when this node is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = kind { return scalar }
        return nil
    }

    /// The key/value pairs, when this node is a mapping.
    public var entries: [(key: YAMLNode, value: YAMLNode)]? {
        if case .mapping(let entries) = kind { return entries }
        return nil
    }

    /// The elements, when this node is a sequence.
    public var elements: [YAMLNode]? {
        if case .sequence(let elements) = kind { return elements }
        return nil
    }

    /// The scalar's text when this node is a scalar (used for mapping keys).
    public var stringValue: String? { scalar?.value }

    /// The value at a string key of a mapping (the last one if repeated), else `nil`.
    public subscript(key: String) -> YAMLNode? {
        entries?.last { $0.key.stringValue == key }?.value
    }

    /// The element at `index` of a sequence, else `nil`.
    public subscript(index: Int) -> YAMLNode? {
        guard let elements, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    /// The node at the end of `path` (mapping keys, and sequence indices written as
    /// decimal strings), or `nil` when the path leaves the tree.
    public func node(at path: [String]) -> YAMLNode? {
        var current = self
        for component in path {
            if let next = current[component] {
                current = next
            } else if let index = Int(component), let next = current[index] {
                current = next
            } else {
                return nil
            }
        }
        return current
    }

    /// The location of the node at `path`, or of the deepest node on the way
    /// when the path leaves the tree (a missing key points at its parent).
    ///
    /// Model cross-checks run after decoding use it to point at the exact key:
    /// `root.location(at: ["destinations", "newsletter", "segments", "0"])`.
    public func location(at path: [String]) -> SourceLocation {
        var current = self
        for component in path {
            if let next = current[component] {
                current = next
            } else if let index = Int(component), let next = current[index] {
                current = next
            } else {
                break
            }
        }
        return current.location
    }

    /// The location of the key (not the value) at the end of `path`; for
    /// "unknown key" and "duplicate" messages that point at the key itself.
    public func keyLocation(at path: [String]) -> SourceLocation {
        guard let last = path.last else { return location }
        let parent = node(at: Array(path.dropLast()))
        if let key = parent?.entries?.last(where: { $0.key.stringValue == last })?.key {
            return key.location
        }
        return location(at: path)
    }
}
