import Foundation
import KontorHTTP

/// The demo's way to talk to its own Kontor server, as a website or app would.
struct DemoServer: Sendable {
    /// `http://host:port`.
    var baseURL: String
    var transport: any HTTPTransport

    /// The status page a user opens.
    var statusPageURL: String { baseURL + "/admin/" }

    /// Sends `method path` with a JSON `body`; `nil` when the server could not be reached.
    func send(
        _ method: String, _ path: String, json body: [String: Any]? = nil, headers: [HTTPHeader] = []
    ) async -> HTTPResponseData? {
        var all = headers
        var bytes: [UInt8]?
        if let body, let data = try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys]) {
            bytes = Array(data)
            all.append(HTTPHeader("Content-Type", "application/json"))
        }
        let request = HTTPRequestData(method: method, url: baseURL + path, headers: all, body: bytes)
        return try? await transport.send(request, timeout: .seconds(10))
    }

    /// Waits (bounded) until `/healthz` answers 200; returns whether it did.
    func waitUntilHealthy(timeout: Duration = .seconds(60)) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while clock.now < deadline, !Task.isCancelled {
            if let response = await send("GET", "/healthz"), response.status == 200 { return true }
            try? await Task.sleep(for: .milliseconds(200))
        }
        return false
    }
}
