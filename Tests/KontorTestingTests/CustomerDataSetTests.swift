import Foundation
import XCTest

@testable import KontorTesting

final class CustomerDataSetTests: XCTestCase {
    func testSameSeedGivesTheSameData() {
        XCTAssertEqual(CustomerDataSet(seed: 42, count: 150), CustomerDataSet(seed: 42, count: 150))
        XCTAssertNotEqual(CustomerDataSet(seed: 42, count: 150).people, CustomerDataSet(seed: 43, count: 150).people)
    }

    func testPeopleHaveStableIdsUniqueEmailsAndTimestampsInTheTwoYearsBeforeTheBase() {
        let set = CustomerDataSet(seed: 1, count: 300)
        XCTAssertEqual(set.people.map(\.id), Array(1...300))
        XCTAssertEqual(Set(set.people.map { $0.email.lowercased() }).count, 300)
        let earliest = set.baseDate.addingTimeInterval(-730 * 86_400)
        for person in set.people {
            XCTAssertTrue(person.createdAt >= earliest && person.createdAt <= person.updatedAt && person.updatedAt < set.baseDate)
            XCTAssertTrue(person.email.contains("@"))
        }
        XCTAssertGreaterThan(Set(set.people.map(\.address.countryCode)).count, 4, "several countries")
        XCTAssertTrue(set.people.contains { $0.phone?.hasPrefix("+") == true })
        XCTAssertTrue(set.people.contains { $0.phone?.hasPrefix("0") == true || $0.phone?.hasPrefix("(") == true })
        XCTAssertEqual(Set(set.people.map(\.emailConsent)), Set(MarketingConsent.allCases))
    }

    func testDifferentSeedsShareTheFirstSharedPeople() {
        let shop = CustomerDataSet(seed: 1, count: 200)
        let crm = CustomerDataSet(seed: 2, count: 120)
        let shopShared = Dictionary(uniqueKeysWithValues: shop.people.compactMap { p in p.sharedKey.map { ($0, p) } })
        let crmShared = crm.people.compactMap { p in p.sharedKey.map { ($0, p) } }
        XCTAssertGreaterThan(crmShared.count, 20)
        var overlap = 0
        for (key, person) in crmShared {
            guard let twin = shopShared[key] else { continue }
            overlap += 1
            XCTAssertEqual(twin.email.lowercased(), person.email.lowercased())
            XCTAssertEqual(twin.phoneE164, person.phoneE164)
            XCTAssertEqual(twin.fullName, person.fullName)
        }
        XCTAssertEqual(overlap, min(shopShared.count, crmShared.count))
        let localEmails = Set(shop.people.filter { $0.sharedKey == nil }.map { $0.email.lowercased() })
        XCTAssertTrue(crm.people.filter { $0.sharedKey == nil }.allSatisfy { !localEmails.contains($0.email.lowercased()) })
    }

    func testOrdersHaveLineItemsFromTheCatalogueAndIncreasingIds() {
        let set = CustomerDataSet(seed: 5, count: 200)
        XCTAssertGreaterThan(set.orders.count, 150)
        XCTAssertEqual(set.orders.map(\.id), Array(1...set.orders.count))
        XCTAssertTrue(zip(set.orders, set.orders.dropFirst()).allSatisfy { $0.createdAt <= $1.createdAt })
        let categories = Set(set.orders.flatMap { $0.lineItems.map(\.product.category) })
        XCTAssertEqual(categories, Set(ProductCategory.allCases))
        XCTAssertEqual(Set(set.orders.map(\.status)), [.open, .closed, .cancelled])
        for order in set.orders {
            XCTAssertFalse(order.lineItems.isEmpty)
            XCTAssertEqual(Set(order.lineItems.map(\.product.sku)).count, order.lineItems.count)
            XCTAssertEqual(order.email, set.person(id: order.customerID)?.email)
            XCTAssertTrue(order.updatedAt < set.baseDate)
        }
    }

    func testTouchBumpsExactlyNDistinctRecordsPastTheBase() {
        var set = CustomerDataSet(seed: 9, count: 100)
        let touched = set.touch(12)
        XCTAssertEqual(Set(touched).count, 12)
        XCTAssertEqual(set.people.filter { $0.updatedAt > set.baseDate }.map(\.id), touched)
        let again = set.touch(5, at: set.baseDate.addingTimeInterval(86_400))
        XCTAssertEqual(set.people.filter { $0.updatedAt == set.baseDate.addingTimeInterval(86_400) }.map(\.id), again)
        let orders = set.touchOrders(4)
        XCTAssertEqual(set.orders.filter { $0.updatedAt > set.baseDate }.map(\.id), orders)
        XCTAssertEqual(set.touchGeneration, 3)
        XCTAssertEqual(set.touch(1000).count, 100)
    }
}
