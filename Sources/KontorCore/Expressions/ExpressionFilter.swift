/// The filters of `value | name(args)`: Jinja built-ins Airbyte manifests use,
/// Airbyte's own filters, and the hub's PII filters.
enum ExpressionFilter: String, Sendable, CaseIterable {
    case int, float, string, lower, upper, trim, capitalize, title, length, list, join, `default`, urlencode, replace
    case first, last, unique, select, reject, selectattr, rejectattr, map, sum, min, max, abs, round, tojson
    case regexSearch = "regex_search", regexReplace = "regex_replace", base64encode, base64decode
    case hash, sha256, md5, normalize

    static let aliases: [String: ExpressionFilter] = ["d": .default, "count": .length]

    static func named(_ name: String) -> ExpressionFilter? { ExpressionFilter(rawValue: name) ?? aliases[name] }

    static var allNames: [String] { allCases.map(\.rawValue) + aliases.keys.sorted() }

    var signature: CallSignature {
        switch self {
        case .int: return CallSignature(["default", "base"])
        case .float: return CallSignature(["default"])
        case .trim: return CallSignature(["chars"])
        case .join: return CallSignature(["d", "attribute"])
        case .default: return CallSignature(["default_value", "boolean"])
        case .replace: return CallSignature(["old", "new", "count"], required: 2)
        case .unique: return CallSignature(["case_sensitive", "attribute"])
        case .select, .reject: return CallSignature(["test"], variadic: true)
        case .selectattr, .rejectattr: return CallSignature(["attribute", "test"], required: 1, variadic: true)
        case .map: return CallSignature(["filter"], variadic: true, keywordOnly: ["attribute", "default"])
        case .sum: return CallSignature(["attribute", "start"])
        case .min, .max: return CallSignature(["case_sensitive", "attribute"])
        case .round: return CallSignature(["precision", "method"])
        case .tojson: return CallSignature(["indent"])
        case .regexSearch: return CallSignature(["regex"], required: 1)
        case .regexReplace: return CallSignature(["regex", "replacement"], required: 2)
        case .hash: return CallSignature(["hash_type", "salt"])
        case .normalize: return CallSignature(["kind", "default_country"], required: 1)
        default: return .none
        }
    }

    /// What the filter returns, when that is known without evaluating (for `isBooleanValued`).
    var returnsBoolean: Bool? {
        switch self {
        case .default, .first, .last, .min, .max: return nil
        default: return false
        }
    }
}
