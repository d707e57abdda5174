extension FieldPath {
    /// The values at this path in `value`: `*` expands every element or key,
    /// a numeric segment indexes an array; an empty path is `value` itself.
    /// Missing steps give no values.
    func values(in value: JSONValue) -> [JSONValue] {
        Self.values(at: segments[...], in: value)
    }

    /// The single value at this path (the first one when `*` expands to several).
    func value(in value: JSONValue) -> JSONValue? {
        values(in: value).first
    }

    private static func values(at segments: ArraySlice<String>, in value: JSONValue) -> [JSONValue] {
        guard let segment = segments.first else { return [value] }
        let rest = segments.dropFirst()
        switch value {
        case .array(let elements):
            if segment == "*" { return elements.flatMap { values(at: rest, in: $0) } }
            guard let index = Int(segment), elements.indices.contains(index) else { return [] }
            return values(at: rest, in: elements[index])
        case .object(let object):
            if segment == "*" { return object.keys.sorted().flatMap { values(at: rest, in: object[$0] ?? .null) } }
            guard let child = object[segment] else { return [] }
            return values(at: rest, in: child)
        default:
            return []
        }
    }
}
