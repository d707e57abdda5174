extension ExpressionValue {
    /// `value.name`: an object key, or a field of a datetime, date or duration; `undefined` otherwise.
    func member(_ name: String) -> ExpressionValue {
        switch self {
        case .json(.object(let object)): return object[name].map { .json($0) } ?? .undefined
        case .json(.array(let items)):
            guard let index = Int(name) else { return .undefined }
            return Self.element(of: items, at: index)
        case .dateTime(let value): return Self.field(name, of: value.fields, hasTime: true)
        case .date(let days): return Self.field(name, of: CivilFields(days: days), hasTime: false)
        case .duration(let micro):
            let (days, rest) = micro.floorDivided(by: 86_400_000_000)
            switch name {
            case "days": return .int(Int(days))
            case "seconds": return .int(Int(rest / 1_000_000))
            case "microseconds": return .int(Int(rest % 1_000_000))
            default: return .undefined
            }
        default: return .undefined
        }
    }

    /// `value[index]`: object key, list index (negative counts from the end) or character; `undefined` when missing.
    func element(at index: ExpressionValue) -> ExpressionValue {
        switch (self, index) {
        case (.json(.object(let object)), .json(.string(let key))): return object[key].map { .json($0) } ?? .undefined
        case (.json(.object(let object)), .json(.int(let key))): return object[String(key)].map { .json($0) } ?? .undefined
        case (.json(.array(let items)), _):
            guard let position = index.integerValue else { return .undefined }
            return Self.element(of: items, at: position)
        case (.json(.string(let text)), _):
            guard let position = index.integerValue else { return .undefined }
            let characters = Array(text)
            let resolved = position < 0 ? position + characters.count : position
            guard characters.indices.contains(resolved) else { return .undefined }
            return .string(String(characters[resolved]))
        default: return .undefined
        }
    }

    private static func element(of items: [JSONValue], at index: Int) -> ExpressionValue {
        let resolved = index < 0 ? index + items.count : index
        guard items.indices.contains(resolved) else { return .undefined }
        return .json(items[resolved])
    }

    private static func field(_ name: String, of fields: CivilFields, hasTime: Bool) -> ExpressionValue {
        switch name {
        case "year": return .int(fields.year)
        case "month": return .int(fields.month)
        case "day": return .int(fields.day)
        case "hour" where hasTime: return .int(fields.hour)
        case "minute" where hasTime: return .int(fields.minute)
        case "second" where hasTime: return .int(fields.second)
        case "microsecond" where hasTime: return .int(fields.microsecond)
        default: return .undefined
        }
    }

    /// Follows a Jinja attribute path such as `a.b.0` (used by `map`, `selectattr`, `sum`, `join`).
    func attribute(path: [String]) -> ExpressionValue {
        var current = self
        for part in path {
            if case .json(.array) = current, let index = Int(part) {
                current = current.element(at: .int(index))
            } else {
                current = current.member(part)
            }
        }
        return current
    }
}
