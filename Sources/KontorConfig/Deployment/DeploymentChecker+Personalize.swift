import KontorCore

extension DeploymentChecker {
    /// `server.personalize`: the segments it reveals must be declared, its consent purpose too.
    mutating func checkPersonalize() {
        let personalize = deployment.server.personalize
        let segmentNames = deployment.segments.keys.sorted()
        for (index, segment) in (personalize.segments ?? []).enumerated() where deployment.segments[segment] == nil {
            error(
                ["server", "personalize", "segments", String(index)], "unknown segment '\(segment)' in server.personalize",
                suggestion: NearestName.suggest(for: segment, among: segmentNames))
        }
        let purposes = deployment.consent.purposes
        if let consent = personalize.consent, !purposes.contains(consent) {
            let hint = purposes.isEmpty ? " (declare it under consent.purposes)" : ""
            error(
                ["server", "personalize", "consent"], "unknown consent purpose '\(consent)' in server.personalize\(hint)",
                suggestion: NearestName.suggest(for: consent, among: purposes))
        }
    }
}
