import Foundation
import KontorCore

/// `POST /v3/contacts/import` with `jsonBody` (≤ 10 MB) and `listIds` (or `newList`): contacts are
/// created or updated (`updateExistingContacts`, default true) and added to the lists; 202 `{processId}`.
/// Invalid or refused e-mails are skipped (Brevo reports them only in the import report).
struct BrevoImport {
    let routes: BrevoRoutes

    func create(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let configuration = routes.configuration
        try BodyLimit(maximumBytes: configuration.maxImportBytes, endpoint: "import").check(request.body) {
            BrevoDialect.error("invalid_parameter", "jsonBody exceeds \(configuration.maxImportBytes) bytes", status: 400)
        }
        let body = request.jsonBody()?.objectValue ?? [:]
        guard let rows = body["jsonBody"]?.arrayValue else {
            let message = body["fileBody"] != nil || body["fileUrl"] != nil ? "The emulator reads jsonBody only" : "jsonBody, fileBody or fileUrl is missing"
            throw EmulatorRejection(BrevoDialect.error("missing_parameter", message, status: 400))
        }
        let lists = (body["listIds"]?.arrayValue ?? []).compactMap { $0.intValue ?? $0.stringValue.flatMap { Int($0) } }
        guard !lists.isEmpty || body["newList"] != nil else {
            throw EmulatorRejection(BrevoDialect.error("missing_parameter", "listIds is mandatory unless newList is given", status: 400))
        }
        let update = body["updateExistingContacts"]?.boolValue ?? true
        let knobs = routes.knobs
        let processID = try routes.account.state.withLock { (state: inout BrevoAccount.State) throws(EmulatorRejection) -> Int in
            var targets = lists
            if let missing = lists.first(where: { !state.lists.contains($0) }) { throw BrevoRoutes.notFound("List ID \(missing) does not exist") }
            if let newList = body["newList"], newList["listName"] != nil {
                let id = (state.lists.max() ?? 0) + 1
                state.lists.insert(id)
                targets.append(id)
            }
            for row in rows {
                let email = row["email"]?.stringValue ?? ""
                guard PathText.isPlausibleEmail(email), knobs.rejection(for: email) == nil else {
                    state.skippedImports.append(email)
                    continue
                }
                state.upsert(email: email, attributes: row["attributes"]?.objectValue ?? [:], extID: row["ext_id"]?.stringValue, lists: targets, update: update)
                if !update { state.contacts[email.lowercased()]?.listIDs.formUnion(targets) }
            }
            state.nextProcessID += 1
            return state.nextProcessID
        }
        return .json(["processId": .int(processID)], status: 202)
    }
}
