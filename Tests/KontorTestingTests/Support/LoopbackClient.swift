import AsyncHTTPClient
import Foundation
import KontorCore
import NIOCore

/// A response as tests inspect it.
struct LoopbackReply {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]

    func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    /// The body as JSON; fails the caller's expectation by returning `.null` when it is not JSON.
    var json: JSONValue {
        (try? JSONDecoder().decode(JSONValue.self, from: Data(body))) ?? .null
    }

    var isJSON: Bool {
        (try? JSONDecoder().decode(JSONValue.self, from: Data(body))) != nil
    }

    /// The URL of `rel="next"` (or another rel) in a `Link` header.
    func link(_ rel: String) -> String? {
        guard let value = header("link") else { return nil }
        for part in value.components(separatedBy: ", ") {
            let pieces = part.components(separatedBy: "; ")
            if pieces.count == 2, pieces[1] == "rel=\"\(rel)\"" {
                return String(pieces[0].dropFirst().dropLast())
            }
        }
        return nil
    }
}

/// Sends real HTTP requests to an emulator on loopback.
enum LoopbackClient {
    static func send(
        _ url: String, method: String = "GET", headers: [String: String] = [:], body: [UInt8]? = nil,
        deadline: TimeAmount = .seconds(20)
    ) async throws -> LoopbackReply {
        var request = HTTPClientRequest(url: url)
        request.method = .init(rawValue: method)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: deadline)
        let buffer = try await response.body.collect(upTo: 32 << 20)
        return LoopbackReply(
            status: Int(response.status.code),
            headers: response.headers.map { ($0.name, $0.value) },
            body: Array(buffer.readableBytesView)
        )
    }

    static func get(_ url: String, headers: [String: String] = [:]) async throws -> LoopbackReply {
        try await send(url, headers: headers)
    }

    static func post(_ url: String, json: JSONValue, headers: [String: String] = [:]) async throws -> LoopbackReply {
        var headers = headers
        headers["Content-Type"] = "application/json"
        return try await send(url, method: "POST", headers: headers, body: Array(try JSONEncoder().encode(json)))
    }
}
