import Foundation
import KontorCore

extension MetaAudienceRoutes {
    /// `POST /{audience_id}/usersreplace` with `session: {session_id, batch_seq, last_batch_flag}`:
    /// `batch_seq` 1 opens a session, batches go to a staged audience, and `last_batch_flag: true`
    /// swaps it in. A repeated `batch_seq` is accepted (set semantics); a gap, another session while
    /// one runs, or a session older than the timeout is a `(#100)` error.
    func replace(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let audience = try target(request)
        let parameters = MetaAudienceParameters(request)
        guard let session = parameters.session, let sessionID = session["session_id"].map(Self.text), !sessionID.isEmpty,
            let sequence = session["batch_seq"]?.intValue ?? session["batch_seq"]?.stringValue.flatMap({ Int($0) }), sequence >= 1
        else {
            throw EmulatorRejection(dialect.invalid("The parameter session with session_id and batch_seq is required for usersreplace"))
        }
        let last = session["last_batch_flag"]?.boolValue ?? (session["last_batch_flag"]?.stringValue == "true")
        let checked = try check(parameters, endpoint: "users_replace")
        let now = request.receivedAt
        let timeout = configuration.replaceSessionTimeout
        let invalid = dialect.invalid
        let received = try audience.state.withLock { (state: inout MetaAudience.State) throws(EmulatorRejection) -> Int in
            if let open = state.replace, now.timeIntervalSince(open.startedAt) > timeout {
                state.replace = nil
                if open.id == sessionID { throw EmulatorRejection(invalid("The replace session \(sessionID) expired", 1_870_145)) }
            }
            if sequence == 1, state.replace == nil || state.replace?.id == sessionID, state.replace?.nextSequence ?? 2 <= 2 {
                state.replace = MetaAudience.ReplaceSession(id: sessionID, nextSequence: 2, startedAt: now, staged: IdentityAudience(matchKeys: MetaAudience.matchKeys), received: 0)
            }
            guard var open = state.replace else {
                throw EmulatorRejection(invalid("No replace session \(sessionID) is open: start it with batch_seq 1", 1_870_145))
            }
            guard open.id == sessionID else {
                throw EmulatorRejection(invalid("Another replace session (\(open.id)) is running on this audience", 1_713_230))
            }
            guard sequence <= open.nextSequence else {
                throw EmulatorRejection(invalid("batch_seq \(sequence) is out of order: expected \(open.nextSequence)", 1_870_145))
            }
            for identifiers in checked.valid { open.staged.add(identifiers) }
            open.nextSequence = max(open.nextSequence, sequence + 1)
            open.received += checked.payload.rows.count
            if last {
                state.members = open.staged
                state.replace = nil
                state.completedSessions.append(sessionID)
            } else {
                state.replace = open
            }
            return open.received
        }
        return .json([
            "account_id": .string(configuration.adAccountID.replacingOccurrences(of: "act_", with: "")), "session_id": .string(sessionID),
            "num_received": .int(received), "num_invalid_entries": .int(checked.payload.rows.count - checked.valid.count),
            "invalid_entry_samples": .object(checked.samples),
        ])
    }

    static func text(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .double(let number): return String(Int64(number))
        default: return ""
        }
    }
}
