import KontorCore

/// A YAML value with the position it came from: the tree every Kontor file is
/// loaded into before validation, so that each diagnostic can say
/// `connectors.yaml:14:7`.
///
/// Aliases are already resolved (an alias node is a copy of its anchored
/// node, with the anchor's location) and `<<` merge keys are applied.
///
/// ```swift
/// let (root, diagnostics) = YAMLDocumentLoader.load(text: yaml, file: "connectors.yaml")
/// root?["sources"]?["shop"]?.location   // connectors.yaml:8:3
/// ```
public struct YAMLNode: Sendable {
    /// What the node holds.
    public enum Kind: Sendable {
        case scalar(YAMLScalar)
        /// Key/value pairs in file order (keys are usually scalars).
        case mapping([(key: YAMLNode, value: YAMLNode)])
        case sequence([YAMLNode])
    }

    public var kind: Kind
    /// Where the node starts: the first character of a scalar (its opening
    /// quote, or the `|`/`>` indicator of a block scalar), the first key of a
    /// block mapping, the `{`/`[` of a flow collection.
    public var location: SourceLocation

    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// A plain scalar node; a convenience for tests and generated trees.
    public static func scalar(_ value: String, style: YAMLScalar.Style = .plain, at location: SourceLocation) -> YAMLNode {
        YAMLNode(.scalar(YAMLScalar(value, style: style)), at: location)
    }
}

/// The text of a scalar and how it was written, which decides its type
/// (a quoted `"1"` is a string, a plain `1` an integer).
public struct YAMLScalar: Sendable, Hashable {
    public enum Style: Sendable, Hashable {
        case plain
        case singleQuoted
        case doubleQuoted
        /// `|` block scalar.
        case literal
        /// `>` block scalar.
        case folded
    }

    /// The value, after `${env:…}` / `${secret:…}` interpolation.
    public var value: String
    public var style: Style
    /// An explicit tag such as `!!str` or `!!int`, if written.
    public var tag: String?
    /// The text as written before interpolation, when interpolation changed it.
    /// Diagnostics quote this instead of `value`, so a secret never reaches a message.
    public var source: String?
    /// True when `value` contains a substituted `${secret:…}`.
    public var containsSecret: Bool

    public init(_ value: String, style: Style = .plain, tag: String? = nil, source: String? = nil, containsSecret: Bool = false) {
        self.value = value
        self.style = style
        self.tag = tag
        self.source = source
        self.containsSecret = containsSecret
    }

    /// True for single- or double-quoted scalars, which are always strings.
    public var isQuoted: Bool { style == .singleQuoted || style == .doubleQuoted }

    /// True for `|` and `>` block scalars.
    public var isBlock: Bool { style == .literal || style == .folded }

    /// The text diagnostics may quote: the original `${…}` text when the value was
    /// interpolated, else the value itself.
    public var displayText: String { source ?? value }
}
