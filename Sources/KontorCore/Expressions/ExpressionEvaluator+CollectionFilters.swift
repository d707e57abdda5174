extension ExpressionEvaluator {
    /// The filters that work on lists: `list`, `join`, `first`, `last`, `unique`,
    /// `select`, `reject`, `selectattr`, `rejectattr`, `map`, `sum`, `min`, `max`.
    func collectionFilter(
        _ call: ResolvedCall<ExpressionFilter>, _ value: ExpressionValue, _ arguments: CallArguments
    ) throws(ExpressionError) -> ExpressionValue {
        let items = try Self.items(of: value, offset: call.offset)
        switch call.callee {
        case .join:
            let separator = try arguments.string(0, "d", default: "")
            let path = try Self.attributePath(arguments[1], arguments)
            return .string(items.map { (path.map($0.attribute(path:)) ?? $0).text }.joined(separator: separator))
        case .first: return items.first ?? .undefined
        case .last: return items.last ?? .undefined
        case .unique:
            let caseSensitive = arguments[0]?.isTruthy ?? false
            let path = try Self.attributePath(arguments[1], arguments)
            var seen = Set<String>()
            let unique = items.filter { item in
                seen.insert(Self.identity(path.map(item.attribute(path:)) ?? item, caseSensitive: caseSensitive)).inserted
            }
            return .array(unique)
        case .select, .reject, .selectattr, .rejectattr:
            let byAttribute = call.callee == .selectattr || call.callee == .rejectattr
            let path = byAttribute ? try Self.attributePath(arguments[0], arguments) : nil
            let keep = call.callee == .select || call.callee == .selectattr
            var test: (ExpressionTest, ExpressionValue?, Int)?
            if case .test(let nested) = call.extra {
                test = (nested.callee, try self.arguments(nested)[0], nested.offset)
            }
            var selected: [ExpressionValue] = []
            for item in items {
                let subject = path.map(item.attribute(path:)) ?? item
                let holds: Bool
                if let test {
                    holds = try test.0.holds(for: subject, argument: test.1, offset: test.2)
                } else {
                    holds = subject.isTruthy
                }
                if holds == keep { selected.append(item) }
            }
            return .array(selected)
        case .map: return try map(call, items, arguments)
        case .sum:
            let path = try Self.attributePath(arguments[0], arguments)
            var total = arguments[1] ?? .int(0)
            for item in items {
                total = try .arithmetic(.add, total, path.map(item.attribute(path:)) ?? item, offset: call.offset)
            }
            return total
        case .min, .max:
            let caseSensitive = arguments[0]?.isTruthy ?? false
            let path = try Self.attributePath(arguments[1], arguments)
            var best: (item: ExpressionValue, key: ExpressionValue)?
            for item in items {
                var key = path.map(item.attribute(path:)) ?? item
                if !caseSensitive, let text = key.stringValue { key = .string(text.lowercased()) }
                guard let current = best else {
                    best = (item, key)
                    continue
                }
                let order = try key.compare(to: current.key, offset: call.offset)
                if call.callee == .min ? order < 0 : order > 0 { best = (item, key) }
            }
            return best?.item ?? .undefined
        default:
            return .array(items)
        }
    }

    private func map(
        _ call: ResolvedCall<ExpressionFilter>, _ items: [ExpressionValue], _ arguments: CallArguments
    ) throws(ExpressionError) -> ExpressionValue {
        var mapped: [ExpressionValue] = []
        mapped.reserveCapacity(items.count)
        if case .filter(let nested) = call.extra {
            for item in items { mapped.append(try applyFilter(nested, to: item)) }
            return .array(mapped)
        }
        guard let path = try Self.attributePath(arguments[1], arguments) else {
            throw arguments.error("map needs a filter name or attribute='…'")
        }
        let fallback = arguments[2]
        for item in items {
            let value = item.attribute(path: path)
            mapped.append(value.isNone && fallback != nil ? fallback ?? value : value)
        }
        return .array(mapped)
    }

    /// The elements a filter iterates: list items, characters of a string, sorted keys of an object.
    static func items(of value: ExpressionValue, offset: Int) throws(ExpressionError) -> [ExpressionValue] {
        switch value {
        case .undefined, .json(.null): return []
        case .json(.array(let items)): return items.map { .json($0) }
        case .json(.string(let text)): return text.map { .string(String($0)) }
        case .json(.object(let object)): return object.keys.sorted().map { .string($0) }
        default: throw ExpressionError(offset: offset, "\(value.typeName) is not iterable")
        }
    }

    /// `attribute='a.b'` split into its path; an integer names a list index.
    static func attributePath(_ value: ExpressionValue?, _ arguments: CallArguments) throws(ExpressionError) -> [String]? {
        guard let value, !value.isNone else { return nil }
        if let number = value.integerValue { return [String(number)] }
        guard let text = value.stringValue else { throw arguments.error("attribute must be a string, not \(value.typeName)") }
        return text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    /// A key under which equal values collide (`1` and `1.0`, and strings ignoring case unless `caseSensitive`).
    private static func identity(_ value: ExpressionValue, caseSensitive: Bool) -> String {
        if let text = value.stringValue { return "s" + (caseSensitive ? text : text.lowercased()) }
        if let number = value.numberValue { return "n" + String(number) }
        return "j" + JSONText.write(value.json)
    }
}
