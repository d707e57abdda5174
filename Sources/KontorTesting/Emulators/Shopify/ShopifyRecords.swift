import Foundation
import KontorCore

/// How generated people, orders and products look in Shopify's REST Admin API (api_facts §1, airbyte schemas [V]).
enum ShopifyRecords {
    static let customerIDBase = 7_000_000_000_000
    static let orderIDBase = 5_500_000_000_000

    static func time(_ date: Date?) -> JSONValue {
        date.map { .string(EmulatorTimestamp.format($0, .offset)) } ?? .null
    }

    static func customer(_ person: Person, orders: [Order]) -> JSONValue {
        let address = self.address(person, isDefault: true)
        let spent = orders.filter { $0.status != .cancelled }.reduce(0) { $0 + $1.totalCents }
        let consentAt = time(person.updatedAt)
        return [
            "id": .int(customerIDBase + person.id),
            "email": .string(person.email),
            "first_name": .string(person.firstName),
            "last_name": .string(person.lastName),
            "phone": person.phoneE164.map(JSONValue.string) ?? .null,
            "created_at": time(person.createdAt),
            "updated_at": time(person.updatedAt),
            "orders_count": .int(orders.count),
            "total_spent": .string(spent.moneyString),
            "state": "enabled",
            "verified_email": true,
            "tags": .string(person.tags.joined(separator: ", ")),
            "currency": .string(orders.first?.currency ?? "EUR"),
            "note": .null,
            "accepts_marketing": .bool(person.emailConsent == .subscribed),
            "default_address": address,
            "addresses": [address],
            "email_marketing_consent": [
                "state": .string(person.emailConsent.rawValue), "opt_in_level": "single_opt_in",
                "consent_updated_at": consentAt,
            ],
            "sms_marketing_consent": person.phoneE164 == nil ? .null : [
                "state": .string(person.smsConsent.rawValue), "opt_in_level": "single_opt_in",
                "consent_updated_at": consentAt, "consent_collected_from": "OTHER",
            ],
            "admin_graphql_api_id": .string("gid://shopify/Customer/\(customerIDBase + person.id)"),
        ]
    }

    static func address(_ person: Person, isDefault: Bool) -> JSONValue {
        [
            "id": .int(9_000_000_000_000 + person.id),
            "customer_id": .int(customerIDBase + person.id),
            "first_name": .string(person.firstName), "last_name": .string(person.lastName),
            "address1": .string(person.address.line1), "address2": .null,
            "city": .string(person.address.city), "zip": .string(person.address.postalCode),
            "province_code": person.address.region.map(JSONValue.string) ?? .null,
            "country_code": .string(person.address.countryCode), "country": .string(person.address.countryName),
            "phone": person.phone.map(JSONValue.string) ?? .null,
            "default": .bool(isDefault),
        ]
    }

    static func order(_ order: Order, customer: Person?) -> JSONValue {
        let total = JSONValue.string(order.totalCents.moneyString)
        var billing: JSONValue = .null
        var customerValue: JSONValue = .null
        if let customer {
            billing = address(customer, isDefault: true)
            customerValue = [
                "id": .int(customerIDBase + customer.id), "email": .string(customer.email),
                "first_name": .string(customer.firstName), "last_name": .string(customer.lastName),
            ]
        }
        return [
            "id": .int(orderIDBase + order.id),
            "name": .string("#\(order.number)"),
            "number": .int(order.number - 1000),
            "order_number": .int(order.number),
            "email": .string(order.email),
            "created_at": time(order.createdAt), "updated_at": time(order.updatedAt),
            "processed_at": time(order.createdAt),
            "closed_at": time(order.status == .closed ? order.closedAt : nil),
            "cancelled_at": time(order.status == .cancelled ? order.closedAt : nil),
            "cancel_reason": order.status == .cancelled ? "customer" : .null,
            "financial_status": .string(order.financialStatus),
            "fulfillment_status": order.status == .closed ? "fulfilled" : .null,
            "currency": .string(order.currency),
            "total_price": total, "subtotal_price": total, "total_tax": "0.00",
            "tags": "", "source_name": "web",
            "line_items": .array(order.lineItems.map(lineItem)),
            "customer": customerValue, "billing_address": billing, "shipping_address": billing,
        ]
    }

    static func lineItem(_ item: LineItem) -> JSONValue {
        [
            "id": .int(1_300_000_000_000 + item.id),
            "product_id": .int(item.product.productID), "variant_id": .int(item.product.variantID),
            "sku": .string(item.product.sku), "title": .string(item.product.title), "name": .string(item.product.title),
            "vendor": .string(item.product.vendor), "quantity": .int(item.quantity),
            "price": .string(item.unitPriceCents.moneyString),
        ]
    }

    /// `/products.json` entries; `product_type` carries the category the use cases segment on.
    static func product(_ product: Product, baseDate: Date) -> JSONValue {
        let created = time(baseDate.addingTimeInterval(-800 * 86_400 + Double(product.productID % 100) * 3600))
        return [
            "id": .int(product.productID), "title": .string(product.title), "vendor": .string(product.vendor),
            "product_type": .string(product.category.rawValue), "handle": .string(product.sku.lowercased()),
            "created_at": created, "updated_at": created, "status": "active",
            "variants": [[
                "id": .int(product.variantID), "product_id": .int(product.productID), "sku": .string(product.sku),
                "price": .string(product.priceCents.moneyString), "title": "Default Title",
            ]],
        ]
    }
}
