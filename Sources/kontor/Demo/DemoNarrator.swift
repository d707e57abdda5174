import Foundation

/// Prints the demo step by step: a line when a stage first shows results (and when
/// its count grows later), then the summary. Writes to stdout, flushed per line.
struct DemoNarrator {
    let start = ContinuousClock.now
    private var announced: [String: String] = [:]

    /// Prints a line with the seconds since the start.
    func say(_ text: String) {
        let seconds = Int((ContinuousClock.now - start).components.seconds)
        DemoOutput.line("[\(String(repeating: " ", count: max(0, 3 - String(seconds).count)))\(seconds)s] \(text)")
    }

    /// Prints what changed since the last call: one line per stage that has results and changed.
    mutating func report(_ counts: DemoCounts) {
        let segments = counts.segments.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        let stages: [(key: String, ready: Bool, text: String)] = [
            ("shop", counts.customersPulled > 0,
             "Shop: \(counts.customersPulled) customers and \(counts.ordersPulled) orders pulled"),
            ("survey", counts.surveyAnswers > 0, "Survey tool: \(counts.surveyAnswers) survey answers pulled"),
            ("popup", counts.popupSignups > 0,
             "Pop-up: \(counts.popupSignups) newsletter sign-ups received at /forms/\(DemoConfiguration.popupSource)"),
            ("events", counts.websiteEvents > 0, "Website: \(counts.websiteEvents) identify/track calls received at /v1"),
            ("profiles", counts.profiles > 0,
             "Profiles: \(counts.profiles) people; \(counts.joinedAcrossSources) of them in several sources "
                + "(same e-mail in shop, survey, pop-up); \(counts.merges) merges (visitors who logged in)"),
            ("segments", counts.segments.values.contains { $0 > 0 }, "Segments: " + segments.joined(separator: ", ")),
            ("email", counts.emailAudience > 0, "Email tool (Mailchimp): \(counts.emailAudience) audience members"),
            ("ads", counts.adAudience > 0, "Ad platform (Meta): \(counts.adAudience) custom audience members"),
            ("website", counts.webhookPushes > 0,
             "Website personalisation endpoint: \(counts.webhookPushes) signed pushes, \(counts.webhookRecords) profiles"),
        ]
        for stage in stages where stage.ready && announced[stage.key] != stage.text {
            announced[stage.key] = stage.text
            say(stage.text)
        }
    }

    /// The closing summary: `label: count` per stage.
    func summary(_ counts: DemoCounts) {
        let seconds = Int((ContinuousClock.now - start).components.seconds)
        DemoOutput.line("\nSummary after \(seconds) s:")
        let width = counts.lines.map(\.label.count).max() ?? 0
        for line in counts.lines {
            DemoOutput.line("  " + (line.label + ":").padding(toLength: width + 2, withPad: " ", startingAt: 0) + "\(line.count)")
        }
    }
}
