import Foundation
import KontorCore
import KontorRuntime
import KontorStore

/// Reads one person's ``Personalization`` from the store: the profile an
/// identity belongs to, its open segment memberships (only the revealed
/// segments), and the exposed traits.
///
/// Traits are seen as segment rules see them (``ProfileModel/view(of:at:)``),
/// computed traits evaluated at the time of the request. An exposed name is
/// looked up as a computed trait first, then as a trait; a dotted name
/// (`preferences.coffee`) walks into object traits and is returned under the
/// dotted name.
///
/// ```swift
/// let query = PersonalizationQuery(model: model, settings: deployment.server)
/// let answer = try await store.profileRead { try query.answer(for: identity, in: $0, now: now) }
/// ```
public struct PersonalizationQuery: Sendable {
    let model: ProfileModel
    /// Exposed trait names, in configuration order.
    let traits: [String]
    /// Revealed segments; `nil` reveals every segment.
    let segments: Set<String>?
    /// The consent purpose required, if any.
    let consent: String?

    public init(model: ProfileModel, traits: [String], segments: [String]?, consent: String?) {
        self.model = model
        self.traits = traits
        self.segments = segments.map(Set.init)
        self.consent = consent
    }

    /// The query `settings` (`expose_traits`, `personalize`) configures.
    public init(model: ProfileModel, settings: ServerSettings) {
        self.init(
            model: model, traits: settings.exposeTraits, segments: settings.personalize.segments,
            consent: settings.personalize.consent)
    }

    /// The answer for `identity`; ``Personalization/nobody`` when no live profile has it
    /// or the profile has not granted the required consent.
    public func answer(for identity: Identity, in reader: any ProfileReader, now: Date) throws -> Personalization {
        guard let owner = try reader.owner(of: identity), let profile = try reader.profile(owner), profile.isLive else {
            return .nobody
        }
        if let consent, !profile.consent.isGranted(consent, default: model.consent.defaultStatus) {
            return .nobody
        }
        let view = model.view(of: profile, at: now)
        let open = try reader.openSegments(of: [owner])[owner] ?? []
        let revealed = segments.map { open.intersection($0) } ?? open
        var exposed: [String: JSONValue] = [:]
        for name in traits {
            if let value = Self.value(named: name, in: view), value != .null { exposed[name] = value }
        }
        return Personalization(segments: revealed.sorted(), traits: exposed)
    }

    /// The computed trait or trait called `name`, or the value at its dotted path in the traits.
    static func value(named name: String, in view: ProfileView) -> JSONValue? {
        if let computed = view.computed[name] { return computed }
        if let trait = view.traits[name] { return trait }
        let path = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard path.count > 1, !path.contains(where: \.isEmpty) else { return nil }
        var current: JSONValue? = view.traits
        for key in path { current = current?[key] }
        return current
    }
}
