import Foundation
import KontorConfig
import KontorCore
import XCTest

/// Every plugin shipped in the repository's `Plugins/` folder loads without a single diagnostic.
final class ShippedPluginsTests: XCTestCase {
    /// `<repo>/Plugins`, found from this file's location (symlinks resolved, for sandboxes).
    static var pluginsDirectory: URL {
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent()   // Plugins
            .deletingLastPathComponent()   // KontorConfigTests
            .deletingLastPathComponent()   // Tests
            .deletingLastPathComponent()   // repo
            .appendingPathComponent("Plugins")
    }

    func testEveryShippedPluginLoadsWithoutDiagnostics() {
        let folders = try? FileManager.default.contentsOfDirectory(atPath: Self.pluginsDirectory.path)
        let names = (folders ?? []).filter { !$0.hasPrefix(".") }.sorted()
        XCTAssertTrue(names.contains("shopify"), "no plugins found at \(Self.pluginsDirectory.path)")
        for name in names {
            let (plugin, diagnostics) = PluginLoader.load(directory: Self.pluginsDirectory.appendingPathComponent(name))
            XCTAssertEqual(diagnostics.map(\.description), [], "plugin \(name)")
            XCTAssertEqual(plugin?.name, name)
        }
    }

    func testCatalogLoadsAllShippedPlugins() {
        let (catalog, diagnostics) = PluginCatalog.load(directories: [Self.pluginsDirectory])
        XCTAssertEqual(diagnostics.map(\.description), [])
        for name in ["shopify", "mailchimp", "webhook", "form"] {
            XCTAssertNotNil(catalog[name], name)
        }
    }

    func testShopifyModel() throws {
        let (loaded, _) = PluginLoader.load(directory: Self.pluginsDirectory.appendingPathComponent("shopify"))
        let plugin = try XCTUnwrap(loaded)
        XCTAssertEqual(plugin.effectiveKind, .source)
        XCTAssertEqual(plugin.resolvedStreams.keys.sorted(), ["customers", "orders"])
        let customers = try XCTUnwrap(plugin.resolvedStreams["customers"])
        guard case .linkHeader? = customers.paginate else { return XCTFail("customers should page by Link header") }
        XCTAssertEqual(customers.request?.path, "customers.json")
        XCTAssertEqual(customers.request?.query?["limit"], "{{ config.page_size }}", "defaults merge into the request")
        XCTAssertEqual(customers.primaryKey, [FieldPath(["id"])])
        XCTAssertEqual(customers.emit?.first?.type, .identify)
        XCTAssertEqual(customers.emit?.first?.identifiers?.keys.sorted(), ["email", "phone", "shopify_customer_id"])
        let orders = try XCTUnwrap(plugin.resolvedStreams["orders"])
        XCTAssertEqual(orders.request?.query?["status"], "any")
        XCTAssertEqual(orders.emit?.first?.event, "Order Completed")
        XCTAssertEqual(plugin.inbound?.deliveryIDHeader, "X-Shopify-Webhook-Id")
        XCTAssertEqual(plugin.inbound?.signature?.encoding, .base64)
        XCTAssertEqual(Set(plugin.inbound?.targetStreams ?? []), ["customers", "orders"])
        XCTAssertEqual(plugin.http?.rateLimits?.first?.limits, ["40/20s"])
    }

    func testMailchimpModel() throws {
        let (loaded, _) = PluginLoader.load(directory: Self.pluginsDirectory.appendingPathComponent("mailchimp"))
        let plugin = try XCTUnwrap(loaded)
        XCTAssertEqual(plugin.effectiveKind, .destination)
        XCTAssertEqual(plugin.erase, .action("delete-permanent"))
        let members = try XCTUnwrap(plugin.actions["members"])
        XCTAssertEqual(members.batch?.size, 500)
        XCTAssertEqual(members.result?.errors?.field, "email_address")
        XCTAssertEqual(members.fields["email_address"]?.pii, .email)
        XCTAssertEqual(members.fields["email_address"]?.effectiveNormalizers, [.email])
        XCTAssertEqual(members.plan(for: .upsert).request.effectiveMethod, .POST)
        XCTAssertEqual(members.plan(for: .remove).request.effectiveMethod, .DELETE)
        XCTAssertEqual(members.plan(for: .remove).batch?.size, 1)
        guard case .basic(let username, _)? = plugin.http?.auth else { return XCTFail("basic auth expected") }
        XCTAssertEqual(username, "anystring")
    }
}

extension ShippedPluginsTests {
    func testDescriptorsDescribeSettingsStreamsAndActions() throws {
        let (catalog, _) = PluginCatalog.load(directories: [Self.pluginsDirectory])
        let shopify = try XCTUnwrap(catalog["shopify"]).descriptor
        XCTAssertEqual(shopify.name, "shopify")
        XCTAssertEqual(shopify.streams, ["customers", "orders"])
        XCTAssertEqual(shopify.settings["access_token"], PluginDescriptor.Setting(type: "secret", isRequired: true, isSecret: true))
        XCTAssertEqual(shopify.settings["api_version"]?.isRequired, false, "a setting with a default is not required")
        XCTAssertEqual(shopify.settings["start_date"]?.isRequired, false)
        XCTAssertTrue(shopify.identifierKinds.isSuperset(of: ["email", "phone", "shopify_customer_id"]))

        let mailchimp = try XCTUnwrap(catalog["mailchimp"]).descriptor
        XCTAssertEqual(mailchimp.actions["members"]?.modes, [.add, .upsert, .remove, .mirror])
        XCTAssertEqual(mailchimp.actions["members"]?.requiredFields, ["email_address"])
        XCTAssertTrue(mailchimp.actions["members"]?.fields.contains("merge_fields") ?? false)
        XCTAssertEqual(mailchimp.actions["delete-permanent"]?.modes, [])
    }
}
