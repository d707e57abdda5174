import Foundation
import KontorCore
import KontorSQLite
import KontorStore

/// What the demo does while the daemon runs: waits for the server, sends pop-up
/// sign-ups and anonymous website visits, then every second reports what changed, logs
/// the visitors in once their customer profiles exist, asks the personalisation API once
/// profiles are in segments, and says when every stage has shown results. Runs until
/// cancelled; ``tally`` keeps the latest counts.
final class DemoScript: @unchecked Sendable {
    // Mutated only by `run()`, read after it has returned (the task group orders the two).
    private(set) var tally: DemoTally
    private(set) var narrator = DemoNarrator()
    let server: DemoServer
    let emulators: DemoEmulators
    let store: SQLiteStore

    init(server: DemoServer, emulators: DemoEmulators, store: SQLiteStore, segments: [String]) {
        self.server = server
        self.emulators = emulators
        self.store = store
        self.tally = DemoTally(store: store, emulators: emulators, segments: segments)
    }

    func run() async {
        guard await server.waitUntilHealthy() else {
            narrator.say("The server did not become ready at \(server.baseURL); see the log above.")
            return
        }
        narrator.say("Kontor is running. Status page: \(server.statusPageURL) (sign in with the admin token \(DemoConfiguration.adminToken))")
        let people = emulators.shop.data.snapshot.people
        let signups = people.prefix(4).map { ($0.email, $0.firstName) }
            + [("nora.visitor@example.org", "Nora"), ("otto.visitor@example.org", "Otto")]
        let accepted = await DemoSignups(server: server).send(signups.map { (email: $0.0, firstName: $0.1) })
        narrator.say("Pop-up: posted \(signups.count) sign-ups to /forms/\(DemoConfiguration.popupSource) (\(accepted) accepted)")
        let website = DemoSegmentCalls(server: server)
        let logins = people.dropFirst(4).prefix(3).map(\.email)
        let views = await website.track(visitors: logins.count)
        narrator.say("Website: \(logins.count) anonymous visitors viewed products (/v1/track, \(views) accepted)")

        var loggedIn = false
        var finished = false
        var nextQuestion = ContinuousClock.now
        while !Task.isCancelled {
            await tally.update()
            narrator.report(tally.counts)
            if !loggedIn, await haveProfiles(logins) {
                loggedIn = true
                let accepted = await website.identify(emails: logins)
                narrator.say("Website: the \(logins.count) visitors logged in as shop customers (/v1/identify, \(accepted) accepted)")
            }
            if tally.counts.personalisationAnswers == 0, ContinuousClock.now >= nextQuestion,
               let email = await personalisedEmail()
            {
                nextQuestion = ContinuousClock.now + .seconds(3)
                if let answer = await DemoPersonalization(server: server).ask(email: email) {
                    tally.recordPersonalisationAnswer()
                    let shown = answer.count > 240 ? String(answer.prefix(240)) + "…" : answer
                    narrator.say("Personalisation API: GET /v1/personalize?email=\(email) answered \(shown)")
                }
            }
            if !finished, Self.complete(tally.counts) {
                finished = true
                narrator.say("Every stage has results. Open \(server.statusPageURL), or press Ctrl-C to stop.")
            }
            try? await Task.sleep(for: .seconds(1))
        }
    }

    /// One final count (after the daemon stopped) and the summary.
    func finish() async {
        await tally.update()
        narrator.report(tally.counts)
        narrator.summary(tally.counts)
    }

    /// Whether every stage has a non-zero count.
    static func complete(_ counts: DemoCounts) -> Bool {
        counts.lines.allSatisfy { $0.count > 0 }
    }

    /// Whether each of `emails` belongs to a profile already (the shop's customers were pulled and built).
    private func haveProfiles(_ emails: [String]) async -> Bool {
        (try? await store.profileRead { reader in
            try emails.allSatisfy { try reader.owner(of: Identity(.email, $0.lowercased())) != nil }
        }) ?? false
    }

    /// The e-mail of someone the personalisation API has something to say about: a member of a
    /// segment it reveals, preferably one whose profile merged several sources.
    private func personalisedEmail() async -> String? {
        try? await store.profileRead { reader -> String? in
            var best: (merges: Int, email: String)?
            for segment in ["sports_fans", "repeat_buyers", "big_spenders"] {
                for id in try reader.members(of: segment, limit: 200) {
                    guard let profile = try reader.profile(id),
                          let email = profile.identities.first(where: { $0.kind == .email })?.value
                    else { continue }
                    if profile.mergeCount > (best?.merges ?? -1) { best = (profile.mergeCount, email) }
                }
            }
            return best?.email
        }
    }
}
