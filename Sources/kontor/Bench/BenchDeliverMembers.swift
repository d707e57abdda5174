import Foundation
import KontorCore
import KontorRuntime

/// A generated segment for `kontor bench deliver`: `count` members `b0000001`… with an e-mail,
/// a phone number and names, all consented. Generated on each read (no profile store), so the
/// benchmark measures planning, the outbox and delivery, not profile reads.
struct BenchDeliverMembers: SegmentMembersSource {
    let count: Int

    func members(of segments: [String], consentPurpose: String?) async throws -> [SegmentMember] {
        let segment = JSONValue.string(segments.first ?? "bench")
        var members: [SegmentMember] = []
        members.reserveCapacity(count)
        for number in 1...max(1, count) where number <= count {
            let id = "b" + String(number).leftPadded(to: 7)
            let view: JSONValue = [
                "traits": [
                    "email": .string("member\(number)@example.com"), "phone": .string("+49 151 \(String(number).leftPadded(to: 8))"),
                    "first_name": .string("Name\(number % 997)"), "last_name": .string("Last\(number % 1_009)"),
                ],
                "profile": ["id": .string(id)], "segment": segment,
            ]
            members.append(SegmentMember(profileID: id, view: view, consented: true))
        }
        return members
    }
}

extension String {
    /// The string with leading zeros up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
