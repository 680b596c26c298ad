/// The kinds of reader warning: what a reader could not read unambiguously.
///
/// A value is read only when its reading is unambiguous; otherwise the cell is kept verbatim and
/// a warning of one of these rules names it, with its place and text. `plankit check` reports
/// each warning as a finding of severity warning, so `check --fail-on warning` fails on it and
/// `--rules read.ambiguous-amount` selects it.
public enum ReadRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// An amount whose notation has two readings (`250,000 €`: 250 € or 250 000 €), or that is not
    /// a number PlanKit reads whole; the line's amount is unknown.
    case ambiguousAmount = "read.ambiguous-amount"
    /// Several amounts in one cell that are not one allocation (planned and spent, two years, a
    /// range); they are not added up.
    case amountsNotASum = "read.amounts-not-a-sum"
    /// An amount too large to hold in 64-bit cents.
    case amountTooLarge = "read.amount-too-large"
    /// A cell PlanKit cannot read (a deadline form it does not know, a budget cell without an
    /// amount, an unknown eComptes status); kept verbatim, its value unknown.
    case unparsedCell = "read.unparsed-cell"
    /// Bytes that are not valid in the file's encoding: in a UTF-8 file each is read as its
    /// Windows-1252 character, in UTF-16 as U+FFFD; the warning names the byte and its offset.
    case invalidEncoding = "read.invalid-encoding"
    /// A row that is neither an objective nor an action, or the cells of an objective row that
    /// the objective does not hold; kept verbatim.
    case rowIgnored = "read.row-ignored"
    /// An operational objective or action with no objective above it; kept under an untitled one.
    case misplacedRow = "read.misplaced-row"
    /// A file or plan loaded twice; the second is not counted.
    case duplicatePlan = "read.duplicate-plan"
    /// An eComptes file that fits neither eComptes schema (the upload or the export): a required
    /// attribute or element missing, an element where the schema allows none, a value of the
    /// wrong type. What can be read is read.
    case ecomptesInvalid = "read.ecomptes-invalid"
    /// A workbook cell holding a formula without the value it last computed (a file written by
    /// a program that does not compute formulas); the cell counts as unknown, never as blank.
    case formulaWithoutValue = "read.formula-without-value"
    /// A hidden sheet or a hidden row of a workbook that holds something; it is read like the
    /// others, and reported because the person who filled the workbook may not have seen it.
    case hiddenContent = "read.hidden-content"
    /// A sheet of a workbook that holds no plan table (a cover page, a list of services); it is
    /// skipped, and what it holds is named in the warning.
    case sheetSkipped = "read.sheet-skipped"

    /// One line on what the rule reports.
    public var summary: String {
        switch self {
        case .ambiguousAmount: "An amount whose notation allows two readings, or that is not read whole; its value is unknown."
        case .amountsNotASum: "Several amounts in one cell that are not one allocation (planned and spent, years, a range)."
        case .amountTooLarge: "An amount too large to hold in 64-bit cents; its value is unknown."
        case .unparsedCell: "A cell PlanKit cannot read; kept verbatim, its value unknown."
        case .invalidEncoding: "Bytes invalid in the file's encoding; read as their Windows-1252 characters in UTF-8, U+FFFD in UTF-16."
        case .rowIgnored: "A row, or cells of a row, that belong to no objective or action; kept verbatim."
        case .misplacedRow: "An objective or action with no objective above it; kept under an untitled one."
        case .duplicatePlan: "A file or plan loaded twice; only the first is counted."
        case .ecomptesInvalid: "An eComptes file that fits neither eComptes schema (upload or export); what can be read is read."
        case .formulaWithoutValue: "A workbook formula without a computed value; the cell counts as unknown, never as blank."
        case .hiddenContent: "A hidden sheet or row of a workbook that holds something; read like the others."
        case .sheetSkipped: "A sheet of a workbook that holds no plan table; skipped."
        }
    }
}
