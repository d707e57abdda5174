import Foundation
import KontorCore
import KontorRuntime
import KontorStore

/// Everything the store holds about one person, read in one snapshot:
/// the live profile, the profiles merged into it, its memberships, merges,
/// audit entries and (for an export) its events.
struct ProfilesDossier: Sendable {
    var profile: StoredProfile
    var mergedFrom: ProfileID?
    /// Profiles merged into this one, directly or not.
    var absorbed: [ProfileID]
    var memberships: [MembershipStay]
    var merges: [StoredMerge]
    var audit: [AuditEntry]
    var events: [StoredEvent]

    static func read(_ argument: String, from workspace: ProfilesWorkspace, withEvents: Bool) async throws -> ProfilesDossier {
        let lookup = ProfilesLookup(argument: argument, rules: workspace.model.identity)
        return try await workspace.store.profileRead { reader in
            let found = try lookup.find(in: reader)
            guard let profile = try reader.profile(found.id) else {
                throw CommandFailure(message: "kontor: profile '\(found.id)' disappeared while reading it")
            }
            let family = try reader.family(of: profile.id)
            var audit: [AuditEntry] = []
            for id in family.sorted() { audit += try reader.auditEntries(subject: id) }
            var events: [StoredEvent] = []
            if withEvents {
                events = try reader.events(seqs: try reader.attributedEvents(of: family).map(\.seq))
            }
            return ProfilesDossier(
                profile: profile, mergedFrom: found.mergedFrom, absorbed: family.subtracting([profile.id]).sorted(),
                memberships: try reader.memberships(of: profile.id), merges: try reader.merges(involving: family),
                audit: audit.sorted { $0.at < $1.at }, events: events)
        }
    }

    /// The dossier as JSON (`kontor profiles show --json`; `export` adds events and the audit log).
    func json(model: ProfileModel, now: Date, export: Bool) throws -> JSONValue {
        let view = model.view(of: profile, at: now)
        var object: [String: JSONValue] = [
            "id": .string(profile.id),
            "created_at": Self.time(profile.createdAt),
            "updated_at": Self.time(profile.updatedAt),
            "identities": .object(view.identities.reduce(into: [:]) { $0[$1.key.rawValue] = .array($1.value.map(JSONValue.string)) }),
            "traits": profile.traits.traits,
            "trait_sources": .array(profile.traits.leaves.sorted { $0.key < $1.key }.map { path, leaf in
                [
                    "path": .string(path.description), "value": leaf.value, "source": .string(leaf.source),
                    "at": Self.time(leaf.at), "message_id": .string(leaf.messageID),
                ]
            }),
            "computed": .object(view.computed),
            "consent": .object(view.consent),
            "consent_history": .array(profile.consent.history.map { entry in
                [
                    "purpose": .string(entry.purpose), "granted": .bool(entry.granted), "source": .string(entry.source),
                    "at": Self.time(entry.at), "message_id": .string(entry.messageID),
                ]
            }),
            "segments": .array(memberships.filter(\.isOpen).map { .string($0.segment) }),
            "segment_history": .array(memberships.map(Self.json)),
            "merges": .array(merges.map(Self.json)),
            "absorbed_profiles": .array(absorbed.map(JSONValue.string)),
        ]
        if let first = profile.traits.firstSeen { object["first_seen"] = Self.time(first) }
        if let last = profile.traits.lastSeen { object["last_seen"] = Self.time(last) }
        if let mergedFrom { object["requested_id"] = .string(mergedFrom) }
        if export {
            object["exported_at"] = Self.time(now)
            let coding = MessageCoding()
            object["events"] = .array(try events.map { event in
                [
                    "seq": .int(Int(event.seq)), "source": .string(event.source), "received_at": Self.time(event.receivedAt),
                    "message": try coding.decodeJSON(try coding.encode(event.message)),
                ]
            })
            object["audit_log"] = .array(audit.map { entry in
                [
                    "at": Self.time(entry.at), "actor": .string(entry.actor), "action": .string(entry.action),
                    "subject": entry.subject.map(JSONValue.string) ?? .null, "details": entry.details,
                ]
            })
        }
        return .object(object)
    }

    static func time(_ date: Date) -> JSONValue { .string(DateFormat.rfc3339.string(from: date)) }

    private static func json(_ stay: MembershipStay) -> JSONValue {
        var object: [String: JSONValue] = [
            "segment": .string(stay.segment), "entered_at": time(stay.enteredAt), "enter_reason": .string(stay.enterReason.rawValue),
        ]
        if let exited = stay.exitedAt { object["exited_at"] = time(exited) }
        if let reason = stay.exitReason { object["exit_reason"] = .string(reason.rawValue) }
        if let detail = stay.detail { object["detail"] = .string(detail) }
        return .object(object)
    }

    private static func json(_ merge: StoredMerge) -> JSONValue {
        var object: [String: JSONValue] = [
            "id": .int(Int(merge.id.rawValue)), "into": .string(merge.into),
            "absorbed": .array(merge.absorbed.map(JSONValue.string)), "message_id": .string(merge.record.messageID),
            "at": time(merge.record.at), "summary": .string(merge.record.summary),
        ]
        if let undone = merge.unmergedAt { object["unmerged_at"] = time(undone) }
        return .object(object)
    }
}
