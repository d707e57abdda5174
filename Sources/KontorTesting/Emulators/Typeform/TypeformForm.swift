import Foundation
import KontorCore

/// The emulated form's fields and how a generated person answers them
/// (email, short text, choice, choices, number, yes/no, opinion scale, phone number; hidden fields).
enum TypeformForm {
    struct Field {
        var id: String
        var ref: String
        var type: String
        var title: String
    }

    static let email = Field(id: "Em41l0001", ref: "email", type: "email", title: "What's your email address?")
    static let firstName = Field(id: "F1rstN002", ref: "first_name", type: "short_text", title: "What's your first name?")
    static let sport = Field(id: "Sp0rt0003", ref: "favourite_sport", type: "multiple_choice", title: "Your favourite sport?")
    static let interests = Field(id: "Int3r0004", ref: "interests", type: "multiple_choice", title: "What are you interested in?")
    static let age = Field(id: "Ag3000005", ref: "age", type: "number", title: "How old are you?")
    static let newsletter = Field(id: "N3wsl0006", ref: "newsletter", type: "yes_no", title: "Shall we send you our newsletter?")
    static let satisfaction = Field(id: "S4tisf007", ref: "satisfaction", type: "opinion_scale", title: "How happy are you with us?")
    static let phone = Field(id: "Ph0ne0008", ref: "phone", type: "phone_number", title: "Your phone number (for offers by SMS)?")
    static let fields = [email, firstName, sport, interests, age, newsletter, satisfaction, phone]

    static let sports = ["Running", "Cycling", "Yoga", "Swimming"]
    static let interestLabels = ["Coffee", "Organic food", "Running gear", "Home cinema"]

    static func definition(formID: String) -> JSONValue {
        [
            "id": .string(formID), "title": "Tell us what you like",
            "fields": .array(fields.map { ["id": .string($0.id), "ref": .string($0.ref), "type": .string($0.type), "title": .string($0.title)] }),
        ]
    }

    /// The answers of `person` (stable for a given person and submission).
    static func answers(_ person: Person, seed: UInt64) -> [JSONValue] {
        var random = SeededRandom(seed: seed ^ 0x7F0, index: person.id)
        func ref(_ field: Field) -> JSONValue { ["id": .string(field.id), "ref": .string(field.ref), "type": .string(field.type)] }
        let sport = random.int(below: sports.count)
        let picked = interestLabels.indices.filter { _ in random.chance(0.45) }
        var answers: [JSONValue] = [
            ["field": ref(email), "type": "email", "email": .string(person.email)],
            ["field": ref(firstName), "type": "text", "text": .string(person.firstName)],
            ["field": ref(TypeformForm.sport), "type": "choice",
             "choice": ["id": .string("ch\(sport)"), "ref": .string("sport_\(sport)"), "label": .string(sports[sport])]],
            ["field": ref(interests), "type": "choices", "choices": [
                "ids": .array(picked.map { .string("in\($0)") }), "refs": .array(picked.map { .string("interest_\($0)") }),
                "labels": .array(picked.map { .string(interestLabels[$0]) }),
            ]],
            ["field": ref(age), "type": "number", "number": .int(random.int(in: 18...79))],
            ["field": ref(newsletter), "type": "boolean", "boolean": .bool(person.emailConsent == .subscribed)],
            ["field": ref(satisfaction), "type": "number", "number": .int(random.int(in: 0...10))],
        ]
        if let phone = person.phoneE164 {
            answers.append(["field": ref(self.phone), "type": "phone_number", "phone_number": .string(phone)])
        }
        return answers
    }
}
