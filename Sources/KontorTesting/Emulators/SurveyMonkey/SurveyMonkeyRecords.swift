import Foundation
import KontorCore

/// One bulk survey response per generated person (api_facts §6 item shape [V airbyte]).
enum SurveyMonkeyRecords {
    static let idBase = 114_000_000_000
    /// The choice ids of the yes/no newsletter question `661000004`.
    static let newsletterYes = "441100001"
    static let newsletterNo = "441100002"

    static func response(_ person: Person, surveyID: String, seed: UInt64, origin: String) -> JSONValue {
        var random = SeededRandom(seed: seed ^ 0x5A, index: person.id)
        let id = String(idBase + person.id)
        let status = random.chance(0.1) ? "partial" : "completed"
        let category = random.int(below: 4)
        return [
            "id": .string(id), "recipient_id": .string(String(900_000_000 + person.id)), "collector_id": "431000001",
            "survey_id": .string(surveyID), "response_status": .string(status),
            "email_address": .string(person.email), "first_name": .string(person.firstName), "last_name": .string(person.lastName),
            "ip_address": .string("192.0.2.\(person.id % 250 + 1)"), "custom_variables": ["customer_id": .string(String(person.id))],
            "date_created": .string(EmulatorTimestamp.format(person.createdAt, .offset)),
            "date_modified": .string(EmulatorTimestamp.format(person.updatedAt, .offset)),
            "total_time": .int(random.int(in: 20...600)),
            "href": .string("\(origin)/v3/surveys/\(surveyID)/responses/\(id)"),
            "pages": [[
                "id": "168830001",
                "questions": [
                    ["id": "661000001", "answers": [["choice_id": .string("44100000\(category)")]]],
                    ["id": "661000002", "answers": [["row_id": "4420000001", "choice_id": .string("44300000\(random.int(in: 1...5))")]]],
                    ["id": "661000003", "answers": [["text": .string(random.pick(["Great coffee!", "More running gear please", "Faster delivery", "Love the organic range"]))]]],
                    // "Shall we send you our newsletter?" Yes / No, after the person's e-mail consent.
                    ["id": "661000004", "answers": [["choice_id": .string(person.emailConsent == .subscribed ? newsletterYes : newsletterNo)]]],
                ],
            ]],
        ]
    }
}
