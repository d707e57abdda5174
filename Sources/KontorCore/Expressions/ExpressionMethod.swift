/// The Python methods Airbyte manifests call on values (`.get`, `.strftime`, `.split` …).
enum ExpressionMethod: String, Sendable, CaseIterable {
    case get, strftime, timestamp, isoformat, date, totalSeconds = "total_seconds"
    case split, strip, lstrip, rstrip, startswith, endswith, lower, upper, title, capitalize, replace
    case keys, values, items, join

    var signature: CallSignature {
        switch self {
        case .get: return CallSignature(["key", "default"], required: 1)
        case .strftime: return CallSignature(["format"], required: 1)
        case .split: return CallSignature(["sep", "maxsplit"])
        case .strip, .lstrip, .rstrip: return CallSignature(["chars"])
        case .startswith: return CallSignature(["prefix"], required: 1)
        case .endswith: return CallSignature(["suffix"], required: 1)
        case .replace: return CallSignature(["old", "new", "count"], required: 2)
        case .join: return CallSignature(["iterable"], required: 1)
        default: return .none
        }
    }

    var returnsBoolean: Bool? {
        switch self {
        case .startswith, .endswith: return true
        case .get: return nil
        default: return false
        }
    }
}

extension ExpressionEvaluator {
    /// Calls `receiver.method(args)`. On `none` every method gives `none`
    /// (so `config.get('a', {}).get('b')` and `x.get('k')` never fail on missing data).
    func callMethod(_ call: ResolvedCall<ExpressionMethod>, on receiver: ExpressionValue) throws(ExpressionError) -> ExpressionValue {
        if receiver.isNone { return .none }
        let arguments = try arguments(call)
        func wrongType() -> ExpressionError {
            arguments.error("\(receiver.typeName) has no method '\(call.callee.rawValue)'")
        }
        switch (call.callee, receiver) {
        case (.get, .json(.object(let object))):
            let key = arguments[0] ?? .none
            let found: JSONValue? = key.stringValue.flatMap { object[$0] } ?? key.integerValue.flatMap { object[String($0)] }
            return found.map { .json($0) } ?? arguments[1] ?? .none
        case (.strftime, _):
            guard let time = receiver.zonedDateTime else { throw wrongType() }
            if case .pattern(let pattern) = call.extra { return .string(Strftime.format(time, pattern: pattern)) }
            return .string(Strftime.format(time, pattern: try arguments.string(0, "format")))
        case (.timestamp, .dateTime(let time)): return .double(time.timestamp)
        case (.isoformat, .dateTime(let time)): return .string(DateFormat.pythonISOText(time))
        case (.isoformat, .date(let days)): return .string(ExpressionValue.dateText(days))
        case (.date, .dateTime(let time)): return .date(time.fields.daysSinceEpoch)
        case (.totalSeconds, .duration(let micro)): return .double(Double(micro) / 1_000_000)
        case (.keys, .json(.object(let object))): return .array(object.keys.sorted().map { .string($0) })
        case (.values, .json(.object(let object))): return .json(.array(object.keys.sorted().map { object[$0] ?? .null }))
        case (.items, .json(.object(let object))):
            return .json(.array(object.keys.sorted().map { .array([.string($0), object[$0] ?? .null]) }))
        case (.join, .json(.string(let separator))):
            let items = try Self.items(of: arguments[0] ?? .none, offset: call.offset)
            return .string(items.map(\.text).joined(separator: separator))
        case (_, .json(.string(let text))):
            guard let result = try stringMethod(call.callee, text, arguments) else { throw wrongType() }
            return result
        default:
            throw wrongType()
        }
    }

    private func stringMethod(
        _ method: ExpressionMethod, _ text: String, _ arguments: CallArguments
    ) throws(ExpressionError) -> ExpressionValue? {
        switch method {
        case .split:
            let separator = arguments[0].flatMap { $0.isNone ? nil : $0 }
            guard separator == nil || separator?.stringValue?.isEmpty == false else {
                throw arguments.error("split needs a non-empty separator")
            }
            let maxSplit = try arguments.integer(1, "maxsplit", default: -1)
            return .array(TextOperations.split(text, separator: separator?.stringValue, maxSplit: maxSplit).map { .string($0) })
        case .strip, .lstrip, .rstrip:
            let chars = arguments[0].flatMap { $0.isNone ? nil : $0 }?.text
            return .string(TextOperations.strip(text, chars: chars, leading: method != .rstrip, trailing: method != .lstrip))
        case .startswith, .endswith:
            let candidates: [ExpressionValue]
            if case .json(.array(let items)) = arguments[0] ?? .none { candidates = items.map { .json($0) } } else {
                candidates = [arguments[0] ?? .none]
            }
            for candidate in candidates {
                guard let affix = candidate.stringValue else {
                    throw arguments.error("\(method.rawValue) needs a string or a list of strings, not \(candidate.typeName)")
                }
                if method == .startswith ? text.hasPrefix(affix) : text.hasSuffix(affix) { return .true }
            }
            return .false
        case .lower: return .string(text.lowercased())
        case .upper: return .string(text.uppercased())
        case .title: return .string(TextOperations.title(text))
        case .capitalize: return .string(TextOperations.capitalize(text))
        case .replace:
            let old = try arguments.string(0, "old")
            let new = try arguments.string(1, "new")
            return .string(TextOperations.replace(text, old, new, count: try arguments.integer(2, "count", default: -1)))
        default: return nil
        }
    }
}
