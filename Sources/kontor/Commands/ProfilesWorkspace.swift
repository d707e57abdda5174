import Foundation
import KontorCore
import KontorRuntime
import KontorSQLite

/// What `kontor profiles` and `kontor segments` work on: the deployment's
/// ``Workspace`` (checked configuration and migrated store) and its compiled
/// profile rules, with an optional segment rule tried in place of the configured one.
struct ProfilesWorkspace {
    var workspace: Workspace
    var deployment: Deployment
    var model: ProfileModel

    var store: SQLiteStore { workspace.store }

    /// Opens the workspace, runs `body` with it and closes the store, also when `body` throws.
    static func with<T>(
        _ options: ConfigOptions, segmentOverride: (name: String, rule: String)? = nil,
        _ body: (ProfilesWorkspace) async throws -> T
    ) async throws -> T {
        let workspace = try await Workspace.open(options)
        do {
            var deployment = workspace.deployment
            if let override = segmentOverride {
                let description = deployment.segments[override.name]?.description
                deployment.segments[override.name] = SegmentDefinition(whereRule: override.rule, description: description)
            }
            let model: ProfileModel
            do {
                model = try ProfileModel(deployment)
            } catch {
                throw CommandFailure(message: error.description)
            }
            let result = try await body(ProfilesWorkspace(workspace: workspace, deployment: deployment, model: model))
            await workspace.close()
            return result
        } catch {
            await workspace.close()
            throw error
        }
    }

    func builder() -> ProfileBuilder {
        ProfileBuilder(store: store, model: model, clock: SystemClock())
    }

    func engine() -> SegmentEngine {
        SegmentEngine(store: store, model: model, clock: SystemClock())
    }
}
