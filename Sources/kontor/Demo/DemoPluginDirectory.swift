import Foundation

/// The `Plugins` folder the demo's configuration names: `--plugins`, else
/// `$KONTOR_PLUGINS`, else `./Plugins`, else the one of the checkout the
/// running `kontor` was built in (`.build/…/kontor` → `<checkout>/Plugins`).
enum DemoPluginDirectory {
    static func find(requested: [String], environment: [String: String]) throws -> String {
        var candidates = requested
        candidates += (environment["KONTOR_PLUGINS"] ?? "").split(separator: ":").map(String.init)
        candidates.append(FileManager.default.currentDirectoryPath + "/Plugins")
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            var folder = executable.deletingLastPathComponent()
            for _ in 0..<5 {
                candidates.append(folder.appendingPathComponent("Plugins").path)
                folder = folder.deletingLastPathComponent()
            }
        }
        for candidate in candidates {
            let path = URL(fileURLWithPath: candidate).standardizedFileURL.path
            if FileManager.default.fileExists(atPath: path + "/shopify/plugin.yaml") { return path }
        }
        throw CommandFailure(message: """
            kontor demo: the Plugins folder was not found; run the demo in the Kontor checkout \
            (`swift run kontor demo`) or pass --plugins PATH/TO/Plugins
            """)
    }
}
