import Foundation
import Testing
@testable import PlanKit

/// The byte-level text helpers the readers use answer what the character-level operations they
/// replace answer, on hand-picked and on generated text.
@Suite struct ByteTextTests {
    /// Pieces that make text hard: runs of spaces, tabs, line breaks, no-break spaces, accents,
    /// ligatures, dashes, curly apostrophes, other scripts, separators.
    static let pieces = ["a", "B", "é", "É", "œ", "ß", "Ω", "中", "’", " ", " ", "  ", "\t", "\n", "\r\n", "\u{A0}",
                         "\u{202F}", "–", "-", "/", ".", ",", ";", ":", " / ", " - ", " et ", "Action", "12"]

    /// Deterministic text: `count` strings of up to 12 pieces.
    static func generated(_ count: Int, seed: UInt64) -> [String] {
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        return (0..<count).map { _ in (0..<(next() % 13)).map { _ in pieces[next() % pieces.count] }.joined() }
    }

    static let samples = ["", " ", "Analyser  les  besoins ", "\u{A0}Mai\u{A0}2022\t", "fin 2022 – 2024", "A. Martin / B. Durand",
                          "PST Aînés - PST Culture", "l’axe 6 et l’axe 7", "2019–2024", "  \n "] + generated(300, seed: 42)

    /// Joining by spaces byte by byte writes what `joined(separator: " ")` writes, for lists of
    /// every length (empty strings included) and for byte ranges of a buffer.
    @Test func joiningBySpacesMatchesJoined() {
        let texts = Self.samples
        for start in 0..<texts.count {
            for length in [0, 1, 2, 3, 7] where start + length <= texts.count {
                let words = Array(texts[start..<(start + length)])
                #expect(words.joinedBySpaces == words.joined(separator: " "), "\(words.debugDescription)")
                #expect(words.dropFirst().joinedBySpaces == words.dropFirst().joined(separator: " "))
                var bytes: [UInt8] = [], ranges: [Range<Int>] = []
                for word in words {
                    bytes += [0x2D]
                    ranges.append(bytes.count..<(bytes.count + word.utf8.count))
                    bytes += word.utf8
                }
                #expect(TextFolding.joinedBySpaces(bytes, ranges) == words.joined(separator: " "))
            }
        }
    }

    /// The check for text that needs collapsing answers as its definition (an edge space, two
    /// spaces in a row, a tab to carriage return, or a U+0080-U+00BF lead byte) on long text too,
    /// where it searches with `memchr` and `memmem`.
    @Test func needsCollapsingMatchesItsDefinition() {
        func reference(_ bytes: [UInt8]) -> Bool {
            guard let first = bytes.first, let last = bytes.last else { return false }
            if first == 32 || last == 32 { return true }
            return bytes.indices.contains { i in
                (9...13).contains(bytes[i]) || bytes[i] == 0xC2 || (bytes[i] == 32 && i > 0 && bytes[i - 1] == 32)
            }
        }
        let long = Self.generated(400, seed: 7).map { $0 + String(repeating: "titre long ", count: 6) + $0 }
        // Two spaces at every position of a long text, and single spaces at every position.
        var placed: [String] = []
        for k in 1..<79 {
            let before = String(repeating: "a", count: k), after = String(repeating: "b", count: 80 - k)
            placed.append(before + "  " + after)
            placed.append(before + " " + after)
        }
        for text in Self.samples + long + placed {
            let bytes = Array(text.utf8)
            #expect(bytes.withUnsafeBufferPointer { TextFolding.needsCollapsing($0) } == reference(bytes), "\(text.debugDescription)")
        }
        #expect(long.contains { $0.utf8.count >= 64 && !reference(Array($0.utf8)) })
        #expect(long.contains { $0.utf8.count >= 64 && reference(Array($0.utf8)) })
    }

    @Test func collapsingSpacesMatchesScalarReference() {
        func reference(_ text: String) -> String {
            let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || ("\t"..."\r").contains($0) || $0 == "\u{A0}" }
            var words: [String] = [], word = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                if isSpace(scalar) {
                    if !word.isEmpty { words.append(String(word)); word = String.UnicodeScalarView() }
                } else {
                    word.append(scalar)
                }
            }
            if !word.isEmpty { words.append(String(word)) }
            return words.joined(separator: " ")
        }
        for text in Self.samples { #expect(text.collapsingSpaces == reference(text), "\(text.debugDescription)") }
    }

    @Test func splittersMatchCharacterSplits() {
        for text in Self.samples where !text.contains("\r\n") {
            #expect(text.spaceSeparatedWords == text.split(separator: " ").map(String.init), "\(text.debugDescription)")
            #expect(text.splitBytes { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ".") }
                == text.split(whereSeparator: { $0 == "/" || $0 == "." }).map(String.init), "\(text.debugDescription)")
        }
    }

    @Test func separatorsSplitLikeFoundation() {
        for text in Self.samples {
            #expect(text.splitting(Separators([" / "])) == text.components(separatedBy: " / "), "\(text.debugDescription)")
            #expect(text.splitting(Separators([" - ", " et "]))
                == text.components(separatedBy: " - ").flatMap { $0.components(separatedBy: " et ") }, "\(text.debugDescription)")
        }
    }

    @Test func byteChecksMatchStringOperations() {
        for text in Self.samples {
            #expect(text.splitting(Separators(["–"])) == text.components(separatedBy: "–"), "\(text.debugDescription)")
            #expect(text.containsByte(UInt8(ascii: "/")) == text.contains("/"))
            #expect(text.utf8Prefix(7).utf8.count <= 7 && text.utf8.starts(with: text.utf8Prefix(7).utf8))
        }
    }

    @Test func foldingASCIIOnlyLowerCases() {
        for text in Self.samples where text.utf8.allSatisfy({ $0 < 0x80 }) {
            #expect(TextFolding.fold(text) == text.lowercased())
        }
        for text in Self.samples {
            #expect(TextFolding.fold(text) == TextFolding.fold(Substring(text)))
        }
    }

    @Test func latinFoldingWritesWhatFoldWrites() {
        let symbols = ["Ⅲ", "№", "⁰", "€", "→", "…", "\u{202F}", "‰", "℃"]
        for text in Self.samples + symbols + symbols.map { "Plan \($0) é" } {
            let latin = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, text.utf8.count)) { buffer in
                TextFolding.foldLatin(text, into: buffer).map { String(decoding: buffer[..<$0], as: UTF8.self) }
            }
            if let latin { #expect(latin == TextFolding.slowFoldReference(text), "\(text.debugDescription)") }
        }
    }

    @Test func foldedPrefixesMatchFoldedText() {
        let words = ["action", "objectif operationnel", "en lien avec", "l'axe"]
        for text in Self.samples + ["Objectif opérationnel 2", "ACTION 1.1", "En lien avec l’axe 6", "Ôbjectif"] {
            let bytes = Array(text.utf8)
            for word in words {
                let length = TextFolding.foldedPrefixLength(bytes, from: 0, Array(word.utf8))
                let folded = TextFolding.fold(text)
                if let length {
                    #expect(TextFolding.fold(String(decoding: bytes[..<length], as: UTF8.self)) == word, "\(text.debugDescription)")
                } else if text.unicodeScalars.allSatisfy({ $0.value < 0x180 || $0 == "’" || $0 == "‘" }) {
                    #expect(!folded.hasPrefix(word), "\(text.debugDescription) \(word)")
                }
            }
        }
    }

    @Test func cleanTitleDropsTrailingSeparators() {
        func reference(_ text: String) -> String {
            var title = text.collapsingSpaces
            while let last = title.last, "-–,;:".contains(last) || last == " " { title.removeLast() }
            return title
        }
        for text in Self.samples + ["Titre –", "Titre - ;", "Titre:", "–"] {
            #expect(TitleParser.cleanTitle(text) == reference(text), "\(text.debugDescription)")
        }
    }
}

extension TextFolding {
    /// `fold` along its scalar path, skipping its byte-level fast paths.
    static func slowFoldReference(_ text: String) -> String {
        text.unicodeScalars.map { fold(String($0)) }.joined()
    }
}

/// Separator detection against a byte-by-byte count.
@Suite struct SeparatorDetectionTests {
    /// Separator detection, which skips quote-free lines with `memchr`, finds what a byte-by-byte
    /// count of the candidates on the first 200 lines outside quotes finds.
    @Test func separatorDetectionMatchesByteByByteCount() {
        var state: UInt64 = 7
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        let alphabet: [[UInt8]] = ["a", "é", "\t", ";", ",", "\"", "\n", "\r\n", " ", "\"\""].map { Array($0.utf8) }
        var inputs: [[UInt8]] = [[], Array("a\tb".utf8), Array("\"a\tb\n\";c;d\n".utf8), Array("x;y\n".utf8) + Array(repeating: 44, count: 3)]
        for _ in 0..<2000 {
            inputs.append((0..<(next() % 60)).flatMap { _ in alphabet[next() % alphabet.count] })
        }
        // Long inputs cross the 200-line limit.
        for _ in 0..<50 {
            inputs.append((0..<(1000 + next() % 500)).flatMap { _ in alphabet[next() % alphabet.count] })
        }
        for input in inputs {
            #expect(DelimitedTable.detectSeparator(input) == Self.separatorReference(input), "\(String(decoding: input, as: UTF8.self).debugDescription)")
        }
    }

    /// The candidate (tab, then semicolon, then comma on ties) found outside quotes on the most of
    /// the first 200 lines, counted byte by byte.
    static func separatorReference(_ bytes: [UInt8]) -> UInt8 {
        var counts = [0, 0, 0], seen = [false, false, false]
        var inQuotes = false, lines = 0
        func countLine() {
            for k in 0..<3 where seen[k] { counts[k] += 1 }
            seen = [false, false, false]
        }
        loop: for byte in bytes {
            if byte == 34 { inQuotes.toggle(); continue }
            if inQuotes { continue }
            switch byte {
            case 10:
                countLine()
                lines += 1
                if lines >= 200 { break loop }
            case 9: seen[0] = true
            case 59: seen[1] = true
            case 44: seen[2] = true
            default: break
            }
        }
        if lines < 200 { countLine() }
        var best = 0
        for k in 1..<3 where counts[k] > counts[best] { best = k }
        return [9, 59, 44][best]
    }
}

/// Numbered titles read within a cell of a row's bytes, never past its end.
@Suite struct NumberedInRangeTests {
    @Test(arguments: ["Action 1.2. Titre", "  action 3 : x", "Actión 4.1", "Action 12.3.4 – y", "Action 5.", "Action x", "Act", "Action 1.2a", ""])
    func rangeOfACellReadsAsTheCellAlone(_ cell: String) {
        let word = Array("action".utf8)
        // The cell between two others, as a row holds it.
        let row = Array("Actions 9.9\t".utf8) + Array(cell.utf8) + Array("ion 7.7 suite".utf8)
        let start = Array("Actions 9.9\t".utf8).count
        let inRow = TitleParser.numbered(row, in: start..<(start + cell.utf8.count), word: word)
        let alone = TitleParser.numbered(Array(cell.utf8), word: word)
        #expect(inRow?.number == alone?.number)
        #expect(inRow.map { $0.rest - start } == alone?.rest)
    }
}

/// Rows split in place (lines without quotes) and byte by byte (the others) read as a plain
/// RFC 4180 reading does, on generated text.
@Suite struct RowSplittingTests {
    /// Each row's line and cells, read one byte at a time; `nil` for an unclosed quote.
    static func reference(_ bytes: [UInt8], separator: UInt8) -> [(Int, [String])]? {
        var rows: [(Int, [String])] = [], cells: [String] = [], cell: [UInt8] = []
        var line = 1, rowLine = 1, i = 0, started = false
        func endCell() { cells.append(String(decoding: cell, as: UTF8.self)); cell = []; started = true }
        while i < bytes.count {
            let b = bytes[i]
            if b == 34 && cell.isEmpty {
                i += 1
                var closed = false
                while i < bytes.count {
                    if bytes[i] == 34 {
                        if i + 1 < bytes.count && bytes[i + 1] == 34 { cell.append(34); i += 2; continue }
                        i += 1; closed = true; break
                    }
                    if bytes[i] == 13 && i + 1 < bytes.count && bytes[i + 1] == 10 { i += 1; continue }
                    if bytes[i] == 10 { line += 1 }
                    cell.append(bytes[i]); i += 1
                }
                if !closed { return nil }
                continue
            }
            if b == separator { endCell(); i += 1; continue }
            if b == 10 || b == 13 {
                endCell()
                rows.append((rowLine, cells)); cells = []; started = false
                if b == 13 && i + 1 < bytes.count && bytes[i + 1] == 10 { i += 1 }
                i += 1; line += 1; rowLine = line
                continue
            }
            cell.append(b); i += 1
        }
        if !cell.isEmpty || started { endCell(); rows.append((rowLine, cells)) }
        return rows
    }

    @Test(arguments: [UInt8(9), UInt8(ascii: ";"), UInt8(ascii: ",")])
    func splitsAsAPlainReadingDoes(separator: UInt8) throws {
        var state: UInt64 = 11
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        let alphabet: [[UInt8]] = ["a", "é", "\t", ";", ",", "\"", "\n", "\r\n", "\r", " ", "\"\"", "x\"y"].map { Array($0.utf8) }
        var inputs: [[UInt8]] = [[], Array("\n".utf8), Array("a\tb\n\"c\nd\"\te\r\nf".utf8), Array("\r".utf8), Array("a\r".utf8)]
        for _ in 0..<3000 { inputs.append((0..<(next() % 40)).flatMap { _ in alphabet[next() % alphabet.count] }) }
        for input in inputs {
            var rows: [(Int, [String])] = []
            let read: [(Int, [String])]?
            do {
                try DelimitedTable.forEachRow(input, separator: separator, file: "t") { row in rows.append((row.line, row.cells)) }
                read = rows
            } catch {
                read = nil
            }
            let expected = Self.reference(input, separator: separator)
            #expect(read?.map(\.0) == expected?.map(\.0), "\(String(decoding: input, as: UTF8.self).debugDescription)")
            #expect(read?.map(\.1) == expected?.map(\.1), "\(String(decoding: input, as: UTF8.self).debugDescription)")
        }
    }
}
