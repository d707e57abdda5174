import Foundation
import KontorCore

/// `POST …/offlineUserDataJobs/{id}:addOperations`: at most 100,000 operations (`create`, `remove`
/// or `removeAll`), each `UserData` with at most 20 identifiers, one field per identifier, hashes as
/// lower-case SHA-256 hex. With `enablePartialFailure` the good operations are kept and the bad ones
/// come back in `partialFailureError` (a `google.rpc.Status` whose details locate each by index);
/// without it any bad operation fails the whole request. `validateOnly` stores nothing.
struct GoogleAddOperations {
    let routes: GoogleCustomerMatchRoutes

    static let hashedFields = ["hashedEmail", "hashedPhoneNumber"]
    static let identifierFields: Set<String> = ["hashedEmail", "hashedPhoneNumber", "mobileId", "thirdPartyUserId", "addressInfo"]

    static func notFound(_ id: String) -> EmulatorReply {
        GoogleAdsDialect.reply(status: 404, rpcStatus: "NOT_FOUND", message: "Requested entity was not found.",
                               errors: [GoogleAdsDialect.adsError("mutateError", "RESOURCE_NOT_FOUND", "The offline user data job \(id) does not exist.")])
    }

    func respond(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        _ = try routes.customer(request)
        let id = routes.jobID(request)
        let body = request.jsonBody()?.objectValue ?? [:]
        guard let operations = body["operations"]?.arrayValue, !operations.isEmpty else {
            throw EmulatorRejection(GoogleAdsDialect.invalid("requestError", "REQUIRED_FIELD_MISSING", "operations is required.", path: [["fieldName": "operations"]]))
        }
        let maximum = routes.configuration.maxOperationsPerRequest
        try BatchLimit(maximum: maximum, endpoint: "job_add_operations").check(operations.count, log: routes.log) {
            GoogleAdsDialect.invalid("offlineUserDataJobError", "TOO_MANY_OPERATIONS", "At most \(maximum) operations per request; \(operations.count) given.")
        }
        var parsed: [GoogleUserDataOperation] = []
        var errors: [JSONValue] = []
        var firstBad: Int?
        for (index, operation) in operations.enumerated() {
            switch parse(operation, index: index) {
            case .success(let value): parsed.append(value)
            case .failure(let problem):
                errors.append(problem.json)
                firstBad = firstBad ?? index
            }
        }
        let partial = body["enablePartialFailure"]?.boolValue ?? false
        if !errors.isEmpty, !partial {
            throw EmulatorRejection(GoogleAdsDialect.reply(status: 400, rpcStatus: "INVALID_ARGUMENT", message: "Request contains an invalid argument.", errors: errors))
        }
        let validateOnly = body["validateOnly"]?.boolValue ?? false
        try routes.account.state.withLock { (state: inout GoogleCustomerMatchAccount.State) throws(EmulatorRejection) in
            guard let job = state.jobs[id] else { throw EmulatorRejection(Self.notFound(id)) }
            guard job.status == "PENDING" else {
                throw EmulatorRejection(GoogleAdsDialect.invalid("offlineUserDataJobError", "INVALID_JOB_STATUS", "Operations can only be added to a PENDING job; this one is \(job.status)."))
            }
            if !validateOnly { state.jobs[id]?.operations += parsed }
        }
        guard !errors.isEmpty else { return .json([:]) }
        let first = errors.first?["message"]?.stringValue ?? "invalid operation"
        return .json([
            "partialFailureError": [
                "code": 3, "message": .string("\(first), at operations[\(firstBad ?? 0)]"),
                "details": [GoogleAdsDialect.failure(errors)],
            ],
        ])
    }

    struct Problem: Error {
        var json: JSONValue
    }

    func parse(_ operation: JSONValue, index: Int) -> Result<GoogleUserDataOperation, Problem> {
        func problem(_ code: String, _ message: String, _ path: [JSONValue]) -> Result<GoogleUserDataOperation, Problem> {
            .failure(Problem(json: GoogleAdsDialect.adsError("offlineUserDataJobError", code, message, path: [["fieldName": "operations", "index": .int(index)]] + path)))
        }
        let kinds = ["create", "remove", "removeAll"].filter { operation[$0] != nil }
        guard kinds.count == 1, let kind = kinds.first else { return problem("INVALID_OPERATION", "Set exactly one of create, remove, removeAll.", []) }
        if kind == "removeAll" { return .success(.removeAll) }
        let identifiers = operation[kind]?["userIdentifiers"]?.arrayValue ?? []
        guard !identifiers.isEmpty else { return problem("MISSING_USER_IDENTIFIER", "A UserData needs at least one user identifier.", [["fieldName": .string(kind)]]) }
        let maximum = routes.configuration.maxIdentifiersPerUserData
        if identifiers.count > maximum {
            routes.log.record(LimitViolation(.contract, endpoint: "job_add_operations", detail: "\(identifiers.count) user identifiers > \(maximum) in operations[\(index)]"))
            return problem("TOO_MANY_USER_IDENTIFIERS", "At most \(maximum) user identifiers per UserData.", [["fieldName": .string(kind)]])
        }
        var values: [String: String] = [:]
        for (position, identifier) in identifiers.enumerated() {
            let path: [JSONValue] = [["fieldName": .string(kind)], ["fieldName": "user_identifiers", "index": .int(position)]]
            let fields = (identifier.objectValue ?? [:]).keys.filter { Self.identifierFields.contains($0) }
            guard fields.count == 1, let field = fields.first else {
                return problem("INVALID_USER_IDENTIFIER", "Each UserIdentifier sets exactly one identifier; use one UserIdentifier per identifier.", path)
            }
            let value = field == "addressInfo" ? Self.address(identifier["addressInfo"]) : identifier[field]?.stringValue
            guard let value, !value.isEmpty else { return problem("INVALID_USER_IDENTIFIER", "The \(field) is empty or malformed.", path) }
            if Self.hashedFields.contains(field), !(Digests.isSHA256Hex(value) && value == value.lowercased()) {
                return problem("INVALID_SHA256_FORMAT", "The \(field) is not a lower-case SHA-256 hex digest.", path + [["fieldName": .string(field)]])
            }
            if let reason = routes.knobs.rejection(for: value) { return problem("INVALID_USER_IDENTIFIER", reason, path) }
            values[field] = value
        }
        return .success(kind == "create" ? .create(values) : .remove(values))
    }

    /// `addressInfo` as one comparable value; the names must be hashed, country and postal code in clear.
    static func address(_ info: JSONValue?) -> String? {
        guard let first = info?["hashedFirstName"]?.stringValue, let last = info?["hashedLastName"]?.stringValue,
            let country = info?["countryCode"]?.stringValue, let postal = info?["postalCode"]?.stringValue,
            Digests.isSHA256Hex(first), Digests.isSHA256Hex(last), country.count == 2
        else { return nil }
        return [first, last, country.uppercased(), postal].joined(separator: "|")
    }
}
