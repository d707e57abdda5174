import KontorCore

extension ResolutionPlan {
    /// A compact text of the plan for table tests: `create …`, `attach p1 +…`, `merge p2 into p1 +…`, `none`.
    var summary: String {
        switch action {
        case .none: return "none"
        case .create(let identities): return "create " + identities.map(\.description).joined(separator: ",")
        case .attach(let profile, let fresh):
            return "attach \(profile)" + (fresh.isEmpty ? "" : " +" + fresh.map(\.description).joined(separator: ","))
        case .merge(let record):
            let fresh = record.newIdentities.isEmpty ? "" : " +" + record.newIdentities.map(\.description).joined(separator: ",")
            return "merge \(record.absorbed.map(\.id).joined(separator: ",")) into \(record.survivor.id)" + fresh
        }
    }

    /// `identity→profile (reason)` per refused identifier.
    var refusedSummary: [String] {
        refused.map { "\($0.identity)→\($0.profile ?? "new") (\($0.reason))" }
    }
}
