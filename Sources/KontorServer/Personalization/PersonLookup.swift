import Foundation
import Hummingbird
import KontorCore

/// The person a personalisation request asks about: exactly one of
/// `user_id`, `anonymous_id` or `email` in the query.
///
/// The value is normalised exactly as the profile builder normalises the
/// identifiers of incoming messages (``MessageIdentities``), so
/// `email=%20Ada@Example.COM` finds the profile that `ada@example.com` joined.
///
/// ```swift
/// let lookup = try PersonLookup(request: request)    // 400 unless exactly one parameter
/// lookup.identity(rules: model.identity)                              // email:ada@example.com
/// ```
struct PersonLookup: Sendable, Hashable {
    /// The query parameters that name a person, in the order they are documented.
    static let parameters = ["user_id", "anonymous_id", "email"]

    /// The parameter given (`user_id`, `anonymous_id` or `email`).
    var parameter: String
    /// Its value as sent (percent-decoded).
    var value: String

    init(parameter: String, value: String) {
        self.parameter = parameter
        self.value = value
    }

    /// Reads the lookup from the request's query; 400 naming the parameter when there is none, several, or an empty one.
    init(request: Request) throws(APIError) {
        let query = request.uri.queryParameters
        var given: [(String, String)] = []
        for name in Self.parameters {
            for value in query[values: Substring(name)] { given.append((name, String(value))) }
        }
        guard let (name, value) = given.first else {
            throw APIError(
                .badRequest, code: "missing_parameter",
                "Name the person with exactly one of the query parameters user_id, anonymous_id or email.",
                field: "user_id")
        }
        if given.count > 1 {
            let other = given[1].0
            throw APIError(
                .badRequest, code: "ambiguous_parameter",
                other == name
                    ? "The query parameter \(name) is given more than once; give it once."
                    : "Give only one of user_id, anonymous_id or email: both \(name) and \(other) are given.",
                field: other)
        }
        guard !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw APIError(.badRequest, code: "invalid_parameter", "The query parameter \(name) is empty.", field: name)
        }
        self.init(parameter: name, value: value)
    }

    /// The identity the profile builder would have stored for this value; `nil` when
    /// `identity.keys` does not list the kind (no profile can have such an identity).
    /// - Throws: 400 when an email is not an address.
    func identity(rules: IdentityRules) throws(APIError) -> Identity? {
        var message = Message(type: .identify, messageId: "personalize", timestamp: Date(timeIntervalSince1970: 0))
        switch parameter {
        case "user_id": message.userId = value
        case "anonymous_id": message.anonymousId = value
        default: message.traits = ["email": .string(value)]
        }
        let found = MessageIdentities(of: message, rules: rules)
        if let identity = found.identities.first { return identity }
        if found.ignored.contains(where: { $0.reason == .notNormalizable }) {
            throw APIError(
                .badRequest, code: "invalid_parameter", "The query parameter \(parameter) is not an email address.",
                field: parameter)
        }
        return nil
    }
}
