import Foundation
import KontorCore
import KontorStore

extension ProfileStoreConformance {
    /// A saved profile reads back equal (identities come from `assign`), in a read snapshot and in a transaction.
    public func checkProfileRoundTrip() async throws {
        try await withStore { store in
            var profile = Self.sampleProfile("p-1")
            let identities = [Identity(.email, "p-1@example.com"), Identity(.userID, "u-p-1")]
            let initial = profile
            try await store.profileTransaction { tx in
                try tx.saveProfile(initial)
                try tx.assign(identities, to: "p-1")
            }
            profile.identities = identities.sorted()
            let read = try await store.profileRead { try $0.profile("p-1") }
            try expectEqual(read, profile, "the profile read back")
            let inTransaction = try await store.profileTransaction { try $0.profile("p-1") }
            try expectEqual(inTransaction, profile, "the profile read in a transaction")
            try expectEqual(read?.traits.traits["preferences"]?["coffee"], "Lavazza", "a nested trait")
            try expectEqual(read?.traits.provenance(of: ["email"])?.source, "popup", "a trait's provenance")
            try expectEqual(try await store.profileRead { try $0.profile("p-missing") }, nil, "an unknown profile")
            profile.mergeCount = 3
            profile.traits.fold(
                Message(type: .identify, messageId: "later", timestamp: Self.at(500), traits: ["email": "new@example.com"]),
                source: "crm")
            let changed = profile
            try await store.profileTransaction { try $0.saveProfile(changed) }
            let updated = try await store.profileRead { try $0.profile("p-1") }
            try expectEqual(updated, profile, "the profile after saving it again")
        }
    }

    /// `assign` moves an identity from the profile that held it; `owner(of:)` follows.
    public func checkIdentitiesMoveBetweenProfiles() async throws {
        try await withStore { store in
            let shared = Identity(.email, "family@example.com")
            try await store.profileTransaction { tx in
                try tx.saveProfile(Self.sampleProfile("p-1"))
                try tx.saveProfile(Self.sampleProfile("p-2"))
                try tx.assign([shared, Identity(.userID, "dad")], to: "p-1")
            }
            try expectEqual(try await store.profileRead { try $0.owner(of: shared) }, "p-1", "the first owner")
            try await store.profileTransaction { try $0.assign([shared], to: "p-2") }
            let (owner, first, second) = try await store.profileRead { reader in
                (try reader.owner(of: shared), try reader.profile("p-1")?.identities, try reader.profile("p-2")?.identities)
            }
            try expectEqual(owner, "p-2", "the owner after the move")
            try expectEqual(first, [Identity(.userID, "dad")], "the identities left on p-1")
            try expectEqual(second, [shared], "the identities of p-2")
            try expectEqual(try await store.profileRead { try $0.owner(of: Identity(.email, "nobody@example.com")) }, nil, "no owner")
        }
    }

    /// Merged-away profiles stay readable, are not listed or counted as live, and resolve to their survivor.
    public func checkMergedProfilesAndFamilies() async throws {
        try await withStore { store in
            try await store.profileTransaction { tx in
                for id in ["p-a", "p-b", "p-c", "p-d"] { try tx.saveProfile(Self.sampleProfile(id)) }
                var b = Self.sampleProfile("p-b")
                b.mergedInto = "p-a"
                try tx.saveProfile(b)
                var c = Self.sampleProfile("p-c")
                c.mergedInto = "p-b"
                try tx.saveProfile(c)
            }
            try await store.profileRead { reader in
                try expectEqual(try reader.profileCount(), 2, "live profiles")
                try expectEqual(try reader.profiles(after: nil, limit: 10).map(\.id), ["p-a", "p-d"], "listed profiles")
                try expectEqual(try reader.profiles(after: "p-a", limit: 10).map(\.id), ["p-d"], "profiles after p-a")
                try expectEqual(try reader.profiles(after: nil, limit: 1).map(\.id), ["p-a"], "a page of one")
                try expectEqual(try reader.profileIDs(mergedInto: "p-a"), ["p-b"], "merged directly into p-a")
                try expectEqual(try reader.liveProfileID("p-c"), "p-a", "p-c resolves through p-b")
                try expectEqual(try reader.liveProfileID("p-zzz"), nil, "an unknown id")
                try expectEqual(try reader.family(of: "p-a"), ["p-a", "p-b", "p-c"], "p-a's family")
                try expectEqual(try reader.profile("p-c")?.mergedInto, "p-b", "a merged profile is kept")
            }
        }
    }

    /// Merge records round-trip, are found through either side, and are undone once.
    public func checkMergeRecords() async throws {
        try await withStore { store in
            let first = Self.mergeRecord(into: "p-1", absorbing: "p-2", message: "m-7", seconds: 100)
            let second = Self.mergeRecord(into: "p-3", absorbing: "p-4", message: "m-9", seconds: 200)
            let (firstID, secondID) = try await store.profileTransaction { tx in
                for id in ["p-1", "p-2", "p-3", "p-4"] { try tx.saveProfile(Self.sampleProfile(id)) }
                var absorbed = Self.sampleProfile("p-2")
                absorbed.mergedInto = "p-1"
                try tx.saveProfile(absorbed)
                return (try tx.recordMerge(first), try tx.recordMerge(second))
            }
            try expect(firstID < secondID, "merge ids increase (\(firstID), \(secondID))")
            let stored = try await store.profileRead { try $0.merge(firstID) }
            try expectEqual(stored?.record, first, "the merge record read back")
            try expectEqual(stored?.unmergedAt, nil, "a merge in force")
            try expectEqual(try await store.profileRead { try $0.merges(involving: ["p-2"]) }.map(\.id), [firstID], "found by the absorbed id")
            try expectEqual(
                try await store.profileRead { try $0.merges(involving: ["p-1", "p-3"]) }.map(\.id), [firstID, secondID],
                "found by survivors, oldest first")
            try expectEqual(try await store.profileRead { try $0.merge(MergeID(9999)) }, nil, "an unknown merge")
            try await store.profileTransaction { try $0.markUnmerged(firstID, at: Self.at(300)) }
            try expectEqual(try await store.profileRead { try $0.merge(firstID) }?.unmergedAt, Self.at(300), "unmerged_at")
            try await expectStoreError(.conflict, "undoing a merge twice") {
                try await store.profileTransaction { try $0.markUnmerged(firstID, at: Self.at(400)) }
            }
        }
    }
}
