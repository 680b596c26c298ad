import Foundation

/// Where an action (or objective) stands: eComptes' six values, the regional standard of follow-up.
///
/// Every source's words map onto these six (``init(word:)``); the cell keeps the words as written
/// (`status.text`: `A agender`, `Réalisé`, `EN_COURS`). Not ``Action/pending``, which says the
/// Collège has not confirmed the action yet.
///
/// ```swift
/// FollowUpStatus(word: "Réalisé")      // .done
/// FollowUpStatus(word: "EN_ATTENTE")   // .waiting
/// FollowUpStatus.done.name             // "done"
/// FollowUpStatus.done.rawValue         // "TERMINE", as eComptes writes it
/// ```
public enum FollowUpStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// `NON_COMMENCE`: not started.
    case notStarted = "NON_COMMENCE"
    /// `EN_COURS`: in progress.
    case inProgress = "EN_COURS"
    /// `EN_ATTENTE`: waiting for an outside event or action (not ``Action/pending``).
    case waiting = "EN_ATTENTE"
    /// `PROBLEME`: held up by a problem.
    case problem = "PROBLEME"
    /// `TERMINE`: done.
    case done = "TERMINE"
    /// `ANNULE_ABANDONNE`: cancelled, given up for good.
    case cancelled = "ANNULE_ABANDONNE"

    /// The status as queries name it: `not started`, `in progress`, `waiting`, `problem`,
    /// `done`, `cancelled`.
    public var name: String {
        switch self {
        case .notStarted: "not started"
        case .inProgress: "in progress"
        case .waiting: "waiting"
        case .problem: "problem"
        case .done: "done"
        case .cancelled: "cancelled"
        }
    }

    /// The words each status is written with, folded (lower case, without accents): eComptes'
    /// code, the query name, and the words of iA.PST's states and of French plans.
    public var words: [String] {
        switch self {
        case .notStarted: ["non_commence", "not started", "non commence", "pas commence", "a agender", "a faire", "cree", "a planifier", "prevu", "a venir"]
        case .inProgress: ["en_cours", "in progress", "en cours", "demarre", "commence"]
        case .waiting: ["en_attente", "waiting", "en attente", "en pause", "suspendu", "gele", "reporte"]
        case .problem: ["probleme", "problem", "bloque", "en difficulte", "en retard"]
        case .done: ["termine", "done", "realise", "finalise", "acheve", "fait", "cloture"]
        case .cancelled: ["annule_abandonne", "cancelled", "annule", "abandonne", "arrete", "supprime"]
        }
    }

    /// The status a source writes as `word`, ignoring case, accents and the spaces around it
    /// (`Réalisé`, `EN_COURS`, `in progress`); `nil` for a word none of ``words`` is.
    public init?(word: String) {
        let folded = FollowUpStatus.fold(word)
        guard let status = Self.allCases.first(where: { $0.words.contains(folded) }) else { return nil }
        self = status
    }

    /// `text` trimmed, in lower case, without accents, its runs of white space one space.
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
