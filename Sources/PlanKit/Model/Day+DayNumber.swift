extension Day {
    /// The number of days from 1970-01-01 to a year, month and day of the proleptic Gregorian
    /// calendar, negative before it; a day past its month's end counts on into the next month.
    package static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        // Days from civil (Howard Hinnant's algorithm): years start on 1 March, so that
        // 29 February is a year's last day.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The year, month and day `days` days after 1970-01-01 (before it when negative).
    package static func civil(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        // Civil from days (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The number of days from 1970-01-01 to the day: the difference of two days' numbers is
    /// the number of days between them, as SQL counts them.
    package var daysSince1970: Int { Day.daysSince1970(year: year, month: month, day: day) }

    /// The day `days` days after 1970-01-01; `nil` outside the years 1 to 9999.
    package init?(daysSince1970 days: Int) {
        // 0001-01-01 and 9999-12-31: beyond them no day is held.
        guard (-719_162...2_932_896).contains(days) else { return nil }
        let civil = Day.civil(daysSince1970: days)
        self.init(year: civil.year, month: civil.month, day: civil.day)
    }
}
