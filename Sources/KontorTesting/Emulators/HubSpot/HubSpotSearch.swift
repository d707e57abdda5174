import Foundation
import KontorCore

/// The CRM search request: `filterGroups` (OR of ANDed filters), `sorts`, `query`, `properties`, `limit`, `after`.
struct HubSpotSearch {
    struct Filter {
        var property: String
        var operation: String
        var value: String?
        var highValue: String?
        var values: [String]
    }

    struct Sort {
        var property: String
        var descending: Bool
    }

    var groups: [[Filter]] = []
    var sorts: [Sort] = []
    var text: String?
    var properties: [String]?
    var limit: String?
    var after: String?

    static let operators: Set<String> = [
        "EQ", "NEQ", "LT", "LTE", "GT", "GTE", "BETWEEN", "IN", "NOT_IN",
        "HAS_PROPERTY", "NOT_HAS_PROPERTY", "CONTAINS_TOKEN", "NOT_CONTAINS_TOKEN",
    ]

    /// Parses the body; throws HubSpot's `VALIDATION_ERROR` for a malformed request or too many filters.
    init(body: JSONValue?) throws(EmulatorRejection) {
        guard let body, case .object = body else { throw EmulatorRejection(HubSpotDialect.validation("Invalid input JSON on line 1, column 1")) }
        for group in body["filterGroups"]?.arrayValue ?? [] {
            var filters: [Filter] = []
            for filter in group["filters"]?.arrayValue ?? [] {
                guard let property = filter["propertyName"]?.stringValue, let operation = filter["operator"]?.stringValue,
                    Self.operators.contains(operation)
                else { throw EmulatorRejection(HubSpotDialect.validation("Invalid filter: \(JSONText.string(filter))")) }
                filters.append(Filter(
                    property: property, operation: operation, value: Self.text(filter["value"]),
                    highValue: Self.text(filter["highValue"]), values: (filter["values"]?.arrayValue ?? []).compactMap { Self.text($0) }
                ))
            }
            groups.append(filters)
        }
        for sort in body["sorts"]?.arrayValue ?? [] {
            if let name = sort.stringValue {
                sorts.append(Sort(property: name.hasPrefix("-") ? String(name.dropFirst()) : name, descending: name.hasPrefix("-")))
            } else if let name = sort["propertyName"]?.stringValue {
                sorts.append(Sort(property: name, descending: sort["direction"]?.stringValue == "DESCENDING"))
            }
        }
        text = body["query"]?.stringValue
        properties = body["properties"]?.arrayValue?.compactMap(\.stringValue)
        limit = Self.text(body["limit"])
        after = Self.text(body["after"])
    }

    /// The filter-count limits of api_facts §3 (5 groups, 10 filters per group, 25 in total [D]).
    func checkLimits() throws(EmulatorRejection) {
        let total = groups.reduce(0) { $0 + $1.count }
        guard groups.count <= 5, groups.allSatisfy({ $0.count <= 10 }), total <= 25 else {
            let detail = "\(groups.count) filterGroups, \(total) filters"
            throw EmulatorRejection(
                HubSpotDialect.validation("Too many filters: at most 5 filterGroups, 10 filters per group and 25 filters in total (\(detail))"),
                violation: LimitViolation(.contract, endpoint: "search", detail: detail)
            )
        }
    }

    func matches(_ properties: [String: String?]) -> Bool {
        if let text, !text.isEmpty {
            let haystack = ["email", "firstname", "lastname", "phone"].compactMap { properties[$0] ?? nil }.joined(separator: " ").lowercased()
            guard haystack.contains(text.lowercased()) else { return false }
        }
        return groups.isEmpty || groups.contains { group in group.allSatisfy { Self.evaluate($0, properties[$0.property] ?? nil) } }
    }

    /// The properties the filters, sorts and free-text query read.
    var readProperties: Set<String> {
        var names = Set(groups.flatMap { $0.map(\.property) } + sorts.map(\.property))
        if let text, !text.isEmpty { names.formUnion(["email", "firstname", "lastname", "phone"]) }
        return names
    }

    func ordered(_ people: [(Person, [String: String?])]) -> [(Person, [String: String?])] {
        // Each sort key is computed once per contact, not once per comparison.
        let keyed = people.map { entry in (entry, sorts.map { Self.comparable($0.property, entry.1[$0.property] ?? nil) }) }
        return keyed.sorted { lhs, rhs in
            for (index, sort) in sorts.enumerated() where lhs.1[index] != rhs.1[index] {
                return sort.descending ? rhs.1[index] < lhs.1[index] : lhs.1[index] < rhs.1[index]
            }
            return lhs.0.0.id < rhs.0.0.id
        }.map(\.0)
    }

    private static func evaluate(_ filter: Filter, _ actual: String?) -> Bool {
        switch filter.operation {
        case "HAS_PROPERTY": return actual != nil
        case "NOT_HAS_PROPERTY": return actual == nil
        default: break
        }
        guard let actual else { return filter.operation == "NEQ" || filter.operation == "NOT_IN" || filter.operation == "NOT_CONTAINS_TOKEN" }
        let value = comparable(filter.property, actual)
        let wanted = filter.value.map { comparable(filter.property, $0) }
        switch filter.operation {
        case "EQ": return wanted == value
        case "NEQ": return wanted != value
        case "LT": return wanted.map { value < $0 } ?? false
        case "LTE": return wanted.map { value <= $0 } ?? false
        case "GT": return wanted.map { value > $0 } ?? false
        case "GTE": return wanted.map { value >= $0 } ?? false
        case "BETWEEN":
            guard let low = wanted, let high = filter.highValue.map({ comparable(filter.property, $0) }) else { return false }
            return low <= value && value <= high
        case "IN": return filter.values.map { comparable(filter.property, $0) }.contains(value)
        case "NOT_IN": return !filter.values.map { comparable(filter.property, $0) }.contains(value)
        case "CONTAINS_TOKEN": return filter.value.map { actual.lowercased().contains($0.lowercased().replacingOccurrences(of: "*", with: "")) } ?? false
        case "NOT_CONTAINS_TOKEN": return !(filter.value.map { actual.lowercased().contains($0.lowercased()) } ?? false)
        default: return false
        }
    }

    /// A sortable key: dates as zero-padded epoch milliseconds, numbers zero-padded, text lower-cased.
    static func comparable(_ property: String, _ value: String?) -> String {
        guard let value else { return "" }
        if HubSpotRecords.dateProperties.contains(property) {
            let millis = Int64(value) ?? EmulatorTimestamp.parse(value).map(EmulatorTimestamp.epochMilliseconds) ?? 0
            return String(millis).leftPadded(to: 16)
        }
        if property == "hs_object_id", let number = Int(value) { return String(number).leftPadded(to: 16) }
        return value.lowercased()
    }

    private static func text(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text)?: return text
        case .int(let number)?: return String(number)
        case .double(let number)?: return String(Int64(number))
        case .bool(let flag)?: return String(flag)
        default: return nil
        }
    }
}
