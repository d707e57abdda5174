extension PluginDefinition: SchemaDescribed {
    /// The shape of `plugin.yaml`; shared and recursive parts live in `definitions`.
    public static var schema: Schema {
        .object([
            "format": .required(.string(choices: [formatName]), "Always kontor/v1"),
            "name": .required(.string(), "The plugin's name; equals its folder name"),
            "title": .init(.string(), "Display name"),
            "version": .init(.string(), "Semantic version of this file"),
            "kind": .init(.string(choices: PluginKind.allCases.map(\.rawValue)), "Derived from streams/actions when absent"),
            "docs": .init(.string(), "Link to the API documentation"),
            "description": .init(.string(), "What the plugin connects to"),
            "spec": .init(.map(Setting.schema, keyPattern: "^[a-z][a-z0-9_]*$"), "Typed settings of an instance"),
            "http": .init(HTTPSettings.schema, "HTTP transport"),
            "sql": .init(SQLSettings.schema, "SQL transport"),
            "files": .init(FileSettings.schema, "File transport"),
            "process": .init(ProcessSettings.schema, "Singer tap transport"),
            "check": .init(PluginCheck.schema, "How to test an instance's settings"),
            "defaults": .init(.reference("Stream"), "Merged into every stream"),
            "streams": .init(.map(.reference("Stream"), keyPattern: namePattern), "Source streams"),
            "inbound": .init(Inbound.schema, "Webhook or form deliveries"),
            "actions": .init(.map(PluginAction.objectSchema, keyPattern: namePattern), "Destination actions"),
            "erase": .init(EraseSupport.schema, "Erasure: an action name or {unsupported: reason}"),
        ], description: "A Kontor connector plugin (kontor/v1)")
    }

    /// Stream and action names: lowercase letters, digits, `_` and `-`.
    public static let namePattern = "^[a-z][a-z0-9_-]*$"

    /// The named shapes `schema` refers to.
    public static var definitions: SchemaRegistry {
        SchemaRegistry([
            "Auth": Auth.schema,
            "Request": PluginRequest.schema(PluginScopes.request),
            "LoginRequest": PluginRequest.schema(PluginScopes.config),
            "ActionRequest": PluginRequest.schema(PluginScopes.action),
            "ActionField": ActionField.objectSchema,
            "Stream": PluginStream.objectSchema,
        ])
    }
}
