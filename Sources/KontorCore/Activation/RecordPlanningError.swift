/// Why one profile's payload could not be built: a required field is missing,
/// a value does not fit the field's type, a mapping failed for this record.
///
/// It is a per-record result, never a crash: the planner leaves the profile's
/// destination state as it was and reports the problems (`kontor activate
/// --dry-run` lists them; the planner service records them on its run).
public struct RecordPlanningError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One problem with one field.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// The action field (or the mapping key path) concerned.
        public var field: String
        public var message: String

        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }

        /// `email_address: required field is missing`
        public var description: String { field.isEmpty ? message : "\(field): \(message)" }
    }

    public var profileID: String
    /// Every problem of the record, sorted by field.
    public var problems: [Problem]

    public init(profileID: String, problems: [Problem]) {
        self.profileID = profileID
        self.problems = problems
    }

    /// `profile p1: email_address: required field is missing; age: expected integer, got "x"`
    public var description: String {
        "profile \(profileID): " + problems.map(\.description).joined(separator: "; ")
    }
}
