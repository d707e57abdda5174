import Foundation

/// A deterministic population of customers and their orders for one source.
///
/// The same `seed` and `count` give the same people, ids, emails, phone numbers, orders and timestamps
/// on every machine. About `sharedFraction` of the people come from a population shared by all data
/// sets (whatever their seed), in the same order: two sources built with different seeds hold the
/// same first shared people, with identical names and emails (letter case and phone format may differ),
/// so identity resolution has real merges to do. Timestamps lie in the two years before ``baseDate``.
///
/// ```swift
/// var shop = CustomerDataSet(seed: 1, count: 500)
/// let crm = CustomerDataSet(seed: 2, count: 300)
/// let touched = shop.touch(10)        // bumps updated_at of 10 people past baseDate
/// ```
public struct CustomerDataSet: Sendable, Hashable {
    /// 2025-01-01T00:00:00Z: all generated timestamps are before it, all touches after it.
    public static let defaultBaseDate = Date(timeIntervalSince1970: 1_735_689_600)

    public let seed: UInt64
    public let baseDate: Date
    public private(set) var people: [Person]
    public private(set) var orders: [Order]
    /// How many times ``touch(_:at:)`` or ``touchOrders(_:at:)`` ran.
    public private(set) var touchGeneration = 0

    /// Generates `count` people and their orders.
    /// - Parameter sharedFraction: the share of people taken from the cross-source shared population.
    public init(seed: UInt64, count: Int, sharedFraction: Double = 0.3, baseDate: Date = defaultBaseDate) {
        self.seed = seed
        self.baseDate = baseDate
        var people: [Person] = []
        var sharedKey = 0
        for index in 0..<max(0, count) {
            var random = SeededRandom(seed: seed, index: index)
            let isShared = random.chance(sharedFraction)
            people.append(Self.person(id: index + 1, sharedKey: isShared ? sharedKey : nil, random: &random, seed: seed, baseDate: baseDate))
            if isShared { sharedKey += 1 }
        }
        self.people = people
        self.orders = OrderGenerator.orders(for: people, seed: seed, baseDate: baseDate)
    }

    /// The person with this id.
    public func person(id: Int) -> Person? {
        people.indices.contains(id - 1) ? people[id - 1] : nil
    }

    /// The orders of one person.
    public func orders(ofCustomer id: Int) -> [Order] {
        orders.filter { $0.customerID == id }
    }

    /// Bumps `updatedAt` of `count` distinct people (chosen deterministically) to `date`,
    /// default `baseDate + generation hours`, so incremental syncs have changes to pull. Returns their ids.
    @discardableResult
    public mutating func touch(_ count: Int, at date: Date? = nil) -> [Int] {
        touchGeneration += 1
        let when = date ?? baseDate.addingTimeInterval(Double(touchGeneration) * 3600)
        let chosen = Self.choose(count, from: people.count, seed: seed, generation: touchGeneration)
        for index in chosen { people[index].updatedAt = when }
        return chosen.map { people[$0].id }
    }

    /// Bumps `updatedAt` of `count` distinct orders to `date` (default as for ``touch(_:at:)``). Returns their ids.
    @discardableResult
    public mutating func touchOrders(_ count: Int, at date: Date? = nil) -> [Int] {
        touchGeneration += 1
        let when = date ?? baseDate.addingTimeInterval(Double(touchGeneration) * 3600)
        let chosen = Self.choose(count, from: orders.count, seed: seed ^ 0x0D0E, generation: touchGeneration)
        for index in chosen { orders[index].updatedAt = when }
        return chosen.map { orders[$0].id }
    }

    static func choose(_ count: Int, from total: Int, seed: UInt64, generation: Int) -> [Int] {
        var indices = Array(0..<total)
        var random = SeededRandom(seed: seed ^ 0x70C4, index: generation)
        let take = min(max(0, count), total)
        for position in 0..<take {
            indices.swapAt(position, position + random.int(below: total - position))
        }
        return Array(indices.prefix(take)).sorted()
    }

    private static func person(id: Int, sharedKey: Int?, random: inout SeededRandom, seed: UInt64, baseDate: Date) -> Person {
        let identity = sharedKey.map(PersonGenerator.sharedIdentity) ?? PersonGenerator.localIdentity(seed: seed, index: id - 1)
        var email = "\(identity.emailLocal)@\(identity.emailDomain)"
        if sharedKey != nil, random.chance(0.25) {
            email = email.split(separator: ".").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: ".")
        }
        let e164 = identity.phoneNSN.map { "+\(identity.country.callingCode)\($0)" }
        let display = identity.phoneNSN.map {
            random.chance(0.5) ? "+\(identity.country.callingCode)\($0)" : PersonGenerator.nationalFormat($0, country: identity.country)
        }
        let twoYears = 730.0 * 86_400
        let createdAt = baseDate.addingTimeInterval(-twoYears + (random.unit() * twoYears).rounded(.down))
        let updatedAt = createdAt.addingTimeInterval((random.unit() * baseDate.timeIntervalSince(createdAt)).rounded(.down))
        var tags: [String] = []
        if random.chance(0.1) { tags.append("vip") }
        if random.chance(0.2) { tags.append("newsletter") }
        let address = PostalAddress(
            line1: identity.street, city: identity.city.name, postalCode: identity.city.postalCode,
            region: identity.city.region, countryCode: identity.country.code, countryName: identity.country.name
        )
        return Person(
            id: id, sharedKey: sharedKey, firstName: identity.firstName, lastName: identity.lastName, email: email,
            phone: display, phoneE164: e164, address: address,
            emailConsent: PersonGenerator.consent(&random, weights: [55, 25, 15, 5]),
            smsConsent: PersonGenerator.consent(&random, weights: [25, 60, 15, 0]),
            locale: identity.country.locale, birthday: identity.birthday, tags: tags,
            createdAt: createdAt, updatedAt: updatedAt
        )
    }
}
