import Foundation
import KontorCore
import KontorRuntime
import KontorStore

/// The terminal form of `kontor profiles show`: identities, traits with
/// their sources, computed traits, consent, segments and merge history.
struct ProfilesShowText {
    var dossier: ProfilesDossier
    var model: ProfileModel
    var now: Date

    func rendered() -> String {
        let profile = dossier.profile
        var lines = ["Profile \(profile.id)"]
        if let from = dossier.mergedFrom { lines.append("(\(from) was merged into this profile)") }
        lines.append("created \(time(profile.createdAt)), updated \(time(profile.updatedAt))")
        if let first = profile.traits.firstSeen, let last = profile.traits.lastSeen {
            lines.append("seen \(time(first)) … \(time(last))")
        }
        lines += section("Identities", identities())
        lines += section("Traits", traits())
        lines += section("Computed traits", computed())
        lines += section("Consent", consent())
        lines += section("Segments", segments())
        lines += section("Merges", merges())
        return lines.joined(separator: "\n") + "\n"
    }

    private func section(_ title: String, _ body: [String]) -> [String] {
        ["", "\(title):"] + (body.isEmpty ? ["  (none)"] : body)
    }

    private func table(_ columns: [String], _ rows: [[String]]) -> [String] {
        guard !rows.isEmpty else { return [] }
        var table = TextTable(columns: columns.enumerated().map { $0.offset == 0 ? "  " + $0.element : $0.element })
        for row in rows { table.add(row.enumerated().map { $0.offset == 0 ? "  " + $0.element : $0.element }) }
        return table.rendered().split(separator: "\n").map { line in
            String(line.reversed().drop(while: { $0 == " " }).reversed())
        }
    }

    private func identities() -> [String] {
        table(["KIND", "VALUE"], dossier.profile.identities.map { [$0.kind.rawValue, $0.value] })
    }

    private func traits() -> [String] {
        table(["TRAIT", "VALUE", "SOURCE", "AT"], dossier.profile.traits.leaves.sorted { $0.key < $1.key }.map { path, leaf in
            [path.description, leaf.value.serialized(), leaf.source, time(leaf.at)]
        })
    }

    private func computed() -> [String] {
        table(["TRAIT", "VALUE"], model.computedValues(dossier.profile.computed, at: now).sorted { $0.key < $1.key }.map {
            [$0.key, $0.value.serialized()]
        })
    }

    private func consent() -> [String] {
        let history = dossier.profile.consent
        let rows = model.consent.purposes.map { purpose -> [String] in
            guard let latest = history.latest(purpose) else {
                return [purpose, "\(model.consent.defaultStatus.rawValue) (default)", "", ""]
            }
            return [purpose, latest.granted ? "granted" : "denied", latest.source, time(latest.at)]
        }
        let changes = history.history.count
        return table(["PURPOSE", "STATUS", "SOURCE", "AT"], rows) + (changes > 0 ? ["  \(changes) recorded choice(s); `--json` lists them"] : [])
    }

    private func segments() -> [String] {
        table(["SEGMENT", "ENTERED", "EXITED", "REASON"], dossier.memberships.map { stay in
            [
                stay.segment, time(stay.enteredAt), stay.exitedAt.map(time) ?? "(member)",
                stay.exitReason?.rawValue ?? stay.enterReason.rawValue,
            ]
        })
    }

    private func merges() -> [String] {
        dossier.merges.map { merge in
            let undone = merge.unmergedAt.map { " [undone \(time($0))]" } ?? ""
            return "  #\(merge.id) \(merge.record.summary)\(undone)"
        }
    }

    private func time(_ date: Date) -> String { DateFormat.rfc3339.string(from: date) }
}
