/// An integer written literally (`250`) or as a template over `config`
/// (`"{{ config.page_size }}"`), such as a page size or a concurrency.
public enum IntOrTemplate: Sendable, Hashable, Decodable {
    case value(Int)
    case template(String)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Int.self) {
            self = .value(value)
        } else {
            self = .template(try container.decode(String.self))
        }
    }

    /// The schema: a positive integer or a template over `scope`.
    public static func schema(_ scope: ExpressionScope) -> Schema {
        .either([.integer(minimum: 1), .string(format: .template(scope))])
    }
}
