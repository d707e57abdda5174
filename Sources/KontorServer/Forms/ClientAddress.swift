import Hummingbird

/// Who posted a form, for the per-client rate limit.
///
/// The connection's address when the request context carries one
/// (`RemoteAddressRequestContext`); otherwise, and when `trustForwardedFor`
/// is set (Kontor behind a reverse proxy), the first address of
/// `X-Forwarded-For` or `X-Real-IP`. Without either, every client shares one key.
enum ClientAddress {
    static let unknown = "unknown"

    static func key<Context: RequestContext>(_ request: Request, context: Context, trustForwardedFor: Bool) -> String {
        if trustForwardedFor, let forwarded = forwarded(request) { return forwarded }
        if let address = (context as? any RemoteAddressRequestContext)?.remoteAddress?.ipAddress { return address }
        return unknown
    }

    private static func forwarded(_ request: Request) -> String? {
        let headers = request.inboundHeaders
        for name in ["x-forwarded-for", "x-real-ip"] {
            if let first = headers[name]?.split(separator: ",").first?.trimmingCharacters(in: .whitespaces),
                !first.isEmpty
            {
                return String(first.prefix(64))
            }
        }
        return nil
    }
}
