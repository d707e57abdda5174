import Foundation
import KontorCore

/// Builders shared by the activation and delivery tests.
enum ActivationFixtures {
    /// Decodes a `PluginAction` from JSON text (the YAML loader's job in production).
    static func action(_ json: String) throws -> PluginAction {
        try JSONDecoder().decode(PluginAction.self, from: Data(json.utf8))
    }

    /// A Mailchimp-like members action: a required hashed-free email and merge fields.
    static func membersAction() throws -> PluginAction {
        try action("""
            {"modes": ["add", "upsert", "remove", "mirror"],
             "fields": {"email_address": {"type": "string", "required": true, "pii": "email"},
                        "merge_fields": {"type": "object"},
                        "status": {"type": "string", "default": {"@literal": "subscribed"}}},
             "batch": {"size": 500},
             "request": {"method": "POST", "path": "lists/x"}}
            """)
    }

    /// The newsletter mapping of DESIGN.md.
    static let newsletterMapping: JSONValue = [
        "email_address": "$.traits.email",
        "merge_fields": ["FNAME": "$.traits.first_name"],
    ]

    /// A profile view as the planner service builds it.
    static func view(email: String, firstName: String, colour: String = "blue") -> JSONValue {
        ["traits": ["email": .string(email), "first_name": .string(firstName), "colour": .string(colour)],
         "profile": ["id": .string(email)]]
    }

    static let now = Date(timeIntervalSince1970: 1_750_000_000)
}
