import Foundation
import KontorCore

/// One line of the audit log: who did what to which subject, with details.
///
/// The profile builder writes merges, blocked merges and unmerges here; later
/// issues add erasures and admin actions.
///
/// ```swift
/// AuditEntry(at: now, actor: "profile-builder", action: "merge", subject: "p-1",
///            details: ["merge_id": 12, "summary": .string(record.summary)])
/// ```
public struct AuditEntry: Sendable, Hashable {
    public var at: Date
    /// Who acted: a service (`profile-builder`) or a person (`cli`).
    public var actor: String
    /// What happened: `merge`, `merge_blocked`, `unmerge`, …
    public var action: String
    /// What it happened to, usually a profile id.
    public var subject: String?
    public var details: JSONValue

    public init(at: Date, actor: String, action: String, subject: String?, details: JSONValue = [:]) {
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
        self.details = details
    }
}
