import Foundation
import KontorCore
import KontorHTTP
import Synchronization

/// An in-process API: a handler answers each request; every request is recorded. No network.
final class FakeTransport: HTTPTransport {
    typealias Handler = @Sendable (HTTPRequestData, Int) -> HTTPResponseData

    private let state = Mutex<[HTTPRequestData]>([])
    private let handler: Handler

    init(_ handler: @escaping Handler) {
        self.handler = handler
    }

    var requests: [HTTPRequestData] { state.withLock { $0 } }

    func send(_ request: HTTPRequestData, timeout: Duration) async throws(HTTPTransportError) -> HTTPResponseData {
        let number = state.withLock { requests -> Int in
            requests.append(request)
            return requests.count
        }
        return handler(request, number)
    }

    static func json(_ value: JSONValue, status: Int = 200, headers: [HTTPHeader] = []) -> HTTPResponseData {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return HTTPResponseData(status: status, headers: headers, body: Array((try? encoder.encode(value)) ?? Data()))
    }
}

extension HTTPRequestData {
    /// The decoded query parameter `name`.
    func query(_ name: String) -> String? {
        RequestURL.queryItems(of: url).first { $0.name == name }?.value
    }

    var path: String { RequestURL.path(of: url) }

    var jsonBody: JSONValue? {
        body.flatMap { try? JSONDecoder().decode(JSONValue.self, from: Data($0)) }
    }
}
