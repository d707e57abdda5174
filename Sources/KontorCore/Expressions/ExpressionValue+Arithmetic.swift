import Foundation

extension ExpressionValue {
    /// The longest string or list `*` may build, so a typo cannot exhaust memory.
    static let maximumRepetition = 1_000_000

    /// Python arithmetic: `7 / 2 == 3.5`, `-7 // 2 == -4`, `-7 % 3 == 2`; strings and
    /// lists concatenate and repeat; datetimes move by durations.
    static func arithmetic(
        _ operation: ArithmeticOperator, _ left: ExpressionValue, _ right: ExpressionValue, offset: Int
    ) throws(ExpressionError) -> ExpressionValue {
        func unsupported() -> ExpressionError {
            ExpressionError(
                offset: offset,
                "unsupported operand types for \(operation.rawValue): \(left.typeName) and \(right.typeName)")
        }
        if let a = left.integerValue, let b = right.integerValue {
            return try integerArithmetic(operation, a, b, offset: offset)
        }
        if let a = left.numberValue, let b = right.numberValue {
            return try doubleArithmetic(operation, a, b, offset: offset)
        }
        switch (operation, left, right) {
        case (.add, .json(.string(let a)), .json(.string(let b))): return .string(a + b)
        case (.add, .json(.array(let a)), .json(.array(let b))): return .json(.array(a + b))
        case (.multiply, .json(.string), _), (.multiply, .json(.array), _):
            guard let result = try repeated(left, times: right.integerValue, offset: offset) else { throw unsupported() }
            return result
        case (.multiply, _, .json(.string)), (.multiply, _, .json(.array)):
            guard let result = try repeated(right, times: left.integerValue, offset: offset) else { throw unsupported() }
            return result
        default:
            guard let result = try temporalArithmetic(operation, left, right, offset: offset) else { throw unsupported() }
            return result
        }
    }

    private static func integerArithmetic(
        _ operation: ArithmeticOperator, _ a: Int, _ b: Int, offset: Int
    ) throws(ExpressionError) -> ExpressionValue {
        let overflow = ExpressionError(offset: offset, "integer overflow in \(operation.rawValue)")
        let zero = ExpressionError(offset: offset, "division by zero")
        switch operation {
        case .add:
            let (value, overflowed) = a.addingReportingOverflow(b)
            if overflowed { throw overflow }
            return .int(value)
        case .subtract:
            let (value, overflowed) = a.subtractingReportingOverflow(b)
            if overflowed { throw overflow }
            return .int(value)
        case .multiply:
            let (value, overflowed) = a.multipliedReportingOverflow(by: b)
            if overflowed { throw overflow }
            return .int(value)
        case .divide:
            if b == 0 { throw zero }
            return .double(Double(a) / Double(b))
        case .floorDivide:
            if b == 0 { throw zero }
            if b == -1 {
                if a == .min { throw overflow }
                return .int(-a)
            }
            return .int(Int(Int64(a).floorDivided(by: Int64(b)).quotient))
        case .modulo:
            if b == 0 { throw zero }
            if b == -1 { return .int(0) }
            return .int(Int(Int64(a).floorDivided(by: Int64(b)).remainder))
        case .power:
            if b < 0 {
                if a == 0 { throw zero }
                return .double(pow(Double(a), Double(b)))
            }
            var result = 1
            var base = a
            var exponent = b
            while exponent > 0 {
                if exponent & 1 == 1 {
                    let (value, overflowed) = result.multipliedReportingOverflow(by: base)
                    if overflowed { throw overflow }
                    result = value
                }
                exponent >>= 1
                if exponent > 0 {
                    let (square, overflowed) = base.multipliedReportingOverflow(by: base)
                    if overflowed { throw overflow }
                    base = square
                }
            }
            return .int(result)
        }
    }

    private static func doubleArithmetic(
        _ operation: ArithmeticOperator, _ a: Double, _ b: Double, offset: Int
    ) throws(ExpressionError) -> ExpressionValue {
        switch operation {
        case .add: return .double(a + b)
        case .subtract: return .double(a - b)
        case .multiply: return .double(a * b)
        case .divide, .floorDivide, .modulo:
            if b == 0 { throw ExpressionError(offset: offset, "division by zero") }
            if operation == .divide { return .double(a / b) }
            if operation == .floorDivide { return .double((a / b).rounded(.down)) }
            var remainder = fmod(a, b)
            if remainder != 0, (remainder < 0) != (b < 0) { remainder += b }
            return .double(remainder)
        case .power:
            if a == 0, b < 0 { throw ExpressionError(offset: offset, "division by zero") }
            let value = pow(a, b)
            if value.isNaN, !a.isNaN, !b.isNaN {
                throw ExpressionError(offset: offset, "a negative number to a fractional power has no real value")
            }
            return .double(value)
        }
    }

    private static func repeated(
        _ value: ExpressionValue, times: Int?, offset: Int
    ) throws(ExpressionError) -> ExpressionValue? {
        guard let times else { return nil }
        let count = max(0, times)
        switch value {
        case .json(.string(let text)):
            guard text.isEmpty || count <= maximumRepetition / max(1, text.count) else {
                throw ExpressionError(offset: offset, "string repetition is too large")
            }
            return .string(String(repeating: text, count: count))
        case .json(.array(let items)):
            guard items.isEmpty || count <= maximumRepetition / items.count else {
                throw ExpressionError(offset: offset, "list repetition is too large")
            }
            return .json(.array(Array([[JSONValue]](repeating: items, count: count).joined())))
        default:
            return nil
        }
    }

    /// Datetime, date and duration arithmetic, or `nil` when the operands are not temporal.
    private static func temporalArithmetic(
        _ operation: ArithmeticOperator, _ left: ExpressionValue, _ right: ExpressionValue, offset: Int
    ) throws(ExpressionError) -> ExpressionValue? {
        let outOfRange = ExpressionError(offset: offset, "date or duration out of range")
        func checked(_ result: (Int64, Bool)) throws(ExpressionError) -> Int64 {
            if result.1 { throw outOfRange }
            return result.0
        }
        switch (operation, left, right) {
        case (.add, .dateTime(let time), .duration(let delta)), (.add, .duration(let delta), .dateTime(let time)):
            guard let moved = time.adding(microseconds: delta) else { throw outOfRange }
            return .dateTime(moved)
        case (.subtract, .dateTime(let time), .duration(let delta)):
            guard delta != .min, let moved = time.adding(microseconds: -delta) else { throw outOfRange }
            return .dateTime(moved)
        case (.subtract, .dateTime(let a), .dateTime(let b)):
            return .duration(try checked(a.microseconds.subtractingReportingOverflow(b.microseconds)))
        case (.add, .date(let days), .duration(let delta)), (.add, .duration(let delta), .date(let days)):
            return try movedDate(days, by: delta.floorDivided(by: 86_400_000_000).quotient, offset: offset)
        case (.subtract, .date(let days), .duration(let delta)):
            return try movedDate(days, by: -delta.floorDivided(by: 86_400_000_000).quotient, offset: offset)
        case (.subtract, .date(let a), .date(let b)): return .duration(Int64(a - b) * 86_400_000_000)
        case (.add, .duration(let a), .duration(let b)): return .duration(try checked(a.addingReportingOverflow(b)))
        case (.subtract, .duration(let a), .duration(let b)):
            return .duration(try checked(a.subtractingReportingOverflow(b)))
        case (.multiply, .duration(let delta), _), (.multiply, _, .duration(let delta)):
            let factor = left.integerValue ?? right.integerValue
            guard let factor else { return nil }
            return .duration(try checked(delta.multipliedReportingOverflow(by: Int64(factor))))
        default:
            return nil
        }
    }

    private static func movedDate(_ days: Int, by delta: Int64, offset: Int) throws(ExpressionError) -> ExpressionValue {
        let moved = Int64(days) + delta
        guard moved >= -719_162, moved <= 2_932_896 else {
            throw ExpressionError(offset: offset, "date out of range")
        }
        return .date(Int(moved))
    }

    /// Unary minus.
    func negated(offset: Int) throws(ExpressionError) -> ExpressionValue {
        switch self {
        case .json(.int(let value)):
            guard value != .min else { throw ExpressionError(offset: offset, "integer overflow in -") }
            return .int(-value)
        case .json(.bool(let value)): return .int(value ? -1 : 0)
        case .json(.double(let value)): return .double(-value)
        case .duration(let value):
            guard value != .min else { throw ExpressionError(offset: offset, "duration out of range") }
            return .duration(-value)
        default: throw ExpressionError(offset: offset, "bad operand type for unary -: \(typeName)")
        }
    }
}
