import Foundation

/// Generates the orders of a population: each person has a favourite category most of their items come from.
enum OrderGenerator {
    static func orders(for people: [Person], seed: UInt64, baseDate: Date) -> [Order] {
        var drafts: [Order] = []
        var lineID = 0
        for person in people {
            var random = SeededRandom(seed: seed ^ 0x0DE5, index: person.id)
            let favourite = random.pick(ProductCategory.allCases)
            let count = [0, 0, 0, 1, 1, 1, 2, 2, 3, 4, 5][random.int(below: 11)]
            let currency = Locales.countries.first { $0.code == person.address.countryCode }?.currency ?? "EUR"
            for _ in 0..<count {
                let span = baseDate.timeIntervalSince(person.createdAt)
                let createdAt = person.createdAt.addingTimeInterval((random.unit() * span).rounded(.down))
                var items: [LineItem] = []
                var used: Set<String> = []
                for _ in 0..<random.int(in: 1...4) {
                    let pool = random.chance(0.6) ? Catalog.products.filter { $0.category == favourite } : Catalog.products
                    let product = random.pick(pool)
                    guard used.insert(product.sku).inserted else { continue }
                    lineID += 1
                    let quantity = product.category == .groceries || product.category == .organic
                        ? random.int(in: 1...4) : random.int(in: 1...2)
                    items.append(LineItem(id: lineID, product: product, quantity: quantity, unitPriceCents: product.priceCents))
                }
                let recent = baseDate.timeIntervalSince(createdAt) < 14 * 86_400
                let status: OrderStatus = recent && random.chance(0.6) ? .open
                    : random.chance(0.05) ? .open : random.chance(0.08) ? .cancelled : .closed
                let financial = status == .cancelled ? "refunded"
                    : status == .open && random.chance(0.5) ? "pending" : random.chance(0.03) ? "partially_refunded" : "paid"
                let updatedAt = min(baseDate.addingTimeInterval(-1), createdAt.addingTimeInterval(status == .open ? 600 : 86_400))
                drafts.append(Order(
                    id: 0, number: 0, customerID: person.id, email: person.email, currency: currency, status: status,
                    financialStatus: financial, lineItems: items, createdAt: createdAt, updatedAt: max(createdAt, updatedAt)
                ))
            }
        }
        drafts.sort { ($0.createdAt, $0.customerID) < ($1.createdAt, $1.customerID) }
        for index in drafts.indices {
            drafts[index].id = index + 1
            drafts[index].number = 1001 + index
        }
        return drafts
    }
}
