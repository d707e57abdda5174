import ArgumentParser

/// The `kontor` command: a self-hosted customer-data connector and activation hub.
struct Kontor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kontor",
        abstract: "Kontor: pull customer data, unify profiles, segment, activate.",
        discussion: """
            Configuration is read from --config, else $KONTOR_CONFIG, else ./connectors.yaml.
            Plugins are searched in --plugins, $KONTOR_PLUGINS, the config's `plugins:` list, \
            and the Plugins folder next to the configuration file.
            """,
        version: KontorVersion.current,
        subcommands: [
            ValidateCommand.self,
            SchemaCommand.self,
            PluginsCommand.self,
            SyncCommand.self,
            RunCommand.self,
            StatusCommand.self,
            DemoCommand.self,
            ActivateCommand.self,
            QueueCommand.self,
            ProfilesCommand.self,
            SegmentsCommand.self,
            BenchCommand.self,
        ]
    )
}

/// The version `kontor --version` prints.
enum KontorVersion {
    static let current = "0.1.0"
}
