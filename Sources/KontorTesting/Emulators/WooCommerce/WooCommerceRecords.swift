import Foundation
import KontorCore

/// How generated people and orders look in WooCommerce REST v3 (api_facts §2 [V]); money as 2-decimal strings.
enum WooCommerceRecords {
    static func time(_ date: Date?) -> JSONValue {
        date.map { .string(EmulatorTimestamp.format($0, .local)) } ?? .null
    }

    static func billing(_ person: Person, withContact: Bool) -> JSONValue {
        var fields: [String: JSONValue] = [
            "first_name": .string(person.firstName), "last_name": .string(person.lastName), "company": "",
            "address_1": .string(person.address.line1), "address_2": "", "city": .string(person.address.city),
            "postcode": .string(person.address.postalCode), "country": .string(person.address.countryCode),
            "state": .string(person.address.region ?? ""),
        ]
        if withContact {
            fields["email"] = .string(person.email)
            fields["phone"] = .string(person.phone ?? "")
        }
        return .object(fields)
    }

    static func customer(_ person: Person, isPaying: Bool) -> JSONValue {
        [
            "id": .int(person.id),
            "date_created": time(person.createdAt), "date_created_gmt": time(person.createdAt),
            "date_modified": time(person.updatedAt), "date_modified_gmt": time(person.updatedAt),
            "email": .string(person.email), "first_name": .string(person.firstName), "last_name": .string(person.lastName),
            "role": "customer", "username": .string(String(person.email.prefix { $0 != "@" }).lowercased()),
            "billing": billing(person, withContact: true), "shipping": billing(person, withContact: false),
            "is_paying_customer": .bool(isPaying),
            "avatar_url": "https://secure.gravatar.com/avatar/?s=96&d=mm&r=g",
            "meta_data": [["id": .int(person.id * 10), "key": "email_consent", "value": .string(person.emailConsent.rawValue)]],
        ]
    }

    /// WooCommerce's status for a generated order.
    static func status(_ order: Order) -> String {
        switch order.status {
        case .open: return order.financialStatus == "pending" ? "pending" : "processing"
        case .closed: return order.financialStatus == "refunded" ? "refunded" : "completed"
        case .cancelled: return "cancelled"
        }
    }

    static func order(_ order: Order, customer: Person?) -> JSONValue {
        let paid = order.financialStatus == "pending" ? nil : order.createdAt
        return [
            "id": .int(order.id), "parent_id": 0, "number": .string(String(order.number)),
            "order_key": .string("wc_order_\(String(order.id * 7919, radix: 36))"), "created_via": "checkout",
            "status": .string(status(order)), "currency": .string(order.currency),
            "date_created": time(order.createdAt), "date_created_gmt": time(order.createdAt),
            "date_modified": time(order.updatedAt), "date_modified_gmt": time(order.updatedAt),
            "date_paid_gmt": time(paid), "date_completed_gmt": time(order.status == .closed ? order.closedAt : nil),
            "total": .string(order.totalCents.moneyString), "total_tax": "0.00", "shipping_total": "0.00",
            "customer_id": .int(customer?.id ?? 0),
            "billing": customer.map { billing($0, withContact: true) } ?? ["email": .string(order.email)],
            "shipping": customer.map { billing($0, withContact: false) } ?? [:],
            "payment_method": "stripe",
            "line_items": .array(order.lineItems.map { item in
                [
                    "id": .int(item.id), "name": .string(item.product.title), "product_id": .int(item.product.productID),
                    "variation_id": 0, "quantity": .int(item.quantity), "tax_class": "",
                    "subtotal": .string(item.totalCents.moneyString), "total": .string(item.totalCents.moneyString),
                    "sku": .string(item.product.sku), "price": .double(Double(item.unitPriceCents) / 100),
                    "meta_data": [["key": "category", "value": .string(item.product.category.rawValue)],
                                  ["key": "brand", "value": .string(item.product.vendor)]],
                ]
            }),
        ]
    }
}
