/// A date as planned and as it turned out: an action's start or end.
///
/// Each is a cell, with its text as written and where it was read; one the source does not give
/// is missing.
///
/// ```swift
/// let start = PlannedDate(planned: Cell(.known(day), text: "01/01/2024", location: location))
/// start.effective                // nil: not stated
/// start.day                      // day
/// ```
public struct PlannedDate: Sendable, Hashable, Codable {
    /// The day planned.
    public var planned: Cell<Day>?
    /// The day it actually happened.
    public var effective: Cell<Day>?

    /// Creates a date; either left out is not stated.
    public init(planned: Cell<Day>? = nil, effective: Cell<Day>? = nil) {
        self.planned = planned
        self.effective = effective
    }

    /// The effective day when known, else the planned one.
    public var day: Day? { effective?.value.value ?? planned?.value.value }
}
