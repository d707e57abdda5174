import Foundation
import KontorCore

/// One lead per generated person, created at the person's `updatedAt`. A touch is a new submission of
/// the form, and so a new lead with a new id, as Meta makes one per submission (leads are never edited).
struct MetaLead {
    static let idBase = 1_200_000_000_000_000
    static let defaultFields = ["created_time", "id", "field_data"]

    var person: Person
    /// The data set's base date: submissions after it (touches) get ids of their own.
    var baseDate = CustomerDataSet.defaultBaseDate

    /// `idBase + person id` for the generated lead; a later submission adds its creation second.
    var id: Int {
        guard createdAt >= baseDate else { return Self.idBase + person.id }
        return Self.idBase + person.id + 10_000_000 * (Int(createdAt.timeIntervalSince1970) % 100_000_000)
    }

    var createdAt: Date { person.updatedAt }

    /// Newest first, as Graph lists leads.
    static func precedes(_ lhs: MetaLead, _ rhs: MetaLead) -> Bool {
        (lhs.createdAt, lhs.id) > (rhs.createdAt, rhs.id)
    }

    /// The opaque paging cursor of this lead's position.
    var cursor: String {
        Data("\(Int64(createdAt.timeIntervalSince1970)):\(id)".utf8).base64EncodedString()
    }

    /// The (time, id) position a cursor encodes.
    static func position(_ cursor: String) -> (Int64, Int)? {
        guard let data = Data(base64Encoded: cursor) else { return nil }
        let parts = String(decoding: data, as: UTF8.self).split(separator: ":")
        guard parts.count == 2, let time = Int64(parts[0]), let id = Int(parts[1]) else { return nil }
        return (time, id)
    }

    var position: (Int64, Int) { (Int64(createdAt.timeIntervalSince1970), id) }

    func record(fields: [String], formID: String, seed: UInt64) -> JSONValue {
        var random = SeededRandom(seed: seed ^ 0x1EAD, index: person.id)
        let campaign = random.int(in: 1...3)
        var data: [JSONValue] = [
            ["name": "email", "values": [.string(person.email)]],
            ["name": "full_name", "values": [.string(person.fullName)]],
            ["name": "city", "values": [.string(person.address.city)]],
            ["name": "which_product_are_you_interested_in?", "values": [.string(random.pick(ProductCategory.allCases).rawValue)]],
        ]
        if let phone = person.phoneE164 { data.insert(["name": "phone_number", "values": [.string(phone)]], at: 2) }
        let all: [String: JSONValue] = [
            "id": .string(String(id)), "created_time": .string(EmulatorTimestamp.format(createdAt, .compactOffset)),
            "field_data": .array(data), "form_id": .string(formID),
            "ad_id": .string("2385000000000\(campaign)"), "ad_name": .string("Autumn collection \(campaign)"),
            "adset_id": .string("2384000000000\(campaign)"), "adset_name": .string("Runners DACH \(campaign)"),
            "campaign_id": .string("2383000000000\(campaign)"), "campaign_name": "Seasonal early access",
            "is_organic": .bool(random.chance(0.1)), "platform": .string(random.chance(0.5) ? "fb" : "ig"),
            // The form's optional "newsletter_optin" checkbox: "1" when ticked, "" when not.
            "partner_name": .null,
            "custom_disclaimer_responses": [["checkbox_key": "newsletter_optin", "is_checked": person.emailConsent == .subscribed ? "1" : ""]],
        ]
        return .object(all.filter { fields.contains($0.key) })
    }
}
