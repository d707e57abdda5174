import Foundation
import KontorCore

/// Plugin descriptors the deployment tests check against, standing in for `Plugins/*/plugin.yaml`.
enum TestPlugins {
    static let all: [String: PluginDescriptor] = [
        "shopify": PluginDescriptor(
            name: "shopify",
            settings: [
                "shop": .init(type: "string", isRequired: true),
                "access_token": .init(type: "secret", isRequired: true),
                "api_version": .init(type: "string", isRequired: false),
                "page_size": .init(type: "integer", isRequired: false),
            ],
            streams: ["customers", "orders", "products"],
            identifierKinds: ["shopify_customer_id"]),
        "form": PluginDescriptor(
            name: "form", settings: ["allowed_origins": .init(type: "array", isRequired: false)]),
        "mailchimp": PluginDescriptor(
            name: "mailchimp",
            settings: [
                "api_key": .init(type: "secret", isRequired: true),
                "list_id": .init(type: "string", isRequired: true),
                "status": .init(type: "enum", isRequired: false, choices: ["subscribed", "pending"]),
            ],
            actions: [
                "members": .init(
                    modes: [.add, .upsert, .remove, .mirror], fields: ["email_address", "status", "merge_fields"],
                    requiredFields: ["email_address"]),
                "tags": .init(modes: [.add, .remove], fields: ["email_address", "tags"]),
            ]),
    ]

    static let names = all.keys.sorted()
    static let lookup: @Sendable (String) -> PluginDescriptor? = { all[$0] }

    static let environment = [
        "KONTOR_WRITE_KEY": "wk_live_1",
        "KONTOR_ADMIN_TOKEN": "admin-token-xyz",
        "SHOPIFY_TOKEN": "shpat_secret_value_123",
        "MAILCHIMP_KEY": "mc-key-abc-us21",
    ]

    static func fixturesURL() throws -> URL {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile)
        }
        return url
    }
}
