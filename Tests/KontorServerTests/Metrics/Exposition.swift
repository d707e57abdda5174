import Foundation

/// A strict reader of the Prometheus text exposition format (0.0.4), for tests:
/// every line is a `# HELP`, a `# TYPE` or a sample `name{label="value",…} value`,
/// and every sample belongs to a family whose `# TYPE` came before it.
struct Exposition {
    struct Sample: Equatable {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    struct Problem: Error, CustomStringConvertible {
        var line: Int
        var text: String
        var reason: String
        var description: String { "line \(line) '\(text)': \(reason)" }
    }

    var samples: [Sample] = []
    var types: [String: String] = [:]
    var help: [String: String] = [:]

    init(parsing text: String) throws {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            if line.isEmpty { continue }
            if line.hasPrefix("# HELP ") || line.hasPrefix("# TYPE ") {
                let parts = line.dropFirst(7).split(separator: " ", maxSplits: 1).map(String.init)
                guard parts.count == 2, Self.isMetricName(parts[0]) else {
                    throw Problem(line: number, text: String(line), reason: "a HELP/TYPE line needs a name and a text")
                }
                if line.hasPrefix("# HELP ") {
                    help[parts[0]] = parts[1]
                } else {
                    guard ["counter", "gauge", "histogram", "summary", "untyped"].contains(parts[1]) else {
                        throw Problem(line: number, text: String(line), reason: "unknown type '\(parts[1])'")
                    }
                    guard types[parts[0]] == nil else {
                        throw Problem(line: number, text: String(line), reason: "a second TYPE line for '\(parts[0])'")
                    }
                    types[parts[0]] = parts[1]
                }
                continue
            }
            guard !line.hasPrefix("#") else { continue }
            let sample = try Self.sample(String(line), number: number)
            guard types[family(of: sample.name)] != nil else {
                throw Problem(line: number, text: String(line), reason: "no TYPE line before the sample")
            }
            samples.append(sample)
        }
    }

    /// The family a sample name belongs to: `x` for `x_bucket`, `x_sum`, `x_count` of a histogram `x`.
    func family(of name: String) -> String {
        for suffix in ["_bucket", "_sum", "_count"] where name.hasSuffix(suffix) {
            let base = String(name.dropLast(suffix.count))
            if types[base] == "histogram" || types[base] == "summary" { return base }
        }
        return name
    }

    /// The value of the one sample named `name` whose labels include `labels`; nil when there is none.
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        let matching = samples(name, labels)
        return matching.count == 1 ? matching[0].value : nil
    }

    /// The samples named `name` whose labels include `labels`.
    func samples(_ name: String, _ labels: [String: String] = [:]) -> [Sample] {
        samples.filter { sample in sample.name == name && labels.allSatisfy { key, value in sample.labels[key] == value } }
    }

    static func isMetricName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || first == ":" || first.properties.isAlphabetic && first.isASCII else {
            return false
        }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0 == "_" || $0 == ":" || $0.properties.isAlphabetic || ("0"..."9").contains($0)) }
    }

    private static func sample(_ line: String, number: Int) throws -> Sample {
        func problem(_ reason: String) -> Problem { Problem(line: number, text: line, reason: reason) }
        var rest = Substring(line)
        let name = String(rest.prefix { $0 != "{" && $0 != " " })
        guard isMetricName(name) else { throw problem("'\(name)' is not a metric name") }
        rest = rest.dropFirst(name.count)
        var labels: [String: String] = [:]
        if rest.first == "{" {
            rest = rest.dropFirst()
            while rest.first != "}" {
                let key = String(rest.prefix { $0 != "=" })
                guard isMetricName(key), !key.contains(":") else { throw problem("bad label name '\(key)'") }
                rest = rest.dropFirst(key.count)
                guard rest.hasPrefix("=\"") else { throw problem("label '\(key)' without =\"value\"") }
                rest = rest.dropFirst(2)
                var value = ""
                while let character = rest.first, character != "\"" {
                    rest = rest.dropFirst()
                    if character == "\\" {
                        guard let escaped = rest.first else { throw problem("a dangling escape") }
                        rest = rest.dropFirst()
                        value.append(escaped == "n" ? "\n" : escaped)
                    } else {
                        value.append(character)
                    }
                }
                guard rest.first == "\"" else { throw problem("an unterminated label value") }
                rest = rest.dropFirst()
                guard labels.updateValue(value, forKey: key) == nil else { throw problem("label '\(key)' twice") }
                if rest.first == "," { rest = rest.dropFirst() } else if rest.first != "}" { throw problem("expected , or }") }
            }
            rest = rest.dropFirst()
        }
        guard rest.first == " " else { throw problem("no space before the value") }
        let fields = rest.dropFirst().split(separator: " ")
        guard fields.count == 1 || fields.count == 2 && Int64(fields[1]) != nil else { throw problem("expected a value (and a timestamp)") }
        let text = String(fields[0])
        let value: Double? =
            switch text {
            case "+Inf": .infinity
            case "-Inf": -.infinity
            case "NaN": .nan
            default: Double(text)
            }
        guard let value else { throw problem("'\(text)' is not a number") }
        return Sample(name: name, labels: labels, value: value)
    }
}
