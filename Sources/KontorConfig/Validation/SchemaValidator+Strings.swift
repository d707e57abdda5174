import Foundation
import KontorCore

extension ValidationRun {
    /// A string: type, `choices` (with a suggestion) and its `format`.
    mutating func checkString(_ node: YAMLNode, choices: [String], format: StringFormat, _ path: ValidationPath) {
        guard let scalar = node.scalar, case .string(let value) = scalar.resolved else {
            stringTypeError(node, choices: choices, format: format)
            return
        }
        if !choices.isEmpty {
            if !choices.contains(value) {
                error(
                    node.location,
                    "\(node.describedValue) is not one of \(choices.map { "'\($0)'" }.joined(separator: ", "))",
                    suggestion: scalar.containsSecret ? nil : NearestName.suggest(for: value, among: choices))
            }
            return
        }
        switch format {
        case .plain, .reference:
            break
        case .duration:
            if DurationParser.seconds(value) == nil {
                error(node.location, "expected a duration like '15m', got \(node.describedValue)")
            }
        case .byteSize:
            if ByteSize.bytes(value) == nil {
                error(node.location, "expected a byte size like '5MB', got \(node.describedValue)")
            }
        case .rateLimit:
            if !Self.isRateLimit(value) {
                error(node.location, "expected a rate limit like '10/1s' (count/duration), got \(node.describedValue)")
            }
        case .regex:
            do {
                _ = try NSRegularExpression(pattern: value)
            } catch {
                self.error(node.location, "invalid regular expression \(node.describedValue)")
            }
        case .template(let scope):
            checkTemplate(node, value: value, scope: scope)
        case .expression(let scope, let boolean):
            checkExpression(node, value: value, scope: scope, boolean: boolean)
        }
    }

    private mutating func stringTypeError(_ node: YAMLNode, choices: [String], format: StringFormat) {
        let expected = SchemaShape.name(of: .string(choices: choices, format: format), nil)
        var message = "expected \(expected), got \(node.describedValue)"
        if let scalar = node.scalar, !scalar.isNull, scalar.source == nil, format == .plain, choices.isEmpty {
            message += " (write \"\(scalar.value)\" to make it a string)"
        }
        error(node.location, message)
    }

    /// `N/<duration>`: `10/1s`, `700/1m`.
    static func isRateLimit(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let count = Int(parts[0].trimmingCharacters(in: .whitespaces)), count > 0 else { return false }
        return DurationParser.seconds(String(parts[1])) != nil
    }
}

extension YAMLScalar {
    /// True for an empty value or an explicit `null`/`~`.
    public var isNull: Bool { resolved.isNull }
}
