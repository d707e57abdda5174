import Foundation

/// Where an order is in its life.
public enum OrderStatus: String, Sendable, Hashable {
    /// Not yet fulfilled (Shopify's default `status=open` returns only these).
    case open
    case closed
    case cancelled
}

/// One product line of an order.
public struct LineItem: Sendable, Hashable {
    public var id: Int
    public var product: Product
    public var quantity: Int
    public var unitPriceCents: Int

    public var totalCents: Int { quantity * unitPriceCents }
}

/// A generated order of one ``Person``.
public struct Order: Sendable, Hashable, Identifiable {
    /// 1-based, stable for a given seed.
    public var id: Int
    /// The shop's order number (1001, 1002…).
    public var number: Int
    public var customerID: Int
    public var email: String
    public var currency: String
    public var status: OrderStatus
    /// `paid`, `pending`, `refunded` or `partially_refunded`.
    public var financialStatus: String
    public var lineItems: [LineItem]
    public var createdAt: Date
    public var updatedAt: Date

    public var totalCents: Int { lineItems.reduce(0) { $0 + $1.totalCents } }

    /// When the order was closed or cancelled (a day after creation), nil while open.
    public var closedAt: Date? { status == .open ? nil : createdAt.addingTimeInterval(86_400) }
}

extension Int {
    /// Cents as a money string: `12900` → `"129.00"`.
    var moneyString: String {
        "\(self / 100).\((self % 100).padded(2))"
    }
}
