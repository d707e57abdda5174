import Foundation

/// The identifiers one message carries, normalised and in priority order.
///
/// Read from (see `docs/profiles.md`):
/// - `userId` → `user_id`, `anonymousId` → `anonymous_id`;
/// - `traits.email` / `context.traits.email` → `email` (normalised), `traits.phone` /
///   `context.traits.phone` → `phone` (E.164);
/// - `context.identifiers` and `context.kontor.identifiers`: kind → value (a string, a number
///   or a list of them), where source plugins put their `emit.identifiers`
///   (`{"email": …, "shopify_customer_id": "6248377106491"}`);
/// - an `alias` message's `previousId` (kept apart: see `previousID`).
///
/// ```swift
/// let found = MessageIdentities(of: message, rules: rules)
/// found.identities   // [user_id:u-1, email:ada@example.com, anonymous_id:a-9]
/// ```
public struct MessageIdentities: Sendable, Hashable {
    /// Why an identifier found in a message is not used.
    public enum IgnoreReason: String, Sendable, Hashable, Codable {
        /// Its kind is not in `identity.keys`.
        case unknownKind = "unknown_kind"
        /// An email or phone that does not normalise (no `@`, a national number without a default country).
        case notNormalizable = "not_normalizable"
    }

    /// An identifier found in a message but not used.
    public struct Ignored: Sendable, Hashable {
        public var kind: IdentifierKind
        public var value: String
        public var reason: IgnoreReason
    }

    /// The usable identities, highest priority first (ties in the order found), without duplicates.
    public var identities: [Identity]
    /// An `alias` message's `previousId`: resolved as `user_id` when a profile has that user id,
    /// else as `anonymous_id`.
    public var previousID: String?
    public var ignored: [Ignored]

    public init(identities: [Identity], previousID: String? = nil, ignored: [Ignored] = []) {
        self.identities = identities
        self.previousID = previousID
        self.ignored = ignored
    }

    /// The identities of `message` under `rules`.
    public init(of message: Message, rules: IdentityRules) {
        var found: [(IdentifierKind, String)] = []
        if let userID = message.userId { found.append((.userID, userID)) }
        if let anonymousID = message.anonymousId { found.append((.anonymousID, anonymousID)) }
        let contextTraits = message.context["traits"]?.objectValue ?? [:]
        for kind in [IdentifierKind.email, .phone] {
            for traits in [message.traits, contextTraits] {
                if let value = traits[kind.rawValue] { found += Self.values(value).map { (kind, $0) } }
            }
        }
        for object in [message.context["identifiers"], message.context["kontor"]?["identifiers"]] {
            for (name, value) in (object?.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
                found += Self.values(value).map { (IdentifierKind(rawValue: name), $0) }
            }
        }
        var identities: [Identity] = []
        var ignored: [Ignored] = []
        for (kind, raw) in found where !raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            guard rules.priority(of: kind) != nil else {
                ignored.append(Ignored(kind: kind, value: raw, reason: .unknownKind))
                continue
            }
            let value: String?
            if let normalizer = kind.normalizer {
                value = normalizer.normalize(raw, defaultCountry: rules.defaultCountry).flatMap { kind == .email ? Self.address($0) : $0 }
            } else {
                let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
                value = trimmed.isEmpty ? nil : trimmed
            }
            guard let value else {
                ignored.append(Ignored(kind: kind, value: raw, reason: .notNormalizable))
                continue
            }
            let identity = Identity(kind, value)
            if !identities.contains(identity) { identities.append(identity) }
        }
        self.identities = rules.sortedByPriority(identities)
        let previous = message.type == .alias ? message.previousId?.trimmingCharacters(in: .whitespacesAndNewlines) : nil
        self.previousID = previous?.isEmpty == false ? previous : nil
        self.ignored = ignored
    }

    /// `text` when it looks like an email address (one `@` with text on both sides).
    private static func address(_ text: String) -> String? {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty ? text : nil
    }

    /// A string, a number, or a list of them, as identifier texts.
    private static func values(_ value: JSONValue) -> [String] {
        switch value {
        case .string(let text): return [text]
        case .int(let number): return [String(number)]
        case .double(let number): return number.rounded() == number && abs(number) < 9e15 ? [String(Int(number))] : [String(number)]
        case .array(let items): return items.flatMap(values)
        default: return []
        }
    }
}

extension IdentityRules {
    /// `identities` ordered by the priority of their kind (stable within a kind).
    public func sortedByPriority(_ identities: [Identity]) -> [Identity] {
        identities.enumerated().sorted { left, right in
            let l = priority(of: left.element.kind) ?? Int.max
            let r = priority(of: right.element.kind) ?? Int.max
            return l != r ? l < r : left.offset < right.offset
        }.map(\.element)
    }
}
