extension ExpressionValue {
    /// Python `==`: numbers compare by value (`1 == 1.0`, `true == 1`),
    /// `none` equals `undefined`, lists and objects compare element-wise.
    func isEqual(to other: ExpressionValue) -> Bool {
        switch (self, other) {
        case (.undefined, _), (.json(.null), _): return other.isNone
        case (_, .undefined), (_, .json(.null)): return false
        case (.dateTime(let left), .dateTime(let right)): return left.microseconds == right.microseconds
        case (.date(let left), .date(let right)): return left == right
        case (.duration(let left), .duration(let right)): return left == right
        case (.json(let left), .json(let right)): return Self.jsonEqual(left, right)
        default: return false
        }
    }

    private static func jsonEqual(_ left: JSONValue, _ right: JSONValue) -> Bool {
        switch (left, right) {
        case (.int(let a), .int(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { jsonEqual($0, $1) }
        case (.object(let a), .object(let b)):
            return a.count == b.count && a.allSatisfy { key, value in b[key].map { jsonEqual(value, $0) } ?? false }
        case (.null, .null): return true
        default:
            guard let a = ExpressionValue.json(left).numberValue, let b = ExpressionValue.json(right).numberValue else {
                return false
            }
            return a == b
        }
    }

    /// Python ordering: -1, 0 or 1; an error for types that have no order between them.
    func compare(to other: ExpressionValue, offset: Int) throws(ExpressionError) -> Int {
        switch (self, other) {
        case (.json(.int(let a)), .json(.int(let b))): return a < b ? -1 : a == b ? 0 : 1
        case (.json(.string(let a)), .json(.string(let b))):
            if a == b { return 0 }
            return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) ? -1 : 1
        case (.dateTime(let a), .dateTime(let b)): return Self.order(a.microseconds, b.microseconds)
        case (.date(let a), .date(let b)): return Self.order(a, b)
        case (.duration(let a), .duration(let b)): return Self.order(a, b)
        case (.json(.array(let a)), .json(.array(let b))):
            for (left, right) in zip(a, b) {
                let order = try ExpressionValue.json(left).compare(to: .json(right), offset: offset)
                if order != 0 { return order }
            }
            return Self.order(a.count, b.count)
        default:
            if let a = numberValue, let b = other.numberValue, !a.isNaN, !b.isNaN { return Self.order(a, b) }
            throw ExpressionError(offset: offset, "cannot compare \(typeName) with \(other.typeName)")
        }
    }

    private static func order<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : a == b ? 0 : 1 }

    /// Python `item in self`: substring, list element or object key; `false` for none.
    func contains(_ item: ExpressionValue, offset: Int) throws(ExpressionError) -> Bool {
        switch self {
        case .undefined, .json(.null): return false
        case .json(.string(let text)):
            guard let needle = item.stringValue else {
                throw ExpressionError(offset: offset, "'in <string>' needs a string on the left, not \(item.typeName)")
            }
            return needle.isEmpty || text.contains(needle)
        case .json(.array(let items)): return items.contains { ExpressionValue.json($0).isEqual(to: item) }
        case .json(.object(let object)):
            guard let key = item.stringValue else { return false }
            return object[key] != nil
        default:
            throw ExpressionError(offset: offset, "cannot test membership in \(typeName)")
        }
    }
}
