import Foundation
import KontorCore
import KontorStore

extension ProfileBuilder {
    /// Undoes merge `id` (`kontor profiles unmerge`): each absorbed profile gets back its id and
    /// identities, every side's traits, computed traits and consent are re-folded from its
    /// messages, the sides are kept apart from then on, and segments re-evaluate them (dirty).
    ///
    /// Throws `.notFound` for an unknown merge and `.conflict` for one already undone, or whose
    /// survivor was merged again later (undo the later merge first).
    public func unmerge(_ id: MergeID, actor: String = "cli") async throws -> UnmergeSummary {
        let model = self.model
        let now = clock.now
        let summary = try await store.profileTransaction { tx in
            try Unmerging(tx: tx, model: model, now: now, actor: actor).undo(id)
        }
        logger.info("merge undone", metadata: ["kontor.merge_id": "\(id)"])
        return summary
    }
}
