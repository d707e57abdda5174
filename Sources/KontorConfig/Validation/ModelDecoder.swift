import Foundation
import KontorCore

/// Decodes a Swift model from a validated YAML tree, turning any
/// `DecodingError` into a diagnostic at the position its coding path names.
///
/// The tree goes through `JSONValue` (YAML 1.2 core-schema typing), so a
/// model's `Decodable` init sees exactly what the JSON Schema describes.
/// Run `SchemaValidator` first: it reports every problem with a better
/// message; the decoder then catches what only the model knows (a custom
/// `init(from:)` throwing `DecodingError.dataCorruptedError(...)`).
///
/// ```swift
/// let (deployment, diagnostics) = ModelDecoder.decode(Deployment.self, from: root, file: "connectors.yaml")
/// ```
public enum ModelDecoder {
    public static func decode<T: Decodable>(
        _ type: T.Type, from node: YAMLNode, file: String, userInfo: [CodingUserInfoKey: any Sendable] = [:]
    ) -> (T?, [Diagnostic]) {
        do {
            let data = try JSONEncoder().encode(node.toJSON())
            let decoder = JSONDecoder()
            decoder.userInfo = userInfo
            return (try decoder.decode(T.self, from: data), [])
        } catch let error as DecodingError {
            return (nil, [diagnostic(for: error, in: node)])
        } catch {
            return (nil, [.error(at: node.location, "cannot read the document: \(error)")])
        }
    }

    /// The diagnostic for one decoding error, positioned by its coding path.
    public static func diagnostic(for error: DecodingError, in node: YAMLNode) -> Diagnostic {
        switch error {
        case .typeMismatch(let type, let context):
            let path = keys(context.codingPath)
            let found = node.node(at: path)?.describedValue ?? "nothing"
            return .error(at: node.location(at: path), "expected \(typeName(type)) at '\(dotted(path))', got \(found)")
        case .valueNotFound(let type, let context):
            let path = keys(context.codingPath)
            return .error(at: node.location(at: path), "missing \(typeName(type)) at '\(dotted(path))'")
        case .keyNotFound(let key, let context):
            let path = keys(context.codingPath)
            let place = path.isEmpty ? "" : " in '\(dotted(path))'"
            return .error(at: node.location(at: path), "missing required key '\(key.stringValue)'\(place)")
        case .dataCorrupted(let context):
            let path = keys(context.codingPath)
            return .error(at: node.location(at: path), context.debugDescription)
        @unknown default:
            return .error(at: node.location, "cannot read the document: \(error)")
        }
    }

    private static func keys(_ codingPath: [any CodingKey]) -> [String] {
        codingPath.map { key in key.intValue.map(String.init) ?? key.stringValue }
    }

    private static func dotted(_ path: [String]) -> String {
        path.isEmpty ? "(top level)" : path.joined(separator: ".")
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type: return "an integer"
        case is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") { return "a mapping" }
            return "a value of type \(name)"
        }
    }
}
