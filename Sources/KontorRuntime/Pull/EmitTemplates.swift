import KontorCore

/// One `emit` rule with every template and mapping compiled.
struct EmitTemplates: Sendable {
    /// How a consent purpose is decided.
    enum ConsentValue: Sendable {
        case fixed(Bool)
        case template(Template)
        case mapping(Mapping)
    }

    enum Consent: Sendable {
        case purposes([(purpose: String, value: ConsentValue)])
        case template(Template)
    }

    let type: MessageType
    let when: Template?
    let userID: Template?
    let anonymousID: Template?
    let groupID: Template?
    let previousID: Template?
    let identifiers: [(kind: String, value: Template)]
    let traits: Mapping?
    let properties: Mapping?
    let context: Mapping?
    let event: Template?
    let name: Template?
    let category: Template?
    let timestamp: Template?
    let consent: Consent?
    let messageID: Template?

    init(_ rule: EmitRule, index: Int) throws(PullError) {
        let field = "emit[\(index)]"
        func template(_ text: String?, _ name: String) throws(PullError) -> Template? {
            try text.map { text throws(PullError) in try PullError.compile(text, field: "\(field).\(name)") }
        }
        func mapping(_ value: JSONValue?, _ name: String) throws(PullError) -> Mapping? {
            guard let value else { return nil }
            do {
                return try Mapping(compiling: value, scope: PluginScopes.emit, shorthands: true)
            } catch {
                throw PullError(.plugin, "\(field).\(name): \(error.errors.map(\.description).joined(separator: "; "))")
            }
        }
        type = rule.type
        when = try template(rule.when, "when")
        userID = try template(rule.userID, "user_id")
        anonymousID = try template(rule.anonymousID, "anonymous_id")
        groupID = try template(rule.groupID, "group_id")
        previousID = try template(rule.previousID, "previous_id")
        var identifiers: [(kind: String, value: Template)] = []
        for kind in (rule.identifiers ?? [:]).keys.sorted() {
            identifiers.append((kind, try PullError.compile(rule.identifiers?[kind] ?? "", field: "\(field).identifiers.\(kind)")))
        }
        self.identifiers = identifiers
        traits = try mapping(rule.traits, "traits")
        properties = try mapping(rule.properties, "properties")
        context = try mapping(rule.context, "context")
        event = try template(rule.event, "event")
        name = try template(rule.name, "name")
        category = try template(rule.category, "category")
        timestamp = try template(rule.timestamp, "timestamp")
        messageID = try template(rule.messageID, "message_id")
        switch rule.consent {
        case nil: consent = nil
        case .string(let text)?: consent = .template(try PullError.compile(text, field: "\(field).consent"))
        case .object(let purposes)?:
            var compiled: [(purpose: String, value: ConsentValue)] = []
            for purpose in purposes.keys.sorted() {
                switch purposes[purpose] ?? .null {
                case .bool(let flag): compiled.append((purpose, .fixed(flag)))
                case .string(let text): compiled.append((purpose, .template(try PullError.compile(text, field: "\(field).consent.\(purpose)"))))
                case let other:
                    guard let compiledMapping = try mapping(other, "consent.\(purpose)") else { continue }
                    compiled.append((purpose, .mapping(compiledMapping)))
                }
            }
            consent = .purposes(compiled)
        case .some:
            throw PullError(.plugin, "\(field).consent: give a template or purpose: value pairs")
        }
    }
}
