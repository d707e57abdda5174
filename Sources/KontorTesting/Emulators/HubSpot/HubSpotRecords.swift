import Foundation
import KontorCore

/// Generated people as HubSpot contacts: every property value is a string (api_facts §3).
enum HubSpotRecords {
    static let idBase = 100
    /// Returned when a request names no `properties`.
    static let defaultProperties = ["createdate", "email", "firstname", "hs_object_id", "lastmodifieddate", "lastname"]
    /// Returned whatever was requested.
    static let alwaysReturned = ["createdate", "hs_object_id", "lastmodifieddate"]
    /// Properties whose values are dates (filters compare them as epoch milliseconds).
    static let dateProperties: Set<String> = ["createdate", "lastmodifieddate", "hs_lastmodifieddate"]

    static func id(_ person: Person) -> String { String(idBase + person.id) }

    /// Every property the emulator knows for `person` (nil values are unknown to HubSpot).
    static func properties(_ person: Person) -> [String: String?] {
        let created = EmulatorTimestamp.format(person.createdAt, .zuluMilliseconds)
        let modified = EmulatorTimestamp.format(person.updatedAt, .zuluMilliseconds)
        return [
            "hs_object_id": id(person), "email": person.email, "firstname": person.firstName, "lastname": person.lastName,
            "phone": person.phone, "mobilephone": person.phoneE164, "address": person.address.line1,
            "city": person.address.city, "zip": person.address.postalCode, "state": person.address.region,
            "country": person.address.countryName, "date_of_birth": person.birthday,
            "lifecyclestage": person.tags.contains("vip") ? "customer" : "lead",
            "hs_email_optout": person.emailConsent == .unsubscribed ? "true" : "false",
            "hs_language": person.locale,
            "createdate": created, "lastmodifieddate": modified, "hs_lastmodifieddate": modified,
        ]
    }

    /// A contact object with the `requested` properties (or the defaults).
    static func contact(_ person: Person, requested: [String]?) -> JSONValue {
        let all = properties(person)
        let names = Set((requested.flatMap { $0.isEmpty ? nil : $0 } ?? defaultProperties) + alwaysReturned)
        var values: [String: JSONValue] = [:]
        for name in names {
            if let value = all[name] { values[name] = value.map(JSONValue.string) ?? .null } else if requested != nil { values[name] = .null }
        }
        return [
            "id": .string(id(person)), "properties": .object(values),
            "createdAt": .string(EmulatorTimestamp.format(person.createdAt, .zuluMilliseconds)),
            "updatedAt": .string(EmulatorTimestamp.format(person.updatedAt, .zuluMilliseconds)),
            "archived": false,
        ]
    }

    /// `properties=email,firstname` (repeated or comma-separated) as a list; nil when absent.
    static func requestedProperties(_ query: QueryParameters) -> [String]? {
        let values = query.all("properties")
        guard !values.isEmpty else { return nil }
        return values.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
    }
}
