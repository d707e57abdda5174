/// A connector plugin in the `kontor/v1` format: one `Plugins/<name>/plugin.yaml`.
///
/// A plugin is data: typed settings (`spec`), a transport (`http`, `sql`,
/// `files`, `process`, or only `inbound`), source `streams` with `emit`
/// rules, destination `actions`, and an `erase` declaration.
///
/// ```yaml
/// format: kontor/v1
/// name: shopify
/// version: 1.0.0
/// spec: {shop: {type: string}, access_token: {type: secret}}
/// http: {base_url: "https://{{ config.shop }}.myshopify.com/admin/api/2024-10/"}
/// streams: {customers: {request: {path: customers.json}, records: {path: [customers]}}}
/// ```
public struct PluginDefinition: Sendable, Decodable {
    /// The value `format:` must have.
    public static let formatName = "kontor/v1"

    public var format: String
    public var name: String
    public var title: String?
    public var version: String?
    public var kind: PluginKind?
    public var docs: String?
    public var description: String?
    public var spec: [String: Setting]
    public var http: HTTPSettings?
    public var sql: SQLSettings?
    public var files: FileSettings?
    public var process: ProcessSettings?
    public var check: PluginCheck?
    public var defaults: PluginStream?
    /// The streams as written; use `resolvedStreams` for the ones with defaults applied.
    public var streams: [String: PluginStream]
    public var inbound: Inbound?
    public var actions: [String: PluginAction]
    public var erase: EraseSupport?

    enum CodingKeys: String, CodingKey {
        case format, name, title, version, kind, docs, description, spec, http, sql, files, process, check
        case defaults, streams, inbound, actions, erase
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decode(String.self, forKey: .format)
        name = try c.decode(String.self, forKey: .name)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        version = try c.decodeIfPresent(String.self, forKey: .version)
        kind = try c.decodeIfPresent(PluginKind.self, forKey: .kind)
        docs = try c.decodeIfPresent(String.self, forKey: .docs)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        spec = try c.decodeIfPresent([String: Setting].self, forKey: .spec) ?? [:]
        http = try c.decodeIfPresent(HTTPSettings.self, forKey: .http)
        sql = try c.decodeIfPresent(SQLSettings.self, forKey: .sql)
        files = try c.decodeIfPresent(FileSettings.self, forKey: .files)
        process = try c.decodeIfPresent(ProcessSettings.self, forKey: .process)
        check = try c.decodeIfPresent(PluginCheck.self, forKey: .check)
        defaults = try c.decodeIfPresent(PluginStream.self, forKey: .defaults)
        streams = try c.decodeIfPresent([String: PluginStream].self, forKey: .streams) ?? [:]
        inbound = try c.decodeIfPresent(Inbound.self, forKey: .inbound)
        actions = try c.decodeIfPresent([String: PluginAction].self, forKey: .actions) ?? [:]
        erase = try c.decodeIfPresent(EraseSupport.self, forKey: .erase)
    }

    /// The declared kind, or the one the content implies: streams or inbound
    /// make a source, actions a destination.
    public var effectiveKind: PluginKind {
        if let kind { return kind }
        let reads = !streams.isEmpty || inbound != nil
        let writes = !actions.isEmpty
        switch (reads, writes) {
        case (true, true): return .both
        case (false, true): return .destination
        default: return .source
        }
    }

    /// True when the plugin can be used under `destinations:`.
    public var isDestination: Bool { effectiveKind != .source }

    /// The streams with `defaults:` merged in.
    public var resolvedStreams: [String: PluginStream] {
        streams.mapValues { $0.merging(defaults: defaults) }
    }
}
