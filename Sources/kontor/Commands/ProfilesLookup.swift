import Foundation
import KontorCore
import KontorStore

/// Finds the profile a person means on the command line: a profile id
/// (`p_3f1c…`), an email address, or `kind:value` (`user_id:u-1`,
/// `phone:+4915112345678`). A merged-away id leads to the profile that absorbed it.
struct ProfilesLookup {
    var argument: String
    var rules: IdentityRules

    struct Found: Sendable {
        var id: ProfileID
        /// The id given, when it was merged into `id`.
        var mergedFrom: ProfileID?
    }

    /// The identity `argument` names, if it names one.
    var identity: Identity? {
        if let colon = argument.firstIndex(of: ":"), colon != argument.startIndex {
            let kind = IdentifierKind(rawValue: String(argument[..<colon]))
            let value = String(argument[argument.index(after: colon)...])
            return Identity(kind, Self.normalized(value, kind: kind, rules: rules))
        }
        if argument.contains("@") { return Identity(.email, Self.normalized(argument, kind: .email, rules: rules)) }
        return nil
    }

    func find(in reader: any ProfileReader) throws -> Found {
        if let identity {
            guard let owner = try reader.owner(of: identity) else {
                throw CommandFailure(message: "kontor: no profile has \(identity)")
            }
            return Found(id: owner)
        }
        if let live = try reader.liveProfileID(argument) {
            return Found(id: live, mergedFrom: live == argument ? nil : argument)
        }
        if let owner = try reader.owner(of: Identity(.userID, argument)) {
            return Found(id: owner)
        }
        throw CommandFailure(message: """
            kontor: no profile '\(argument)'; give a profile id, an email address, or kind:value (e.g. user_id:u-1)
            """)
    }

    private static func normalized(_ value: String, kind: IdentifierKind, rules: IdentityRules) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        switch kind {
        case .email: return Normalizer.email.normalize(trimmed) ?? trimmed.lowercased()
        case .phone: return Normalizer.phoneE164.normalize(trimmed, defaultCountry: rules.defaultCountry) ?? trimmed
        default: return trimmed
        }
    }
}
