import Foundation

/// The `host:port` the server binds, parsed from `server.listen`.
///
/// Accepted: `127.0.0.1:8080`, `0.0.0.0:80`, `localhost:8080`, `[::1]:8080`,
/// and `:8080` (every interface). Port 0 asks the system for a free port.
///
/// ```swift
/// let address = try ListenAddress(parsing: "127.0.0.1:8080")   // host "127.0.0.1", port 8080
/// ```
public struct ListenAddress: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    public init(parsing text: String) throws(ListenAddressError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let colon = trimmed.lastIndex(of: ":") else {
            throw ListenAddressError(text: text, reason: "expected host:port, e.g. 127.0.0.1:8080")
        }
        var host = String(trimmed[..<colon])
        let portText = trimmed[trimmed.index(after: colon)...]
        guard let port = Int(portText), (0...65535).contains(port) else {
            throw ListenAddressError(text: text, reason: "the port must be a number from 0 to 65535")
        }
        if host.hasPrefix("[") {
            guard host.hasSuffix("]"), host.count > 2 else {
                throw ListenAddressError(text: text, reason: "an IPv6 host is written in brackets, e.g. [::1]:8080")
            }
            host = String(host.dropFirst().dropLast())
        } else if host.contains(":") {
            throw ListenAddressError(text: text, reason: "an IPv6 host is written in brackets, e.g. [::1]:8080")
        }
        self.init(host: host.isEmpty ? "0.0.0.0" : host, port: port)
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

/// `server.listen` is not a usable `host:port`.
public struct ListenAddressError: Error, Sendable, Hashable, CustomStringConvertible {
    public var text: String
    public var reason: String

    public var description: String { "invalid listen address '\(text)': \(reason)" }
}
