/// One stream of a source plugin: how records are read (HTTP request, file,
/// SQL query or tap stream), paged, split, made incremental, transformed,
/// and turned into messages (`emit`).
///
/// A stream without a transport is fed only by `inbound` deliveries.
public struct PluginStream: Sendable, Decodable {
    public var title: String?
    public var description: String?
    public var primaryKey: [FieldPath]?
    public var request: PluginRequest?
    public var file: FileSource?
    public var query: SQLQuery?
    public var tapStream: String?
    public var records: RecordSelector?
    public var paginate: Paginate?
    public var partitions: [Partition]?
    public var incremental: Incremental?
    public var transform: [Transform]?
    public var schema: StreamSchemaSource?
    public var emit: [EmitRule]?

    enum CodingKeys: String, CodingKey {
        case title, description, primaryKey = "primary_key", request, file, query, tapStream = "tap_stream"
        case records, paginate, partitions, incremental, transform, schema, emit
    }

    public init() {}

    /// This stream with the plugin's `defaults:` filling what it leaves out;
    /// the request is merged field by field, lists are replaced, not appended.
    public func merging(defaults: PluginStream?) -> PluginStream {
        guard let defaults else { return self }
        var merged = self
        merged.primaryKey = primaryKey ?? defaults.primaryKey
        if let request {
            merged.request = request.merging(defaults: defaults.request)
        } else if file == nil, query == nil, tapStream == nil {
            merged.request = defaults.request
        }
        merged.records = records ?? defaults.records
        merged.paginate = paginate ?? defaults.paginate
        merged.partitions = partitions ?? defaults.partitions
        merged.incremental = incremental ?? defaults.incremental
        merged.transform = transform ?? defaults.transform
        merged.schema = schema ?? defaults.schema
        merged.emit = emit ?? defaults.emit
        return merged
    }

    /// The transport the stream reads with.
    public var transport: StreamTransport {
        if request != nil { return .http }
        if file != nil { return .file }
        if query != nil { return .sql }
        if tapStream != nil { return .process }
        return .inbound
    }

    /// The property schema of a stream (also used for `defaults:`).
    public static var objectSchema: Schema {
        .object([
            "title": .init(.string()),
            "description": .init(.string()),
            "primary_key": .init(.array(FieldPath.schema), "Fields identifying a record"),
            "request": .init(.reference("Request"), "HTTP transport: the request"),
            "file": .init(FileSource.schema, "File transport: which files"),
            "query": .init(SQLQuery.schema, "SQL transport: the query"),
            "tap_stream": .init(.string(), "Process transport: the tap's stream name"),
            "records": .init(RecordSelector.schema, "Where the records are in a response"),
            "paginate": .init(Paginate.schema, "How to page"),
            "partitions": .init(.array(Partition.schema), "Split into partitions"),
            "incremental": .init(Incremental.schema, "Read only what changed"),
            "transform": .init(.array(Transform.schema), "Record transformations"),
            "schema": .init(StreamSchemaSource.schema, "The records' JSON Schema"),
            "emit": .init(.array(EmitRule.schema), "How records become messages"),
        ], description: "A stream of records")
    }
}

/// How a stream's records arrive.
public enum StreamTransport: String, Sendable, Hashable {
    case http, file, sql, process, inbound
}
