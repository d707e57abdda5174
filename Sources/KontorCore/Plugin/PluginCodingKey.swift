/// A coding key made from any string: used to read the `type` discriminator of
/// plugin unions and the single key of one-key objects (`{query: page_info}`).
struct PluginCodingKey: CodingKey, Hashable {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ string: String) { self.stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension Decoder {
    /// The string at `type` (or another discriminator) of the object being decoded.
    func pluginDiscriminator(_ key: String = "type") throws -> String {
        let container = try container(keyedBy: PluginCodingKey.self)
        return try container.decode(String.self, forKey: PluginCodingKey(key))
    }
}
