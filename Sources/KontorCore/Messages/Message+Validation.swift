/// Why a message is not a valid Segment-spec message; `field` names the
/// offending field, so HTTP errors and run reports can say which.
public struct MessageProblem: Sendable, Hashable, CustomStringConvertible {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}

extension Message {
    /// The spec rules every message must meet before it is stored: an
    /// identity (`userId` or `anonymousId`), an `event` for `track`, a
    /// `groupId` for `group`, a `previousId` for `alias`, a non-empty `messageId`.
    public func problems() -> [MessageProblem] {
        var problems: [MessageProblem] = []
        if messageId.isEmpty {
            problems.append(MessageProblem(field: "messageId", message: "must not be empty"))
        }
        if (userId ?? "").isEmpty && (anonymousId ?? "").isEmpty {
            problems.append(MessageProblem(field: "userId", message: "userId or anonymousId is required"))
        }
        switch type {
        case .track where (event ?? "").isEmpty:
            problems.append(MessageProblem(field: "event", message: "track requires an event name"))
        case .group where (groupId ?? "").isEmpty:
            problems.append(MessageProblem(field: "groupId", message: "group requires a groupId"))
        case .alias where (previousId ?? "").isEmpty:
            problems.append(MessageProblem(field: "previousId", message: "alias requires a previousId"))
        default:
            break
        }
        return problems
    }
}
