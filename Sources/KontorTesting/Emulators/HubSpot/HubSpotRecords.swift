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

    /// Every property the emulator knows for `person` (nil values are unknown to HubSpot),
    /// or only those named in `only` (a search computes what its filters and sorts read).
    static func properties(_ person: Person, only: Set<String>? = nil) -> [String: String?] {
        var values: [String: String?] = [:]
        for name in only ?? allProperties {
            if let value = property(name, of: person) { values.updateValue(value, forKey: name) }
        }
        return values
    }

    /// The properties a search filters and sorts on; dates as epoch milliseconds, which is how
    /// search compares them (and cheaper than formatting and parsing every contact's dates).
    static func searchProperties(_ person: Person, only: Set<String>) -> [String: String?] {
        var values: [String: String?] = [:]
        for name in only {
            switch name {
            case "createdate": values[name] = String(EmulatorTimestamp.epochMilliseconds(person.createdAt))
            case "lastmodifieddate", "hs_lastmodifieddate": values[name] = String(EmulatorTimestamp.epochMilliseconds(person.updatedAt))
            default: if let value = property(name, of: person) { values.updateValue(value, forKey: name) }
            }
        }
        return values
    }

    static let allProperties: Set<String> = [
        "hs_object_id", "email", "firstname", "lastname", "phone", "mobilephone", "address", "city", "zip", "state",
        "country", "date_of_birth", "lifecyclestage", "hs_email_optout", "hs_language", "createdate", "lastmodifieddate",
        "hs_lastmodifieddate",
    ]

    /// One property: `.some(nil)` when known but empty, nil when HubSpot has no such property.
    static func property(_ name: String, of person: Person) -> String?? {
        switch name {
        case "hs_object_id": return .some(id(person))
        case "email": return .some(person.email)
        case "firstname": return .some(person.firstName)
        case "lastname": return .some(person.lastName)
        case "phone": return .some(person.phone)
        case "mobilephone": return .some(person.phoneE164)
        case "address": return .some(person.address.line1)
        case "city": return .some(person.address.city)
        case "zip": return .some(person.address.postalCode)
        case "state": return .some(person.address.region)
        case "country": return .some(person.address.countryName)
        case "date_of_birth": return .some(person.birthday)
        case "lifecyclestage": return .some(person.tags.contains("vip") ? "customer" : "lead")
        case "hs_email_optout": return .some(person.emailConsent == .unsubscribed ? "true" : "false")
        case "hs_language": return .some(person.locale)
        case "createdate": return .some(EmulatorTimestamp.format(person.createdAt, .zuluMilliseconds))
        case "lastmodifieddate", "hs_lastmodifieddate": return .some(EmulatorTimestamp.format(person.updatedAt, .zuluMilliseconds))
        default: return nil
        }
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
