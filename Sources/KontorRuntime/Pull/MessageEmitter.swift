import Foundation
import KontorCore

/// Turns a stream's records into Segment-spec messages with its `emit` rules.
///
/// Identifiers go to `context.identifiers` (`{"email": …, "shopify_customer_id": …}`)
/// and consent to `context.consent.categoryPreferences` (`{"email": true}`),
/// Segment's consent field; purposes whose value is `none` are left out
/// (unknown: no change). The timestamp is the rule's `timestamp`, else the
/// record's datetime cursor, else the run's start.
struct MessageEmitter: Sendable {
    let source: String
    let stream: String
    let rules: [EmitTemplates]
    let primaryKey: [[String]]
    let cursor: IncrementalCursor?

    init(source: String, stream: String, rules: [EmitRule], primaryKey: [FieldPath], cursor: IncrementalCursor?) throws(PullError) {
        self.source = source
        self.stream = stream
        var compiled: [EmitTemplates] = []
        for (index, rule) in rules.enumerated() { compiled.append(try EmitTemplates(rule, index: index)) }
        self.rules = compiled
        self.primaryKey = primaryKey.map(\.segments)
        self.cursor = cursor
    }

    /// The messages of one record; `now` is the run's clock time.
    ///
    /// `headers` are an inbound delivery's (empty for pulls). `delivery`, when
    /// given, identifies an inbound delivery and the record's place in it: the
    /// default `messageId` then derives from it, so a replayed delivery gives the same ids.
    func messages(
        for record: JSONValue, partition: JSONValue, config: JSONValue, now: Date, headers: JSONValue = .object([:]),
        delivery: String? = nil
    ) throws(PullError) -> [Message] {
        let context = EvaluationContext(
            variables: ["record": record, "config": config, "stream": .string(stream), "stream_partition": partition, "headers": headers],
            now: now
        )
        let key: JSONValue = primaryKey.isEmpty ? record : .array(primaryKey.map { RecordPath.value(at: $0, in: record) ?? .null })
        let cursorValue = cursor?.value(of: record)
        var messages: [Message] = []
        for (index, rule) in rules.enumerated() {
            if let when = rule.when, !(try PullError.render(when, in: context, field: "emit.when").isTruthy) { continue }
            let id = try text(rule.messageID, context)
                ?? delivery.map { MessageIdentity.deliveryMessageID(source: source, stream: stream, rule: index, delivery: $0) }
                ?? MessageIdentity.messageID(source: source, stream: stream, rule: index, key: key, cursor: cursorValue)
            var message = Message(type: rule.type, messageId: id, timestamp: try timestamp(rule, record: record, context: context, now: now))
            message.userId = try text(rule.userID, context)
            message.anonymousId = try text(rule.anonymousID, context)
            message.groupId = try text(rule.groupID, context)
            message.previousId = try text(rule.previousID, context)
            message.event = try text(rule.event, context)
            message.name = try text(rule.name, context)
            message.category = try text(rule.category, context)
            message.traits = try object(rule.traits, record, context, "traits")
            message.properties = try object(rule.properties, record, context, "properties")
            message.context = try object(rule.context, record, context, "context")
            var identifiers: [String: JSONValue] = [:]
            for (kind, template) in rule.identifiers {
                if let value = try text(template, context) { identifiers[kind] = .string(value) }
            }
            if !identifiers.isEmpty { message.context["identifiers"] = .object(identifiers) }
            if let consent = try consent(rule.consent, record, context), !consent.isEmpty {
                message.context["consent"] = ["categoryPreferences": .object(consent)]
            }
            messages.append(message)
        }
        return messages
    }

    private func text(_ template: Template?, _ context: EvaluationContext) throws(PullError) -> String? {
        guard let template else { return nil }
        let value = try PullError.render(template, in: context, field: "emit")
        switch value {
        case .null: return nil
        case .string(let text): return text.isEmpty ? nil : text
        default: return MessageIdentity.canonical(value)
        }
    }

    private func object(_ mapping: Mapping?, _ record: JSONValue, _ context: EvaluationContext, _ field: String) throws(PullError) -> [String: JSONValue] {
        guard let mapping else { return [:] }
        do {
            return try mapping.apply(to: record, in: context)?.objectValue ?? [:]
        } catch {
            throw PullError(.plugin, "emit.\(field): \(error.description)")
        }
    }

    private func consent(_ consent: EmitTemplates.Consent?, _ record: JSONValue, _ context: EvaluationContext) throws(PullError) -> [String: JSONValue]? {
        switch consent {
        case nil: return nil
        case .template(let template)?:
            return try PullError.render(template, in: context, field: "emit.consent").objectValue?
                .compactMapValues { Self.flag($0).map(JSONValue.bool) }
        case .purposes(let purposes)?:
            var result: [String: JSONValue] = [:]
            for (purpose, value) in purposes {
                let decided: JSONValue?
                switch value {
                case .fixed(let flag): decided = .bool(flag)
                case .template(let template): decided = try PullError.render(template, in: context, field: "emit.consent.\(purpose)")
                case .mapping(let mapping):
                    do { decided = try mapping.apply(to: record, in: context) } catch { throw PullError(.plugin, "emit.consent.\(purpose): \(error.description)") }
                }
                if let flag = decided.flatMap(Self.flag) { result[purpose] = .bool(flag) }
            }
            return result
        }
    }

    private func timestamp(_ rule: EmitTemplates, record: JSONValue, context: EvaluationContext, now: Date) throws(PullError) -> Date {
        if let template = rule.timestamp {
            let value = try PullError.render(template, in: context, field: "emit.timestamp")
            if let date = cursor?.date(value) ?? DateFormat.rfc3339.date(from: value) ?? DateFormat.unix.date(from: value) { return date }
        }
        if let value = cursor?.value(of: record), let date = cursor?.date(value) { return date }
        return now
    }

    /// `true`/`false`, also from the strings `"true"`, `"yes"`, `"on"` (a checked box), `"granted"`, …; `nil` when unknown.
    static func flag(_ value: JSONValue) -> Bool? {
        switch value {
        case .bool(let flag): return flag
        case .string(let text):
            switch text.lowercased() {
            case "true", "yes", "on", "1", "granted", "subscribed", "opt_in", "opted_in": return true
            case "false", "no", "off", "0", "denied", "unsubscribed", "not_subscribed", "opt_out", "opted_out": return false
            default: return nil
            }
        default: return nil
        }
    }
}
