import KontorRuntime

extension PersonalizationCache {
    /// For `ProfileBuilder(afterBatch:)`: a committed batch changed traits or merged profiles.
    public func profilesChanged(_ summary: BuildSummary) {
        if summary.events > 0 { invalidateAll() }
    }

    /// For `SegmentEngine(afterPass:)`: a pass that moved people in or out of segments.
    public func membershipsChanged(_ pass: SegmentPassSummary) {
        if pass.entered + pass.exited + pass.removed > 0 { invalidateAll() }
    }
}
