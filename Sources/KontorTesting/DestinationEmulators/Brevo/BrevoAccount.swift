import KontorCore
import Synchronization

/// One contact of an emulated Brevo account.
public struct BrevoContact: Sendable, Hashable {
    public var id: Int
    public var email: String
    public var extID: String?
    /// Attributes by upper-case name (`FIRSTNAME`, …).
    public var attributes: [String: JSONValue]
    public var listIDs: Set<Int>
}

/// The contacts and lists of an emulated Brevo account; thread-safe.
public final class BrevoAccount: Sendable {
    struct State {
        var contacts: [String: BrevoContact] = [:]
        var lists: Set<Int>
        var nextContactID = 0
        var nextProcessID = 0
        var skippedImports: [String] = []
        var deleted: [String] = []

        func contact(identifier: String) -> BrevoContact? {
            if let found = contacts[identifier.lowercased()] { return found }
            if let id = Int(identifier) { return contacts.values.first { $0.id == id } }
            return contacts.values.first { $0.extID == identifier }
        }

        /// Creates or updates a contact by e-mail; returns the contact and whether it was new.
        @discardableResult
        mutating func upsert(email: String, attributes: [String: JSONValue], extID: String?, lists: [Int], update: Bool) -> Bool {
            let key = email.lowercased()
            if var existing = contacts[key] {
                guard update else { return false }
                for (name, value) in attributes { existing.attributes[name.uppercased()] = value }
                existing.extID = extID ?? existing.extID
                existing.listIDs.formUnion(lists)
                contacts[key] = existing
                return false
            }
            nextContactID += 1
            var upper: [String: JSONValue] = [:]
            for (name, value) in attributes { upper[name.uppercased()] = value }
            contacts[key] = BrevoContact(id: nextContactID, email: email, extID: extID, attributes: upper, listIDs: Set(lists))
            return true
        }
    }

    let state: Mutex<State>

    init(listIDs: [Int]) {
        state = Mutex(State(lists: Set(listIDs)))
    }

    /// Every contact by lower-cased e-mail.
    public var contacts: [String: BrevoContact] { state.withLock { $0.contacts } }
    /// Lower-cased e-mails of the contacts on a list: what a mirrored segment must equal.
    public func memberEmails(list: Int) -> Set<String> {
        state.withLock { Set($0.contacts.values.filter { $0.listIDs.contains(list) }.map { $0.email.lowercased() }) }
    }
    /// E-mails an import skipped (invalid or refused by the knobs).
    public var skippedImports: [String] { state.withLock { $0.skippedImports } }
    /// E-mails of contacts deleted with `DELETE /v3/contacts/{identifier}`, in order.
    public var deletedContacts: [String] { state.withLock { $0.deleted } }
}
