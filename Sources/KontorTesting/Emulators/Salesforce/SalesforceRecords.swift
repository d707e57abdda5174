import Foundation
import KontorCore

/// Generated people as Salesforce `Contact` records.
enum SalesforceRecords {
    /// The queryable Contact fields, by their canonical spelling.
    static let fields = [
        "Id", "FirstName", "LastName", "Name", "Email", "Phone", "MobilePhone", "MailingStreet", "MailingCity",
        "MailingPostalCode", "MailingState", "MailingCountry", "HasOptedOutOfEmail", "Birthdate",
        "CreatedDate", "LastModifiedDate", "SystemModstamp", "IsDeleted",
    ]
    static let dateFields: Set<String> = ["CreatedDate", "LastModifiedDate", "SystemModstamp"]

    /// `003` + 12 digits + `AAQ`: 18 characters that sort like the generated ids.
    static func id(_ person: Person) -> String {
        "003" + String(person.id).leftPadded(to: 12) + "AAQ"
    }

    /// The canonical spelling of a field name (SOQL is case-insensitive), or nil when Contact has no such field.
    static func canonical(_ field: String) -> String? {
        fields.first { $0.lowercased() == field.lowercased() }
    }

    static func value(_ field: String, of person: Person) -> JSONValue {
        func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        func time(_ date: Date) -> JSONValue { .string(EmulatorTimestamp.format(date, .millisecondsCompactOffset)) }
        switch field {
        case "Id": return .string(id(person))
        case "FirstName": return .string(person.firstName)
        case "LastName": return .string(person.lastName)
        case "Name": return .string(person.fullName)
        case "Email": return .string(person.email)
        case "Phone": return text(person.phone)
        case "MobilePhone": return text(person.phoneE164)
        case "MailingStreet": return .string(person.address.line1)
        case "MailingCity": return .string(person.address.city)
        case "MailingPostalCode": return .string(person.address.postalCode)
        case "MailingState": return text(person.address.region)
        case "MailingCountry": return .string(person.address.countryName)
        case "HasOptedOutOfEmail": return .bool(person.emailConsent == .unsubscribed)
        case "Birthdate": return text(person.birthday)
        case "CreatedDate": return time(person.createdAt)
        case "LastModifiedDate", "SystemModstamp": return time(person.updatedAt)
        case "IsDeleted": return false
        default: return .null
        }
    }

    static func record(_ person: Person, fields: [String], version: String) -> JSONValue {
        var object: [String: JSONValue] = [
            "attributes": ["type": "Contact", "url": .string("/services/data/\(version)/sobjects/Contact/\(id(person))")],
        ]
        for field in fields { object[field] = value(field, of: person) }
        return .object(object)
    }
}
