extension Deployment {
    /// Names of sources, traits, segments and destinations: lowercase words with `_` or `-`.
    public static let namePattern = "^[a-z][a-z0-9_-]*$"

    public static let schema: Schema = .object([
        "kontor": .required(.integer(minimum: 1), "File format version; write 1"),
        "store": Property(.string(), "sqlite:<path> or postgres://user@host/db", default: .string(defaultStore)),
        "plugins": Property(.array(.string()), "Extra plugin directories, searched before Plugins/", default: []),
        "server": Property(ServerSettings.schema, "The HTTP server"),
        "identity": Property(IdentitySettings.schema, "Identity resolution"),
        "consent": Property(ConsentSettings.schema, "Consent purposes"),
        "retention": Property(RetentionSettings.schema, "How long data is kept"),
        "sources": Property(.map(SourceConfig.schema, keyPattern: namePattern), "Sources by name", default: [:]),
        "traits": Property(.map(ComputedTrait.schema, keyPattern: namePattern), "Computed traits by name", default: [:]),
        "segments": Property(.map(SegmentDefinition.schema, keyPattern: namePattern), "Segments by name", default: [:]),
        "destinations": Property(
            .map(DestinationConfig.schema, keyPattern: namePattern), "Destinations by name", default: [:]),
    ], description: "A Kontor deployment (connectors.yaml)")

    /// The shared definitions `schema` refers to (`Schedule`).
    public static let definitions = SchemaRegistry(["Schedule": Schedule.schema])
}
