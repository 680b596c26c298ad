import PlanKit

extension Day {
    /// The day's number in a count of days, 1970-01-01 being 0 (the proleptic Gregorian
    /// calendar's days, as DuckDB and SQL count them): the difference of two days' numbers is
    /// the number of days between them.
    var dayNumber: Int64 {
        // Years start on 1 March, so that 29 February is a year's last day.
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day numbered `number` (see ``dayNumber``); `nil` outside the years 1 to 9999.
    init?(dayNumber number: Int64) {
        // 0001-01-01 and 9999-12-31: beyond them no day is held.
        guard (-719_162...2_932_896).contains(number) else { return nil }
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(year: Int(year), month: Int(month), day: Int(day))
    }
}
