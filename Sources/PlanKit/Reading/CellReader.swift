/// Reads the four states of a cell: `??` unknown, `/` none, blank missing, else known.
enum CellReader {
    /// The state a trimmed cell's UTF-8 bytes mark without a value: blank missing, `/` or `-`
    /// none, only `?` unknown; `nil` when the cell holds a value to parse.
    static func mark<Bytes: Collection<UInt8>, T>(_ trimmed: Bytes) -> CellValue<T>? {
        if trimmed.isEmpty { return .missing }
        if trimmed.count == 1, let b = trimmed.first, b == UInt8(ascii: "/") || b == UInt8(ascii: "-") { return CellValue.none }
        if trimmed.allSatisfy({ $0 == UInt8(ascii: "?") }) { return .unknown }
        return nil
    }

    /// Reads a cell, parsing known text with `parse`; a `nil` parse counts as unknown.
    static func read<T>(_ text: String, location: SourceLocation, parse: (String) -> T?) -> Cell<T> {
        let trimmed = text.trimmed
        if let mark: CellValue<T> = mark(trimmed.utf8) { return Cell(mark, text: text, location: location) }
        guard let value = parse(trimmed) else { return Cell(.unknown, text: text, location: location) }
        return Cell(.known(value), text: text, location: location)
    }

    /// Reads a text cell.
    static func text(_ text: String, location: SourceLocation) -> Cell<String> {
        read(text, location: location) { $0 }
    }
}
