/// What the demo has done so far, stage by stage.
struct DemoCounts: Sendable, Equatable {
    var customersPulled = 0
    var ordersPulled = 0
    var surveyAnswers = 0
    var popupSignups = 0
    var websiteEvents = 0
    var profiles = 0
    var merges = 0
    /// Profiles whose events came from more than one source (shop, survey, pop-up, website).
    var joinedAcrossSources = 0
    /// Segment → members, for every configured segment.
    var segments: [String: Int] = [:]
    var emailAudience = 0
    var adAudience = 0
    var webhookPushes = 0
    var webhookRecords = 0
    var personalisationAnswers = 0

    /// The summary lines, `label: count`, in stage order.
    var lines: [(label: String, count: Int)] {
        var lines: [(String, Int)] = [
            ("customers pulled from the shop", customersPulled),
            ("orders pulled from the shop", ordersPulled),
            ("survey answers", surveyAnswers),
            ("pop-up sign-ups", popupSignups),
            ("website events (identify/track)", websiteEvents),
            ("profiles", profiles),
            ("profiles with data from several sources", joinedAcrossSources),
            ("profile merges", merges),
        ]
        for name in segments.keys.sorted() { lines.append(("segment \(name)", segments[name] ?? 0)) }
        lines += [
            ("email tool audience members (Mailchimp)", emailAudience),
            ("ad platform audience members (Meta)", adAudience),
            ("webhook pushes to the website", webhookPushes),
            ("profiles pushed to the website", webhookRecords),
            ("personalisation answers", personalisationAnswers),
        ]
        return lines
    }
}
