import Foundation

/// Splits delimited bytes (tab, semicolon or comma separated, RFC 4180 quoting) into rows of cells.
enum DelimitedTable {
    /// One record: the physical line where it starts and where its cells lie in ``bytes``, so that
    /// a cell becomes a `String` only when a reader asks for it.
    ///
    /// For a line without quotes, ``bytes`` are the file's own and the cells ranges of them; a
    /// record with quoted cells gets bytes of its own (quotes removed, `""` read as `"`).
    struct Row {
        var line: Int
        /// The bytes the cells are ranges of.
        var bytes: [UInt8] = []
        /// Where each cell starts in ``bytes``.
        var starts: [Int] = []
        /// Where each cell ends in ``bytes``.
        var ends: [Int] = []

        /// The number of cells.
        var count: Int { ends.count }

        /// The byte range of the cell at `index` in ``bytes``; empty beyond the row's end.
        func range(_ index: Int) -> Range<Int> {
            guard index >= 0 && index < ends.count else { return 0..<0 }
            return starts[index]..<ends[index]
        }

        /// Whether the cell at `index` holds only white space and control characters (or is beyond the end).
        func isBlank(_ index: Int) -> Bool {
            !bytes[range(index)].contains { $0 > Byte.space }
        }

        /// The cell at `index`, or "" beyond the row's end.
        subscript(_ index: Int) -> String {
            let range = range(index)
            return range.isEmpty ? "" : String(decoding: bytes[range], as: UTF8.self)
        }

        /// Every cell as text.
        var cells: [String] { (0..<count).map { self[$0] } }
    }

    /// The most cells a row may have before the reader refuses the file.
    static let maximumColumns = 4096

    /// Picks the separator: among tab, semicolon and comma (in that order of preference), the one
    /// present outside quotes on the most of the first 200 lines.
    static func detectSeparator(_ bytes: [UInt8]) -> UInt8 {
        let candidates: [UInt8] = [Byte.tab, UInt8(ascii: ";"), UInt8(ascii: ",")]
        var linesWith = (0, 0, 0)
        var seen = (false, false, false)
        func countLine() {
            if seen.0 { linesWith.0 += 1 }
            if seen.1 { linesWith.1 += 1 }
            if seen.2 { linesWith.2 += 1 }
            seen = (false, false, false)
        }
        var inQuotes = false
        var lines = 0
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var start = 0
            while start < buffer.count {
                let rest = buffer.count - start
                let end = memchr(base + start, Int32(Byte.lineFeed), rest).map { start + (UnsafeRawPointer($0) - UnsafeRawPointer(base + start)) } ?? buffer.count
                let length = end - start
                // A line outside quotes without a quote in it: `memchr` tells which candidates it holds.
                if !inQuotes, memchr(base + start, Int32(UInt8(ascii: "\"")), length) == nil {
                    if memchr(base + start, Int32(Byte.tab), length) != nil { seen.0 = true }
                    if memchr(base + start, Int32(UInt8(ascii: ";")), length) != nil { seen.1 = true }
                    if memchr(base + start, Int32(UInt8(ascii: ",")), length) != nil { seen.2 = true }
                } else {
                    for byte in UnsafeBufferPointer(rebasing: buffer[start..<end]) {
                        if byte == UInt8(ascii: "\"") { inQuotes.toggle(); continue }
                        if inQuotes { continue }
                        switch byte {
                        case Byte.tab: seen.0 = true
                        case UInt8(ascii: ";"): seen.1 = true
                        case UInt8(ascii: ","): seen.2 = true
                        default: break
                        }
                    }
                }
                guard end < buffer.count else { break }
                start = end + 1
                // A line feed inside quotes belongs to the cell, not the end of a line.
                if inQuotes { continue }
                countLine()
                lines += 1
                if lines >= 200 { return }
            }
            countLine()
        }
        return best(linesWith, candidates)
    }

    /// The candidate found on the most lines, the earlier one on a tie.
    private static func best(_ linesWith: (Int, Int, Int), _ candidates: [UInt8]) -> UInt8 {
        let counts = [linesWith.0, linesWith.1, linesWith.2]
        var best = 0
        for i in 1..<3 where counts[i] > counts[best] { best = i }
        return candidates[best]
    }

    /// The index of the first separator, CR or LF at or after `start`, or the end.
    @inline(__always)
    private static func runEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, separator: UInt8) -> Int {
        var end = start
        // Eight bytes at a time while none of them is a separator, CR or LF.
        if let base = bytes.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            let separators = ones &* UInt64(separator), lineFeeds = ones &* UInt64(Byte.lineFeed), returns = ones &* UInt64(Byte.carriageReturn)
            func hasZeroByte(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
            while end + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + end).loadUnaligned(as: UInt64.self)
                if hasZeroByte(word ^ separators) || hasZeroByte(word ^ lineFeeds) || hasZeroByte(word ^ returns) { break }
                end += 8
            }
        }
        while end < bytes.count {
            let b = bytes[end]
            if b == separator || b == Byte.lineFeed || b == Byte.carriageReturn { break }
            end += 1
        }
        return end
    }

    /// Splits UTF-8 bytes into rows and hands each to `body` as soon as it is complete, so a
    /// file is never held twice. CRLF and LF end records outside quotes; `""` in a quoted cell is
    /// a quote; line breaks inside quotes are kept as `\n`.
    ///
    /// - Throws: ``PlanReadError`` when a row has more than ``maximumColumns`` cells or a quote
    ///   is never closed.
    static func forEachRow(_ bytes: [UInt8], separator: UInt8, file: String, _ body: (Row) throws(PlanReadError) -> Void) throws(PlanReadError) {
        var row = Row(line: 1)
        var line = 1
        var index = 0
        let count = bytes.count
        let quote = UInt8(ascii: "\"")
        // Where the current cell starts in `row.bytes`.
        var cellStart = 0
        // The bytes of rows with quoted cells; `row.bytes` holds them while such a row is read,
        // and the file's bytes otherwise.
        var own: [UInt8] = []
        var rowHasOwnBytes = false
        row.bytes = bytes

        // The nested functions take the row in place rather than capture it: a captured variable
        // would have each access checked for exclusivity at run time, on every cell of the file.
        func tooManyCells(_ row: Row) -> PlanReadError {
            PlanReadError(
                location: SourceLocation(file: file, line: row.line, column: row.ends.count),
                message: "This row has more than \(maximumColumns) cells; export the sheet alone, without empty columns.")
        }
        func endCell(_ row: inout Row, _ cellStart: inout Int) throws(PlanReadError) {
            row.starts.append(cellStart)
            row.ends.append(row.bytes.count)
            cellStart = row.bytes.count
            if row.ends.count > maximumColumns { throw tooManyCells(row) }
        }
        /// A line without quotes, or with a carriage return only before its line feed, is split
        /// in place: its cells are ranges of the file's bytes. Returns where the next line starts,
        /// or `nil` when the line needs the byte-by-byte reading below.
        func splitInPlace(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, _ row: inout Row) throws(PlanReadError) -> Int? {
            guard let base = buffer.baseAddress else { return nil }
            let lineEnd = memchr(base + start, Int32(Byte.lineFeed), count - start)
                .map { start + (UnsafeRawPointer($0) - UnsafeRawPointer(base + start)) } ?? count
            var contentEnd = lineEnd
            if lineEnd < count, contentEnd > start, buffer[contentEnd - 1] == Byte.carriageReturn { contentEnd -= 1 }
            let length = contentEnd - start
            guard memchr(base + start, Int32(UInt8(ascii: "\"")), length) == nil, memchr(base + start, Int32(Byte.carriageReturn), length) == nil else { return nil }
            var cell = start
            while true {
                let next = memchr(base + cell, Int32(separator), contentEnd - cell)
                    .map { cell + (UnsafeRawPointer($0) - UnsafeRawPointer(base + cell)) } ?? contentEnd
                row.starts.append(cell)
                row.ends.append(next)
                if row.ends.count > maximumColumns { throw tooManyCells(row) }
                guard next < contentEnd else { break }
                cell = next + 1
            }
            return lineEnd < count ? lineEnd + 1 : count
        }

        while index < count {
            if !rowHasOwnBytes, row.ends.isEmpty {
                let next = try bytes.withUnsafeBufferPointer { buffer throws(PlanReadError) in try splitInPlace(buffer, from: index, &row) }
                if let next {
                    try body(row)
                    row.starts.removeAll(keepingCapacity: true)
                    row.ends.removeAll(keepingCapacity: true)
                    index = next
                    line += 1
                    row.line = line
                    continue
                }
                // This row is read byte by byte into bytes of its own.
                swap(&row.bytes, &own)
                rowHasOwnBytes = true
                cellStart = 0
            }
            let byte = bytes[index]
            if byte == quote && row.bytes.count == cellStart {
                // Quoted cell.
                let quoteLine = line
                let quoteColumn = row.ends.count + 1
                index += 1
                var closed = false
                var runStart = index
                while index < count {
                    let b = bytes[index]
                    if b == quote {
                        row.bytes.append(contentsOf: bytes[runStart..<index])
                        if index + 1 < count && bytes[index + 1] == quote {
                            row.bytes.append(quote)
                            index += 2
                            runStart = index
                            continue
                        }
                        index += 1
                        closed = true
                        break
                    }
                    if b == Byte.carriageReturn && index + 1 < count && bytes[index + 1] == Byte.lineFeed {
                        // CRLF inside quotes is kept as LF.
                        row.bytes.append(contentsOf: bytes[runStart..<index])
                        index += 1
                        runStart = index
                        continue
                    }
                    if b == Byte.lineFeed { line += 1 }
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
                try endCell(&row, &cellStart)
                index += 1
                continue
            }
            if byte == Byte.lineFeed || byte == Byte.carriageReturn {
                try endCell(&row, &cellStart)
                try body(row)
                row.bytes.removeAll(keepingCapacity: true)
                swap(&row.bytes, &own)
                rowHasOwnBytes = false
                row.starts.removeAll(keepingCapacity: true)
                row.ends.removeAll(keepingCapacity: true)
                cellStart = 0
                if byte == Byte.carriageReturn && index + 1 < count && bytes[index + 1] == Byte.lineFeed { index += 1 }
                index += 1
                line += 1
                row.line = line
                continue
            }
            // An unquoted run, up to the next separator or line end.
            let end = bytes.withUnsafeBufferPointer { runEnd($0, from: index + 1, separator: separator) }
            row.bytes.append(contentsOf: bytes[index..<end])
            index = end
        }
        if rowHasOwnBytes, row.bytes.count > 0 || !row.ends.isEmpty {
            try endCell(&row, &cellStart)
            try body(row)
        }
    }

    /// A cell that holds some of the offsets ``cells(holding:in:separator:)`` looks for.
    struct CellSpan: Equatable {
        /// The line where the cell's row starts, as ``Row/line``.
        var line: Int
        /// The cell's column, 1 for the first (A).
        var column: Int
        /// The cell's bytes as they stand in the file, quotes included.
        var range: Range<Int>
        /// The indices of the offsets the cell holds.
        var sequences: Range<Int>
    }

    /// The cells that hold `offsets` (ascending, each the offset of a byte that is not ASCII),
    /// splitting rows and cells as ``forEachRow(_:separator:file:_:)`` does; in order, each once.
    static func cells(holding offsets: [Int], in bytes: [UInt8], separator: UInt8) -> [CellSpan] {
        var spans: [CellSpan] = []
        guard !offsets.isEmpty else { return spans }
        let quote = UInt8(ascii: "\""), count = bytes.count
        var line = 1, rowLine = 1, column = 1, cellStart = 0
        var inQuotes = false, cellHasText = false
        var next = 0, first = 0
        var index = 0
        func endCell(at end: Int) {
            if first < next { spans.append(CellSpan(line: rowLine, column: column, range: cellStart..<end, sequences: first..<next)) }
            first = next
            cellHasText = false
            cellStart = end + 1
        }
        while index < count {
            while next < offsets.count, offsets[next] <= index { next += 1 }
            let byte = bytes[index]
            if inQuotes {
                if byte == quote {
                    if index + 1 < count, bytes[index + 1] == quote {
                        cellHasText = true
                        index += 2
                        continue
                    }
                    inQuotes = false
                } else {
                    cellHasText = true
                    if byte == Byte.lineFeed { line += 1 }
                }
                index += 1
                continue
            }
            if byte == quote, !cellHasText {
                inQuotes = true
            } else if byte == separator {
                endCell(at: index)
                if next == offsets.count { return spans }
                column += 1
            } else if byte == Byte.lineFeed || byte == Byte.carriageReturn {
                endCell(at: index)
                if byte == Byte.carriageReturn, index + 1 < count, bytes[index + 1] == Byte.lineFeed { index += 1; cellStart += 1 }
                line += 1
                rowLine = line
                column = 1
                if next == offsets.count { return spans }
            } else {
                cellHasText = true
            }
            index += 1
        }
        endCell(at: count)
        return spans
    }
}
