/// Splits delimited bytes (tab, semicolon or comma separated, RFC 4180 quoting) into rows of text cells.
enum DelimitedTable {
    /// One record: its cells and the physical line where it starts.
    struct Row {
        var line: Int
        var cells: [String]

        /// The cell at `index`, or "" beyond the row's end.
        subscript(_ index: Int) -> String { index >= 0 && index < cells.count ? cells[index] : "" }
    }

    /// The most cells a row may have before the reader refuses the file.
    static let maximumColumns = 4096

    /// Picks the separator: among tab, semicolon and comma (in that order of preference), the one
    /// present outside quotes on the most of the first 200 lines.
    static func detectSeparator(_ bytes: [UInt8]) -> UInt8 {
        let candidates: [UInt8] = [9, UInt8(ascii: ";"), UInt8(ascii: ",")]
        var linesWith = [0, 0, 0]
        var seen = [false, false, false]
        var inQuotes = false
        var lines = 0
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if byte == 10 {
                for i in 0..<3 where seen[i] { linesWith[i] += 1 }
                seen = [false, false, false]
                lines += 1
                if lines >= 200 { break }
                continue
            }
            for i in 0..<3 where byte == candidates[i] { seen[i] = true }
        }
        for i in 0..<3 where seen[i] { linesWith[i] += 1 }
        var best = 0
        for i in 1..<3 where linesWith[i] > linesWith[best] { best = i }
        return candidates[best]
    }

    /// Splits UTF-8 bytes into rows and hands each to `body` as soon as it is complete, so a
    /// file is never held twice. CRLF and LF end records outside quotes; `""` in a quoted cell is
    /// a quote; line breaks inside quotes are kept as `\n`.
    ///
    /// - Throws: ``PlanReadError`` when a row has more than ``maximumColumns`` cells or a quote
    ///   is never closed.
    static func forEachRow(_ bytes: [UInt8], separator: UInt8, file: String, _ body: (Row) throws(PlanReadError) -> Void) throws(PlanReadError) {
        var cells: [String] = []
        var cell: [UInt8] = []
        var line = 1
        var rowLine = 1
        var index = 0
        let count = bytes.count
        let quote = UInt8(ascii: "\"")
        var quoteLine = 0, quoteColumn = 0

        func endCell() throws(PlanReadError) {
            cells.append(String(decoding: cell, as: UTF8.self))
            cell.removeAll(keepingCapacity: true)
            if cells.count > maximumColumns {
                throw PlanReadError(
                    location: SourceLocation(file: file, line: rowLine, column: cells.count),
                    message: "This row has more than \(maximumColumns) cells; export the sheet alone, without empty columns.")
            }
        }

        while index < count {
            let byte = bytes[index]
            if byte == quote && cell.isEmpty {
                // Quoted cell.
                quoteLine = line
                quoteColumn = cells.count + 1
                index += 1
                var closed = false
                while index < count {
                    let b = bytes[index]
                    if b == quote {
                        if index + 1 < count && bytes[index + 1] == quote {
                            cell.append(quote)
                            index += 2
                            continue
                        }
                        index += 1
                        closed = true
                        break
                    }
                    if b == 13 && index + 1 < count && bytes[index + 1] == 10 { index += 1; continue }
                    if b == 10 { line += 1 }
                    cell.append(b)
                    index += 1
                }
                if !closed {
                    throw PlanReadError(
                        location: SourceLocation(file: file, line: quoteLine, column: quoteColumn),
                        message: "A quoted cell is never closed; check that every opening \" has its closing \".")
                }
                // Text after the closing quote up to the separator is kept as is.
                continue
            }
            if byte == separator {
                try endCell()
                index += 1
                continue
            }
            if byte == 10 || byte == 13 {
                try endCell()
                try body(Row(line: rowLine, cells: cells))
                cells.removeAll(keepingCapacity: true)
                if byte == 13 && index + 1 < count && bytes[index + 1] == 10 { index += 1 }
                index += 1
                line += 1
                rowLine = line
                continue
            }
            cell.append(byte)
            index += 1
        }
        if !cell.isEmpty || !cells.isEmpty {
            try endCell()
            try body(Row(line: rowLine, cells: cells))
        }
    }
}
