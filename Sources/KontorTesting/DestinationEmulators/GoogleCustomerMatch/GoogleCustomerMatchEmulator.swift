import Foundation
import KontorCore

/// An emulated Google Ads API (Customer Match through OfflineUserDataJobService, REST) on loopback,
/// per `api_facts.md` §13.
///
/// Serves, under `/{version}/customers/{customer_id}`: `offlineUserDataJobs:create`,
/// `offlineUserDataJobs/{id}:addOperations` (≤ 100,000 operations, ≤ 20 identifiers per UserData,
/// hashes as lower-case SHA-256 hex, `partialFailureError` with `enablePartialFailure`),
/// `offlineUserDataJobs/{id}:run` (applies the operations, job `SUCCESS`) and `googleAds:search`
/// (job status by resource name). Bearer token plus `developer-token`; quota as 429
/// `RESOURCE_EXHAUSTED` with `retryDelay` in the body.
///
/// Endpoint names: `job_create`, `job_add_operations`, `job_run`, `search`.
/// ``DestinationKnobs/reject(_:reason:)`` takes an identifier value (a hash); its operation fails.
public final class GoogleCustomerMatchEmulator: DestinationEmulator {
    public let configuration: GoogleAdsConfiguration
    public let host: EmulatorHost
    public let server: EmulatorServer
    public let knobs: DestinationKnobs
    public let account: GoogleCustomerMatchAccount

    private init(configuration: GoogleAdsConfiguration, host: EmulatorHost, server: EmulatorServer, knobs: DestinationKnobs, account: GoogleCustomerMatchAccount) {
        self.configuration = configuration
        self.host = host
        self.server = server
        self.knobs = knobs
        self.account = account
    }

    /// The `hashedEmail` values on the first configured user list.
    public var emailHashes: Set<String> { account.emailHashes(userList: configuration.userListIDs.first ?? "") }

    /// `http://127.0.0.1:<port>/v26/` (Google's `https://googleads.googleapis.com/v26/`).
    public func apiBaseURL(version: String = "v26") -> String { baseURL.absoluteString + "/\(version)/" }

    /// The `config` of a `google_customer_match` destination for this emulator (OAuth through its `POST /token`).
    public var pluginConfig: JSONValue {
        [
            "customer_id": .string(configuration.customerID), "user_list_id": .string(configuration.userListIDs.first ?? ""),
            "developer_token": .string(configuration.developerToken), "client_id": .string(configuration.clientID),
            "client_secret": .string(configuration.clientSecret), "refresh_token": .string(configuration.refreshToken),
            "api_version": "v26", "base_url": .string(baseURL.absoluteString + "/"), "token_url": .string(baseURL.absoluteString + GoogleOAuthToken.path),
        ]
    }

    /// Starts the emulator; `clock` drives the quota window and injected delays (the wall clock when nil).
    public static func start(configuration: GoogleAdsConfiguration = GoogleAdsConfiguration(), clock: (any KontorClock)? = nil) async throws -> GoogleCustomerMatchEmulator {
        let dialect = GoogleAdsDialect(configuration: configuration)
        let host = EmulatorHost(dialect: dialect, clock: clock)
        let knobs = DestinationKnobs()
        let account = GoogleCustomerMatchAccount(userListIDs: configuration.userListIDs)
        let routes = GoogleCustomerMatchRoutes(configuration: configuration, account: account, knobs: knobs, log: host.log)
        let wrapped = DestinationRoutes(knobs: knobs, clock: host.clock, dialect: dialect).wrap(routes.endpoints)
        let server = try await host.serve(wrapped, name: "google-ads")
        return GoogleCustomerMatchEmulator(configuration: configuration, host: host, server: server, knobs: knobs, account: account)
    }
}
