import Foundation
import KontorCore

/// `offlineUserDataJobs:create`, `{job}:addOperations`, `{job}:run` and `googleAds:search` under
/// `/{version}/customers/{customer_id}`.
struct GoogleCustomerMatchRoutes {
    let configuration: GoogleAdsConfiguration
    let account: GoogleCustomerMatchAccount
    let knobs: DestinationKnobs
    let log: RequestLog

    var endpoints: [EmulatorEndpoint] {
        let base = "/:version/customers/:customerID"
        return [
            EmulatorEndpoint("POST", "\(base)/offlineUserDataJobs:create", name: "job_create") { try create($0) },
            EmulatorEndpoint("POST", "\(base)/offlineUserDataJobs/{job}:addOperations", name: "job_add_operations") {
                try GoogleAddOperations(routes: self).respond($0)
            },
            EmulatorEndpoint("POST", "\(base)/offlineUserDataJobs/{job}:run", name: "job_run") { try run($0) },
            EmulatorEndpoint("POST", "\(base)/googleAds:search", name: "search") { try search($0) },
            EmulatorEndpoint("POST", GoogleOAuthToken.path, name: "oauth_token") { try GoogleOAuthToken(configuration: configuration).respond($0) },
        ]
    }

    func customer(_ request: EmulatorRequest) throws(EmulatorRejection) -> String {
        let id = request.pathParameters["customerID"] ?? ""
        guard id == configuration.customerID else {
            throw EmulatorRejection(GoogleAdsDialect.reply(status: 403, rpcStatus: "PERMISSION_DENIED", message: "The caller does not have permission",
                errors: [GoogleAdsDialect.adsError("authorizationError", "USER_PERMISSION_DENIED", "User doesn't have permission to access customer \(id).")]))
        }
        return id
    }

    /// The job id from `…/offlineUserDataJobs/{id}:action` (the route's suffix capture).
    func jobID(_ request: EmulatorRequest) -> String {
        let last = request.path.split(separator: "/").last.map(String.init) ?? ""
        return PathText.decode(String(last.split(separator: ":").first ?? ""))
    }

    func resourceName(_ job: String) -> String { "customers/\(configuration.customerID)/offlineUserDataJobs/\(job)" }

    /// `{"job":{"type":"CUSTOMER_MATCH_USER_LIST","customerMatchUserListMetadata":{"userList":"customers/{cid}/userLists/{id}"}}}`.
    func create(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let customer = try customer(request)
        let job = request.jsonBody()?["job"]
        guard job?["type"]?.stringValue == "CUSTOMER_MATCH_USER_LIST" else {
            throw EmulatorRejection(GoogleAdsDialect.invalid("offlineUserDataJobError", "INVALID_JOB_TYPE", "The job type must be CUSTOMER_MATCH_USER_LIST.", path: [["fieldName": "job"], ["fieldName": "type"]]))
        }
        let userList = job?["customerMatchUserListMetadata"]?["userList"]?.stringValue ?? ""
        let prefix = "customers/\(customer)/userLists/"
        let listID = userList.hasPrefix(prefix) ? String(userList.dropFirst(prefix.count)) : ""
        let id = try account.state.withLock { (state: inout GoogleCustomerMatchAccount.State) throws(EmulatorRejection) -> String in
            guard state.lists[listID] != nil else {
                throw EmulatorRejection(GoogleAdsDialect.invalid("offlineUserDataJobError", "INVALID_USER_LIST_ID", "The user list \(userList) does not exist.",
                    path: [["fieldName": "job"], ["fieldName": "customer_match_user_list_metadata"], ["fieldName": "user_list"]]))
            }
            state.nextID += 1
            let id = String(70_000_000 + state.nextID)
            state.jobs[id] = GoogleOfflineUserDataJob(id: id, userListID: listID, status: "PENDING", operations: [])
            return id
        }
        return .json(["resourceName": .string(resourceName(id))])
    }

    /// Runs a `PENDING` job: its operations apply to the user list and it ends `SUCCESS`; returns the long-running operation.
    func run(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let customer = try customer(request)
        let id = jobID(request)
        let operation = try account.state.withLock { (state: inout GoogleCustomerMatchAccount.State) throws(EmulatorRejection) -> Int in
            guard let job = state.jobs[id] else { throw EmulatorRejection(GoogleAddOperations.notFound(id)) }
            guard job.status == "PENDING" else {
                throw EmulatorRejection(GoogleAdsDialect.invalid("offlineUserDataJobError", "INVALID_JOB_STATUS", "The job is \(job.status) and can't be run again."))
            }
            state.run(id)
            state.nextID += 1
            return state.nextID
        }
        return .json(["name": .string("customers/\(customer)/operations/\(operation)")])
    }

    /// GAQL `… WHERE offline_user_data_job.resource_name = '…'` → the job's status.
    func search(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        _ = try customer(request)
        let query = request.jsonBody()?["query"]?.stringValue ?? ""
        let quoted = query.split(separator: "'", omittingEmptySubsequences: false)
        let name = quoted.count >= 3 ? String(quoted[1]) : ""
        let id = name.split(separator: "/").last.map(String.init) ?? ""
        let results: [JSONValue] = account.jobs[id].map { job in
            [["offlineUserDataJob": ["resourceName": .string(resourceName(job.id)), "status": .string(job.status), "type": "CUSTOMER_MATCH_USER_LIST"]]]
        } ?? []
        return .json(["results": .array(results), "fieldMask": "offlineUserDataJob.status"])
    }
}
