import Foundation
import KontorCore
import KontorStore

extension ProfileStoreConformance {
    /// Events attach to profiles, can be moved, and read back by seq.
    public func checkEventAttribution() async throws {
        try await withStore { store in
            let messages = (0..<4).map { Message(type: .track, messageId: "e-\($0)", timestamp: Self.at($0), userId: "u", event: "Viewed") }
            let seqs = try await store.append(messages, source: "web").seqs
            try await store.profileTransaction { tx in
                try tx.saveProfile(Self.sampleProfile("p-1"))
                try tx.saveProfile(Self.sampleProfile("p-2"))
                for (index, seq) in seqs.enumerated() {
                    try tx.attribute(AttributedEvent(seq: seq, messageID: "e-\(index)", profile: index < 2 ? "p-1" : "p-2"))
                }
                try tx.attribute(AttributedEvent(seq: seqs[3], messageID: "e-3", profile: "p-1"))
            }
            let (ofOne, ofBoth, stored) = try await store.profileRead { reader in
                (try reader.attributedEvents(of: ["p-1"]), try reader.attributedEvents(of: ["p-1", "p-2"]),
                 try reader.events(seqs: [seqs[2], seqs[0], 999_999]))
            }
            try expectEqual(ofOne.map(\.seq), [seqs[0], seqs[1], seqs[3]], "p-1's events after the move, in seq order")
            try expectEqual(ofBoth.map(\.messageID), ["e-0", "e-1", "e-2", "e-3"], "both profiles' events")
            try expectEqual(stored.map(\.message.messageId), ["e-0", "e-2"], "events by seq, unknown seqs left out")
            try expectEqual(stored.first?.source, "web", "the stored event's source")
        }
    }

    /// Entering opens a stay, exiting closes it with its reason; sizes and members count open stays only.
    public func checkMembershipStays() async throws {
        try await withStore { store in
            @Sendable func change(_ segment: String, _ profile: ProfileID, _ direction: MembershipChange.Direction,
                        _ reason: MembershipReason, _ seconds: Int, detail: String? = nil) -> MembershipChange {
                MembershipChange(segment: segment, profile: profile, direction: direction, reason: reason, detail: detail, at: Self.at(seconds))
            }
            try await store.profileTransaction { tx in
                for id in ["p-1", "p-2", "p-3"] { try tx.saveProfile(Self.sampleProfile(id)) }
                try tx.applyMembershipChanges([
                    change("vip", "p-1", .entered, .ruleMatched, 10), change("vip", "p-2", .entered, .ruleMatched, 10),
                    change("buyers", "p-1", .entered, .ruleMatched, 10),
                ])
                try tx.applyMembershipChanges([
                    change("vip", "p-1", .exited, .evaluationFailed, 20, detail: "cannot compare none with 18"),
                    change("vip", "p-1", .entered, .ruleMatched, 30),
                    change("vip", "p-2", .exited, .ruleUnmatched, 30),
                ])
            }
            try await store.profileRead { reader in
                try expectEqual(try reader.segmentSizes(), ["vip": 1, "buyers": 1], "segment sizes")
                try expectEqual(try reader.members(of: "vip", limit: 10), ["p-1"], "vip members")
                try expectEqual(try reader.openSegments(of: ["p-1", "p-2", "p-3"]), ["p-1": ["vip", "buyers"]], "open segments")
                let stays = try reader.memberships(of: "p-1").filter { $0.segment == "vip" }
                try expectEqual(stays.count, 2, "p-1's stays in vip")
                try expectEqual(stays.first?.exitedAt, Self.at(20), "the first stay's end")
                try expectEqual(stays.first?.exitReason, .evaluationFailed, "the first stay's exit reason")
                try expectEqual(stays.first?.detail, "cannot compare none with 18", "the evaluation error")
                try expectEqual(stays.last?.isOpen, true, "the second stay is open")
                try expectEqual(try reader.memberships(of: "p-2").first?.exitReason, .ruleUnmatched, "p-2's exit reason")
            }
        }
    }

    /// Dirty profiles are listed (merged-away ones too) until their marks are cleared.
    public func checkDirtyMarks() async throws {
        try await withStore { store in
            try await store.profileTransaction { tx in
                var clean = Self.sampleProfile("p-clean")
                clean.isDirty = false
                try tx.saveProfile(clean)
                try tx.saveProfile(Self.sampleProfile("p-1"))
                var merged = Self.sampleProfile("p-2")
                merged.mergedInto = "p-1"
                try tx.saveProfile(merged)
            }
            try expectEqual(try await store.profileRead { try $0.dirtyProfiles(limit: 10) }.map(\.id), ["p-1", "p-2"], "dirty profiles")
            try await store.profileTransaction { try $0.clearDirty(["p-1"]) }
            try expectEqual(try await store.profileRead { try $0.dirtyProfiles(limit: 10) }.map(\.id), ["p-2"], "after clearing p-1")
            try expectEqual(try await store.profileRead { try $0.profile("p-1")?.isDirty }, false, "p-1's mark")
        }
    }

    /// Audit entries round-trip and are listed per subject, oldest first.
    public func checkAuditLog() async throws {
        try await withStore { store in
            try await store.profileTransaction { tx in
                try tx.appendAudit(AuditEntry(at: Self.at(20), actor: "cli", action: "unmerge", subject: "p-1", details: ["merge_id": 3]))
                try tx.appendAudit(AuditEntry(at: Self.at(10), actor: "profile-builder", action: "merge", subject: "p-1", details: ["merge_id": 3]))
                try tx.appendAudit(AuditEntry(at: Self.at(15), actor: "profile-builder", action: "merge", subject: "p-2"))
            }
            let entries = try await store.profileRead { try $0.auditEntries(subject: "p-1") }
            try expectEqual(entries.map(\.action), ["merge", "unmerge"], "p-1's entries, oldest first")
            try expectEqual(entries.first?.details, ["merge_id": 3], "an entry's details")
            try expectEqual(entries.first?.at, Self.at(10), "an entry's time")
        }
    }

    /// A throwing body leaves no profile, identity, merge, membership or position behind.
    public func checkThrowingProfileTransactionLeavesNothing() async throws {
        struct Abort: Error {}
        try await withStore { store in
            do {
                try await store.profileTransaction { tx in
                    try tx.saveProfile(Self.sampleProfile("p-1"))
                    try tx.assign([Identity(.email, "a@example.com")], to: "p-1")
                    _ = try tx.recordMerge(Self.mergeRecord(into: "p-1", absorbing: "p-2", message: "m", seconds: 1))
                    try tx.applyMembershipChanges([
                        MembershipChange(segment: "vip", profile: "p-1", direction: .entered, reason: .ruleMatched, at: Self.at(1)),
                    ])
                    try tx.setPosition(9, consumer: "profiles")
                    throw Abort()
                }
                throw ConformanceFailure("the body's error was swallowed")
            } catch is Abort {}
            try await store.profileRead { reader in
                try expectEqual(try reader.profileCount(), 0, "profiles after the rollback")
                try expectEqual(try reader.owner(of: Identity(.email, "a@example.com")), nil, "identities after the rollback")
                try expectEqual(try reader.merges(involving: ["p-1"]).count, 0, "merges after the rollback")
                try expectEqual(try reader.segmentSizes(), [:], "memberships after the rollback")
            }
            try expectEqual(try await store.position(consumer: "profiles"), 0, "the position after the rollback")
        }
    }

    /// Negative limits and empty ids are refused before anything is written.
    public func checkInvalidProfileArguments() async throws {
        try await withStore { store in
            try await expectStoreError(.invalidArgument, "a negative limit") {
                _ = try await store.profileRead { try $0.profiles(after: nil, limit: -1) }
            }
            try await expectStoreError(.invalidArgument, "an empty profile id") {
                try await store.profileTransaction { try $0.saveProfile(StoredProfile(id: "", createdAt: Self.at(0), updatedAt: Self.at(0))) }
            }
        }
    }
}
