import Foundation

/// A message pattern and its translation: `Action {id} has no deadline yet ({text}).` read as
/// `L’action {id} n’a pas encore d’échéance ({text}).`
///
/// A slot (`{name}`) stands for any non-empty text; a slot named twice must hold the same text
/// both times. A slot may be translated too (a closed set of words, or further templates), and
/// the template applies only when each of its slots' translations does.
struct MessageTemplate: Sendable {
    /// A piece of the pattern: literal text or a slot.
    enum Piece: Sendable, Equatable {
        case text(String)
        case slot(String)
    }

    /// The English pattern's pieces.
    let pieces: [Piece]
    /// The translation, with the same slots.
    let translation: String
    /// How slots' values are translated, by slot name; a slot not named is copied.
    let slots: [String: SlotTranslation]

    /// A template from its English pattern and its translation.
    init(_ pattern: String, _ translation: String, slots: [String: SlotTranslation] = [:]) {
        pieces = Self.pieces(pattern)
        self.translation = translation
        self.slots = slots
    }

    /// `{name}` slots and the text between them.
    static func pieces(_ pattern: String) -> [Piece] {
        var pieces: [Piece] = []
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { pieces.append(.text(String(rest[..<open]))) }
            pieces.append(.slot(String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        return pieces
    }

    /// The slots' values when `message` matches the whole pattern; `nil` otherwise.
    func match(_ message: String) -> [String: String]? {
        Self.match(pieces[...], Substring(message), [:])
    }

    private static func match(_ pieces: ArraySlice<Piece>, _ text: Substring, _ bound: [String: String]) -> [String: String]? {
        guard let first = pieces.first else { return text.isEmpty ? bound : nil }
        let rest = pieces.dropFirst()
        switch first {
        case .text(let literal):
            guard text.hasPrefix(literal) else { return nil }
            return match(rest, text.dropFirst(literal.count), bound)
        case .slot(let name):
            if let value = bound[name] {
                guard text.hasPrefix(value) else { return nil }
                return match(rest, text.dropFirst(value.count), bound)
            }
            guard !text.isEmpty else { return nil }
            guard case .text(let next)? = rest.first else {
                // Last, the slot takes the rest; two slots in a row do not occur in the tables.
                guard rest.isEmpty else { return nil }
                var bound = bound
                bound[name] = String(text)
                return bound
            }
            // The shortest value first: each place the next literal text occurs, left to right.
            var from = text.index(after: text.startIndex)
            while from <= text.endIndex, let found = text.range(of: next, range: from..<text.endIndex) {
                var tried = bound
                tried[name] = String(text[..<found.lowerBound])
                if let result = match(rest.dropFirst(), text[found.upperBound...], tried) { return result }
                guard found.lowerBound < text.endIndex else { return nil }
                from = text.index(after: found.lowerBound)
            }
            return nil
        }
    }

    /// The translation of `message`, when it matches and every slot translates.
    func translate(_ message: String) -> String? {
        guard let values = match(message) else { return nil }
        var out = ""
        for piece in Self.pieces(translation) {
            switch piece {
            case .text(let text): out += text
            case .slot(let name):
                guard let value = values[name] else { return nil }
                if let slot = slots[name] {
                    guard let translated = slot.translate(value) else { return nil }
                    out += translated
                } else {
                    out += value
                }
            }
        }
        return out
    }
}

/// How a slot's value is translated.
enum SlotTranslation: Sendable {
    /// One of a closed set of words.
    case words([String: String])
    /// The first of these templates that matches.
    case templates([MessageTemplate])
    /// Each occurrence of the first text replaced by the second (`3.2 in pst` → `3.2 dans pst`).
    case replacing(String, String)

    func translate(_ value: String) -> String? {
        switch self {
        case .words(let words): return words[value]
        case .templates(let templates):
            for template in templates { if let out = template.translate(value) { return out } }
            return nil
        case .replacing(let a, let b): return value.replacingOccurrences(of: a, with: b)
        }
    }
}
