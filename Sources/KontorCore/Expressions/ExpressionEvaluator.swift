/// Walks a parsed expression against an `EvaluationContext`.
///
/// Missing variables, keys, attributes and indexes give `undefined` (which
/// behaves as `none`), never an error; type errors, division by zero and
/// overflow give an `ExpressionError` at the offending node.
struct ExpressionEvaluator {
    let context: EvaluationContext

    func evaluate(_ node: ExpressionNode) throws(ExpressionError) -> ExpressionValue {
        switch node.kind {
        case .literal(let value): return value
        case .variable(let name): return variable(name)
        case .member(let base, let name): return try evaluate(base).member(name)
        case .index(let base, let index): return try evaluate(base).element(at: try evaluate(index))
        case .slice(let base, let start, let stop, let step):
            return try slice(try evaluate(base), start: start, stop: stop, step: step, offset: node.offset)
        case .list(let items):
            var values: [JSONValue] = []
            values.reserveCapacity(items.count)
            for item in items { values.append(try evaluate(item).json) }
            return .json(.array(values))
        case .dict(let keys, let values): return try dictionary(keys: keys, values: values)
        case .negate(let operand): return try evaluate(operand).negated(offset: node.offset)
        case .not(let operand): return .bool(!(try evaluate(operand).isTruthy))
        case .arithmetic(let operation, let left, let right):
            return try .arithmetic(operation, try evaluate(left), try evaluate(right), offset: node.offset)
        case .concat(let items):
            var text = ""
            for item in items { text += try evaluate(item).text }
            return .string(text)
        case .comparison(let first, let links): return .bool(try compare(first, links))
        case .and(let left, let right):
            let value = try evaluate(left)
            return value.isTruthy ? try evaluate(right) : value
        case .or(let left, let right):
            let value = try evaluate(left)
            return value.isTruthy ? value : try evaluate(right)
        case .conditional(let then, let condition, let otherwise):
            if try evaluate(condition).isTruthy { return try evaluate(then) }
            guard let otherwise else { return .undefined }
            return try evaluate(otherwise)
        case .test(let subject, let call, let negated):
            let value = try evaluate(subject)
            var argument: ExpressionValue?
            if let first = call.arguments.first, let node = first { argument = try evaluate(node) }
            return .bool(try call.callee.holds(for: value, argument: argument, offset: call.offset) != negated)
        case .filter(let subject, let call): return try applyFilter(call, to: try evaluate(subject))
        case .method(let receiver, let call): return try callMethod(call, on: try evaluate(receiver))
        case .function(let call): return try callFunction(call)
        }
    }

    private func variable(_ name: String) -> ExpressionValue {
        if let value = context.variables[name] { return .json(value) }
        if name == "stream_slice" {
            // Airbyte's deprecated alias: the partition merged with the interval.
            var merged = context.variables["stream_partition"]?.objectValue ?? [:]
            merged.merge(context.variables["stream_interval"]?.objectValue ?? [:]) { _, interval in interval }
            return .json(.object(merged))
        }
        return .undefined
    }

    /// Evaluates call arguments into their slots.
    func arguments<Callee>(_ call: ResolvedCall<Callee>) throws(ExpressionError) -> CallArguments {
        var values: [ExpressionValue?] = []
        values.reserveCapacity(call.arguments.count)
        for slot in call.arguments {
            if let slot { values.append(try evaluate(slot)) } else { values.append(nil) }
        }
        var rest: [ExpressionValue] = []
        for node in call.rest { rest.append(try evaluate(node)) }
        return CallArguments(values: values, rest: rest, offset: call.offset)
    }

    private func compare(_ first: ExpressionNode, _ links: [ComparisonLink]) throws(ExpressionError) -> Bool {
        var left = try evaluate(first)
        for link in links {
            let right = try evaluate(link.operand)
            let holds: Bool
            switch link.comparison {
            case .equal: holds = left.isEqual(to: right)
            case .notEqual: holds = !left.isEqual(to: right)
            case .in: holds = try right.contains(left, offset: link.offset)
            case .notIn: holds = !(try right.contains(left, offset: link.offset))
            case .less: holds = try left.compare(to: right, offset: link.offset) < 0
            case .lessOrEqual: holds = try left.compare(to: right, offset: link.offset) <= 0
            case .greater: holds = try left.compare(to: right, offset: link.offset) > 0
            case .greaterOrEqual: holds = try left.compare(to: right, offset: link.offset) >= 0
            }
            if !holds { return false }
            left = right
        }
        return true
    }

    private func dictionary(keys: [ExpressionNode], values: [ExpressionNode]) throws(ExpressionError) -> ExpressionValue {
        var object: [String: JSONValue] = [:]
        for (keyNode, valueNode) in zip(keys, values) {
            let key = try evaluate(keyNode)
            switch key {
            case .json(.string), .json(.int), .json(.double), .json(.bool): break
            default: throw ExpressionError(offset: keyNode.offset, "a dict key must be a string, not \(key.typeName)")
            }
            object[key.text] = try evaluate(valueNode).json
        }
        return .json(.object(object))
    }

    private func slice(
        _ base: ExpressionValue, start: ExpressionNode?, stop: ExpressionNode?, step: ExpressionNode?, offset: Int
    ) throws(ExpressionError) -> ExpressionValue {
        func bound(_ node: ExpressionNode?) throws(ExpressionError) -> Int? {
            guard let node else { return nil }
            let value = try evaluate(node)
            if value.isNone { return nil }
            guard let number = value.integerValue else {
                throw ExpressionError(offset: node.offset, "slice indices must be integers, not \(value.typeName)")
            }
            return number
        }
        let (first, last, stride) = (try bound(start), try bound(stop), try bound(step) ?? 1)
        guard stride != 0 else { throw ExpressionError(offset: offset, "slice step cannot be zero") }
        switch base {
        case .json(.array(let items)):
            return .json(.array(Self.sliceIndices(items.count, first, last, stride).map { items[$0] }))
        case .json(.string(let text)):
            let characters = Array(text)
            return .string(String(Self.sliceIndices(characters.count, first, last, stride).map { characters[$0] }))
        case .undefined, .json(.null): return .undefined
        default: throw ExpressionError(offset: offset, "\(base.typeName) cannot be sliced")
        }
    }

    /// Python's `slice.indices` for a sequence of `count` items.
    static func sliceIndices(_ count: Int, _ start: Int?, _ stop: Int?, _ step: Int) -> [Int] {
        let (lower, upper) = step > 0 ? (0, count) : (-1, count - 1)
        func clamp(_ value: Int?, _ fallback: Int) -> Int {
            guard var value else { return fallback }
            if value < 0 {
                value = value < -count ? lower : value + count
                return max(value, lower)
            }
            return min(value, upper)
        }
        var index = clamp(start, step > 0 ? lower : upper)
        let end = clamp(stop, step > 0 ? upper : lower)
        var indices: [Int] = []
        while step > 0 ? index < end : index > end {
            indices.append(index)
            let (next, overflow) = index.addingReportingOverflow(step)
            if overflow { break }
            index = next
        }
        return indices
    }
}
