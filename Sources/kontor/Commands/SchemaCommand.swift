import ArgumentParser
import KontorConfig
import KontorCore

/// `kontor schema connectors|plugin`: prints the JSON Schema generated from
/// the Swift model, for YAML editors (yaml-language-server, VS Code, IntelliJ).
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of connectors.yaml or of a plugin.yaml.",
        discussion: """
            kontor schema connectors > connectors.schema.json
            then start connectors.yaml with: # yaml-language-server: $schema=connectors.schema.json
            """
    )

    static let kinds = ["connectors", "plugin"]

    @Argument(help: "Which file's schema: connectors or plugin.")
    var kind: String

    func validate() throws {
        guard Self.kinds.contains(kind) else {
            let hint = NearestName.suggest(for: kind, among: Self.kinds).map { " Did you mean '\($0)'?" } ?? ""
            throw ValidationError("Unknown schema '\(kind)': expected one of \(Self.kinds.joined(separator: ", ")).\(hint)")
        }
    }

    func run() throws {
        let document: JSONValue
        switch kind {
        case "plugin":
            document = JSONSchemaWriter.write(
                PluginDefinition.schema, title: "Kontor plugin (kontor/v1)", definitions: PluginDefinition.definitions)
        default:
            document = JSONSchemaWriter.write(
                Deployment.schema, title: "Kontor connectors.yaml", definitions: Deployment.definitions)
        }
        print(document.serialized(pretty: true))
    }
}
