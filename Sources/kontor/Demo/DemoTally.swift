import Foundation
import KontorCore
import KontorRuntime
import KontorSQLite
import KontorStore

/// Counts what happened: messages per source from the event log (read incrementally),
/// profiles, merges, people seen in several sources and segment sizes from the store,
/// audiences from the emulators.
struct DemoTally {
    let store: SQLiteStore
    let emulators: DemoEmulators
    let segments: [String]
    private(set) var counts = DemoCounts()
    private var lastSeq: Int64 = 0
    /// The source of every event read so far, by `seq`.
    private var sourceOfEvent: [Int64: String] = [:]

    init(store: SQLiteStore, emulators: DemoEmulators, segments: [String]) {
        self.store = store
        self.emulators = emulators
        self.segments = segments
    }

    /// Reads what is new; keeps the previous counts of a part whose read fails.
    mutating func update() async {
        await readEvents()
        let sources = sourceOfEvent
        if let people = try? await store.profileRead({ reader -> (profiles: Int, merges: Int, joined: Int) in
            var merges = 0
            var joined = 0
            var after: ProfileID?
            while true {
                let page = try reader.profiles(after: after, limit: 500)
                for profile in page {
                    merges += profile.mergeCount
                    let events = try reader.attributedEvents(of: try reader.family(of: profile.id))
                    if Set(events.compactMap { sources[$0.seq] }).count > 1 { joined += 1 }
                }
                guard let last = page.last else { break }
                after = last.id
            }
            return (try reader.profileCount(), merges, joined)
        }) {
            counts.profiles = people.profiles
            counts.merges = people.merges
            counts.joinedAcrossSources = people.joined
        }
        if let sizes = try? await store.profileRead({ try $0.segmentSizes() }) {
            counts.segments = Dictionary(uniqueKeysWithValues: segments.map { ($0, sizes[$0] ?? 0) })
        }
        counts.emailAudience = emulators.email.audience.members.count
        counts.adAudience = emulators.ads.audience.count
        counts.webhookPushes = emulators.website.inbox.deliveries.count
        counts.webhookRecords = emulators.website.records.count
    }

    mutating func recordPersonalisationAnswer() {
        counts.personalisationAnswers += 1
    }

    private mutating func readEvents() async {
        while let events = try? await store.read(after: lastSeq, limit: 1000), let last = events.last {
            for event in events {
                sourceOfEvent[event.seq] = event.source
                let message = event.message
                switch (event.source, message.type) {
                case ("shop", .identify): counts.customersPulled += 1
                case ("shop", .track): counts.ordersPulled += 1
                case ("survey", .track): counts.surveyAnswers += 1
                case (DemoConfiguration.popupSource, .track): counts.popupSignups += 1
                case ("ingest", _): counts.websiteEvents += 1
                default: break
                }
            }
            lastSeq = last.seq
        }
    }
}
