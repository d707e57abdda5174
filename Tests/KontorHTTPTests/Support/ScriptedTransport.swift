import Foundation
import KontorCore
import KontorHTTP
import Synchronization

/// An in-process transport answering from a script, recording every request.
final class ScriptedTransport: HTTPTransport {
    typealias Responder = @Sendable (HTTPRequestData) -> Result<HTTPResponseData, HTTPTransportError>

    private let state: Mutex<(requests: [HTTPRequestData], responses: [Responder])>
    private let fallback: Responder?

    init(_ responses: [Responder] = [], fallback: Responder? = nil) {
        state = Mutex(([], responses))
        self.fallback = fallback
    }

    var requests: [HTTPRequestData] { state.withLock { $0.requests } }

    func send(_ request: HTTPRequestData, timeout: Duration) async throws(HTTPTransportError) -> HTTPResponseData {
        let responder = state.withLock { state -> Responder? in
            state.requests.append(request)
            return state.responses.isEmpty ? fallback : state.responses.removeFirst()
        }
        guard let responder else {
            throw HTTPTransportError(kind: .other, method: request.method, url: request.url, detail: "script exhausted")
        }
        return try responder(request).get()
    }

    static func json(_ status: Int, _ body: String, headers: [HTTPHeader] = []) -> Responder {
        { _ in .success(HTTPResponseData(status: status, headers: headers, body: Array(body.utf8))) }
    }
}

/// A clock that records each sleep and moves time forward at once.
final class SteppingClock: KontorClock {
    private let state: Mutex<(now: Date, sleeps: [TimeInterval])>

    init(now: Date = Date(timeIntervalSince1970: 1_700_000_000)) {
        state = Mutex((now, []))
    }

    var now: Date { state.withLock { $0.now } }
    var sleeps: [TimeInterval] { state.withLock { $0.sleeps } }

    func advance(by seconds: TimeInterval) {
        state.withLock { $0.now = $0.now.addingTimeInterval(seconds) }
    }

    func sleep(until deadline: Date) async throws {
        state.withLock { state in
            let wait = deadline.timeIntervalSince(state.now)
            if wait > 0 {
                state.sleeps.append(wait)
                state.now = deadline
            }
        }
    }
}
