import Foundation
import KontorCore
import Synchronization

/// One profile of an emulated Klaviyo account.
public struct KlaviyoProfile: Sendable, Hashable {
    public var id: String
    public var email: String?
    public var phoneNumber: String?
    public var externalID: String?
    /// `first_name`, `last_name`, `location`, … as sent.
    public var attributes: [String: JSONValue]
    /// Custom properties.
    public var properties: [String: JSONValue]
}

/// A bulk profile import job.
public struct KlaviyoImportJob: Sendable, Hashable {
    public var id: String
    public var total: Int
    public var failed: [JSONValue]
    public var polls: Int
}

/// The profiles, lists and import jobs of an emulated account; thread-safe.
public final class KlaviyoAccount: Sendable {
    struct State {
        var profiles: [String: KlaviyoProfile] = [:]
        var byEmail: [String: String] = [:]
        var byPhone: [String: String] = [:]
        var byExternalID: [String: String] = [:]
        var lists: [String: Set<String>] = [:]
        var jobs: [String: KlaviyoImportJob] = [:]
        var erased: [String] = []
        var nextID = 0

        mutating func newID(prefix: String) -> String {
            nextID += 1
            return prefix + String(nextID).leftPadded(to: 20)
        }

        /// The profile an upsert by email, phone or external id lands on.
        func existing(email: String?, phone: String?, externalID: String?) -> String? {
            email.flatMap { byEmail[$0.lowercased()] } ?? phone.flatMap { byPhone[$0] } ?? externalID.flatMap { byExternalID[$0] }
        }

        mutating func index(_ profile: KlaviyoProfile) {
            if let email = profile.email { byEmail[email.lowercased()] = profile.id }
            if let phone = profile.phoneNumber { byPhone[phone] = profile.id }
            if let external = profile.externalID { byExternalID[external] = profile.id }
        }

        mutating func delete(_ id: String) {
            guard let profile = profiles.removeValue(forKey: id) else { return }
            if let email = profile.email { byEmail[email.lowercased()] = nil }
            if let phone = profile.phoneNumber { byPhone[phone] = nil }
            if let external = profile.externalID { byExternalID[external] = nil }
            for key in lists.keys { lists[key]?.remove(id) }
            erased.append(id)
        }
    }

    let state: Mutex<State>

    init(listIDs: [String]) {
        var initial = State()
        for id in listIDs { initial.lists[id] = [] }
        state = Mutex(initial)
    }

    /// Every profile by id.
    public var profiles: [String: KlaviyoProfile] { state.withLock { $0.profiles } }
    /// The profile with this e-mail (any case).
    public func profile(email: String) -> KlaviyoProfile? {
        state.withLock { state in state.byEmail[email.lowercased()].flatMap { state.profiles[$0] } }
    }
    /// Profile ids on a list.
    public func memberIDs(list: String) -> Set<String> { state.withLock { $0.lists[list] ?? [] } }
    /// Lower-cased e-mails of the profiles on a list: what a mirrored segment must equal.
    public func memberEmails(list: String) -> Set<String> {
        state.withLock { state in Set((state.lists[list] ?? []).compactMap { state.profiles[$0]?.email?.lowercased() }) }
    }
    /// Import jobs by id.
    public var jobs: [String: KlaviyoImportJob] { state.withLock { $0.jobs } }
    /// Ids of profiles deleted by data-privacy deletion jobs, in order.
    public var erasedProfileIDs: [String] { state.withLock { $0.erased } }
}
