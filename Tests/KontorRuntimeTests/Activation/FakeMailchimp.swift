import Foundation
import KontorCore
import KontorHTTP
import Synchronization

/// An in-process Mailchimp audience behind `HTTPTransport`: the batch subscribe
/// endpoint (`POST /3.0/lists/{id}` with `members`, ≤ 500, answering 200 with
/// `errors[]` per rejected member) and archive (`DELETE …/members/{md5}` → 204/404),
/// with fault knobs. It counts a violation when a batch passes 500 members or a
/// request arrives later than a 429 but before the `Retry-After` it gave.
final class FakeMailchimp: HTTPTransport {
    struct Request: Sendable {
        var method: String
        var path: String
        var members: Int
    }

    struct State {
        var audience: [String: JSONValue] = [:]
        var requests: [Request] = []
        var violations: [String] = []
        /// Emails answered with an `errors[]` entry (a permanent per-member refusal).
        var rejectedEmails: Set<String> = []
        /// Emails that make the whole batch fail with a 400 naming no member.
        var poisonEmails: Set<String> = []
        /// Share of requests answered 503 or 429 (alternately), drawn from `random`.
        var faultRate = 0.0
        var retryAfter = 30
        var down = false
        var blockedAt: Date?
        var blockedUntil: Date?
        var random = SeededRandomNumberGenerator(seed: 7)
        var faults = 0
    }

    let state = Mutex(State())
    let clock: any KontorClock

    init(clock: any KontorClock) {
        self.clock = clock
    }

    func update(_ body: (inout State) -> Void) { state.withLock { body(&$0) } }
    var snapshot: State { state.withLock { $0 } }
    var emails: Set<String> { Set(snapshot.audience.values.compactMap { $0["email_address"]?.stringValue }) }

    func send(_ request: HTTPRequestData, timeout: Duration) async throws(HTTPTransportError) -> HTTPResponseData {
        let now = clock.now
        let path = RequestURL.path(of: request.url)
        let body = request.body.flatMap { ResponseBody.json($0) }
        let result: Result<HTTPResponseData, HTTPTransportError> = state.withLock { state in
            if state.down {
                return .failure(HTTPTransportError(kind: .connect, method: request.method, url: request.url, detail: "connection refused"))
            }
            let members = body?["members"]?.arrayValue ?? []
            state.requests.append(Request(method: request.method, path: path, members: members.count))
            // Requests concurrent with the 429 (the same instant) could not know of it; later ones could.
            if let at = state.blockedAt, let until = state.blockedUntil, now > at, now < until {
                state.violations.append("request before Retry-After")
            }
            if members.count > 500 { state.violations.append("batch of \(members.count) members") }
            if request.header("Authorization") != "Basic " + Data("anystring:k-us1".utf8).base64EncodedString() {
                return .success(Self.json(401, ["title": "API Key Invalid"]))
            }
            if state.faultRate > 0, Double.random(in: 0..<1, using: &state.random) < state.faultRate {
                state.faults += 1
                if state.faults % 2 == 0 { return .success(Self.json(503, ["title": "Service Unavailable"])) }
                state.blockedAt = now
                state.blockedUntil = now.addingTimeInterval(Double(state.retryAfter))
                var response = Self.json(429, ["title": "Too Many Requests"])
                response.headers.append(HTTPHeader("Retry-After", String(state.retryAfter)))
                return .success(response)
            }
            return .success(Self.handle(request.method, path: path, members: members, state: &state))
        }
        return try result.get()
    }

    private static func handle(_ method: String, path: String, members: [JSONValue], state: inout State) -> HTTPResponseData {
        let parts = path.split(separator: "/").map(String.init)
        switch (method, parts.count) {
        case ("POST", 3) where parts[1] == "lists":
            let emails = members.compactMap { $0["email_address"]?.stringValue }
            if emails.contains(where: state.poisonEmails.contains) {
                return json(400, ["title": "Invalid Resource", "detail": "The resource submitted could not be validated."])
            }
            var errors: [JSONValue] = []
            for member in members {
                let email = member["email_address"]?.stringValue ?? ""
                if state.rejectedEmails.contains(email) {
                    errors.append([
                        "email_address": .string(email), "error": .string("\(email) looks fake or invalid, please enter a real email address."),
                        "error_code": "ERROR_GENERIC",
                    ])
                } else {
                    state.audience[PIIHasher.hash(email.lowercased(), algorithm: .md5)] = member
                }
            }
            return json(200, ["errors": .array(errors), "error_count": .int(errors.count)])
        case ("DELETE", 5) where parts[3] == "members":
            return state.audience.removeValue(forKey: parts[4]) == nil ? json(404, ["title": "Resource Not Found"]) : HTTPResponseData(status: 204)
        default:
            return json(404, ["title": "Resource Not Found", "detail": .string("\(method) \(path)")])
        }
    }

    static func json(_ status: Int, _ body: JSONValue) -> HTTPResponseData {
        HTTPResponseData(status: status, headers: [HTTPHeader("Content-Type", "application/json")], body: Array(body.serialized().utf8))
    }
}
