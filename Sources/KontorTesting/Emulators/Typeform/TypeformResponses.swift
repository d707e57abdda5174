import Foundation
import KontorCore

/// One form response per generated person, submitted at the person's `updatedAt`
/// (touching a person is a re-submission: a new response with a new token).
struct TypeformResponse {
    var person: Person
    var token: String
    var submittedAt: Date

    init(person: Person) {
        self.person = person
        submittedAt = person.updatedAt
        var random = SeededRandom(seed: UInt64(max(0, Int64(person.updatedAt.timeIntervalSince1970))), index: person.id)
        token = String(random.next(), radix: 16).leftPadded(to: 16) + String(random.next(), radix: 16).leftPadded(to: 16)
    }

    /// The order responses are processed in: by submission time, then token.
    static func precedes(_ lhs: TypeformResponse, _ rhs: TypeformResponse) -> Bool {
        (lhs.submittedAt, lhs.token) < (rhs.submittedAt, rhs.token)
    }

    func item(seed: UInt64) -> JSONValue {
        var random = SeededRandom(seed: seed ^ 0xF0, index: person.id)
        let score = random.int(in: 0...100)
        let mobile = random.chance(0.6)
        return [
            "landing_id": .string(token), "token": .string(token), "response_id": .string(token),
            "landed_at": .string(EmulatorTimestamp.format(submittedAt.addingTimeInterval(-90), .zulu)),
            "submitted_at": .string(EmulatorTimestamp.format(submittedAt, .zulu)),
            "metadata": [
                "user_agent": mobile ? "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)" : "Mozilla/5.0 (X11; Linux x86_64)",
                "platform": mobile ? "mobile" : "other", "referer": "https://shop.example/survey",
                "network_id": .string(String(token.prefix(10))), "browser": mobile ? "touch" : "default",
            ],
            "hidden": [
                "customer_id": .string(String(person.id)),
                "utm_source": .string(random.pick(["newsletter", "instagram", "in_store_qr"])),
            ],
            "calculated": ["score": .int(score)],
            "variables": [["key": "score", "type": "number", "number": .int(score)]],
            "answers": .array(TypeformForm.answers(person, seed: seed)),
        ]
    }
}
