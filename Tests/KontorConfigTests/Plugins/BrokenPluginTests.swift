import Foundation
import KontorConfig
import KontorCore
import XCTest

/// Broken plugin files under `Fixtures/plugins/<case>/plugin.yaml`, each with
/// the exact diagnostics the loader must report (position, message, hint).
final class BrokenPluginTests: XCTestCase {
    static var fixturesDirectory: URL {
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent()   // Plugins
            .deletingLastPathComponent()   // KontorConfigTests
            .appendingPathComponent("Fixtures/plugins")
    }

    static let expectations: [(name: String, diagnostics: [String])] = [
        ("bad_auth_type", [
            "bad_auth_type/plugin.yaml:7:16: error: unknown type 'bearr' in 'http.auth'; expected one of 'api_key', 'aws_sigv4', 'basic', 'bearer', 'hmac_signature', 'none', 'oauth2_client_credentials', 'oauth2_refresh', 'select', 'session'; did you mean 'bearer'?",
        ]),
        ("config_not_in_spec", [
            "config_not_in_spec/plugin.yaml:7:32: error: unknown setting 'config.shoop': the spec has no key 'shoop'; did you mean 'shop'?",
            "config_not_in_spec/plugin.yaml:11:57: error: unknown setting 'config.start_date': the spec has no key 'start_date'",
        ]),
        ("cursor_without_token_param", [
            "cursor_without_token_param/plugin.yaml:9:15: error: missing required key 'token_param' in 'paginate' of stream 'contacts'",
        ]),
        ("erase_unknown_action", [
            "erase_unknown_action/plugin.yaml:13:5: error: action 'delete_contact' needs 'modes' (add, update, upsert, remove, mirror)",
            "erase_unknown_action/plugin.yaml:16:8: error: unknown action 'delete_contacts' in erase; did you mean 'delete_contact'?",
        ]),
        ("inbound_unknown_stream", [
            "inbound_unknown_stream/plugin.yaml:10:5: error: stream 'refunds' has no request, file, query or tap_stream, and no inbound delivery is routed to it",
            "inbound_unknown_stream/plugin.yaml:13:117: error: 'tolerance' requires 'timestamp_header'",
            "inbound_unknown_stream/plugin.yaml:16:54: error: unknown stream 'refund' in route; did you mean 'refunds'?",
        ]),
        ("invalid_emit", [
            "invalid_emit/plugin.yaml:10:9: error: a track emit needs 'event'",
            "invalid_emit/plugin.yaml:13:9: error: an emit rule needs 'user_id' or 'anonymous_id' (every Segment message has one)",
            "invalid_emit/plugin.yaml:14:22: error: an identifier kind must not be empty (e.g. email, phone, shopify_customer_id)",
            "invalid_emit/plugin.yaml:15:9: error: a group emit needs 'group_id'",
        ]),
        ("invalid_pii", [
            "invalid_pii/plugin.yaml:10:52: error: normaliser 'phone_e164' does not fit pii kind 'email', which takes email, email_google, lowercase or trim",
            "invalid_pii/plugin.yaml:11:34: error: 'hash' needs a string field; 'age' is integer",
            "invalid_pii/plugin.yaml:12:49: error: 'digest' of field 'phone' needs 'hash'",
            "invalid_pii/plugin.yaml:13:51: error: normaliser 'digits' does not fit pii kind 'maid', which takes lowercase or trim",
        ]),
        ("missing_erase", [
            "missing_erase/plugin.yaml:6:1: error: a destination must declare 'erase': the name of its erase action, or {unsupported: \"reason\"}",
            "missing_erase/plugin.yaml:13:5: error: action 'cleanup' needs 'modes' (add, update, upsert, remove, mirror)",
        ]),
        ("missing_transport_section", [
            "missing_transport_section/plugin.yaml:8:14: error: stream 'contacts' uses 'request' but the plugin has no 'http' section",
            "missing_transport_section/plugin.yaml:12:5: error: stream 'imports' has several transports (file, query); keep one",
            "missing_transport_section/plugin.yaml:15:5: error: stream 'orphans' has no request, file, query or tap_stream, and no inbound delivery is routed to it",
        ]),
        ("name_mismatch", [
            "name_mismatch/plugin.yaml:2:7: error: plugin name 'shopify' must match its folder name 'name_mismatch'",
            "name_mismatch/plugin.yaml:3:7: error: a source plugin cannot have actions; use kind 'both'",
        ]),
        ("out_of_scope", [
            "out_of_scope/plugin.yaml:7:35: error: unknown variable 'response' in config (allowed: config)",
            "out_of_scope/plugin.yaml:10:34: error: unknown variable 'record' in request (allowed: config, next_page_token, stream_interval, stream_partition)",
        ]),
        ("partition_cycle", [
            "partition_cycle/plugin.yaml:9:27: error: partition cycle: a → b → a",
            "partition_cycle/plugin.yaml:15:27: error: partition cycle: c → c",
        ]),
        ("secret_outside_auth", [
            "secret_outside_auth/plugin.yaml:10:55: warning: secret setting 'api_key' used in 'streams.contacts.request.query.key'; secrets belong in auth, headers or signatures",
        ]),
        ("step_without_granularity", [
            "step_without_granularity/plugin.yaml:10:92: error: 'step' requires 'granularity' (e.g. PT1S)",
        ]),
        ("transform_two_operations", [
            "transform_two_operations/plugin.yaml:9:60: error: give exactly one of query, header, body_json, body_form (found 2)",
            "transform_two_operations/plugin.yaml:11:9: error: a transform needs exactly one of set, remove, keys, flatten, map, rename (found 2)",
            "transform_two_operations/plugin.yaml:12:9: error: a transform needs exactly one of set, remove, keys, flatten, map, rename (found 0)",
        ]),
        ("undeclared_field", [
            "undeclared_field/plugin.yaml:12:30: error: unknown field 'phon' in require_one_of; did you mean 'phone'?",
            "undeclared_field/plugin.yaml:13:35: error: unknown field 'country' in group_by",
            "undeclared_field/plugin.yaml:14:54: error: 'emial' is not a field of action 'contacts'; did you mean 'email'?",
            "undeclared_field/plugin.yaml:14:87: error: 'phnoe' is not a field of action 'contacts'; did you mean 'phone'?",
            "undeclared_field/plugin.yaml:15:56: error: unknown field 'mail' in result errors; did you mean 'email'?",
        ]),
        ("unknown_key", [
            "unknown_key/plugin.yaml:11:5: error: unknown key 'recods' in stream 'contacts'; did you mean 'records'?",
            "unknown_key/plugin.yaml:13:16: error: 'identfy' is not one of 'identify', 'track', 'page', 'screen', 'group', 'alias'; did you mean 'identify'?",
        ]),
        ("unknown_parent", [
            "unknown_parent/plugin.yaml:12:18: error: unknown parent stream 'listz'; did you mean 'lists'?",
        ]),
    ]

    func testEachBrokenPluginReportsExactlyItsDiagnostics() throws {
        for (name, expected) in Self.expectations {
            let file = Self.fixturesDirectory.appendingPathComponent(name).appendingPathComponent("plugin.yaml")
            let text = try String(contentsOf: file, encoding: .utf8)
            let (plugin, diagnostics) = PluginLoader.load(text: text, file: "\(name)/plugin.yaml", expectedName: name)
            XCTAssertEqual(diagnostics.map(\.description), expected, name)
            let hasError = expected.contains { $0.contains(": error: ") }
            XCTAssertEqual(plugin == nil, hasError, "\(name): a plugin is returned exactly when there is no error")
        }
    }

    func testEveryFixtureHasAnExpectation() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.fixturesDirectory.path)
        XCTAssertEqual(Set(folders.filter { !$0.hasPrefix(".") }), Set(Self.expectations.map(\.name)))
        XCTAssertGreaterThanOrEqual(Self.expectations.count, 12)
    }
}
