import KontorConfig

/// Reads only the `plugins:` list of a configuration, before the full load,
/// because the full load needs the plugins those directories hold.
enum ConfiguredPluginDirectories {
    static func read(text: String, file: String) -> [String] {
        let (root, _) = YAMLDocumentLoader.load(text: text, file: file)
        return root?["plugins"]?.elements?.compactMap(\.stringValue) ?? []
    }
}
