import Foundation

/// Case and accent folding, as the query language's `~` and the readers' label matching use it.
public enum TextFolding {
    /// Lower-cases `text` and strips its accents: `Aînés` → `aines`, `Œuvre` → `oeuvre`.
    ///
    /// ASCII text takes a fast path with no Foundation call.
    public static func fold(_ text: some StringProtocol) -> String {
        var ascii = true
        for byte in text.utf8 where byte >= 0x80 { ascii = false; break }
        if ascii {
            var bytes = Array(text.utf8)
            for i in bytes.indices where bytes[i] >= 65 && bytes[i] <= 90 { bytes[i] += 32 }
            return String(decoding: bytes, as: UTF8.self)
        }
        var scalars = String.UnicodeScalarView()
        for scalar in String(text).decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark: continue
            default: break
            }
            switch scalar {
            case "œ", "Œ": scalars.append(contentsOf: "oe".unicodeScalars)
            case "æ", "Æ": scalars.append(contentsOf: "ae".unicodeScalars)
            case "ß": scalars.append(contentsOf: "ss".unicodeScalars)
            case "\u{00A0}", "\u{202F}": scalars.append(" ")
            case "’", "‘": scalars.append("'")
            default:
                for lower in scalar.properties.lowercaseMapping.unicodeScalars { scalars.append(lower) }
            }
        }
        return String(scalars)
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space (line breaks and no-break spaces included).
    var trimmed: String {
        var start = startIndex, end = endIndex
        while start < end, self[start].isWhitespace { start = index(after: start) }
        while end > start, self[index(before: end)].isWhitespace { end = index(before: end) }
        return String(self[start..<end])
    }

    /// The text with each run of white space made one space, trimmed.
    var collapsingSpaces: String {
        split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
