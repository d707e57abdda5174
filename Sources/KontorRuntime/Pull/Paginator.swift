import Foundation
import KontorCore
import KontorHTTP

/// A stream's `paginate`, compiled: how a page token goes into the next
/// request, and what the next token is after a page, or that there is none.
///
/// Stop conditions, in order: an empty page; `stop_when` true; a page shorter
/// than `page_size` (cursor, offset, page); a missing token or link; a token
/// equal to the one just used (an API that repeats itself would loop forever).
///
/// ```yaml
/// paginate: {type: offset, page_size: 100, offset_param: {query: offset}, size_param: {query: limit}}
/// ```
struct Paginator: Sendable {
    enum Kind: Sendable {
        case none
        case cursor(value: Template, tokenParam: Inject)
        case nextURL(value: Template)
        case linkHeader(rel: String)
        case offset(offsetParam: Inject, injectOnFirstRequest: Bool)
        case page(start: Int, pageParam: Inject)
    }

    /// What a page showed that paging depends on.
    struct Page: Sendable {
        var json: JSONValue?
        var headers: [HTTPHeader]
        /// Records found at `records.path`, before any filter.
        var recordCount: Int
        var lastRecord: JSONValue?
        /// The URL requested (to resolve relative links).
        var requestURL: String
    }

    let kind: Kind
    let stopWhen: Template?
    let pageSize: Int?
    let sizeParam: Inject?

    init(_ paginate: Paginate?, config: JSONValue, now: Date) throws(PullError) {
        func size(_ value: IntOrTemplate?) throws(PullError) -> Int? {
            switch value {
            case nil: return nil
            case .value(let number)?: return number
            case .template(let text)?:
                let rendered = try PullError.render(
                    try PullError.compile(text, field: "paginate.page_size"),
                    in: EvaluationContext(variables: ["config": config], now: now), field: "paginate.page_size"
                )
                guard let number = rendered.intValue ?? rendered.stringValue.flatMap({ Int($0) }), number > 0 else {
                    throw PullError(.plugin, "paginate.page_size: '\(text)' gives \(rendered), not a positive integer")
                }
                return number
            }
        }
        func template(_ text: String?, _ field: String) throws(PullError) -> Template? {
            try text.map { text throws(PullError) in try PullError.compile(text, field: "paginate.\(field)") }
        }
        switch paginate ?? .none {
        case .none:
            (kind, stopWhen, pageSize, sizeParam) = (.none, nil, nil, nil)
        case .cursor(let value, let stop, let tokenParam, let pageSize, let sizeParam):
            kind = .cursor(value: try PullError.compile(value, field: "paginate.value"), tokenParam: tokenParam)
            (stopWhen, self.pageSize, self.sizeParam) = (try template(stop, "stop_when"), try size(pageSize), sizeParam)
        case .nextURL(let value, let stop):
            kind = .nextURL(value: try PullError.compile(value, field: "paginate.value"))
            (stopWhen, pageSize, sizeParam) = (try template(stop, "stop_when"), nil, nil)
        case .linkHeader(let rel):
            (kind, stopWhen, pageSize, sizeParam) = (.linkHeader(rel: rel ?? "next"), nil, nil, nil)
        case .offset(let pageSize, let offsetParam, let sizeParam, let inject):
            kind = .offset(offsetParam: offsetParam, injectOnFirstRequest: inject ?? false)
            (stopWhen, self.pageSize, self.sizeParam) = (nil, try size(pageSize), sizeParam)
        case .page(let pageSize, let start, let pageParam, let sizeParam):
            kind = .page(start: start ?? 1, pageParam: pageParam)
            (stopWhen, self.pageSize, self.sizeParam) = (nil, try size(pageSize), sizeParam)
        }
    }

    /// The token of the first page.
    var first: PageToken {
        if case .page(let start, _) = kind { return .page(start) }
        return .first
    }

    /// Puts `token` (and the page size) into the request. A URL token replaces
    /// the URL and drops the rendered query: the API's URL is used exactly as given.
    func apply(_ token: PageToken, to draft: inout RequestDraft) {
        if case .url(let url) = token {
            draft.url = url
            draft.query = []
            return
        }
        if let pageSize, let sizeParam { draft.inject(.int(pageSize), at: sizeParam) }
        switch (kind, token) {
        case (.cursor(_, let param), .token(let value)): draft.inject(value, at: param)
        case (.offset(let param, _), .offset(let offset)): draft.inject(.int(offset), at: param)
        case (.offset(let param, true), .first): draft.inject(.int(0), at: param)
        case (.page(_, let param), .page(let page)): draft.inject(.int(page), at: param)
        default: break
        }
    }

    /// The token of the page after `page`, or `nil` when it was the last.
    /// `variables` are the request's (`config`, `stream_partition`, …).
    func next(after page: Page, current: PageToken, variables: [String: JSONValue], now: Date) throws(PullError) -> PageToken? {
        if case .none = kind { return nil }
        if page.recordCount == 0 { return nil }
        let context = EvaluationContext(variables: pageVariables(page, variables: variables), now: now)
        if let stopWhen, try PullError.render(stopWhen, in: context, field: "paginate.stop_when").isTruthy { return nil }
        let short = pageSize.map { page.recordCount < $0 } ?? false
        let next: PageToken?
        switch kind {
        case .none: return nil
        case .cursor(let value, _):
            if short { return nil }
            let token = try PullError.render(value, in: context, field: "paginate.value")
            next = Self.isMissing(token) ? nil : .token(token)
        case .nextURL(let value):
            let url = RequestDraft.text(of: try PullError.render(value, in: context, field: "paginate.value"))
            next = url.isEmpty ? nil : .url(RequestURL.resolve(url, against: page.requestURL))
        case .linkHeader(let rel):
            let values = page.headers.filter { $0.name.caseInsensitiveCompare("Link") == .orderedSame }.map(\.value)
            next = LinkHeader(parsing: values).url(rel: rel).map { .url(RequestURL.resolve($0, against: page.requestURL)) }
        case .offset:
            if short { return nil }
            if case .offset(let offset) = current { next = .offset(offset + page.recordCount) } else { next = .offset(page.recordCount) }
        case .page(let start, _):
            if short { return nil }
            if case .page(let number) = current { next = .page(number + 1) } else { next = .page(start + 1) }
        }
        return next == current ? nil : next
    }

    /// The paginator variables: request variables plus `response`, `headers`,
    /// `last_record`, `last_page_size`, `page_size`.
    func pageVariables(_ page: Page, variables: [String: JSONValue]) -> [String: JSONValue] {
        var result = variables
        result["response"] = page.json ?? .null
        result["headers"] = Self.headerObject(page.headers)
        result["last_record"] = page.lastRecord ?? .null
        result["last_page_size"] = .int(page.recordCount)
        result["page_size"] = pageSize.map(JSONValue.int) ?? .null
        return result
    }

    /// Headers as an object, under their own and their lowercased names.
    static func headerObject(_ headers: [HTTPHeader]) -> JSONValue {
        var object: [String: JSONValue] = [:]
        for header in headers where object[header.name] == nil {
            object[header.name] = .string(header.value)
            object[header.name.lowercased()] = .string(header.value)
        }
        return .object(object)
    }

    private static func isMissing(_ value: JSONValue) -> Bool {
        switch value {
        case .null: true
        case .string(let text): text.isEmpty
        default: false
        }
    }
}
