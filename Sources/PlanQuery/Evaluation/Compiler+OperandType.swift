import PlanKit

extension Compiler {
    /// The type of `left op right`, refusing what arithmetic does not take.
    ///
    /// Numbers and amounts combine as ``QueryValue/arithmetic(_:_:_:)`` says (an amount when
    /// one side is an amount, else a number); a date plus or minus a whole number of days is a
    /// date, and a date minus a date a number of days. A text or true-or-false literal is left
    /// to the literal's own check.
    static func arithmeticType(_ op: ArithmeticOperator, _ left: Operand, _ right: Operand, _ root: RecordTypeID) throws(QueryError) -> ValueType {
        let lt = try arithmeticSide(left, root), rt = try arithmeticSide(right, root)
        guard lt == .date || rt == .date else { return lt == .money || rt == .money ? .money : .integer }
        let (date, other, otherType) = lt == .date ? (left, right, rt) : (right, left, lt)
        guard op == .add || op == .subtract else {
            throw QueryError("'\(date)' is a date, which takes + and - only: add or subtract a whole number of days (\(date) + 30), or subtract another date for the days between them.", at: extent(of: date))
        }
        switch otherType {
        case .date where op == .subtract:
            return .integer
        case .date:
            throw QueryError("Two dates do not add up; subtract one from the other for the days between them, as in \(left) - \(right).", at: extent(of: right))
        case .money:
            throw QueryError("'\(other)' is an amount, and a date takes a whole number of days, as in \(date) + 30.", at: extent(of: other))
        default:
            if case .literal(.number(let text), let location) = other, text.contains(".") {
                throw QueryError("\(text) is not a whole number of days; a date takes whole days, as in \(date) + 30.", at: location)
            }
            guard lt == .date || op == .add else {
                throw QueryError("A number minus a date is no date; write the date first, as in \(right) - \(left).", at: extent(of: right))
            }
            return .date
        }
    }

    /// The type an operand of arithmetic has: a number, an amount or a date. A literal number
    /// is a number and a literal date a date; a text or true-or-false literal, which arithmetic
    /// refuses when it compiles the literal, counts as a number here.
    static func arithmeticSide(_ operand: Operand, _ root: RecordTypeID) throws(QueryError) -> ValueType {
        if case .literal(let literal, _) = operand {
            if case .date = literal { return .date }
            return .integer
        }
        guard let type = try type(of: operand, root) else { return .integer }
        switch type {
        case .money, .integer, .date: return type
        case .deadline:
            throw QueryError("'\(operand)' is a deadline; compute with its dates, as in \(operand).end + 30 or \(operand).end - \(operand).start.", at: extent(of: operand))
        default:
            throw QueryError("Arithmetic takes numbers, amounts and dates, and '\(operand)' is \(type.rawValue).", at: operand.location)
        }
    }

    /// The types of a comparison's two sides, `nil` for a literal (which takes the other side's
    /// type), once they are known to compare (see ``checkComparable(_:_:_:_:)``).
    static func comparisonTypes(_ left: Operand, _ right: Operand, _ root: RecordTypeID) throws(QueryError) -> (ValueType?, ValueType?) {
        let lt = try type(of: left, root), rt = try type(of: right, root)
        if let lt, let rt {
            try checkComparable(left, lt, right, rt)
        } else if lt == nil, rt == nil, let a = literalType(left), let b = literalType(right) {
            try checkComparable(left, a, right, b)
        }
        return (lt, rt)
    }

    /// A number's or a date's literal type; `nil` for other operands.
    static func literalType(_ operand: Operand) -> ValueType? {
        switch operand {
        case .literal(.number, _): .integer
        case .literal(.date, _): .date
        default: nil
        }
    }

    /// Fails unless values of types `lt` and `rt` compare: amounts and numbers with each
    /// other, dates and deadlines with each other (a deadline by its end), a deadline with a year,
    /// texts and ids with each other, true or false with true or false.
    ///
    /// The error's caret is under `right`, the operand compared with `left`.
    static func checkComparable(_ left: Operand, _ lt: ValueType, _ right: Operand, _ rt: ValueType) throws(QueryError) {
        switch (lt, rt) {
        case (.money, .money), (.money, .integer), (.integer, .money), (.integer, .integer),
             (.date, .date), (.date, .deadline), (.deadline, .date), (.deadline, .deadline),
             (.deadline, .integer), (.integer, .deadline),
             (.text, .text), (.text, .id), (.id, .text), (.id, .id), (.bool, .bool):
            return
        default:
            let advice: String = switch lt {
            case .money: "compare an amount with an amount or a number of euros, as in \(left) > 1000"
            case .integer: "compare a number with a number or an amount, as in \(left) > 10"
            case .date: "compare a date with a date or a deadline, as in \(left) < today()"
            case .deadline: "compare a deadline with a date (\(left) < today()) or a year (\(left) < 2022)"
            case .bool: "compare true or false with true or false"
            case .text, .id: "compare text with text, as in \(left) = \"…\""
            }
            throw QueryError("'\(left)' is \(noun(lt)) and '\(right)' is \(noun(rt)); \(advice).", at: extent(of: right))
        }
    }

    /// What a value of `type` is, for messages: `an amount`, `a date`, `text`.
    static func noun(_ type: ValueType) -> String {
        switch type {
        case .text: "text"
        case .id: "an id"
        case .integer: "a number"
        case .money: "an amount"
        case .bool: "true or false"
        case .deadline: "a deadline"
        case .date: "a date"
        }
    }

    /// Where the whole operand is, from its first token to its last when they are on one line.
    static func extent(of operand: Operand) -> QueryLocation {
        guard case .arithmetic(_, let left, let right, _) = operand else { return operand.location }
        var start = extent(of: left)
        let end = extent(of: right)
        if start.line == end.line, end.offset >= start.offset { start.length = end.offset + end.length - start.offset }
        return start
    }
}
