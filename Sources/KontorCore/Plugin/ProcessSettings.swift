/// The `process` section: a Singer tap (or an Airbyte source image's
/// command) run as a child process instead of the HTTP runtime.
///
/// The runtime renders `config` to a JSON file, passes it with `--config`,
/// adds `--catalog` (after `--discover`, with the `select` globs marked
/// selected) and `--state`, and reads RECORD/STATE messages from stdout.
/// Each plugin stream maps to one tap stream (`tap_stream`, default: its name)
/// and its `emit` turns the tap's records into messages.
///
/// ```yaml
/// process:
///   command: tap-hubspot
///   config: {access_token: "{{ config.access_token }}", start_date: "{{ config.start_date }}"}
///   select: ["contacts.*", "deals.*"]
/// ```
public struct ProcessSettings: Sendable, Decodable, SchemaDescribed {
    public enum MessageProtocol: String, Sendable, Decodable, CaseIterable { case singer, airbyte }

    public var command: String
    public var args: [String]?
    public var env: [String: String]?
    /// The tap's config file, a mapping over `config`.
    public var config: JSONValue?
    public var `protocol`: MessageProtocol?
    /// Run discovery to build the catalog (default true).
    public var discover: Bool?
    /// Meltano-style `stream.property` globs to select in the catalog.
    public var select: [String]?

    public static var schema: Schema {
        let template = Schema.string(format: .template(PluginScopes.config))
        return .object([
            "command": .required(.string(), "Executable on PATH or a path relative to the plugin folder"),
            "args": .init(.array(template), "Extra arguments"),
            "env": .init(.map(template), "Environment variables"),
            "config": .init(.mapping(scope: PluginScopes.config), "Rendered to the tap's --config JSON file"),
            "protocol": .init(.string(choices: MessageProtocol.allCases.map(\.rawValue)), default: "singer"),
            "discover": .init(.boolean, "Run --discover for the catalog", default: true),
            "select": .init(.array(.string()), "stream.property globs to select, e.g. 'contacts.*'"),
        ], description: "A Singer tap run as a child process")
    }
}
