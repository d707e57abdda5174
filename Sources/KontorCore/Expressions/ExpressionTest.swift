/// The tests of `x is <test>` and of `select`/`selectattr`.
enum ExpressionTest: String, Sendable, CaseIterable {
    case none, defined, undefined, string, number, mapping, sequence, iterable, integer, float, boolean
    case `true`, `false`, odd, even, divisibleby, equalto, ne, lt, le, gt, ge, `in`, sameas, lower, upper

    /// Jinja's aliases (`eq`, `==`, `greaterthan` …).
    static let aliases: [String: ExpressionTest] = [
        "None": .none, "True": .true, "False": .false, "eq": .equalto, "==": .equalto, "!=": .ne, "<": .lt,
        "lessthan": .lt, "<=": .le, ">": .gt, "greaterthan": .gt, ">=": .ge,
    ]

    static func named(_ name: String) -> ExpressionTest? { ExpressionTest(rawValue: name) ?? aliases[name] }

    static var allNames: [String] { allCases.map(\.rawValue) + aliases.keys.sorted() }

    var signature: CallSignature {
        switch self {
        case .divisibleby, .equalto, .ne, .lt, .le, .gt, .ge, .in, .sameas: return CallSignature(["other"], required: 1)
        default: return .none
        }
    }

    /// Whether the test holds for `value`; `argument` is the test's one argument, if it takes one.
    func holds(for value: ExpressionValue, argument: ExpressionValue?, offset: Int) throws(ExpressionError) -> Bool {
        let other = argument ?? .undefined
        switch self {
        case .none: return value.isNone
        case .defined: return !isUndefined(value)
        case .undefined: return isUndefined(value)
        case .string: return value.stringValue != nil
        case .number: return isNumber(value)
        case .integer: if case .json(.int) = value { return true } else { return false }
        case .float: if case .json(.double) = value { return true } else { return false }
        case .boolean: if case .json(.bool) = value { return true } else { return false }
        case .mapping: if case .json(.object) = value { return true } else { return false }
        case .sequence, .iterable:
            switch value {
            case .json(.array), .json(.string), .json(.object): return true
            default: return false
            }
        case .true: if case .json(.bool(true)) = value { return true } else { return false }
        case .false: if case .json(.bool(false)) = value { return true } else { return false }
        case .odd, .even, .divisibleby:
            guard case .json(.int(let number)) = value else {
                throw ExpressionError(offset: offset, "test '\(rawValue)' needs an integer, not \(value.typeName)")
            }
            if self == .odd { return number % 2 != 0 }
            if self == .even { return number % 2 == 0 }
            guard let divisor = other.integerValue, divisor != 0 else {
                throw ExpressionError(offset: offset, "test 'divisibleby' needs a non-zero integer")
            }
            return divisor == -1 || number % divisor == 0
        case .equalto: return value.isEqual(to: other)
        case .ne: return !value.isEqual(to: other)
        case .sameas: return value.isEqual(to: other) && value.typeName == other.typeName
        case .lt, .le, .gt, .ge:
            let order = try value.compare(to: other, offset: offset)
            switch self {
            case .lt: return order < 0
            case .le: return order <= 0
            case .gt: return order > 0
            default: return order >= 0
            }
        case .in: return try other.contains(value, offset: offset)
        case .lower: return value.stringValue.map { $0 == $0.lowercased() } ?? false
        case .upper: return value.stringValue.map { $0 == $0.uppercased() } ?? false
        }
    }

    private func isUndefined(_ value: ExpressionValue) -> Bool {
        if case .undefined = value { return true }
        return false
    }

    private func isNumber(_ value: ExpressionValue) -> Bool {
        switch value {
        case .json(.int), .json(.double): return true
        default: return false
        }
    }
}
