import Foundation
import KontorCore
import KontorStore
import KontorTesting

/// The profiles and rules of `kontor bench segments`: `count` generated profiles
/// (traits, 0–6 orders folded into the computed traits, consent, an email and
/// sometimes a phone) and 20 segments that read all of it: computed traits,
/// a windowed trait, RFM, traits, lists, consent, identities and other segments.
struct BenchSegmentsPopulation: Sendable {
    var count: Int
    var seed: UInt64 = 7

    static let start = Date(timeIntervalSince1970: 1_717_200_000)
    /// The evaluation time: 400 days after the first order could happen.
    static let now = start.addingTimeInterval(400 * 86_400)
    static let countries = ["DE", "DE", "DE", "AT", "CH", "FR", "NL"]
    static let cities = ["Berlin", "Hamburg", "München", "Köln", "Wien", "Zürich", "Leipzig", "Graz"]
    static let categories = ["running", "coffee", "organic", "tv", "yoga", "books"]

    /// The 20 segments.
    static let segments: [String: String] = [
        "buyers": "computed.order_count >= 1",
        "repeat_buyers": "computed.order_count >= 2",
        "loyal": "computed.order_count >= 5",
        "big_spenders": "computed.lifetime_value >= 500",
        "recent_spenders": "computed.spend_90d >= 100",
        "email_ok": "consent.email",
        "ads_ok": "consent.ads",
        "email_repeat_buyers": "consent.email and segments.repeat_buyers",
        "germany": "traits.country == 'DE'",
        "dach": "traits.country in ['DE', 'AT', 'CH']",
        "runners": "'running' in (traits.interests | default([]))",
        "coffee_buyers": "'coffee' in computed.categories",
        "organic_email": "'organic' in computed.categories and consent.email",
        "no_orders": "computed.order_count == 0",
        "high_aov": "computed.order_count >= 1 and computed.average_order_value > 80",
        "berlin": "traits.city == 'Berlin'",
        "vip": "segments.big_spenders and segments.loyal",
        "has_phone": "identities.phone | default([]) | length > 0",
        "rfm_champions": "computed.rfm_recency >= 4 and computed.rfm_frequency >= 3",
        "prospects": "consent.email and not segments.buyers",
    ]

    static var deployment: Deployment {
        var traits = StandardTraits.definitions
        traits["spend_90d"] = ComputedTrait(.sum, .init(event: StandardTraits.orderEvent, property: "total"), within: 90 * 86_400)
        traits["categories"] = ComputedTrait(.distinct, .init(event: StandardTraits.orderEvent, property: "products.category"))
        return Deployment(
            consent: ConsentSettings(purposes: ["email", "ads"]), traits: traits,
            segments: segments.mapValues { SegmentDefinition(whereRule: $0) })
    }

    /// Profile ids sort in generation order.
    static func id(_ index: Int) -> ProfileID {
        let hex = String(index, radix: 16)
        return "p_" + String(repeating: "0", count: max(0, 12 - hex.count)) + hex
    }

    /// Profile `index` (0-based), folded with the deployment's `traits`.
    func profile(_ index: Int, traits: ComputedTraitSet) -> StoredProfile {
        var random = SeededRandom(seed: seed, index: index)
        let id = Self.id(index)
        var identities = [Identity(.email, "s\(index)@example.com")]
        if random.chance(0.5) { identities.append(Identity(.phone, BenchProfilesRecords.phone(index, prefix: "16"))) }
        var profile = StoredProfile(
            id: id, identities: identities, createdAt: Self.start, updatedAt: Self.now)
        let interests = Self.categories.filter { _ in random.chance(0.25) }
        profile.traits.fold(
            Message(
                type: .identify, messageId: "\(id)-i", timestamp: Self.start,
                traits: [
                    "country": .string(random.pick(Self.countries)), "city": .string(random.pick(Self.cities)),
                    "interests": .array(interests.map(JSONValue.string)), "first_name": .string("Name\(index % 997)"),
                ]),
            source: "bench")
        for order in 0..<[0, 0, 1, 1, 1, 2, 2, 3, 4, 6][random.int(below: 10)] {
            add(order: "\(id)-o\(order)", to: &profile, traits: traits, random: &random)
        }
        for (purpose, chance) in [("email", 0.6), ("ads", 0.3)] {
            profile.consent.record(ConsentEntry(
                purpose: purpose, granted: random.chance(chance), source: "bench", at: Self.start, messageID: "\(id)-i"))
        }
        return profile
    }

    /// Folds one `Order Completed` at a random time of the 400 days into the profile's computed traits.
    func add(order messageID: String, to profile: inout StoredProfile, traits: ComputedTraitSet, random: inout SeededRandom) {
        let at = Self.start.addingTimeInterval(Double(random.int(below: 400 * 86_400)))
        let message = Message(
            type: .track, messageId: messageID, timestamp: at, event: StandardTraits.orderEvent,
            properties: [
                "total": .double(Double(random.int(in: 500...30_000)) / 100),
                "products": .array([["category": .string(random.pick(Self.categories))]]),
            ])
        _ = traits.add(message, to: &profile.computed)
    }
}
