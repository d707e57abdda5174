import KontorCore

/// Reading and writing values at paths inside records: `records.path` with
/// `*` wildcards, dotted paths of transforms, primary keys and cursor fields.
enum RecordPath {
    /// Every value at `segments` below `value`; `*` matches each element of an
    /// array or each value of an object. Missing keys give nothing.
    static func values(at segments: ArraySlice<String>, in value: JSONValue) -> [JSONValue] {
        guard let segment = segments.first else { return [value] }
        let rest = segments.dropFirst()
        if segment == "*" {
            switch value {
            case .array(let items): return items.flatMap { values(at: rest, in: $0) }
            case .object(let object): return object.keys.sorted().flatMap { values(at: rest, in: object[$0] ?? .null) }
            default: return []
            }
        }
        guard let child = child(segment, of: value) else { return [] }
        return values(at: rest, in: child)
    }

    /// The single value at `path` (no wildcards), or `nil`.
    static func value(at path: [String], in value: JSONValue) -> JSONValue? {
        var current: JSONValue? = value
        for segment in path {
            guard let container = current else { return nil }
            current = child(segment, of: container)
        }
        return current
    }

    /// `value` with `newValue` at `path`, creating objects on the way; `nil` removes the key.
    static func setting(_ newValue: JSONValue?, at path: ArraySlice<String>, in value: JSONValue) -> JSONValue {
        guard let key = path.first else { return newValue ?? .null }
        if case .array(var items) = value, let index = Int(key), items.indices.contains(index) {
            if path.count == 1, newValue == nil {
                items.remove(at: index)
            } else {
                items[index] = setting(newValue, at: path.dropFirst(), in: items[index])
            }
            return .array(items)
        }
        var object = value.objectValue ?? [:]
        if path.count == 1 {
            object[key] = newValue
        } else if let existing = object[key] {
            object[key] = setting(newValue, at: path.dropFirst(), in: existing)
        } else if newValue != nil {
            object[key] = setting(newValue, at: path.dropFirst(), in: .object([:]))
        }
        return .object(object)
    }

    /// A dotted path (`a.b.0`) split into segments.
    static func dotted(_ text: String) -> [String] {
        FieldPath(parsing: text).segments
    }

    private static func child(_ segment: String, of value: JSONValue) -> JSONValue? {
        switch value {
        case .object(let object): return object[segment]
        case .array(let items):
            guard let index = Int(segment) else { return nil }
            let position = index < 0 ? items.count + index : index
            return items.indices.contains(position) ? items[position] : nil
        default: return nil
        }
    }
}
