import Foundation
import KontorCore
import KontorHTTP
import KontorTesting

/// One shipped destination plugin, its emulator, and how to read the emulator's audience: the rows
/// of the shared scenario table (``DestinationScenarioTests``).
struct DestinationCase: Sendable {
    typealias Person = ScenarioMembers.Person

    enum ChangedTrait: Sendable {
        case firstName, phone

        func change(_ person: inout Person, to suffix: Int) {
            switch self {
            case .firstName: person.firstName = "Changed\(suffix)"
            case .phone: person.phone = "+49 170 \(String(format: "%07d", suffix))"
            }
        }
    }

    var plugin: String
    var action: String
    var mode: ActionMode
    var mapping: JSONValue
    /// Whether `mode` mirrors (leavers and revoked consent are removed).
    var mirrors: Bool { mode == .mirror }
    /// The audience key of a person: what ``EmulatedDestination/audience`` holds for them.
    var key: @Sendable (Person) -> String
    /// The audience key of the normalisation example person (`  Test@Example.COM `): a known digest.
    var knownKey: String
    /// The value ``DestinationKnobs/reject(_:reason:)`` takes to refuse a person for good.
    var rejectionKey: @Sendable (Person) -> String
    /// Whether a refused record comes back named (dead-lettered); ad platforms only count invalid rows.
    var namesRefusedRecords: Bool
    /// The trait the "trait change" step changes (one the mapping sends).
    var changed: ChangedTrait = .firstName
    var start: @Sendable (_ clock: any KontorClock, _ transport: any HTTPTransport) async throws -> EmulatedDestination

    static let all: [DestinationCase] = [mailchimp, klaviyo, brevo, meta, google, webhook, ses]

    static func email(_ person: Person) -> String { ScenarioMembers.normalisedEmail(person) }

    static let mailchimp = DestinationCase(
        plugin: "mailchimp", action: "members", mode: .mirror,
        mapping: ["email_address": "$.traits.email", "merge_fields": ["FNAME": "$.traits.first_name"]],
        key: email, knownKey: "test@example.com", rejectionKey: email, namesRefusedRecords: true
    ) { clock, _ in
        let emulator = try await MailchimpEmulator.start(configuration: MailchimpConfiguration(retryAfterSeconds: 20), clock: clock)
        let list = emulator.audience
        return EmulatedDestination(
            config: emulator.pluginConfig.objectValue ?? [:], baseURL: emulator.apiBaseURL, emulator: emulator,
            audience: { list.emails }, firstName: { list.member(email: $0)?.mergeFields["FNAME"]?.stringValue })
    }

    /// Klaviyo upserts with bulk import jobs; the `profiles` action has no removal (list membership by
    /// Klaviyo profile id is the `list_membership` action), so this row does not mirror.
    static let klaviyo = DestinationCase(
        plugin: "klaviyo", action: "profiles", mode: .upsert,
        mapping: ["email": "$.traits.email", "first_name": "$.traits.first_name", "last_name": "$.traits.last_name"],
        key: email, knownKey: "test@example.com", rejectionKey: email, namesRefusedRecords: false
    ) { clock, _ in
        let emulator = try await KlaviyoEmulator.start(clock: clock)
        let account = emulator.account
        let list = emulator.configuration.listIDs.first ?? ""
        return EmulatedDestination(
            config: emulator.pluginConfig.objectValue ?? [:], emulator: emulator, audience: { account.memberEmails(list: list) },
            firstName: { account.profile(email: $0)?.attributes["first_name"]?.stringValue })
    }

    static let brevo = DestinationCase(
        plugin: "brevo", action: "contacts", mode: .mirror,
        mapping: ["email": "$.traits.email", "attributes": ["FIRSTNAME": "$.traits.first_name"]],
        key: email, knownKey: "test@example.com", rejectionKey: email, namesRefusedRecords: false
    ) { clock, _ in
        let emulator = try await BrevoEmulator.start(clock: clock)
        let account = emulator.account
        let list = emulator.configuration.listIDs.first ?? 0
        return EmulatedDestination(
            config: emulator.pluginConfig.objectValue ?? [:], emulator: emulator, audience: { account.memberEmails(list: list) },
            firstName: { account.contacts[$0]?.attributes["FIRSTNAME"]?.stringValue })
    }

    /// Meta matches SHA-256 of the normalised e-mail (`973dfe…` is `test@example.com`).
    static let meta = DestinationCase(
        plugin: "meta_custom_audiences", action: "audience_members", mode: .mirror,
        mapping: ["email": "$.traits.email", "phone": "$.traits.phone", "first_name": "$.traits.first_name"],
        key: { Digests.sha256Hex(email($0)) },
        knownKey: "973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b",
        rejectionKey: { Digests.sha256Hex(email($0)) }, namesRefusedRecords: false
    ) { clock, _ in
        let emulator = try await MetaAudienceEmulator.start(clock: clock)
        let audience = emulator.audience
        return EmulatedDestination(config: emulator.pluginConfig.objectValue ?? [:], emulator: emulator, audience: { audience.emailHashes })
    }

    static let google = DestinationCase(
        plugin: "google_customer_match", action: "user_list_members", mode: .mirror,
        mapping: ["email": "$.traits.email", "phone": "$.traits.phone"],
        key: { Digests.sha256Hex(email($0)) },
        knownKey: "973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b",
        rejectionKey: { Digests.sha256Hex(email($0)) }, namesRefusedRecords: true, changed: .phone
    ) { clock, transport in
        let emulator = try await GoogleCustomerMatchEmulator.start(clock: clock)
        let cycle = GoogleJobCycle(emulator: emulator, transport: transport)
        return EmulatedDestination(
            config: emulator.pluginConfig.objectValue ?? [:], emulator: emulator, audience: { emulator.emailHashes },
            beforeDelivery: { try await cycle.create() }, afterDelivery: { try await cycle.runPending() })
    }

    static let webhook = DestinationCase(
        plugin: "webhook", action: "push", mode: .mirror,
        mapping: ["id": "$.profile.id", "email": "$.traits.email", "traits": ["first_name": "$.traits.first_name"]],
        key: { $0.id }, knownKey: "p00001", rejectionKey: { $0.id }, namesRefusedRecords: true
    ) { clock, _ in
        let emulator = try await WebhookReceiverEmulator.start(clock: clock)
        let records = emulator.records
        return EmulatedDestination(
            config: emulator.pluginConfig.objectValue ?? [:], emulator: emulator, audience: { records.keys },
            firstName: { records[$0]?["traits"]?["first_name"]?.stringValue })
    }

    static let ses = DestinationCase(
        plugin: "ses_contacts", action: "contacts", mode: .mirror,
        mapping: ["email": "$.traits.email", "attributes": ["first_name": "$.traits.first_name"]],
        key: email, knownKey: "test@example.com", rejectionKey: email, namesRefusedRecords: true
    ) { clock, _ in
        let emulator = try await SESContactsEmulator.start(clock: clock)
        return EmulatedDestination(config: emulator.pluginConfig.objectValue ?? [:], emulator: emulator, audience: { emulator.emails })
    }
}
