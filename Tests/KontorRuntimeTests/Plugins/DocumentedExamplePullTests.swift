import Foundation
import KontorConfig
import KontorCore
import KontorTesting
import XCTest

@testable import KontorRuntime

/// The worked `connectors.yaml` of `docs/sources/<name>.md` (its "Example" section), loaded by the real
/// `DeploymentLoader` with the shipped plugins, then pulled against the plugin's emulator with only the
/// addresses changed: the documented settings do what the page says.
final class DocumentedExamplePullTests: XCTestCase {
    private let clock = RecordingClock.afterTheData()

    /// The source of the example that uses `plugin`, its config with `overrides` applied, and its streams.
    private func example(
        _ plugin: String, environment: [String: String], overrides: [String: JSONValue] = [:]
    ) throws -> (name: String, config: JSONValue, streams: [String]?) {
        let page = ShippedPluginPull.repository.appendingPathComponent("docs/sources/\(plugin).md")
        let text = try String(contentsOf: page, encoding: .utf8)
        let example = try XCTUnwrap(text.components(separatedBy: "## Example").dropFirst().first, "\(plugin).md has no Example")
        let yaml = try XCTUnwrap(example.components(separatedBy: "```yaml\n").dropFirst().first?.components(separatedBy: "```").first)
        let (catalog, _) = PluginCatalog.load(directories: [ShippedPluginPull.repository.appendingPathComponent("Plugins")])
        let loaded: LoadedDeployment
        do {
            loaded = try DeploymentLoader.load(
                text: yaml, file: "docs/sources/\(plugin).md", environment: environment, pluginNames: catalog.names,
                pluginLookup: { catalog[$0]?.descriptor })
        } catch {
            XCTFail("the example of docs/sources/\(plugin).md does not load: \(error)")
            throw error
        }
        let (name, source) = try XCTUnwrap(loaded.deployment.sources.first { $0.value.plugin == plugin })
        var config = source.config
        config.merge(overrides) { _, new in new }
        return (name, .object(config), source.streams)
    }

    func testHubSpotExample() async throws {
        let hub = try await HubSpotEmulator.start(dataSet: CustomerDataSet(seed: 71, count: 150), clock: clock.manual)
        let pull = try await ShippedPluginPull(plugin: "hubspot", baseURL: hub.baseURL.absoluteString + "/", clock: clock)
        let (_, config, streams) = try example("hubspot", environment: ["HUBSPOT_TOKEN": hub.configuration.accessToken])
        let result = try await pull.run(config, streams: streams)
        XCTAssertEqual(result.total.records, 150)
        XCTAssertEqual(result.total.pages, 2, "page_size 100 by default")
        let messages = try await pull.messages()
        XCTAssertEqual(MessageTally(messages).counts["identify"], 150)
        XCTAssertTrue(messages.contains { $0.traits["lifecycle_stage"] == "lead" && $0.traits["country"] != nil })
        try await pull.shutdown()
        await hub.stop()
    }

    func testSalesforceExampleWithTheRefreshTokenFlow() async throws {
        let org = try await SalesforceEmulator.start(dataSet: CustomerDataSet(seed: 72, count: 150), clock: clock.manual)
        let pull = try await ShippedPluginPull(plugin: "salesforce", baseURL: nil, clock: clock)
        let settings = org.configuration
        let (_, config, streams) = try example(
            "salesforce",
            environment: ["SF_CLIENT_ID": settings.clientID, "SF_CLIENT_SECRET": settings.clientSecret, "SF_REFRESH_TOKEN": settings.refreshToken],
            overrides: ["instance_url": .string(org.baseURL.absoluteString), "login_url": .string(org.baseURL.absoluteString)])
        XCTAssertEqual(streams, ["contacts", "leads"])
        let result = try await pull.run(config, streams: streams)
        XCTAssertEqual(result.streams["contacts"]?.records, 150)
        XCTAssertEqual(result.streams["leads"]?.records, 150)
        XCTAssertEqual(org.log.count(endpoint: "oauth_token"), 1, "one token for the whole run")
        let messages = try await pull.messages()
        XCTAssertTrue(messages.contains { $0.traits["lead_source"] == "Web" }, "the example's segment has leads to find")
        try await pull.shutdown()
        await org.stop()
    }

    func testTypeformExample() async throws {
        let typeform = try await TypeformEmulator.start(dataSet: CustomerDataSet(seed: 73, count: 150), clock: clock.manual)
        let pull = try await ShippedPluginPull(plugin: "typeform", baseURL: typeform.baseURL.absoluteString + "/", clock: clock)
        let (_, config, streams) = try example(
            "typeform", environment: ["TYPEFORM_TOKEN": typeform.configuration.accessToken, "TYPEFORM_WEBHOOK_SECRET": "whsec"])
        let result = try await pull.run(config, streams: streams)
        XCTAssertEqual(result.total.records, 150)
        let messages = try await pull.messages()
        XCTAssertEqual(MessageTally(messages), MessageTally(["identify": 150, "track:Form Submitted": 150, "consent": 150]))
        let identify = try XCTUnwrap(messages.first { $0.type == .identify })
        XCTAssertNotNil(identify.userId, "user_id_field: customer_id")
        XCTAssertNotNil(identify.traits["favourite_sport"])
        try await pull.shutdown()
        await typeform.stop()
    }

    func testSurveyMonkeyExample() async throws {
        let surveys = try await SurveyMonkeyEmulator.start(dataSet: CustomerDataSet(seed: 74, count: 150), clock: clock.manual)
        let pull = try await ShippedPluginPull(plugin: "surveymonkey", baseURL: surveys.baseURL.absoluteString + "/v3/", clock: clock)
        let (_, config, streams) = try example("surveymonkey", environment: ["SURVEYMONKEY_TOKEN": surveys.configuration.accessToken])
        let result = try await pull.run(config, streams: streams)
        XCTAssertGreaterThan(result.total.records, 100, "completed responses of 150")
        let messages = try await pull.messages()
        let tally = MessageTally(messages)
        XCTAssertEqual(tally.counts["identify"], result.total.records)
        XCTAssertEqual(tally.counts["consent"], result.total.records, "the yes/no newsletter question, labelled in choice_labels")
        XCTAssertTrue(messages.contains { ($0.traits["preferences"]?.stringValue).map(["Running", "Coffee", "Organic food", "Home cinema"].contains) == true })
        try await pull.shutdown()
        await surveys.stop()
    }

    func testFacebookLeadsExample() async throws {
        let meta = try await MetaLeadAdsEmulator.start(dataSet: CustomerDataSet(seed: 75, count: 150), clock: clock.manual)
        let pull = try await ShippedPluginPull(plugin: "facebook_leads", baseURL: meta.baseURL.absoluteString + "/v26.0/", clock: clock)
        let (_, config, streams) = try example(
            "facebook_leads",
            environment: ["META_SYSTEM_USER_TOKEN": meta.configuration.accessToken, "META_APP_SECRET": "app", "META_VERIFY_TOKEN": "verify"])
        let result = try await pull.run(config, streams: streams)
        XCTAssertEqual(result.total.records, 150)
        let messages = try await pull.messages()
        let subscribed = meta.data.snapshot.people.filter { $0.emailConsent == .subscribed }.count
        XCTAssertEqual(MessageTally(messages), MessageTally(["identify": 150, "track:Lead Submitted": 150, "consent": subscribed]))
        XCTAssertTrue(messages.contains { $0.traits["preferences"] == "running_apparel" }, "the example's segment has leads to find")
        try await pull.shutdown()
        await meta.stop()
    }
}
