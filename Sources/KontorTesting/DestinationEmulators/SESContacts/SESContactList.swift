import Foundation
import KontorCore
import Synchronization

/// One contact of an emulated SES contact list.
public struct SESContact: Sendable, Hashable {
    public var emailAddress: String
    /// Topic name → `OPT_IN` / `OPT_OUT`.
    public var topicPreferences: [String: String]
    public var unsubscribeAll: Bool
    /// `AttributesData`, a JSON string as sent.
    public var attributesData: String?
    public var createdAt: Date
    public var updatedAt: Date

    func json(list: String, topics: [String]) -> JSONValue {
        var body: [String: JSONValue] = [
            "ContactListName": .string(list), "EmailAddress": .string(emailAddress), "UnsubscribeAll": .bool(unsubscribeAll),
            "TopicPreferences": .array(topicPreferences.sorted { $0.key < $1.key }.map { ["TopicName": .string($0.key), "SubscriptionStatus": .string($0.value)] }),
            "TopicDefaultPreferences": .array(topics.map { ["TopicName": .string($0), "SubscriptionStatus": "OPT_OUT"] }),
            "CreatedTimestamp": .double(createdAt.timeIntervalSince1970), "LastUpdatedTimestamp": .double(updatedAt.timeIntervalSince1970),
        ]
        if let attributesData { body["AttributesData"] = .string(attributesData) }
        return .object(body)
    }

    /// Applies `TopicPreferences`, `UnsubscribeAll` and `AttributesData` from a request body.
    mutating func apply(_ body: [String: JSONValue], at date: Date) {
        for preference in body["TopicPreferences"]?.arrayValue ?? [] {
            if let topic = preference["TopicName"]?.stringValue, let status = preference["SubscriptionStatus"]?.stringValue { topicPreferences[topic] = status }
        }
        if let unsubscribe = body["UnsubscribeAll"]?.boolValue { unsubscribeAll = unsubscribe }
        if let attributes = body["AttributesData"]?.stringValue { attributesData = attributes }
        updatedAt = date
    }
}

/// The contact lists of an emulated SES account, contacts keyed by lower-cased e-mail; thread-safe.
public final class SESAccount: Sendable {
    let lists: Mutex<[String: [String: SESContact]]>
    let deleted = Mutex<[String]>([])

    init(listNames: [String]) {
        lists = Mutex(Dictionary(uniqueKeysWithValues: listNames.map { ($0, [:]) }))
    }

    /// Contacts of a list by lower-cased e-mail.
    public func contacts(list: String) -> [String: SESContact] { lists.withLock { $0[list] ?? [:] } }
    /// Lower-cased e-mails on a list that have not unsubscribed from all: what a mirrored segment must equal.
    public func emails(list: String) -> Set<String> {
        Set(contacts(list: list).filter { !$0.value.unsubscribeAll }.keys)
    }
    /// E-mails removed with `DeleteContact`, in order.
    public var deletedEmails: [String] { deleted.withLock { $0 } }
}
