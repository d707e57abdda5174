import Foundation

extension RecordResultMapper {
    /// Per-record outcomes of an accepted batch.
    func perRecord(_ response: HTTPResponseFacts, records: [JSONValue], config: JSONValue, now: Date) -> RecordResults {
        var results = RecordResults.allDelivered(records.count)
        let body = response.body ?? .null
        if let errors = result?.errors {
            apply(errors, in: body, records: records, to: &results)
        }
        if let items = result?.items {
            apply(items, in: body, config: config, now: now, to: &results)
        }
        if let invalidCountPath, let count = invalidCountPath.value(in: body).flatMap(Self.integer) {
            results.invalidCount = count
        }
        return results
    }

    private func apply(_ config: ResultErrors, in body: JSONValue, records: [JSONValue], to results: inout RecordResults) {
        let errors = config.path.values(in: body).flatMap { $0.arrayValue ?? [$0] }
        let keyField = config.field.map(FieldPath.init(parsing:))
        let recordKeys = keyField.map { field in records.map { field.value(in: $0).flatMap(Self.matchText) } }
        for error in errors {
            let failure = Self.failure(of: error, config)
            var targets: [Int] = []
            if let index = config.index {
                targets = index.values(in: error).compactMap(Self.integer).filter(records.indices.contains)
            } else if let key = config.key, let recordKeys {
                let names = Set(key.values(in: error).flatMap { $0.arrayValue ?? [$0] }.compactMap(Self.matchText))
                targets = recordKeys.indices.filter { recordKeys[$0].map(names.contains) ?? false }
            }
            guard !targets.isEmpty else {
                results.unmatchedErrors.append(failure)
                continue
            }
            let retryable = failure.code.map { (config.retryCodes ?? []).contains($0) } ?? false
            for target in targets {
                switch results.outcomes[target] {
                case .failed: continue
                case .retry where retryable: continue
                default: results.outcomes[target] = retryable ? .retry(failure) : .failed(failure)
                }
            }
        }
    }

    private func apply(
        _ config: ResultItems, in body: JSONValue, config settings: JSONValue, now: Date, to results: inout RecordResults
    ) {
        let items = config.path.values(in: body).flatMap { $0.arrayValue ?? [$0] }
        for index in results.outcomes.indices {
            guard items.indices.contains(index) else {
                let failure = RecordFailure("the response has no result item for this record", failure: .transientError)
                results.outcomes[index] = .retry(failure)
                continue
            }
            let item = items[index]
            let context = EvaluationContext(variables: ["item": item, "response": body, "config": settings], now: now)
            let success: Result<Bool, ExpressionError>
            switch successWhen {
            case .success(let template):
                success = Result { () throws(ExpressionError) in try template.render(in: context).isTruthy }
            case .failure(let error): success = .failure(error)
            case nil: success = .success(true)
            }
            switch success {
            case .success(true): continue
            case .success(false):
                let message = config.message.flatMap { $0.value(in: item) }.flatMap(Self.text) ?? "rejected by the destination"
                results.outcomes[index] = .failed(RecordFailure(message))
            case .failure(let error):
                results.outcomes[index] = .retry(RecordFailure("success_when: \(error.message)"))
            }
        }
    }

    private static func failure(of error: JSONValue, _ config: ResultErrors) -> RecordFailure {
        let message = config.message.flatMap { $0.value(in: error) }.flatMap(text)
            ?? (error.stringValue.map { "rejected by the destination: \($0)" } ?? "rejected by the destination")
        let code = config.code.flatMap { $0.value(in: error) }.flatMap(text)
        return RecordFailure(message, code: code, failure: .systemError)
    }

    /// A value as text for messages: strings as they are, other scalars printed, objects as JSON.
    private static func text(_ value: JSONValue) -> String? {
        switch value {
        case .null: nil
        case .string(let text): text
        case .array, .object: value.serialized()
        default: value.scalarText
        }
    }

    /// The text two record keys are compared by: trimmed and lowercased.
    private static func matchText(_ value: JSONValue) -> String? {
        value.scalarText.map { $0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() }
    }

    private static func integer(_ value: JSONValue) -> Int? {
        if let number = value.intValue { return number }
        return value.stringValue.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }
}
