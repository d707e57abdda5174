/// The parameters a filter, function, method or test takes, used to bind
/// call arguments once at parse time (so evaluation never looks up names).
struct CallSignature: Sendable {
    /// Positional-or-keyword parameters, in order.
    let parameters: [String]
    /// How many leading parameters are required.
    let required: Int
    /// Extra positional arguments are collected into `rest`.
    let variadic: Bool
    /// Parameters that can only be given by keyword (`map(attribute='x')`).
    let keywordOnly: [String]

    init(_ parameters: [String] = [], required: Int = 0, variadic: Bool = false, keywordOnly: [String] = []) {
        self.parameters = parameters
        self.required = required
        self.variadic = variadic
        self.keywordOnly = keywordOnly
    }

    static let none = CallSignature()

    /// Binds parsed arguments to parameter slots (`parameters` then `keywordOnly`).
    func bind(
        _ arguments: [ParsedArgument], callee: String, offset: Int
    ) throws(ExpressionError) -> (slots: [ExpressionNode?], rest: [ExpressionNode]) {
        let names = parameters + keywordOnly
        var slots = [ExpressionNode?](repeating: nil, count: names.count)
        var rest: [ExpressionNode] = []
        var positionalCount = 0
        for argument in arguments {
            if let keyword = argument.keyword {
                guard let slot = names.firstIndex(of: keyword) else {
                    let hint = NearestName.suggest(for: keyword, among: names).map { "; did you mean '\($0)'?" } ?? ""
                    throw ExpressionError(offset: argument.offset, "\(callee) has no argument '\(keyword)'\(hint)")
                }
                guard slots[slot] == nil else {
                    throw ExpressionError(offset: argument.offset, "\(callee) got argument '\(keyword)' twice")
                }
                slots[slot] = argument.value
            } else {
                if positionalCount < parameters.count {
                    slots[positionalCount] = argument.value
                } else if variadic {
                    rest.append(argument.value)
                } else {
                    let plural = parameters.count == 1 ? "" : "s"
                    throw ExpressionError(
                        offset: argument.offset,
                        "\(callee) takes at most \(parameters.count) argument\(plural) (\(arguments.count) given)")
                }
                positionalCount += 1
            }
        }
        for slot in 0..<required where slots[slot] == nil {
            throw ExpressionError(offset: offset, "\(callee) is missing its argument '\(parameters[slot])'")
        }
        return (slots, rest)
    }
}

/// A call argument as written: `value` or `keyword=value`.
struct ParsedArgument: Sendable {
    let keyword: String?
    let value: ExpressionNode
    let offset: Int
}

/// A call whose callee and arguments were resolved at parse time.
struct ResolvedCall<Callee: Sendable>: Sendable {
    let callee: Callee
    /// One slot per parameter of the callee's signature; `nil` when not given.
    let arguments: [ExpressionNode?]
    /// Extra positional arguments of a variadic callee.
    let rest: [ExpressionNode]
    /// Offset of the callee's name.
    let offset: Int
    var extra: CallExtra = .none
}

/// Work done once at parse time for a literal argument: a compiled regex,
/// a strftime pattern, a nested filter or test.
indirect enum CallExtra: Sendable {
    case none
    case regex(CompiledRegex)
    case pattern(StrftimePattern)
    case test(ResolvedCall<ExpressionTest>)
    case filter(ResolvedCall<ExpressionFilter>)
    case hash(HashAlgorithm)
    case normalizer(Normalizer)
}

/// Evaluated arguments of a call.
struct CallArguments {
    let values: [ExpressionValue?]
    let rest: [ExpressionValue]
    let offset: Int

    subscript(index: Int) -> ExpressionValue? { index < values.count ? values[index] : nil }

    func error(_ message: String) -> ExpressionError { ExpressionError(offset: offset, message) }

    /// The string argument at `index`, `fallback` when absent.
    func string(_ index: Int, _ name: String, default fallback: String? = nil) throws(ExpressionError) -> String {
        guard let value = self[index], !value.isNone else {
            if let fallback { return fallback }
            throw error("argument '\(name)' must be a string, not none")
        }
        guard let text = value.stringValue else { throw error("argument '\(name)' must be a string, not \(value.typeName)") }
        return text
    }

    /// The integer argument at `index`, `fallback` when absent or none.
    func integer(_ index: Int, _ name: String, default fallback: Int) throws(ExpressionError) -> Int {
        guard let value = self[index], !value.isNone else { return fallback }
        guard let number = value.integerValue ?? value.json.intValue else {
            throw error("argument '\(name)' must be an integer, not \(value.typeName)")
        }
        return number
    }
}
