import Foundation
import KontorCore

/// An emulated Amazon SES v2 contact-list API on loopback, per `api_facts.md` §11.
///
/// Serves `GET /v2/email/contact-lists/{name}`, CreateContact (`POST …/contacts`, 400
/// `AlreadyExistsException` for an existing e-mail), UpdateContact (`PUT …/contacts/{email}`, 404
/// for a missing one), GetContact, DeleteContact and ListContacts (`POST …/contacts/list`). The SigV4
/// `Authorization` header is checked for presence and shape only; errors are `{"message"}` with the
/// type in `x-amzn-ErrorType`; above the request rate, 429 `TooManyRequestsException` (no `Retry-After`).
///
/// Endpoint names: `get_contact_list`, `create_contact`, `list_contacts`, `get_contact`,
/// `update_contact`, `delete_contact`. ``DestinationKnobs/reject(_:reason:)`` takes e-mails (400 `BadRequestException`).
public final class SESContactsEmulator: DestinationEmulator {
    public let configuration: SESConfiguration
    public let host: EmulatorHost
    public let server: EmulatorServer
    public let knobs: DestinationKnobs
    public let account: SESAccount

    private init(configuration: SESConfiguration, host: EmulatorHost, server: EmulatorServer, knobs: DestinationKnobs, account: SESAccount) {
        self.configuration = configuration
        self.host = host
        self.server = server
        self.knobs = knobs
        self.account = account
    }

    /// Lower-cased e-mails on the first list that have not unsubscribed from all.
    public var emails: Set<String> { account.emails(list: configuration.contactLists.first ?? "") }

    /// The `config` of a `ses_contacts` destination for this emulator.
    public var pluginConfig: JSONValue {
        [
            "access_key_id": .string(configuration.accessKeyID), "secret_access_key": "emulator-secret-key",
            "region": .string(configuration.region), "contact_list": .string(configuration.contactLists.first ?? ""),
            "topic": .string(configuration.topics.first ?? ""), "base_url": .string(baseURL.absoluteString + "/"),
        ]
    }

    /// Starts the emulator; `clock` drives the rate window and injected delays (the wall clock when nil).
    public static func start(configuration: SESConfiguration = SESConfiguration(), clock: (any KontorClock)? = nil) async throws -> SESContactsEmulator {
        let dialect = SESDialect(configuration: configuration)
        let host = EmulatorHost(dialect: dialect, clock: clock)
        let knobs = DestinationKnobs()
        let account = SESAccount(listNames: configuration.contactLists)
        let routes = SESRoutes(configuration: configuration, account: account, knobs: knobs)
        let wrapped = DestinationRoutes(knobs: knobs, clock: host.clock, dialect: dialect).wrap(routes.endpoints)
        let server = try await host.serve(wrapped, name: "ses")
        return SESContactsEmulator(configuration: configuration, host: host, server: server, knobs: knobs, account: account)
    }
}
