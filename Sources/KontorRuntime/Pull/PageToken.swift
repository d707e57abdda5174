import KontorCore

/// Where a page starts: the first request, a cursor token, a full URL the API
/// handed back, an offset or a page number. Stored with a page's commit so a
/// stopped run resumes at the next page.
enum PageToken: Sendable, Hashable {
    case first
    case token(JSONValue)
    case url(String)
    case offset(Int)
    case page(Int)

    /// `{"token": …}`, `{"url": …}`, `{"offset": n}`, `{"page": n}`; `null` for the first page.
    var json: JSONValue {
        switch self {
        case .first: .null
        case .token(let value): ["token": value]
        case .url(let url): ["url": .string(url)]
        case .offset(let offset): ["offset": .int(offset)]
        case .page(let page): ["page": .int(page)]
        }
    }

    init(json: JSONValue?) {
        guard let json, let object = json.objectValue else {
            self = .first
            return
        }
        if let token = object["token"] {
            self = .token(token)
        } else if let url = object["url"]?.stringValue {
            self = .url(url)
        } else if let offset = object["offset"]?.intValue {
            self = .offset(offset)
        } else if let page = object["page"]?.intValue {
            self = .page(page)
        } else {
            self = .first
        }
    }

    /// The `next_page_token` variable of request templates.
    var variable: JSONValue {
        switch self {
        case .first: .null
        case .token(let value): ["next_page_token": value]
        case .url(let url): ["next_page_token": .string(url)]
        case .offset(let offset): ["next_page_token": .int(offset)]
        case .page(let page): ["next_page_token": .int(page)]
        }
    }
}
