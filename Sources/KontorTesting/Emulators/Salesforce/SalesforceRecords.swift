import Foundation
import KontorCore

/// Generated people as Salesforce `Contact` and `Lead` records.
enum SalesforceRecords {
    /// The Contact fields (see ``SalesforceObject/fields``).
    static var fields: [String] { SalesforceObject.contact.fields }
    static let dateFields: Set<String> = ["CreatedDate", "LastModifiedDate", "SystemModstamp"]

    /// `003` (`00Q` for leads) + 12 digits + `AAQ`: 18 characters that sort like the generated ids.
    static func id(_ person: Person) -> String { id(person, .contact) }

    static func id(_ person: Person, _ object: SalesforceObject) -> String {
        object.keyPrefix + String(person.id).leftPadded(to: 12) + "AAQ"
    }

    /// The canonical spelling of a Contact field, or nil when Contact has no such field.
    static func canonical(_ field: String) -> String? {
        SalesforceObject.contact.canonical(field)
    }

    static func value(_ field: String, of person: Person, _ object: SalesforceObject = .contact) -> JSONValue {
        func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        func time(_ date: Date) -> JSONValue { .string(EmulatorTimestamp.format(date, .millisecondsCompactOffset)) }
        let converted = person.tags.contains("vip")
        switch (field, object) {
        case ("Id", _): return .string(id(person, object))
        case ("FirstName", _): return .string(person.firstName)
        case ("LastName", _): return .string(person.lastName)
        case ("Name", _): return .string(person.fullName)
        case ("Email", _): return .string(person.email)
        case ("Phone", _): return text(person.phone)
        case ("MobilePhone", _): return text(person.phoneE164)
        case ("MailingStreet", .contact), ("Street", .lead): return .string(person.address.line1)
        case ("MailingCity", .contact), ("City", .lead): return .string(person.address.city)
        case ("MailingPostalCode", .contact), ("PostalCode", .lead): return .string(person.address.postalCode)
        case ("MailingState", .contact), ("State", .lead): return text(person.address.region)
        case ("MailingCountry", .contact), ("Country", .lead): return .string(person.address.countryName)
        case ("HasOptedOutOfEmail", _): return .bool(person.emailConsent == .unsubscribed)
        case ("Birthdate", .contact): return text(person.birthday)
        case ("Company", .lead): return .string("\(person.lastName) \(["GmbH", "Ltd", "SARL", "BV"][person.id % 4])")
        case ("LeadSource", .lead): return .string(["Web", "Trade Show", "Partner Referral", "Phone Inquiry"][person.id % 4])
        case ("Status", .lead): return .string(converted ? "Closed - Converted" : person.id % 2 == 0 ? "Working - Contacted" : "Open - Not Contacted")
        case ("IsConverted", .lead): return .bool(converted)
        case ("ConvertedContactId", .lead): return converted ? .string(id(person, .contact)) : .null
        case ("CreatedDate", _): return time(person.createdAt)
        case ("LastModifiedDate", _), ("SystemModstamp", _): return time(person.updatedAt)
        case ("IsDeleted", _): return false
        default: return .null
        }
    }

    static func record(_ person: Person, fields: [String], version: String, object: SalesforceObject = .contact) -> JSONValue {
        var values: [String: JSONValue] = [
            "attributes": ["type": .string(object.rawValue), "url": .string("/services/data/\(version)/sobjects/\(object.rawValue)/\(id(person, object))")],
        ]
        for field in fields { values[field] = value(field, of: person, object) }
        return .object(values)
    }
}
