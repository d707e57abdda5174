/// A request that broke one of the emulated API's documented limits, recorded by the emulator
/// whether or not the API would have rejected it, so tests can assert a connector stays within limits.
public struct LimitViolation: Sendable, Hashable, CustomStringConvertible {
    /// Which limit was broken.
    public enum Kind: String, Sendable, Hashable {
        /// More requests than the documented rate (each throttled request counts once).
        case rate
        /// A page size above the documented maximum.
        case pageSize = "page_size"
        /// Paging past the documented result window (HubSpot search's 10,000 results).
        case resultWindow = "result_window"
        /// A request the API refuses by contract (filters sent with a Shopify `page_info`, too many search filters).
        case contract
    }

    public var kind: Kind
    /// The endpoint name, e.g. `"customers"`.
    public var endpoint: String
    /// What exactly was wrong, e.g. `"limit=500 > 250"`.
    public var detail: String

    public init(_ kind: Kind, endpoint: String, detail: String) {
        self.kind = kind
        self.endpoint = endpoint
        self.detail = detail
    }

    public var description: String { "\(kind.rawValue) on \(endpoint): \(detail)" }
}
