import KontorConfig
import KontorCore
import XCTest

final class DeploymentModelTests: XCTestCase {
    private func loadValid() throws -> LoadedDeployment {
        let url = try TestPlugins.fixturesURL().appendingPathComponent("valid/connectors.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        do {
            return try DeploymentLoader.load(
                text: text, file: "connectors.yaml", environment: TestPlugins.environment,
                pluginNames: TestPlugins.names, pluginLookup: TestPlugins.lookup)
        } catch {
            XCTFail(error.description)
            throw error
        }
    }

    func testValidFixtureDecodesToTheExpectedModel() throws {
        let loaded = try loadValid()
        let deployment = loaded.deployment
        XCTAssertEqual(loaded.warnings, [])
        XCTAssertEqual(deployment.version, 1)
        XCTAssertEqual(deployment.store, "sqlite:data/kontor.db")
        XCTAssertEqual(deployment.plugins, ["./my-plugins"])
        XCTAssertEqual(deployment.server, ServerSettings(
            listen: "0.0.0.0:9090", writeKeys: ["wk_live_1"], readKeys: ["rk_public_1"], adminToken: "admin-token-xyz",
            allowedOrigins: ["https://shop.example"], exposeTraits: ["first_name", "favourite_brand"]))
        XCTAssertEqual(deployment.identity, IdentitySettings(
            keys: ["user_id", "email", "phone", "shopify_customer_id", "anonymous_id"], maxMerges: 50, limits: ["email": 3]))
        XCTAssertEqual(deployment.consent, ConsentSettings(purposes: ["email", "ads", "personalisation"], defaultStatus: .denied))
        XCTAssertEqual(deployment.retention, RetentionSettings(events: 400 * 86_400, inactiveProfiles: 3 * 31_536_000))

        XCTAssertEqual(deployment.sources["shop"], SourceConfig(
            plugin: "shopify", config: ["shop": "my-shop", "access_token": "shpat_secret_value_123"],
            streams: ["customers", "orders"], schedule: .every("15m", jitter: "30s")))
        XCTAssertEqual(deployment.sources["popup"], SourceConfig(plugin: "form", config: ["allowed_origins": ["https://shop.example"]]))
        XCTAssertEqual(deployment.sources["nightly"], SourceConfig(
            plugin: "shopify", config: ["shop": "outlet", "access_token": "shpat_secret_value_123"],
            schedule: .cron("0 3 * * *", timezone: "Europe/Berlin", jitter: nil), baseURL: "http://127.0.0.1:9999", enabled: false))

        XCTAssertEqual(deployment.traits["order_count"], ComputedTrait(.count, .init(event: "Order Completed")))
        XCTAssertEqual(deployment.traits["lifetime_value"], ComputedTrait(
            .sum, .init(event: "Order Completed", property: "total"), within: 365 * 86_400))
        XCTAssertEqual(deployment.traits["big_orders"]?.filter.whereRule, "properties.total > 100")

        XCTAssertEqual(deployment.segments["running_fans"], SegmentDefinition(
            whereRule: "computed.order_count >= 2 and 'running' in traits.interests",
            description: "Bought running gear at least twice"))
        XCTAssertEqual(deployment.destinations["newsletter"], DestinationConfig(
            plugin: "mailchimp", config: ["api_key": "mc-key-abc-us21", "list_id": "abc123"], action: "members", mode: .mirror,
            segments: ["running_fans"], consent: "email",
            mapping: ["email_address": "$.traits.email", "merge_fields": ["FNAME": "$.traits.first_name"]],
            schedule: .every("1h", jitter: nil), batch: .init(size: 500, maxWait: 30)))
        XCTAssertEqual(deployment.destinations["recall"]?.schedule, .manual)
        XCTAssertEqual(deployment.destinations["recall"]?.enabled, true)
        XCTAssertEqual(loaded.secrets, ["admin-token-xyz", "shpat_secret_value_123", "mc-key-abc-us21"])
    }

    func testDefaultsLiveInSwift() throws {
        let loaded = try DeploymentLoader.load(text: "kontor: 1\n", file: "c.yaml", environment: [:])
        XCTAssertEqual(loaded.deployment, Deployment())
        XCTAssertEqual(loaded.deployment.store, "sqlite:kontor.db")
        XCTAssertEqual(loaded.deployment.server.listen, "127.0.0.1:8080")
        XCTAssertEqual(loaded.deployment.identity.maxMerges, 100)
        XCTAssertEqual(loaded.deployment.consent.defaultStatus, .denied)
    }

    func testSchedulesBecomeSchedulerSchedules() throws {
        let deployment = try loadValid().deployment
        XCTAssertEqual(try deployment.sources["shop"]?.schedule?.schedule(), .every(900, jitter: 30))
        guard case .cron(_, let zone, nil)? = try deployment.sources["nightly"]?.schedule?.schedule() else {
            return XCTFail("expected a cron schedule")
        }
        XCTAssertEqual(zone.identifier, "Europe/Berlin")
        XCTAssertEqual(try ScheduleSpec.manual.schedule(), .manual)
    }

    func testRedactorScrubsTheLoadedSecrets() throws {
        let redactor = try loadValid().redactor
        XCTAssertEqual(redactor.redact("401 with token shpat_secret_value_123 and mc-key-abc-us21"), "401 with token *** and ***")
    }

    func testMissingFileIsADiagnostic() {
        XCTAssertThrowsError(try DeploymentLoader.load(file: "/nonexistent/connectors.yaml", environment: [:])) { error in
            XCTAssertTrue("\(error)".contains("cannot read /nonexistent/connectors.yaml"), "\(error)")
        }
    }
}
