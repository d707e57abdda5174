import Foundation
import KontorCore

/// A plugin request with every template parsed once, before a run, and
/// rendered for each page with that page's variables (`config`,
/// `stream_partition`, `stream_interval`, `next_page_token`).
///
/// ```swift
/// let compiled = try CompiledRequest(request, baseURL: "https://{{ config.shop }}.test/", headers: http.headers ?? [:])
/// var draft = try compiled.render(in: EvaluationContext(variables: ["config": config], now: clock.now))
/// ```
public struct CompiledRequest: Sendable {
    /// A JSON body: a template, or a mapping (whose `{{ }}` strings render).
    enum Body: Sendable {
        case template(Template)
        case mapping(Mapping)
    }

    public let method: String
    let baseURL: Template
    let path: Template?
    let url: Template?
    let query: [(name: String, value: Template)]
    let headers: [(name: String, value: Template)]
    let bodyJSON: Body?
    let bodyForm: [(name: String, value: Template)]?

    /// Parses every template of `request`; `headers` are the plugin's `http.headers`
    /// (the request's own headers win). `scope` is what a mapping body may read:
    /// the stream request variables, or `PluginScopes.action` (`record`, `batch`, `mode`) for actions.
    public init(
        _ request: PluginRequest, baseURL: String, headers: [String: String] = [:],
        scope: ExpressionScope = PluginScopes.request
    ) throws(RequestBuildError) {
        method = request.effectiveMethod.rawValue
        self.baseURL = try Self.template(baseURL, field: "base_url")
        path = try request.path.map { text throws(RequestBuildError) in try Self.template(text, field: "path") }
        url = try request.url.map { text throws(RequestBuildError) in try Self.template(text, field: "url") }
        query = try Self.templates(request.query ?? [:], field: "query")
        let mergedHeaders = headers.merging(request.headers ?? [:]) { _, own in own }
        self.headers = try Self.templates(mergedHeaders, field: "headers")
        bodyForm = try request.bodyForm.map { form throws(RequestBuildError) in try Self.templates(form, field: "body_form") }
        switch request.bodyJSON {
        case nil: bodyJSON = nil
        case .string(let text)?: bodyJSON = .template(try Self.template(text, field: "body_json"))
        case let value?:
            do {
                bodyJSON = .mapping(try Mapping(compiling: value, scope: scope, shorthands: true))
            } catch {
                throw RequestBuildError(field: "body_json", error.errors.map(\.description).joined(separator: "; "))
            }
        }
    }

    /// The request for one page. Query parameters and headers that render to
    /// nothing (`none` or empty) are left out, as Airbyte does.
    public func render(in context: EvaluationContext) throws(RequestBuildError) -> RequestDraft {
        let target: String
        if let url {
            target = try Self.text(url, in: context, field: "url")
        } else {
            let base = try Self.text(baseURL, in: context, field: "base_url")
            target = RequestURL.join(base: base, path: try path.map { template throws(RequestBuildError) in
                try Self.text(template, in: context, field: "path")
            } ?? "")
        }
        var draft = RequestDraft(method: method, url: target)
        for (name, template) in query {
            let value = try Self.text(template, in: context, field: "query.\(name)")
            if !value.isEmpty { draft.query.append(QueryItem(name, value)) }
        }
        for (name, template) in headers {
            let value = try Self.text(template, in: context, field: "headers.\(name)")
            if !value.isEmpty { draft.headers.append(HTTPHeader(name, value)) }
        }
        if let bodyForm {
            var items: [QueryItem] = []
            for (name, template) in bodyForm {
                let value = try Self.text(template, in: context, field: "body_form.\(name)")
                if !value.isEmpty { items.append(QueryItem(name, value)) }
            }
            draft.bodyForm = items
        }
        switch bodyJSON {
        case nil: break
        case .template(let template)?:
            draft.bodyJSON = try Self.value(template, in: context, field: "body_json")
        case .mapping(let mapping)?:
            do {
                draft.bodyJSON = try mapping.apply(to: .object(context.variables), in: context) ?? .object([:])
            } catch {
                throw RequestBuildError(field: "body_json", error.description)
            }
        }
        return draft
    }

    static func template(_ text: String, field: String) throws(RequestBuildError) -> Template {
        do {
            return try Template(parsing: text)
        } catch {
            throw RequestBuildError(field: field, error.description)
        }
    }

    private static func templates(_ values: [String: String], field: String) throws(RequestBuildError) -> [(name: String, value: Template)] {
        var result: [(name: String, value: Template)] = []
        for name in values.keys.sorted() {
            result.append((name, try template(values[name] ?? "", field: "\(field).\(name)")))
        }
        return result
    }

    static func value(_ template: Template, in context: EvaluationContext, field: String) throws(RequestBuildError) -> JSONValue {
        do {
            return try template.render(in: context)
        } catch {
            throw RequestBuildError(field: field, error.description)
        }
    }

    static func text(_ template: Template, in context: EvaluationContext, field: String) throws(RequestBuildError) -> String {
        RequestDraft.text(of: try value(template, in: context, field: field))
    }
}
