/// How a destination forgets a person on an erasure request (DSGVO Art. 17):
/// the name of the action that deletes them, or why it cannot.
///
/// Every destination must declare one, so erasure reports say for each
/// destination what happened.
///
/// ```yaml
/// erase: delete-permanent
/// erase: {unsupported: "The API has no delete; remove the contact in the web app"}
/// ```
public enum EraseSupport: Sendable, Hashable, Decodable {
    case action(String)
    case unsupported(reason: String)

    enum CodingKeys: String, CodingKey { case unsupported }

    public init(from decoder: any Decoder) throws {
        if let name = try? decoder.singleValueContainer().decode(String.self) {
            self = .action(name)
        } else {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self = .unsupported(reason: try c.decode(String.self, forKey: .unsupported))
        }
    }

    public static let schema: Schema = .either([
        .string(format: .reference("action")),
        .object(["unsupported": .required(.string(), "Why this destination cannot erase a person")]),
    ])
}

/// How `kontor plugins check` tests an instance's settings: read one page of a stream, or send one request.
public enum PluginCheck: Sendable, Decodable {
    case stream(String)
    case request(PluginRequest)

    enum CodingKeys: String, CodingKey { case stream, request }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let name = try c.decodeIfPresent(String.self, forKey: .stream) {
            self = .stream(name)
        } else {
            self = .request(try c.decode(PluginRequest.self, forKey: .request))
        }
    }

    public static let schema: Schema = .object([
        "stream": .init(.string(format: .reference("stream")), "Read one page of this stream"),
        "request": .init(.reference("Request"), "Send this request; 2xx means the settings work"),
    ], description: "Give stream or request")
}

/// What a plugin does: read (source), write (destination) or both.
public enum PluginKind: String, Sendable, Hashable, Decodable, CaseIterable {
    case source, destination, both
}
