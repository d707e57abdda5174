import KontorCore

/// What the personalisation API tells a website about one person: the
/// segments they are in and the exposed traits.
///
/// ```json
/// {"segments": ["coffee_lovers", "organic_fans"], "traits": {"first_name": "Ada", "favourite_brand": "Lavazza"}}
/// ```
/// An unknown person (or one whose consent does not allow personalisation)
/// gets ``nobody``: empty segments and traits, never a 404, so that a page
/// cannot tell "unknown" from "nothing to show".
public struct Personalization: Sendable, Hashable {
    /// Segment names, sorted.
    public var segments: [String]
    /// Exposed trait name → value; traits the profile lacks are left out.
    public var traits: [String: JSONValue]

    public init(segments: [String] = [], traits: [String: JSONValue] = [:]) {
        self.segments = segments
        self.traits = traits
    }

    /// The answer for a person Kontor does not know.
    public static let nobody = Personalization()

    /// The response body.
    public var json: JSONValue {
        ["segments": .array(segments.map(JSONValue.string)), "traits": .object(traits)]
    }
}
