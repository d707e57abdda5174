import KontorCore
import Yams

/// Parses YAML text into a positioned `YAMLNode` tree.
///
/// Syntax errors, tab indentation and duplicate keys become one positioned
/// `Diagnostic` each (the parser stops at the first syntax error); anchors,
/// aliases and `<<` merge keys are resolved. Nothing here throws: a caller
/// gets a tree, diagnostics, or both.
///
/// ```swift
/// let (root, diagnostics) = YAMLDocumentLoader.load(text: text, file: "connectors.yaml")
/// ```
public enum YAMLDocumentLoader {
    /// Alias expansion beyond this many nodes is refused (a "billion laughs" file).
    public static let maximumNodeCount = 1_000_000

    /// The document's root (`nil` for an empty file or a syntax error) and its problems.
    public static func load(text: String, file: String) -> (root: YAMLNode?, diagnostics: [Diagnostic]) {
        let composed: Node?
        do {
            composed = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            return (nil, [YAMLSyntaxDiagnostic.diagnostic(for: error, text: text, file: file)])
        } catch {
            return (nil, [.error(at: SourceLocation(file: file, line: 1, column: 1), "invalid YAML: \(error)")])
        }
        guard let composed else { return (nil, []) }
        var converter = NodeConverter(file: file)
        let root = converter.convert(composed)
        if converter.nodeCount > maximumNodeCount {
            return (nil, [.error(at: root.location, "document too large: aliases expand to more than \(maximumNodeCount) nodes")])
        }
        return (root, converter.diagnostics)
    }
}

/// Turns Yams nodes into `YAMLNode`s, applying `<<` merge keys.
struct NodeConverter {
    let file: String
    var nodeCount = 0
    var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    mutating func convert(_ node: Node) -> YAMLNode {
        nodeCount += 1
        let location = self.location(node.mark)
        guard nodeCount <= YAMLDocumentLoader.maximumNodeCount else {
            return YAMLNode(.scalar(YAMLScalar("")), at: location)
        }
        switch node {
        case .scalar(let scalar):
            let rawTag = scalar.tag.rawValue
            let tag = rawTag.isEmpty || rawTag == "!" ? nil : rawTag
            return YAMLNode(.scalar(YAMLScalar(scalar.string, style: Self.style(scalar.style), tag: tag)), at: location)
        case .sequence(let sequence):
            return YAMLNode(.sequence(sequence.map { convert($0) }), at: location)
        case .mapping(let mapping):
            var entries: [(key: YAMLNode, value: YAMLNode)] = []
            var merged: [(key: YAMLNode, value: YAMLNode)] = []
            for (key, value) in mapping {
                if case .scalar(let scalar) = key, scalar.string == "<<", scalar.style == .plain || scalar.style == .any {
                    merged += mergeEntries(from: value)
                } else {
                    entries.append((convert(key), convert(value)))
                }
            }
            let explicit = Set(entries.compactMap(\.key.stringValue))
            var seen = Set<String>()
            for entry in merged {
                guard let name = entry.key.stringValue, !explicit.contains(name), seen.insert(name).inserted else { continue }
                entries.append(entry)
            }
            return YAMLNode(.mapping(entries), at: location)
        case .alias:
            return YAMLNode(.scalar(YAMLScalar("")), at: location)
        }
    }

    /// The entries a `<<: *defaults` (or `<<: [*a, *b]`) contributes.
    private mutating func mergeEntries(from value: Node) -> [(key: YAMLNode, value: YAMLNode)] {
        switch value {
        case .mapping:
            return convert(value).entries ?? []
        case .sequence(let sequence):
            return sequence.flatMap { mergeEntries(from: $0) }
        default:
            diagnostics.append(.error(at: location(value.mark), "a '<<' merge key needs a mapping or a list of mappings"))
            return []
        }
    }

    private func location(_ mark: Mark?) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    private static func style(_ style: Node.Scalar.Style) -> YAMLScalar.Style {
        switch style {
        case .singleQuoted: return .singleQuoted
        case .doubleQuoted: return .doubleQuoted
        case .literal: return .literal
        case .folded: return .folded
        case .plain, .any: return .plain
        }
    }
}
