import Foundation
import KontorCore

/// Shopify's opaque `page_info` cursor: direction, boundary id and the first request's filters,
/// base64url-encoded so clients cannot (and must not) build it themselves.
struct ShopifyPageInfo: Equatable {
    enum Direction: String { case next, previous }

    var direction: Direction
    var boundaryID: Int
    var filters: [String: String]

    var token: String {
        let value: JSONValue = [
            "d": .string(direction.rawValue), "b": .int(boundaryID),
            "f": .object(filters.mapValues { .string($0) }),
        ]
        return Data(JSONText.bytes(value)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    init(direction: Direction, boundaryID: Int, filters: [String: String]) {
        self.direction = direction
        self.boundaryID = boundaryID
        self.filters = filters
    }

    /// Decodes a token made by ``token``; nil for anything else.
    init?(token: String) {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64),
            let value = try? JSONDecoder().decode(JSONValue.self, from: data),
            let direction = value["d"]?.stringValue.flatMap(Direction.init(rawValue:)),
            let boundary = value["b"]?.intValue, let filters = value["f"]?.objectValue
        else { return nil }
        self.direction = direction
        self.boundaryID = boundary
        self.filters = filters.compactMapValues(\.stringValue)
    }
}
