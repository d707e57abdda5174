import Foundation
import KontorCore
import KontorTesting

/// The records of `kontor bench profiles`: `count` messages from a population of
/// people, each with three identifiers (email, phone, shop customer id) in
/// `context.identifiers`, generated deterministically from `seed`.
///
/// Overlaps are realistic rather than clean: a person has 1.7 records on
/// average; each identifier of a record is the person's own with probability
/// 0.8, else a one-off (a second address, a new phone, a guest checkout id), so
/// most records attach, some create a profile that a later record merges; and
/// 1% of records use a family address shared by a few people, which the email
/// limit refuses to merge (blocked merges). 70% are `identify` calls with
/// traits, 30% `Order Completed` tracks with a total.
struct BenchProfilesRecords: Sendable {
    var count: Int
    var seed: UInt64 = 42
    /// Chance that an identifier is the person's own rather than a one-off.
    var ownChance = 0.8
    var sharedEmailChance = 0.01

    /// Distinct people behind the records.
    var people: Int { max(1, count * 6 / 10) }

    static let start = Date(timeIntervalSince1970: 1_717_200_000)
    static let cities = ["Berlin", "Hamburg", "München", "Köln", "Wien", "Zürich", "Leipzig", "Graz"]

    /// The deployment the records are built against: identifiers in priority order, the ready-made traits.
    static var deployment: Deployment {
        Deployment(
            identity: IdentitySettings(keys: ["shop_customer_id", "email", "phone"], limits: ["email": 2]),
            consent: ConsentSettings(purposes: ["email"]),
            traits: StandardTraits.definitions)
    }

    /// Record `index` (0-based).
    func message(_ index: Int) -> Message {
        var random = SeededRandom(seed: seed, index: index)
        let person = random.int(below: people)
        let email = random.chance(sharedEmailChance)
            ? "family\(person / 4)@shared.example"
            : random.chance(ownChance) ? "p\(person)@example.com" : "p\(person).r\(index)@example.net"
        let phone = random.chance(ownChance) ? Self.phone(person, prefix: "15") : Self.phone(index, prefix: "17")
        let customer = random.chance(ownChance) ? "c\(person)" : "g\(index)"
        let identifiers: JSONValue = ["email": .string(email), "phone": .string(phone), "shop_customer_id": .string(customer)]
        let timestamp = Self.start.addingTimeInterval(Double(index))
        if random.chance(0.3) {
            let total = Double(random.int(in: 500...25_000)) / 100
            return Message(
                type: .track, messageId: "r\(index)", timestamp: timestamp, event: "Order Completed",
                properties: ["total": .double(total), "order_id": .string("o\(index)")],
                context: ["identifiers": identifiers])
        }
        return Message(
            type: .identify, messageId: "r\(index)", timestamp: timestamp,
            traits: [
                "first_name": .string("Name\(person % 997)"), "city": .string(random.pick(Self.cities)),
                "consent": ["email": .bool(random.chance(0.6))],
            ],
            context: ["identifiers": identifiers])
    }

    /// `+49 1x` and eight digits: a valid E.164 mobile number.
    static func phone(_ number: Int, prefix: String) -> String {
        let digits = String(number % 100_000_000)
        return "+49\(prefix)\(String(repeating: "0", count: max(0, 8 - digits.count)))\(digits)"
    }
}
