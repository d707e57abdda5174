/// The sObjects the emulator serves: every generated person is a `Contact` and also a `Lead`
/// (the VIPs' leads converted into their contacts), so both streams of a CRM have data.
enum SalesforceObject: String, CaseIterable {
    case contact = "Contact"
    case lead = "Lead"

    /// The object named in a SOQL `FROM` (case-insensitive), or nil for one the emulator lacks.
    init?(named name: String) {
        guard let object = Self.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else { return nil }
        self = object
    }

    /// The queryable fields, by their canonical spelling.
    var fields: [String] {
        switch self {
        case .contact:
            return [
                "Id", "FirstName", "LastName", "Name", "Email", "Phone", "MobilePhone", "MailingStreet", "MailingCity",
                "MailingPostalCode", "MailingState", "MailingCountry", "HasOptedOutOfEmail", "Birthdate",
                "CreatedDate", "LastModifiedDate", "SystemModstamp", "IsDeleted",
            ]
        case .lead:
            return [
                "Id", "FirstName", "LastName", "Name", "Email", "Phone", "MobilePhone", "Company", "Street", "City",
                "PostalCode", "State", "Country", "LeadSource", "Status", "HasOptedOutOfEmail", "IsConverted",
                "ConvertedContactId", "CreatedDate", "LastModifiedDate", "SystemModstamp", "IsDeleted",
            ]
        }
    }

    /// The key prefix of the object's record ids (`003` contacts, `00Q` leads).
    var keyPrefix: String { self == .contact ? "003" : "00Q" }

    /// The canonical spelling of a field name (SOQL is case-insensitive), or nil when the object has no such field.
    func canonical(_ field: String) -> String? {
        fields.first { $0.lowercased() == field.lowercased() }
    }
}
