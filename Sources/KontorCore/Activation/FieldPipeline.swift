import Foundation

/// Builds the payload one profile sends to a destination action: the
/// destination's mapping, then per action field its `default`, its type cast,
/// its `choices`, the `required` check and its PII preparation (trim →
/// normalise → hash, see ``PIIField``).
///
/// Compiled once per destination; a bad record gives a ``RecordPlanningError``
/// listing every problem of that record, never a crash.
///
/// - A key the mapping leaves undefined falls back to the field's `default` mapping.
/// - `null` is kept only for `allow_null` fields; otherwise the key is dropped.
/// - A value a PII normaliser rejects (an email without `@`) counts as missing.
/// - Mapped keys that are not declared fields pass through unchanged (the loader rejects them).
///
/// ```swift
/// let pipeline = try FieldPipeline(action: plugin.actions["members"]!, mapping: destination.mapping)
/// let payload = try pipeline.payload(profileID: id, view: profileView, config: config, mode: .mirror, now: now)
/// ```
public struct FieldPipeline: Sendable {
    public let fields: [String: ActionField]
    /// The country used for national phone numbers and zips.
    public var defaultCountry: String?
    private let mapping: Mapping?
    private let defaults: [String: Mapping]
    private let fieldNames: [String]

    /// Compiles the destination `mapping` (scope: the destination mapping's variables) and every
    /// field's `default` (scope: the action's). Throws every compile problem at once, each
    /// `default` problem's path starting with `fields.<name>.default`.
    public init(
        action: PluginAction, mapping: JSONValue?, mappingScope: ExpressionScope = DeploymentScopes.destinationMapping,
        defaultCountry: String? = nil
    ) throws(MappingErrors) {
        var errors: [MappingError] = []
        var compiled: Mapping?
        if let mapping {
            do { compiled = try Mapping(compiling: mapping, scope: mappingScope) } catch { errors += error.errors }
        }
        var defaults: [String: Mapping] = [:]
        for (name, field) in action.fields.sorted(by: { $0.key < $1.key }) {
            guard let source = field.default else { continue }
            do {
                defaults[name] = try Mapping(compiling: source, scope: PluginScopes.action)
            } catch {
                errors += error.errors.map { MappingError(path: ["fields", name, "default"] + $0.path, $0.message,
                                                          expressionOffset: $0.expressionOffset) }
            }
        }
        if !errors.isEmpty { throw MappingErrors(errors) }
        self.fields = action.fields
        self.fieldNames = action.fields.keys.sorted()
        self.mapping = compiled
        self.defaults = defaults
        self.defaultCountry = defaultCountry
    }

    /// The payload for one profile.
    /// - Parameters:
    ///   - view: the profile as the mapping reads it: an object with `traits`, `computed`,
    ///     `profile`, `consent`, `identities` (and `segment`); its keys also become the
    ///     variables of templates.
    ///   - config: the destination's settings (`config` in templates and defaults).
    public func payload(
        profileID: String, view: JSONValue, config: JSONValue = .object([:]), mode: ActionMode, now: Date
    ) throws(RecordPlanningError) -> JSONValue {
        var variables = view.objectValue ?? [:]
        variables["config"] = config
        let mappingContext = EvaluationContext(variables: variables, now: now)
        let defaultContext = EvaluationContext(
            variables: ["record": view, "config": config, "mode": .string(mode.rawValue), "batch": .null], now: now)

        var mapped: [String: JSONValue] = [:]
        if let mapping {
            do {
                mapped = try mapping.apply(to: view, in: mappingContext)?.objectValue ?? [:]
            } catch {
                throw RecordPlanningError(profileID: profileID, problems: [
                    .init(field: error.path.joined(separator: "."), message: error.message),
                ])
            }
        }
        var problems: [RecordPlanningError.Problem] = []
        var output = mapped
        for name in fieldNames {
            guard let field = fields[name] else { continue }
            var value = mapped[name]
            if value == nil, let fallback = defaults[name] {
                do { value = try fallback.apply(to: view, in: defaultContext) } catch {
                    problems.append(.init(field: name, message: "default: \(error.message)"))
                    continue
                }
            }
            switch prepare(value, for: field) {
            case .success(let prepared): output[name] = prepared
            case .failure(let problem):
                output[name] = nil
                if let message = problem.message { problems.append(.init(field: name, message: message)) }
            }
        }
        if !problems.isEmpty { throw RecordPlanningError(profileID: profileID, problems: problems) }
        return .object(output)
    }

    /// Why a field has no value: `message` is `nil` when dropping the key is fine.
    private struct Dropped: Error {
        var message: String?
    }

    /// The value to send for one field; `.success(nil)` drops the key.
    private func prepare(_ value: JSONValue?, for field: ActionField) -> Result<JSONValue?, Dropped> {
        let missing: Result<JSONValue?, Dropped> =
            field.isRequired ? .failure(Dropped(message: "required field is missing")) : .success(nil)
        guard let value, value != .null || field.allowNull == true else { return missing }
        if value == .null { return .success(.null) }
        var prepared: JSONValue
        switch FieldCast.cast(value, to: field) {
        case .success(let cast): prepared = cast
        case .failure(let failure): return .failure(Dropped(message: failure.message))
        }
        if let choices = field.choices, !choices.contains(prepared) {
            let allowed = choices.map { $0.serialized() }.joined(separator: ", ")
            return .failure(Dropped(message: "\(prepared.serialized()) is not one of \(allowed)"))
        }
        guard let pii = piiField(for: field) else { return .success(prepared) }
        guard let protected = pii.apply(prepared), protected != .array([]) else {
            let kind = field.pii?.rawValue ?? field.type.rawValue
            return field.isRequired
                ? .failure(Dropped(message: "not a valid \(kind) value")) : .success(nil)
        }
        return .success(protected)
    }

    /// The PII preparation of a field, or `nil` when it declares none.
    private func piiField(for field: ActionField) -> PIIField? {
        guard field.pii != nil || field.hash != nil || field.normalize != nil else { return nil }
        return PIIField(
            kind: field.pii.flatMap { PIIKind(rawValue: $0.rawValue) }, normalize: field.normalize,
            hash: field.hash, digest: field.digest ?? .hex, defaultCountry: defaultCountry)
    }
}
