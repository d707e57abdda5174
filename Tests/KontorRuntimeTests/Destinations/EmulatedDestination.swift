import Foundation
import KontorCore
import KontorHTTP
import KontorTesting

/// One running destination emulator as the scenarios see it: the destination `config` that points
/// at it, what its audience holds, what it counts, and its knobs.
struct EmulatedDestination: Sendable {
    /// The destination's `config` for this emulator.
    var config: [String: JSONValue]
    /// The destination's `base_url` when the plugin's cannot be pointed at the emulator by `config`.
    var baseURL: String?
    var emulator: any DestinationEmulator
    /// The audience's member keys (lower-cased e-mails, hashes or record ids; see ``DestinationCase/key``).
    var audience: @Sendable () -> Set<String>
    /// The first name the destination holds for a member key, where the emulator keeps it readable.
    var firstName: (@Sendable (String) -> String?)?
    /// Called before a delivery round that has jobs; returns `config` values to add (a Google job).
    var beforeDelivery: (@Sendable () async throws -> [String: JSONValue])?
    /// Called after such a round (a Google job is run).
    var afterDelivery: (@Sendable () async throws -> Void)?

    var violations: [LimitViolation] { emulator.violations }
    var requestsServed: Int { emulator.log.requestsServed }
    var knobs: DestinationKnobs { emulator.knobs }
    var faults: FaultPlan { emulator.faults }

    func stop() async { await emulator.stop() }
}

/// A Google Ads offline user data job per delivery round: created before, run after (the runtime
/// has no job sessions; see docs/destinations/google_customer_match.md).
struct GoogleJobCycle: Sendable {
    let emulator: GoogleCustomerMatchEmulator
    let transport: any HTTPTransport

    private var headers: [HTTPHeader] {
        [
            HTTPHeader("Authorization", "Bearer \(emulator.configuration.accessToken)"),
            HTTPHeader("developer-token", emulator.configuration.developerToken), HTTPHeader("Content-Type", "application/json"),
        ]
    }

    /// Creates a job; returns `job_resource_name`.
    func create() async throws -> [String: JSONValue] {
        let customer = emulator.configuration.customerID
        let list = emulator.configuration.userListIDs.first ?? ""
        let body = #"{"job":{"type":"CUSTOMER_MATCH_USER_LIST","customerMatchUserListMetadata":{"userList":"customers/\#(customer)/userLists/\#(list)"}}}"#
        let response = try await transport.send(
            HTTPRequestData(
                method: "POST", url: emulator.apiBaseURL() + "customers/\(customer)/offlineUserDataJobs:create", headers: headers,
                body: Array(body.utf8)),
            timeout: .seconds(30))
        let name = try JSONDecoder().decode(JSONValue.self, from: Data(response.body))["resourceName"]?.stringValue ?? ""
        return ["job_resource_name": .string(name)]
    }

    /// Runs every job still pending.
    func runPending() async throws {
        let customer = emulator.configuration.customerID
        for job in emulator.account.jobs.values where job.status == "PENDING" {
            _ = try await transport.send(
                HTTPRequestData(
                    method: "POST", url: emulator.apiBaseURL() + "customers/\(customer)/offlineUserDataJobs/\(job.id):run",
                    headers: headers, body: Array("{}".utf8)),
                timeout: .seconds(30))
        }
    }
}
