import AsyncHTTPClient
import Foundation
import KontorCore
import KontorTesting
import NIOCore

/// Helpers shared by the destination emulator tests.
enum DestinationTestSupport {
    static func bytes(_ value: JSONValue) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? Array(encoder.encode(value))) ?? []
    }

    static func basic(_ user: String, _ password: String) -> String {
        "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    }

    /// `n` distinct test e-mails.
    static func emails(_ count: Int, prefix: String = "person") -> [String] {
        (1...max(count, 1)).prefix(count).map { "\(prefix)\($0)@example.com" }
    }

    /// Sends `body` as JSON.
    static func send(
        _ url: String, method: String = "POST", headers: [String: String] = [:], json body: JSONValue? = nil
    ) async throws -> LoopbackReply {
        var all = headers
        if body != nil, all["Content-Type"] == nil { all["Content-Type"] = "application/json" }
        return try await LoopbackClient.send(url, method: method, headers: all, body: body.map(bytes))
    }
}

extension DestinationTestSupport {
    /// A client allowed 32 connections to one host (the shared client stops at 8), so tests can
    /// hold more requests in flight than an API's concurrency cap.
    static let parallelClient: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 32
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }()

    /// A GET through ``parallelClient``; returns the status.
    static func sendInParallel(_ url: String, headers: [String: String]) async throws -> Int {
        var request = HTTPClientRequest(url: url)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let response = try await parallelClient.execute(request, timeout: .seconds(30))
        _ = try await response.body.collect(upTo: 1 << 20)
        return Int(response.status.code)
    }
}
