/// One route of an emulated API: method, Hummingbird path (`:name` segments are parameters),
/// the endpoint name used by fault rules and the request log, and its handler.
public struct EmulatorEndpoint: Sendable {
    public typealias Handler = @Sendable (EmulatorRequest) async throws -> EmulatorReply

    public var method: String
    public var path: String
    public var name: String
    public var handler: Handler

    public init(_ method: String, _ path: String, name: String, handler: @escaping Handler) {
        self.method = method
        self.path = path
        self.name = name
        self.handler = handler
    }

    /// The names of the path's `:parameter` segments.
    var parameterNames: [String] {
        path.split(separator: "/").filter { $0.hasPrefix(":") }.map { String($0.dropFirst()) }
    }
}
