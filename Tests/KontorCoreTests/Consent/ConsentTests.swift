import Foundation
import KontorCore
import XCTest

final class ConsentTests: XCTestCase {
    private func d(_ days: Double, _ hours: Double = 0) -> Date { TestDates.day(days, hours: hours) }
    private let settings = ConsentSettings(purposes: ["email", "ads", "personalisation"])

    func testChoicesAreReadFromTraitsSegmentConsentAndSourcePlugins() {
        let rows: [(message: Message, expected: [String], ignored: [String], line: UInt)] = [
            (.identify("m1", at: d(0), userId: "u", traits: ["consent": ["email": true, "ads": false]]),
             ["ads=false", "email=true"], [], #line),
            (.track("m2", "Signed Up", at: d(0), userId: "u", context: ["consent": ["categoryPreferences": ["ads": true, "analytics_v2": true]]]),
             ["ads=true"], ["analytics_v2"], #line),
            (.identify("m3", at: d(0), userId: "u", context: ["kontor": ["consent": ["email": "unsubscribed", "personalisation": "granted"]]]),
             ["email=false", "personalisation=true"], [], #line),
            (.identify("m4", at: d(0), userId: "u", context: ["traits": ["consent": ["email": "maybe", "ads": 1]]]),
             ["ads=true"], [], #line),
            (.identify("m5", at: d(0), userId: "u", traits: ["consent": "yes"]), [], [], #line),
        ]
        let extractor = ConsentExtractor(settings)
        for row in rows {
            let found = extractor.entries(in: row.message, source: "popup")
            XCTAssertEqual(found.entries.map { "\($0.purpose)=\($0.granted)" }, row.expected, line: row.line)
            XCTAssertEqual(found.ignoredPurposes, row.ignored, line: row.line)
            XCTAssertTrue(found.entries.allSatisfy { $0.source == "popup" && $0.messageID == row.message.messageId }, line: row.line)
        }
    }

    func testLatestChoiceByTimestampWinsWhateverTheArrivalOrder() {
        let entries = [
            ConsentEntry(purpose: "email", granted: true, source: "popup", at: d(0), messageID: "m1"),
            ConsentEntry(purpose: "email", granted: false, source: "shop", at: d(5), messageID: "m2"),
            ConsentEntry(purpose: "email", granted: true, source: "preference-centre", at: d(9), messageID: "m3"),
            ConsentEntry(purpose: "ads", granted: true, source: "popup", at: d(0), messageID: "m1"),
            ConsentEntry(purpose: "ads", granted: false, source: "form", at: d(2), messageID: "m4"),
            ConsentEntry(purpose: "ads", granted: true, source: "form", at: d(2), messageID: "m4"),  // contradictory: denial wins
        ]
        var random = SeededRandomNumberGenerator(seed: 3)
        let reference = ConsentState(history: entries)
        for _ in 0..<20 {
            let state = ConsentState(history: entries.shuffled(using: &random) + entries.prefix(2))
            XCTAssertEqual(state, reference)
        }
        XCTAssertEqual(reference.history.count, 6)
        XCTAssertEqual(reference.latest("email")?.source, "preference-centre")
        XCTAssertEqual(reference.view(settings), ["email": true, "ads": false, "personalisation": false])
        XCTAssertEqual(reference.view(ConsentSettings(purposes: ["personalisation"], defaultStatus: .granted)), ["personalisation": true])
    }

    func testConsentFlipsOverTime() {
        let rows: [(message: Message, email: Bool, line: UInt)] = [
            (.identify("f1", at: d(1), userId: "u", traits: ["consent": ["email": true]]), true, #line),
            (.identify("f2", at: d(2), userId: "u", context: ["consent": ["categoryPreferences": ["email": false]]]), false, #line),
            (.identify("f0", at: d(0), userId: "u", traits: ["consent": ["email": true]]), false, #line),  // late, but older
            (.identify("f3", at: d(3), userId: "u", context: ["kontor": ["consent": ["email": "subscribed"]]]), true, #line),
        ]
        var state = ConsentState()
        let extractor = ConsentExtractor(settings)
        for row in rows {
            for entry in extractor.entries(in: row.message, source: "test").entries { state.record(entry) }
            XCTAssertEqual(state.isGranted("email"), row.email, row.message.messageId, line: row.line)
        }
        XCTAssertEqual(state.history.map(\.messageID), ["f0", "f1", "f2", "f3"])
        var other = ConsentState()
        other.record(ConsentEntry(purpose: "email", granted: false, source: "crm", at: d(4), messageID: "c1"))
        XCTAssertFalse(state.merged(with: other).isGranted("email"))
        XCTAssertEqual(state.merged(with: other), other.merged(with: state))
    }
}
