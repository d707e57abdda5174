/// The variables expressions in `connectors.yaml` may use, per field.
public enum DeploymentScopes {
    /// A segment `where` rule sees one profile:
    /// - `traits`: the profile's traits (open: any name),
    /// - `computed`: its computed traits (each must be declared under `traits:`),
    /// - `consent`: purpose → `true`/`false` (`consent.email`),
    /// - `identities`: kind → list of values (`identities.email`),
    /// - `profile`: `id`, `created_at`, `updated_at`.
    public static let segmentRule = ExpressionScope(
        "segment rule", variables: ["traits", "computed", "consent", "identities", "profile", "segments"])

    /// A computed trait's `where` filter sees one event: `event` (the whole
    /// Segment-spec message), `properties` (its `properties`) and `context`.
    public static let traitFilter = ExpressionScope("trait filter", variables: ["event", "properties", "context"])

    /// A destination `mapping` sees the profile being sent, the segment that
    /// put it there and the destination's `config`.
    public static let destinationMapping = ExpressionScope(
        "destination mapping", variables: ["traits", "computed", "profile", "consent", "segment", "config", "identities"])
}
