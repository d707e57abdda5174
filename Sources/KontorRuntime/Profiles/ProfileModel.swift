import Foundation
import KontorCore
import KontorStore

/// The profile rules of a deployment, compiled once: identity rules, computed
/// traits, consent purposes and segments.
///
/// The profile builder, the segment engine and `kontor profiles` share it so
/// that they all see a profile the same way (`view(of:at:)`).
///
/// ```swift
/// let model = try ProfileModel(deployment)        // throws ProfileModelError listing every bad rule
/// let view = model.view(of: profile, at: clock.now)
/// model.segments.evaluate(view, now: clock.now)
/// ```
public struct ProfileModel: Sendable {
    public let identity: IdentityRules
    public let traits: ComputedTraitSet
    public let derived: DerivedTraits
    public let consent: ConsentSettings
    public let segments: SegmentSet
    public let policy: TraitPolicy

    public init(
        identity: IdentityRules = IdentityRules(), traits: ComputedTraitSet, consent: ConsentSettings = ConsentSettings(),
        segments: SegmentSet, derived: DerivedTraits = DerivedTraits(), policy: TraitPolicy = TraitPolicy()
    ) {
        self.identity = identity
        self.traits = traits
        self.derived = derived
        self.consent = consent
        self.segments = segments
        self.policy = policy
    }

    /// Compiles the `identity`, `traits`, `consent` and `segments` sections of `deployment`.
    public init(_ deployment: Deployment, defaultCountry: String? = nil) throws(ProfileModelError) {
        let traits: ComputedTraitSet
        do {
            traits = try ComputedTraitSet(deployment.traits)
        } catch {
            throw ProfileModelError(problems: error.errors.map(\.description))
        }
        let segments: SegmentSet
        do {
            segments = try SegmentSet(deployment.segments, known: Self.knownNames(traits: traits, consent: deployment.consent))
        } catch {
            throw ProfileModelError(problems: error.errors.map(\.description))
        }
        self.init(
            identity: IdentityRules(deployment.identity, defaultCountry: defaultCountry), traits: traits,
            consent: deployment.consent, segments: segments)
    }

    /// The names segment rules may use for computed traits and consent, given the deployment's traits.
    public static func knownNames(traits: ComputedTraitSet, consent: ConsentSettings) -> SegmentRule.KnownNames {
        SegmentRule.KnownNames(
            computed: Set(traits.rules.map(\.name)).union(DerivedTraits.names),
            purposes: Set(consent.purposes),
            timeDependentComputed: traits.windowedNames.union(DerivedTraits.timeDependentNames))
    }

    /// Computed and derived trait values of `state` at `now`.
    public func computedValues(_ state: ComputedTraitState, at now: Date) -> [String: JSONValue] {
        let values = state.values(at: now, of: traits)
        return values.merging(derived.values(from: values, at: now)) { own, _ in own }
    }

    /// The profile as segment rules and `kontor profiles show` see it at `now`
    /// (computed traits are evaluated at `now`, so windows and RFM recency are current).
    public func view(of profile: StoredProfile, at now: Date) -> ProfileView {
        ProfileView(
            id: profile.id, traits: profile.traits.traits, computed: computedValues(profile.computed, at: now),
            consent: profile.consent.view(consent), identities: ProfileView.grouped(profile.identities),
            createdAt: profile.createdAt, updatedAt: profile.updatedAt)
    }
}

/// The problems found compiling a deployment's computed traits or segments.
public struct ProfileModelError: Error, Sendable, Hashable, CustomStringConvertible {
    public var problems: [String]

    public init(problems: [String]) {
        self.problems = problems
    }

    public var description: String { problems.joined(separator: "\n") }
}
