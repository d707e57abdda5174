import AsyncHTTPClient
import Logging
import NIOCore
import NIOHTTP1

/// The production transport: one shared `HTTPClient` for every source and
/// destination, with gzip/deflate decompression, a cap on response size and
/// a per-request timeout.
///
/// ```swift
/// let transport = AsyncHTTPTransport(maxResponseBytes: 64 << 20)
/// let response = try await transport.send(.init(url: "https://example.com/"), timeout: .seconds(30))
/// try await transport.shutdown()
/// ```
public final class AsyncHTTPTransport: HTTPTransport {
    private let client: HTTPClient
    private let maxResponseBytes: Int
    private let logger: Logger

    /// - Parameters:
    ///   - maxResponseBytes: responses larger than this fail with `.responseTooLarge` (default 64 MiB).
    ///   - connectTimeout: how long to wait for a connection.
    public init(
        maxResponseBytes: Int = 64 << 20,
        connectTimeout: Duration = .seconds(10),
        logger: Logger = Logger(label: "kontor.http")
    ) {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .follow(max: 5, allowCycles: false),
            timeout: .init(connect: .init(connectTimeout)),
            decompression: .enabled(limit: .ratio(100))
        )
        configuration.httpVersion = .automatic
        self.client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.maxResponseBytes = maxResponseBytes
        self.logger = logger
    }

    public func send(_ request: HTTPRequestData, timeout: Duration) async throws(HTTPTransportError) -> HTTPResponseData {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = HTTPMethod(rawValue: request.method.uppercased())
        for header in request.headers {
            outgoing.headers.add(name: header.name, value: header.value)
        }
        if let body = request.body {
            outgoing.body = .bytes(ByteBuffer(bytes: body))
        }
        do {
            let response = try await client.execute(outgoing, timeout: .init(timeout), logger: logger)
            let body = try await response.body.collect(upTo: maxResponseBytes)
            return HTTPResponseData(
                status: Int(response.status.code),
                headers: response.headers.map { HTTPHeader($0.name, $0.value) },
                body: Array(buffer: body)
            )
        } catch {
            throw classify(error, request: request)
        }
    }

    /// Closes the shared client; call once when the process stops.
    public func shutdown() async throws {
        try await client.shutdown()
    }

    private func classify(_ error: any Error, request: HTTPRequestData) -> HTTPTransportError {
        let kind: HTTPTransportError.Kind
        switch error {
        case is NIOTooManyBytesError:
            kind = .responseTooLarge
        case let clientError as HTTPClientError where clientError == .deadlineExceeded || clientError == .readTimeout:
            kind = .timeout
        case let clientError as HTTPClientError where clientError == .connectTimeout:
            kind = .timeout
        case let clientError as HTTPClientError where clientError == .invalidURL || clientError == .emptyHost:
            kind = .invalidURL
        case is IOError, is ChannelError:
            kind = .connect
        default:
            kind = String(describing: error).contains("connect") ? .connect : .other
        }
        let detail = kind == .responseTooLarge ? "response larger than \(maxResponseBytes) bytes" : String(describing: error)
        return HTTPTransportError(kind: kind, method: request.method, url: request.url, detail: detail)
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
