/// How a stream walks through pages; chosen by `type:`.
///
/// `next_url` and `link_header` follow the URL the API gives exactly as it
/// is, without the first request's query (Shopify rejects filters next to
/// `page_info`).
///
/// ```yaml
/// paginate: {type: link_header}
/// paginate: {type: cursor, value: "{{ response.paging.next.after }}", token_param: {query: after}, page_size: 100, size_param: {query: limit}}
/// ```
public enum Paginate: Sendable, Decodable, SchemaDescribed {
    case none
    case cursor(value: String, stopWhen: String?, tokenParam: Inject, pageSize: IntOrTemplate?, sizeParam: Inject?)
    case nextURL(value: String, stopWhen: String?)
    case linkHeader(rel: String?)
    case offset(pageSize: IntOrTemplate, offsetParam: Inject, sizeParam: Inject?, injectOnFirstRequest: Bool?)
    case page(pageSize: IntOrTemplate?, start: Int?, pageParam: Inject, sizeParam: Inject?)

    public static let typeNames = ["none", "cursor", "next_url", "link_header", "offset", "page"]

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: PluginCodingKey.self)
        func key(_ name: String) -> PluginCodingKey { PluginCodingKey(name) }
        switch try decoder.pluginDiscriminator() {
        case "cursor":
            self = .cursor(
                value: try c.decode(String.self, forKey: key("value")),
                stopWhen: try c.decodeIfPresent(String.self, forKey: key("stop_when")),
                tokenParam: try c.decode(Inject.self, forKey: key("token_param")),
                pageSize: try c.decodeIfPresent(IntOrTemplate.self, forKey: key("page_size")),
                sizeParam: try c.decodeIfPresent(Inject.self, forKey: key("size_param"))
            )
        case "next_url":
            self = .nextURL(
                value: try c.decode(String.self, forKey: key("value")),
                stopWhen: try c.decodeIfPresent(String.self, forKey: key("stop_when"))
            )
        case "link_header": self = .linkHeader(rel: try c.decodeIfPresent(String.self, forKey: key("rel")))
        case "offset":
            self = .offset(
                pageSize: try c.decode(IntOrTemplate.self, forKey: key("page_size")),
                offsetParam: try c.decode(Inject.self, forKey: key("offset_param")),
                sizeParam: try c.decodeIfPresent(Inject.self, forKey: key("size_param")),
                injectOnFirstRequest: try c.decodeIfPresent(Bool.self, forKey: key("inject_on_first_request"))
            )
        case "page":
            self = .page(
                pageSize: try c.decodeIfPresent(IntOrTemplate.self, forKey: key("page_size")),
                start: try c.decodeIfPresent(Int.self, forKey: key("start")),
                pageParam: try c.decode(Inject.self, forKey: key("page_param")),
                sizeParam: try c.decodeIfPresent(Inject.self, forKey: key("size_param"))
            )
        default: self = .none
        }
    }

    public static var schema: Schema {
        let value = Schema.string(format: .template(PluginScopes.paginate))
        let pageSize = IntOrTemplate.schema(PluginScopes.config)
        return .tagged(discriminator: "type", variants: [
            "none": ObjectSchema([:], description: "One request, no paging"),
            "cursor": ObjectSchema([
                "value": .required(value, "The next token, e.g. '{{ response.paging.next.after }}'"),
                "stop_when": .init(value, "Boolean: no further page"),
                "token_param": .required(Inject.schema, "Where the token goes in the next request"),
                "page_size": .init(pageSize), "size_param": .init(Inject.schema),
            ]),
            "next_url": ObjectSchema([
                "value": .required(value, "The next page's full URL"), "stop_when": .init(value),
            ]),
            "link_header": ObjectSchema([
                "rel": .init(.string(), "The Link relation to follow", default: "next"),
            ], description: "Follow the Link header's rel=next URL"),
            "offset": ObjectSchema([
                "page_size": .required(pageSize), "offset_param": .required(Inject.schema),
                "size_param": .init(Inject.schema), "inject_on_first_request": .init(.boolean, default: false),
            ]),
            "page": ObjectSchema([
                "page_size": .init(pageSize), "start": .init(.integer(minimum: 0), default: 1),
                "page_param": .required(Inject.schema), "size_param": .init(Inject.schema),
            ]),
        ])
    }
}
