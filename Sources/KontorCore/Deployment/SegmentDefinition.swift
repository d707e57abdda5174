/// A named group of profiles, defined by a boolean rule.
///
/// ```yaml
/// running_fans: {where: "traits.order_count >= 2 and 'running' in traits.interests"}
/// ```
public struct SegmentDefinition: Sendable, Hashable, Decodable, SchemaDescribed {
    /// A boolean expression over `DeploymentScopes.segmentRule`.
    public var whereRule: String
    public var description: String?

    public init(whereRule: String, description: String? = nil) {
        self.whereRule = whereRule
        self.description = description
    }

    private enum CodingKeys: String, CodingKey {
        case whereRule = "where"
        case description
    }

    public static let schema: Schema = .object([
        "where": .required(
            .string(format: .expression(DeploymentScopes.segmentRule, boolean: true)),
            "Boolean rule over traits, computed, consent, identities, profile"),
        "description": Property(.string(), "What the segment is for"),
    ], description: "A segment: profiles for which the rule is true")
}
