extension PluginDefinition {
    /// What `connectors.yaml` checks need to know about this plugin: settings
    /// with types, required and secret flags; stream names; actions with their
    /// modes and fields; the identifier kinds the emit rules produce.
    ///
    /// The erase action (named by `erase:` and declaring no modes) is listed with no modes,
    /// so a destination cannot use it as its sync action.
    public var descriptor: PluginDescriptor {
        PluginDescriptor(
            name: name,
            settings: spec.mapValues { setting in
                PluginDescriptor.Setting(
                    type: setting.type.rawValue,
                    isRequired: setting.isRequired,
                    isSecret: setting.isSecret,
                    choices: setting.choices ?? []
                )
            },
            streams: Set(streams.keys),
            actions: actions.mapValues { action in
                PluginDescriptor.Action(
                    modes: Set(action.modes ?? []),
                    fields: Set(action.fields.keys),
                    requiredFields: Set(action.fields.filter(\.value.isRequired).keys)
                )
            },
            identifierKinds: Set(resolvedStreams.values.flatMap { stream in
                (stream.emit ?? []).flatMap { ($0.identifiers ?? [:]).keys }
            })
        )
    }
}
