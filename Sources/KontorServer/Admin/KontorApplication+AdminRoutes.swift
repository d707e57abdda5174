import KontorCore
import KontorRuntime

extension KontorApplication {
    /// Adds the personalisation API (`/v1/personalize`), the admin API (`/admin/api/…`)
    /// and the status page (`/admin/`) of `deployment` to ``router``.
    ///
    /// `cache` is the personalisation cache; wire its ``PersonalizationCache/profilesChanged(_:)``
    /// and ``PersonalizationCache/membershipsChanged(_:)`` to the profile builder and segment engine.
    ///
    /// ```swift
    /// let cache = PersonalizationCache(deployment.server.personalize)
    /// let engine = SegmentEngine(store: store, model: model, clock: clock, afterPass: cache.membershipsChanged)
    /// let builder = ProfileBuilder(store: store, model: model, clock: clock,
    ///                              afterBatch: { engine.notify(); cache.profilesChanged($0) })
    /// server.addPersonalizationAndAdminRoutes(deployment: deployment, store: store, model: model, clock: clock, cache: cache)
    /// ```
    public func addPersonalizationAndAdminRoutes(
        deployment: Deployment, store: any StatusReporter.Store, model: ProfileModel, clock: any KontorClock,
        cache: PersonalizationCache
    ) {
        PersonalizationService(settings: deployment.server, store: store, model: model, clock: clock, cache: cache)
            .addRoutes(to: router)
        let reporter = AdminReporter(
            reporter: StatusReporter(deployment: deployment, store: store, clock: clock), cache: cache)
        AdminService(adminToken: deployment.server.adminToken, reporter: reporter).addRoutes(to: router)
        StatusPage(adminToken: deployment.server.adminToken, reporter: reporter).addRoutes(to: router)
    }
}
