import KontorConfig
import KontorCore
import XCTest

final class InterpolatorTests: XCTestCase {
    private let environment = ["HOST": "db.local", "PORT": "5432", "TOKEN": "s3cr3t-Value", "EMPTY": ""]

    private func interpolate(_ yaml: String) throws -> InterpolationResult {
        let (root, diagnostics) = YAMLDocumentLoader.load(text: yaml, file: "c.yaml")
        XCTAssertEqual(diagnostics, [])
        return Interpolator(environment: environment).interpolate(try XCTUnwrap(root))
    }

    func testSubstitutionTable() throws {
        let table: [(String, JSONValue)] = [
            ("${env:HOST}", "db.local"),
            ("${env:PORT}", 5432),                       // a plain whole reference is typed
            ("\"${env:PORT}\"", "5432"),                 // quoted stays a string
            ("postgres://${env:HOST}:${env:PORT}/k", "postgres://db.local:5432/k"),
            ("${env:PORT}${env:PORT}", "54325432"),      // mixed results are strings
            ("${secret:TOKEN}", "s3cr3t-Value"),
            ("$${env:HOST}", "${env:HOST}"),             // escape
            ("\"cost: $5\"", "cost: $5"),
            ("${env:EMPTY}", nil),                    // empty and unquoted: absent
            ("\"${env:EMPTY}\"", ""),
            ("plain", "plain"),
            ("${env:UNSET:-fallback}", "fallback"),      // default when unset
            ("${env:HOST:-fallback}", "db.local"),       // the variable wins when set
            ("\"${secret:UNSET:-}\"", ""),              // an empty default is allowed
            ("${env:UNSET:-8080}", 8080),                // a default is typed like a value
        ]
        for (text, expected) in table {
            let result = try interpolate("v: \(text)\n")
            XCTAssertEqual(result.diagnostics, [], text)
            XCTAssertEqual(result.node["v"]?.toJSON(), expected, text)
        }
    }

    func testSecretsAreCollectedAndOriginalTextKept() throws {
        let result = try interpolate("a: \"Bearer ${secret:TOKEN}\"\nb: ${env:HOST}\n")
        XCTAssertEqual(result.secrets, ["s3cr3t-Value"])
        XCTAssertEqual(result.node["a"]?.scalar?.source, "Bearer ${secret:TOKEN}")
        XCTAssertEqual(result.node["a"]?.scalar?.containsSecret, true)
        XCTAssertEqual(result.node["b"]?.scalar?.containsSecret, false)
    }

    func testMissingVariableIsPositionedAtTheReference() throws {
        let result = try interpolate("sources:\n  shop: {token: \"x-${secret:SHOPIFY_TOKEN}\"}\n")
        XCTAssertEqual(result.diagnostics.map(\.description), [
            "c.yaml:2:20: error: environment variable 'SHOPIFY_TOKEN' is not set (referenced as ${secret:SHOPIFY_TOKEN})",
        ])
    }

    func testDefaultValueOfASecretIsRedactedLikeTheSecret() throws {
        let result = try interpolate("a: \"${secret:UNSET:-dev-token}\"\n")
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.secrets, ["dev-token"])
    }

    func testMalformedReferences() throws {
        let result = try interpolate("a: ${HOST}\nb: ${env:HO ST}\nc: \"${env:HOST\"\n")
        XCTAssertEqual(result.diagnostics.map(\.description), [
            "c.yaml:1:4: error: unknown reference kind; write ${env:NAME} or ${secret:NAME} ($${ for a literal '${') in '${HOST}'",
            "c.yaml:2:4: error: invalid variable name 'HO ST' in '${env:HO ST}'",
            "c.yaml:3:5: error: unterminated '${' in '${env:HOST'",
        ])
    }

    func testKeysAreNotInterpolated() throws {
        let result = try interpolate("${env:HOST}: 1\n")
        XCTAssertEqual(result.node.toJSON(), ["${env:HOST}": 1])
    }

    /// However a secret's value is wrong for its field, no diagnostic may contain it.
    func testSecretValueNeverAppearsInAnyDiagnostic() throws {
        let secret = "sk_live_ABCdef123456"
        let environment = ["S": secret, "SHOPIFY_TOKEN": "t0ken-value-99"]
        let yaml = """
            kontor: 1
            store: "${secret:S}"
            server: {listen: "${secret:S}", write_keys: "${secret:S}", admin_token: {x: 1}}
            retention: {events: "${secret:S}"}
            identity: {max_merges: "${secret:S}", keys: ["${secret:S}"]}
            consent: {purposes: [email], default: "${secret:S}"}
            sources:
              shop:
                plugin: shopify
                config: {shop: "${secret:S}", access_token: "${secret:SHOPIFY_TOKEN}", page_size: "${secret:S}"}
                streams: ["${secret:S}"]
                schedule: {cron: "${secret:S}", timezone: "${secret:S}"}
            segments:
              s1: {where: "${secret:S}"}
              s2: {where: "traits.x == '${secret:S}' and"}
            traits:
              t: {count: {event: "${secret:S}", where: "${secret:S} >"}}
            destinations:
              d:
                plugin: mailchimp
                config: {api_key: "${secret:S}", list_id: "${secret:S}", status: "${secret:S}"}
                action: "${secret:S}"
                mode: "${secret:S}"
                segments: ["${secret:S}"]
                consent: "${secret:S}"
                mapping: {"${secret:S}": "${secret:S}"}
            """
        let (_, diagnostics) = DeploymentLoader.check(
            text: yaml, file: "c.yaml", environment: environment,
            pluginNames: TestPlugins.names, pluginLookup: TestPlugins.lookup)
        XCTAssertGreaterThan(diagnostics.count, 5)
        for diagnostic in diagnostics {
            XCTAssertFalse(diagnostic.description.contains(secret), diagnostic.description)
            XCTAssertFalse(diagnostic.description.contains("sk_live"), diagnostic.description)
            XCTAssertFalse(diagnostic.description.contains("t0ken-value-99"), diagnostic.description)
        }
        XCTAssertTrue(diagnostics.contains { $0.description.contains("${secret:S}") })
        // The same file thrown as an error hides it too.
        XCTAssertThrowsError(try DeploymentLoader.load(text: yaml, file: "c.yaml", environment: environment)) { error in
            XCTAssertFalse("\(error)".contains(secret))
        }
    }

    func testSecretRedactor() {
        let redactor = SecretRedactor(secrets: ["abcdef", "abcdefgh", "xy", ""])
        XCTAssertEqual(redactor.secrets, ["abcdefgh", "abcdef"])
        XCTAssertEqual(redactor.redact("token=abcdefgh, old=abcdef, short=xy"), "token=***, old=***, short=xy")
        XCTAssertTrue(redactor.containsSecret("..abcdef.."))
        XCTAssertFalse(redactor.containsSecret("abcde"))
        XCTAssertEqual(SecretRedactor(secrets: ["xy"], minimumLength: 1).redact("xyz"), "***z")
    }
}
