import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where the demo's server listens: `--listen`, else 127.0.0.1:8080 when that port is
/// free, else a free port the system picks (so a second demo, or a busy 8080, still works).
enum DemoListenAddress {
    static let preferredPort: UInt16 = 8080

    /// A requested port 0 becomes a free port too: the demo prints and calls its server's URL.
    static func choose(_ requested: String?) -> String {
        if let requested {
            guard requested.hasSuffix(":0") else { return requested }
            return String(requested.dropLast()) + "\(freePort() ?? 0)"
        }
        if isFree(port: preferredPort) { return "127.0.0.1:\(preferredPort)" }
        return "127.0.0.1:\(freePort() ?? 0)"
    }

    /// Whether a loopback TCP port can be bound now.
    static func isFree(port: UInt16) -> Bool {
        bind(port: port) != nil
    }

    /// A port the system considers free now.
    static func freePort() -> UInt16? {
        bind(port: 0)
    }

    /// Binds a loopback socket to `port`, reads the port it got, and closes it again.
    private static func bind(port: UInt16) -> UInt16? {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { systemBind(descriptor, $0, length) }
        }
        guard bound == 0 else { return nil }
        var actual = sockaddr_in()
        var actualLength = length
        let named = withUnsafeMutablePointer(to: &actual) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &actualLength) }
        }
        guard named == 0 else { return nil }
        return UInt16(bigEndian: actual.sin_port)
    }

    private static func systemBind(_ descriptor: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 {
        #if canImport(Glibc)
        Glibc.bind(descriptor, address, length)
        #else
        Darwin.bind(descriptor, address, length)
        #endif
    }
}
