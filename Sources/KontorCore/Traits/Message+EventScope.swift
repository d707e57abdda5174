import Foundation

extension Message {
    /// The message as the JSON object a trait filter's `event` variable sees
    /// (Segment field names, timestamps as RFC 3339 text).
    var eventScopeValue: JSONValue {
        var object: [String: JSONValue] = [
            "type": .string(type.rawValue),
            "messageId": .string(messageId),
            "timestamp": .string(DateFormat.rfc3339.string(from: timestamp)),
            "traits": .object(traits),
            "properties": .object(properties),
            "context": .object(context),
        ]
        let optional: [(String, String?)] = [
            ("userId", userId), ("anonymousId", anonymousId), ("event", event), ("name", name),
            ("category", category), ("groupId", groupId), ("previousId", previousId),
        ]
        for (key, value) in optional { if let value { object[key] = .string(value) } }
        return .object(object)
    }
}
