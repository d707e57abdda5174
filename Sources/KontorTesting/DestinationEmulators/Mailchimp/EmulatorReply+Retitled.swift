import Foundation
import KontorCore

extension EmulatorReply {
    /// A problem reply with another `title`.
    func retitled(_ title: String) -> EmulatorReply {
        guard var object = (try? JSONDecoder().decode(JSONValue.self, from: Data(body)))?.objectValue else { return self }
        object["title"] = .string(title)
        var copy = self
        copy.body = JSONText.bytes(.object(object))
        return copy
    }
}
