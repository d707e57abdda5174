import KontorCore
import KontorHTTP
import KontorStore

/// Why a pull failed. The message is free of secrets and says where: the
/// stream, the request (method and URL, credentials hidden), the status and
/// the start of the body.
///
/// ```text
/// stream customers: GET https://shop.test/admin/api/2024-10/customers.json?limit=250: HTTP 401: Check the access_token setting (config_error); body: {"errors":"Invalid API key"}
/// ```
public struct PullError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// The plugin or the source's config cannot be used (bad template, unknown stream, missing setting).
        case plugin
        /// A request failed for good (see ``PullError/request``).
        case request
        /// A response could not be read: not JSON, or not the shape the plugin expects.
        case malformedPage = "malformed_page"
        /// The store refused a commit or a read.
        case store
        /// The run was cancelled.
        case cancelled
    }

    public var kind: Kind
    public var message: String
    /// The stream being pulled when it failed.
    public var stream: String?
    /// The failed request, for `.request`.
    public var request: RequestFailure?

    public init(_ kind: Kind, _ message: String, stream: String? = nil, request: RequestFailure? = nil) {
        self.kind = kind
        self.message = message
        self.stream = stream
        self.request = request
    }

    /// Whose problem it is: the user's config, Kontor/the plugin, or a passing outage.
    public var failure: FailureKind {
        switch kind {
        case .plugin: .configError
        case .request: request?.failure ?? .systemError
        case .malformedPage, .store: .systemError
        case .cancelled: .transientError
        }
    }

    public var description: String {
        stream.map { "stream \($0): \(message)" } ?? message
    }

    /// This error, attributed to `stream` when it is not yet.
    func inStream(_ name: String) -> PullError {
        var copy = self
        if copy.stream == nil { copy.stream = name }
        return copy
    }

    static func compile(_ text: String, field: String) throws(PullError) -> Template {
        do {
            return try Template(parsing: text)
        } catch {
            throw PullError(.plugin, "\(field): \(error.message)")
        }
    }

    static func render(_ template: Template, in context: EvaluationContext, field: String) throws(PullError) -> JSONValue {
        do {
            return try template.render(in: context)
        } catch {
            throw PullError(.plugin, "\(field): \(error.message)")
        }
    }
}
