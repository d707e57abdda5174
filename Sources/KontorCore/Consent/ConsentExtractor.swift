import Foundation

/// Reads consent choices out of a message.
///
/// Where choices are found (a purpose maps to `true`/`false`, or to text such
/// as `"granted"`, `"subscribed"`, `"opted_out"`; anything else is no choice):
/// - `traits.consent` and `context.traits.consent` (identify calls, forms): `{"email": true}`;
/// - `context.consent.categoryPreferences` (Segment's consent field; source plugins' `emit.consent`
///   are put there by the runtime): `{"ads": false}`;
/// - `context.kontor.consent`: `{"email": "subscribed"}`.
///
/// Purposes not declared in `consent.purposes` are ignored and reported.
///
/// ```swift
/// let found = ConsentExtractor(settings).entries(in: message, source: "popup")
/// found.entries            // [email granted by popup at …]
/// found.ignoredPurposes    // ["newsletter_v2"]
/// ```
public struct ConsentExtractor: Sendable {
    /// The choices found in one message.
    public struct Extraction: Sendable, Hashable {
        public var entries: [ConsentEntry]
        /// Purposes the message decided that the deployment does not declare.
        public var ignoredPurposes: [String]
    }

    public var settings: ConsentSettings

    public init(_ settings: ConsentSettings) {
        self.settings = settings
    }

    public func entries(in message: Message, source: String) -> Extraction {
        let places: [JSONValue?] = [
            message.traits["consent"],
            message.context["traits"]?["consent"],
            message.context["consent"]?["categoryPreferences"],
            message.context["kontor"]?["consent"],
        ]
        var decided: [String: Bool] = [:]
        for place in places {
            for (purpose, value) in place?.objectValue ?? [:] {
                if let flag = Self.flag(value) { decided[purpose] = flag }
            }
        }
        let declared = Set(settings.purposes)
        var entries: [ConsentEntry] = []
        var ignored: [String] = []
        for (purpose, granted) in decided.sorted(by: { $0.key < $1.key }) {
            guard declared.contains(purpose) else {
                ignored.append(purpose)
                continue
            }
            entries.append(ConsentEntry(purpose: purpose, granted: granted, source: source, at: message.timestamp, messageID: message.messageId))
        }
        return Extraction(entries: entries, ignoredPurposes: ignored)
    }

    /// `true`/`false` from a boolean or a word; `nil` when it says nothing.
    public static func flag(_ value: JSONValue) -> Bool? {
        switch value {
        case .bool(let flag): return flag
        case .int(let number) where number == 0 || number == 1: return number == 1
        case .string(let text):
            switch text.lowercased() {
            case "true", "yes", "1", "granted", "subscribed", "opt_in", "opted_in", "confirmed": return true
            case "false", "no", "0", "denied", "unsubscribed", "not_subscribed", "opt_out", "opted_out", "revoked": return false
            default: return nil
            }
        default: return nil
        }
    }
}
