extension ExpressionParser {
    /// `name(args)`: one of the listed functions.
    mutating func parseFunctionCall(_ name: String, offset: Int) throws(ExpressionError) -> ExpressionNode {
        guard let function = ExpressionFunction(rawValue: name) else {
            let names = ExpressionFunction.allCases.map(\.rawValue)
            throw ExpressionError(offset: offset, "unknown function '\(name)'\(Self.hint(name, names))")
        }
        let arguments = try parseArguments()
        let (slots, rest) = try function.signature.bind(arguments, callee: "function '\(name)'", offset: offset)
        var call = ResolvedCall(callee: function, arguments: slots, rest: rest, offset: offset)
        if let index = function.patternParameter, let pattern = slots[index]?.literalString {
            call.extra = .pattern(StrftimePattern(pattern))
        }
        return try node(.function(call), offset)
    }

    /// `receiver.name(args)`: one of the listed methods.
    mutating func parseMethodCall(on receiver: ExpressionNode, name: String, offset: Int) throws(ExpressionError) -> ExpressionNode {
        guard let method = ExpressionMethod(rawValue: name) else {
            let names = ExpressionMethod.allCases.map(\.rawValue)
            throw ExpressionError(offset: offset, "unknown method '\(name)'\(Self.hint(name, names))")
        }
        let arguments = try parseArguments()
        let (slots, rest) = try method.signature.bind(arguments, callee: "method '\(name)'", offset: offset)
        var call = ResolvedCall(callee: method, arguments: slots, rest: rest, offset: offset)
        if method == .strftime, let pattern = slots[0]?.literalString {
            call.extra = .pattern(StrftimePattern(pattern))
        }
        return try node(.method(receiver, call), offset)
    }

    /// Binds a filter's arguments and does its parse-time work: compiling a literal
    /// regex, resolving a literal hash type, normaliser, nested test or nested filter.
    func resolveFilter(
        _ name: String, _ arguments: [ParsedArgument], offset: Int
    ) throws(ExpressionError) -> ResolvedCall<ExpressionFilter> {
        guard let filter = ExpressionFilter.named(name) else {
            throw ExpressionError(offset: offset, "unknown filter '\(name)'\(Self.hint(name, ExpressionFilter.allNames))")
        }
        let (slots, rest) = try filter.signature.bind(arguments, callee: "filter '\(name)'", offset: offset)
        var call = ResolvedCall(callee: filter, arguments: slots, rest: rest, offset: offset)
        switch filter {
        case .regexSearch, .regexReplace:
            if let node = slots[0], let pattern = node.literalString {
                do throws(ExpressionError) {
                    call.extra = .regex(try CompiledRegex(python: pattern))
                } catch {
                    throw ExpressionError(offset: node.offset, error.message)
                }
            }
        case .hash:
            if let node = slots[0], let text = node.literalString {
                guard let algorithm = HashAlgorithm(rawValue: text) else {
                    let names = HashAlgorithm.allCases.map(\.rawValue)
                    throw ExpressionError(offset: node.offset, "unknown hash type '\(text)'\(Self.hint(text, names))")
                }
                call.extra = .hash(algorithm)
            }
        case .normalize:
            if let node = slots[0], let text = node.literalString {
                guard let normalizer = Normalizer(rawValue: text) else {
                    let names = Normalizer.allCases.map(\.rawValue)
                    throw ExpressionError(offset: node.offset, "unknown normaliser '\(text)'\(Self.hint(text, names))")
                }
                call.extra = .normalizer(normalizer)
            }
        case .select, .reject, .selectattr, .rejectattr:
            let testSlot = filter == .select || filter == .reject ? 0 : 1
            if let node = slots[testSlot] {
                call = try withNestedTest(call, node: node, rest: rest)
            } else if !rest.isEmpty {
                throw ExpressionError(offset: offset, "filter '\(name)' got test arguments without a test name")
            }
        case .map:
            if let node = slots[0] {
                guard let nestedName = node.literalString else {
                    throw ExpressionError(offset: node.offset, "map needs a filter name as a string literal")
                }
                let nestedArguments = rest.map { ParsedArgument(keyword: nil, value: $0, offset: $0.offset) }
                let nested = try resolveFilter(nestedName, nestedArguments, offset: node.offset)
                call = ResolvedCall(callee: filter, arguments: slots, rest: [], offset: offset, extra: .filter(nested))
            } else if slots[1] == nil {
                throw ExpressionError(offset: offset, "map needs a filter name or attribute='…'")
            }
        default:
            break
        }
        return call
    }

    private func withNestedTest(
        _ call: ResolvedCall<ExpressionFilter>, node: ExpressionNode, rest: [ExpressionNode]
    ) throws(ExpressionError) -> ResolvedCall<ExpressionFilter> {
        guard let testName = node.literalString else {
            throw ExpressionError(offset: node.offset, "the test of \(call.callee.rawValue) must be a string literal")
        }
        guard let test = ExpressionTest.named(testName) else {
            throw ExpressionError(
                offset: node.offset, "unknown test '\(testName)'\(Self.hint(testName, ExpressionTest.allNames))")
        }
        let arguments = rest.map { ParsedArgument(keyword: nil, value: $0, offset: $0.offset) }
        let (slots, nestedRest) = try test.signature.bind(arguments, callee: "test '\(testName)'", offset: node.offset)
        let nested = ResolvedCall(callee: test, arguments: slots, rest: nestedRest, offset: node.offset)
        return ResolvedCall(
            callee: call.callee, arguments: call.arguments, rest: [], offset: call.offset, extra: .test(nested))
    }
}
