/// Why activation or delivery of a destination cannot proceed: its plugin or
/// configuration is unusable, the store failed, or it names nothing known.
///
/// Per-record problems are not errors: they are ``KontorCore/RecordPlanningError``s
/// in the plan, and per-record delivery failures are outbox decisions.
public struct ActivationError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// The plugin, its action or a template cannot be used.
        case plugin
        /// The destination's mapping cannot be compiled.
        case mapping
        /// The store failed.
        case store
        /// Reading segment members failed.
        case members
        /// A destination name that is not configured.
        case unknownDestination
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
