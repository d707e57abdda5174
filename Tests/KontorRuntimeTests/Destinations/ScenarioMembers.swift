import Foundation
import KontorCore
import KontorRuntime
import Synchronization

/// Segment members for the destination scenarios, held in memory and changed between runs.
final class ScenarioMembers: SegmentMembersSource {
    struct Person: Sendable, Hashable {
        var id: String
        var email: String
        var phone: String
        var firstName: String
        var lastName: String
        var consent = true
    }

    private let people = Mutex<[Person]>([])

    var current: [Person] { people.withLock { $0 } }

    func set(_ people: [Person]) { self.people.withLock { $0 = people } }

    func update(_ body: (inout [Person]) -> Void) { people.withLock { body(&$0) } }

    func members(of segments: [String], consentPurpose: String?) async throws -> [SegmentMember] {
        people.withLock { $0 }.sorted { $0.id < $1.id }.map { person in
            let view: JSONValue = [
                "traits": [
                    "email": .string(person.email), "phone": .string(person.phone), "first_name": .string(person.firstName),
                    "last_name": .string(person.lastName),
                ],
                "profile": ["id": .string(person.id)], "segment": .string(segments.first ?? ""),
            ]
            return SegmentMember(profileID: person.id, view: view, consented: consentPurpose == nil || person.consent)
        }
    }

    /// `count` people `p00001`… with mixed-case e-mails (`Person1@Example.com`) and German phone numbers.
    /// The first one is `  Test@Example.COM ` with phone `+49 (0)30 1234-5670`: the normalisation examples.
    static func crowd(_ count: Int, from start: Int = 1) -> [Person] {
        (start..<start + count).map { number in
            if number == 1 {
                return Person(id: "p00001", email: "  Test@Example.COM ", phone: "+49 30 12345670", firstName: " Anna ", lastName: "Müller")
            }
            return Person(
                id: String(format: "p%05d", number), email: "Person\(number)@Example.com",
                phone: "+49 151 \(String(format: "%08d", number))", firstName: "Name\(number)", lastName: "Last\(number)")
        }
    }

    /// The e-mail as every platform normalises it first (trimmed, lower-cased).
    static func normalisedEmail(_ person: Person) -> String {
        person.email.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
