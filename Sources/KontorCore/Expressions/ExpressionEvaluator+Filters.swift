import Foundation

extension ExpressionEvaluator {
    /// Applies `value | filter(args)`.
    func applyFilter(_ call: ResolvedCall<ExpressionFilter>, to value: ExpressionValue) throws(ExpressionError) -> ExpressionValue {
        let arguments = try arguments(call)
        switch call.callee {
        case .int: return Self.integer(value, default: arguments[0] ?? .int(0), base: try arguments.integer(1, "base", default: 10))
        case .float: return Self.float(value, default: arguments[0] ?? .double(0))
        case .string: return .string(value.text)
        case .lower: return .string(value.text.lowercased())
        case .upper: return .string(value.text.uppercased())
        case .capitalize: return .string(TextOperations.capitalize(value.text))
        case .title: return .string(TextOperations.title(value.text))
        case .trim:
            let chars = arguments[0].flatMap(\.stringValue)
            return .string(TextOperations.strip(value.text, chars: chars, leading: true, trailing: true))
        case .replace:
            let old = try arguments.string(0, "old")
            let new = try arguments.string(1, "new")
            return .string(TextOperations.replace(value.text, old, new, count: try arguments.integer(2, "count", default: -1)))
        case .default:
            let fallback = arguments[0] ?? .string("")
            let boolean = arguments[1]?.isTruthy ?? false
            return (value.isNone || (boolean && !value.isTruthy)) ? fallback : value
        case .length: return .int(try length(of: value, offset: call.offset))
        case .abs: return try absolute(value, offset: call.offset)
        case .round: return try rounded(value, arguments)
        case .tojson: return .string(JSONText.write(value.json))
        case .urlencode: return .string(URLEncoding.encode(value))
        case .base64encode: return .string(Data(value.text.utf8).base64EncodedString())
        case .base64decode: return try base64Decode(value.text, offset: call.offset)
        case .regexSearch, .regexReplace: return try regexFilter(call, value, arguments)
        case .hash, .sha256, .md5: return try hashFilter(call, value, arguments)
        case .normalize: return try normalizeFilter(call, value, arguments)
        case .list, .join, .first, .last, .unique, .select, .reject, .selectattr, .rejectattr, .map, .sum, .min, .max:
            return try collectionFilter(call, value, arguments)
        }
    }

    /// Jinja's `int`: numbers truncate, text is parsed (`"42"`, `"3.7"`), anything else gives the default.
    static func integer(_ value: ExpressionValue, default fallback: ExpressionValue, base: Int) -> ExpressionValue {
        switch value {
        case .json(.int), .json(.bool): return .int(value.integerValue ?? 0)
        case .json(.double(let number)): return checkedInteger(number).map { .int($0) } ?? fallback
        case .json(.string(let text)):
            let trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")
            if (2...36).contains(base), let number = Int(trimmed, radix: base) { return .int(number) }
            if base == 10, let number = Double(trimmed), let whole = checkedInteger(number) { return .int(whole) }
            return fallback
        default: return fallback
        }
    }

    /// A double truncated to an integer, or `nil` when it is not finite or too large.
    static func checkedInteger(_ number: Double) -> Int? {
        guard number.isFinite, abs(number) < 9.2e18 else { return nil }
        return Int(number)
    }

    static func float(_ value: ExpressionValue, default fallback: ExpressionValue) -> ExpressionValue {
        switch value {
        case .json(.int), .json(.double), .json(.bool): return .double(value.numberValue ?? 0)
        case .json(.string(let text)):
            return Double(text.trimmingCharacters(in: .whitespaces)).map { .double($0) } ?? fallback
        default: return fallback
        }
    }

    func length(of value: ExpressionValue, offset: Int) throws(ExpressionError) -> Int {
        switch value {
        case .undefined, .json(.null): return 0
        case .json(.string(let text)): return text.count
        case .json(.array(let items)): return items.count
        case .json(.object(let object)): return object.count
        default: throw ExpressionError(offset: offset, "\(value.typeName) has no length")
        }
    }

    private func absolute(_ value: ExpressionValue, offset: Int) throws(ExpressionError) -> ExpressionValue {
        switch value {
        case .json(.int(let number)):
            guard number != .min else { throw ExpressionError(offset: offset, "integer overflow in abs") }
            return .int(Swift.abs(number))
        case .json(.double(let number)): return .double(Swift.abs(number))
        case .json(.bool(let flag)): return .int(flag ? 1 : 0)
        case .duration(let micro):
            guard micro != .min else { throw ExpressionError(offset: offset, "duration out of range") }
            return .duration(Swift.abs(micro))
        default: throw ExpressionError(offset: offset, "abs needs a number, not \(value.typeName)")
        }
    }

    /// Jinja's `round(precision, method)`: `common` rounds half away from zero; the result is a float.
    private func rounded(_ value: ExpressionValue, _ arguments: CallArguments) throws(ExpressionError) -> ExpressionValue {
        guard let number = value.numberValue else { throw arguments.error("round needs a number, not \(value.typeName)") }
        let precision = max(-15, min(15, try arguments.integer(0, "precision", default: 0)))
        let method = try arguments.string(1, "method", default: "common")
        let rule: FloatingPointRoundingRule
        switch method {
        case "common": rule = .toNearestOrAwayFromZero
        case "ceil": rule = .up
        case "floor": rule = .down
        default: throw arguments.error("round method must be 'common', 'ceil' or 'floor', not '\(method)'")
        }
        let scale = pow(10, Double(precision))
        return .double((number * scale).rounded(rule) / scale)
    }

    private func base64Decode(_ text: String, offset: Int) throws(ExpressionError) -> ExpressionValue {
        var padded = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if padded.count % 4 != 0 { padded += String(repeating: "=", count: 4 - padded.count % 4) }
        guard let data = Data(base64Encoded: padded), let decoded = String(data: data, encoding: .utf8) else {
            throw ExpressionError(offset: offset, "base64decode: not valid base64 text of UTF-8")
        }
        return .string(decoded)
    }

    private func regexFilter(
        _ call: ResolvedCall<ExpressionFilter>, _ value: ExpressionValue, _ arguments: CallArguments
    ) throws(ExpressionError) -> ExpressionValue {
        let regex: CompiledRegex
        if case .regex(let compiled) = call.extra {
            regex = compiled
        } else {
            do throws(ExpressionError) {
                regex = try CompiledRegex(python: try arguments.string(0, "regex"))
            } catch {
                throw ExpressionError(offset: call.offset, error.message)
            }
        }
        if value.isNone { return call.callee == .regexSearch ? .string("") : value }
        if call.callee == .regexSearch { return .string(regex.search(value.text) ?? "") }
        return .string(regex.replace(in: value.text, with: try arguments.string(1, "replacement")))
    }

    private func hashFilter(
        _ call: ResolvedCall<ExpressionFilter>, _ value: ExpressionValue, _ arguments: CallArguments
    ) throws(ExpressionError) -> ExpressionValue {
        if value.isNone { return .none }
        var algorithm: HashAlgorithm = call.callee == .sha256 ? .sha256 : .md5
        var salt = ""
        if call.callee == .hash {
            if case .hash(let resolved) = call.extra {
                algorithm = resolved
            } else if arguments[0] != nil {
                let name = try arguments.string(0, "hash_type")
                guard let resolved = HashAlgorithm(rawValue: name) else {
                    throw arguments.error("unknown hash type '\(name)'\(Self.hint(name, HashAlgorithm.allCases.map(\.rawValue)))")
                }
                algorithm = resolved
            }
            salt = try arguments.string(1, "salt", default: "")
        }
        return .string(PIIHasher.hash(value.text + salt, algorithm: algorithm))
    }

    private func normalizeFilter(
        _ call: ResolvedCall<ExpressionFilter>, _ value: ExpressionValue, _ arguments: CallArguments
    ) throws(ExpressionError) -> ExpressionValue {
        let normalizer: Normalizer
        if case .normalizer(let resolved) = call.extra {
            normalizer = resolved
        } else {
            let name = try arguments.string(0, "kind")
            guard let resolved = Normalizer(rawValue: name) else {
                throw arguments.error("unknown normaliser '\(name)'\(Self.hint(name, Normalizer.allCases.map(\.rawValue)))")
            }
            normalizer = resolved
        }
        if value.isNone { return .none }
        let country = arguments[1].flatMap(\.stringValue)
        return normalizer.normalize(value.text, defaultCountry: country).map { .string($0) } ?? .none
    }

    static func hint(_ name: String, _ candidates: [String]) -> String {
        NearestName.suggest(for: name, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }
}
