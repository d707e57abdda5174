/// Sends one HTTP request and returns the whole response.
///
/// The runtime talks to every third-party API through this protocol, so tests
/// can swap the network for an in-process double, and the real implementation
/// (`AsyncHTTPTransport`) is shared by every source and destination.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequestData, timeout: Duration) async throws(HTTPTransportError) -> HTTPResponseData
}
