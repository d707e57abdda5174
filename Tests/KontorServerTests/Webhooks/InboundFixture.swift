import Foundation
import Hummingbird
import HummingbirdTesting
import KontorConfig
import KontorCore
import KontorServer
import KontorStore
import KontorTesting
import Logging
import XCTest

/// A Kontor server with the webhook and form routes of a few configured
/// sources, the shipped plugins (Plugins/) and an injected clock.
enum InboundFixture {
    static let shopifySecret = "shpss_test_secret"
    static let wooSecret = "woo-secret"
    static let typeformSecret = "typeform-secret"
    static let metaSecret = "meta-app-secret"
    static let metaVerifyToken = "verify-me"
    static let shopOrigin = "https://shop.example"

    /// The repository's Plugins folder (found from this file, through the sandbox's symlinks).
    static let pluginsFolder = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Plugins")

    /// A shipped plugin, loaded and checked like `kontor validate` does.
    static func plugin(_ name: String) throws -> PluginDefinition {
        let (plugin, diagnostics) = PluginLoader.load(directory: pluginsFolder.appendingPathComponent(name))
        let errors = diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(errors.map(\.description), [], name)
        return try XCTUnwrap(plugin, name)
    }

    /// The sources of most tests: one per platform, a form, a pull-only source, a disabled one.
    static var sources: [String: SourceConfig] {
        [
            "shop": SourceConfig(plugin: "shopify", config: ["shop": "kontor-demo", "access_token": "shpat_x", "webhook_secret": .string(shopifySecret)]),
            "woo": SourceConfig(plugin: "woocommerce", config: ["site_url": "https://woo.example", "consumer_key": "ck", "consumer_secret": "cs", "webhook_secret": .string(wooSecret)]),
            "survey": SourceConfig(plugin: "typeform", config: ["access_token": "tfp_x", "form_ids": ["abc123"], "webhook_secret": .string(typeformSecret)]),
            "leads": SourceConfig(plugin: "facebook_leads", config: ["access_token": "EAAB", "form_ids": ["1"], "app_secret": .string(metaSecret), "verify_token": .string(metaVerifyToken)]),
            "popup": SourceConfig(plugin: "form", config: ["allowed_origins": [.string(shopOrigin)], "consent": ["newsletter": "email", "sms_ok": "sms"], "redirect": "https://shop.example/thanks"]),
            "crm": SourceConfig(plugin: "hubspot", config: ["access_token": "pat-x"]),
            "old_shop": SourceConfig(plugin: "shopify", config: ["shop": "old", "access_token": "x", "webhook_secret": "s"], enabled: false),
        ]
    }

    /// Every plugin the sources name.
    static func plugins(for sources: [String: SourceConfig]) throws -> [String: PluginDefinition] {
        var plugins: [String: PluginDefinition] = [:]
        for name in Set(sources.values.map(\.plugin)) { plugins[name] = try plugin(name) }
        return plugins
    }

    /// The application, with the form counts to inspect.
    static func application(
        store: any KontorStore, clock: any KontorClock, sources: [String: SourceConfig] = sources,
        plugins extra: [String: PluginDefinition] = [:]
    ) throws -> (Application<RouterResponder<BasicRequestContext>>, FormService) {
        var logger = Logger(label: "kontor.inbound.test")
        logger.logLevel = .critical
        let plugins = try Self.plugins(for: sources.filter { extra[$0.value.plugin] == nil }).merging(extra) { $1 }
        let server = try KontorApplication(
            settings: ServerSettings(listen: "127.0.0.1:0", writeKeys: ["wk"]), store: store, clock: clock, logger: logger)
        try WebhookService(sources: sources, plugin: { plugins[$0] }, writer: server.writer, clock: clock, logger: logger)
            .addRoutes(to: server.router)
        let forms = try FormService(
            sources: sources, plugin: { plugins[$0] }, writer: server.writer, clock: clock, logger: logger)
        forms.addRoutes(to: server.router)
        return (server.application(), forms)
    }
}

extension TestClientProtocol {
    /// POSTs a signed delivery to `/hooks/{source}`.
    func deliver(_ hook: SignedWebhook, to source: String, changing headers: [String: String?] = [:]) async throws -> TestResponse {
        var all = hook.headers
        for (name, value) in headers { all[name] = value }
        var fields = HTTPFields()
        for (name, value) in all {
            fields[.init(name)!] = value
        }
        return try await executeRequest(uri: "/hooks/\(source)", method: .post, headers: fields, body: ByteBuffer(bytes: hook.body))
    }

    /// POSTs `body` to `/forms/{source}` as a browser would.
    func submit(
        _ body: String, to source: String = "popup", contentType: String = "application/json",
        origin: String? = InboundFixture.shopOrigin, client: String = "198.51.100.7", accept: String? = nil
    ) async throws -> TestResponse {
        var fields: HTTPFields = [.contentType: contentType]
        if let origin { fields[.origin] = origin }
        if let accept { fields[.accept] = accept }
        fields[.init("X-Forwarded-For")!] = client
        return try await executeRequest(uri: "/forms/\(source)", method: .post, headers: fields, body: ByteBuffer(string: body))
    }
}
