/// The two shapes of the eComptes exchange (schema 201805V1), and the checks a file read must
/// pass against its shape: required attributes, the children each element allows, in order, and
/// the simple values PlanKit relies on.
///
/// The rules are those of `Reference/ecomptes/PST_eComptes_Export_201805V1.xsd` (the export) and
/// `Reference/ecomptes/schema_import_ecomptes_201805V1.xsd` (the upload); each message is the one
/// `xmllint --schema` gives.
public enum EComptesShape: String, Sendable, Hashable, CaseIterable {
    /// What a commune uploads to eComptes: no `Articles` or `Projections`.
    case upload
    /// What eComptes exports: every element carries `Articles` and `Projections`.
    case export

    /// The schema's file name in `Reference/ecomptes/`.
    public var schemaFile: String {
        switch self {
        case .upload: "schema_import_ecomptes_201805V1.xsd"
        case .export: "PST_eComptes_Export_201805V1.xsd"
        }
    }
}

/// One problem found checking a document against an eComptes schema.
struct SchemaViolation: Sendable, Hashable {
    /// Where the element concerned starts.
    let location: SourceLocation
    /// The element's name.
    let element: String
    /// What xmllint says, e.g. `Element 'Action': The attribute 'ElementId' is required but missing.`
    let message: String
}

/// Checks an element tree against one shape of the eComptes schema.
struct EComptesSchema {
    /// A value type of the schema.
    enum Simple {
        case string, integer, decimal, date
        case maxLength(Int)
        case enumeration([String])
        case range(Double, Double?)
        /// A value the reader checks itself (and reports on its own terms).
        case checkedByReader
    }

    /// A type: a simple value or a sequence of children, with required attributes.
    enum Kind {
        case simple(Simple)
        case complex(String)
    }

    /// One child a sequence allows.
    struct Particle {
        let name: String
        let kind: Kind
        let min: Int
        let max: Int
    }

    let shape: EComptesShape

    /// The shape a document takes: the export when any element carries `Articles` or `Projections`.
    static func shape(of root: XMLElement) -> EComptesShape {
        func carriesBudget(_ element: XMLElement) -> Bool {
            element.children.contains { $0.name == "Articles" || $0.name == "Projections" || carriesBudget($0) }
        }
        return carriesBudget(root) ? .export : .upload
    }

    /// The violations of `root` (a `dataroot`), in document order.
    func violations(of root: XMLElement) -> [SchemaViolation] {
        var found: [SchemaViolation] = []
        check(root, .complex("dataroot"), into: &found)
        return found
    }

    private func one(_ name: String, _ kind: Kind) -> Particle { Particle(name: name, kind: kind, min: 1, max: 1) }
    private func optional(_ name: String, _ kind: Kind) -> Particle { Particle(name: name, kind: kind, min: 0, max: 1) }
    private func many(_ name: String, _ kind: Kind, min: Int = 0) -> Particle { Particle(name: name, kind: kind, min: min, max: .max) }

    /// The children type `name` allows, in order.
    private func sequence(_ name: String) -> [Particle] {
        let serviceOE = Kind.simple(.enumeration(["O", "E"])), typeRD = Kind.simple(.enumeration(["R", "D"]))
        switch name {
        case "dataroot": return [one("Identifiants", .complex("Identifiants")), one("PST", .complex("PST"))]
        case "Identifiants":
            return [one("Id", .simple(.string)), one("TypeAdmin", .simple(.enumeration(["AC", "CPAS"]))), one("INS", .simple(.integer)),
                    one("Type", .simple(.enumeration(["PST"]))), one("Exercice", .simple(.integer)),
                    one("Version", .simple(.enumeration(["201805V1"]))), one("Generateur", .simple(.maxLength(50)))]
        case "PST": return [one("DescriptionPST", .complex("DescriptionPST")), one("Volets", .complex("Volets"))]
        case "DescriptionPST":
            return [one("IdPST", .simple(.maxLength(40))), one("Libelle", .simple(.maxLength(255))),
                    one("ExerciceDebut", .simple(.integer)), one("ExerciceFin", .simple(.integer))]
        case "Volets": return [many("Volet", .complex("Volet"), min: 1)]
        case "Volet": return base + [optional("ObjectifStrategiques", .complex("ObjectifStrategiques"))]
        case "ObjectifStrategiques": return [many("ObjectifStrategique", .complex("ObjectifStrategique"))]
        case "ObjectifStrategique": return base + [optional("ObjectifsOperationnels", .complex("ObjectifsOperationnels"))]
        case "ObjectifsOperationnels": return [many("ObjectifOperationnel", .complex("ObjectifOperationnel"))]
        case "ObjectifOperationnel": return base + [optional("Actions", .complex("Actions"))]
        case "Actions": return [many("Action", .complex("Action"))]
        case "Action": return base
        case "Person":
            return [one("Civilite", .simple(.enumeration(["MONSIEUR", "MADAME"]))), one("Nom", .simple(.maxLength(100))),
                    one("Prenom", .simple(.maxLength(50))), one("Tel", .simple(.maxLength(15))), one("eMail", .simple(.maxLength(255)))]
        case "Text": return [one("Mode", .simple(.enumeration(["TEXTE", "HTML", "RTF"]))), one("Valeur", .simple(.string))]
        case "Plans": return [many("Plan", .simple(.string))]
        case "Partenaires": return [many("Partenaire", .simple(.string))]
        case "Articles": return [many("Article", .complex("Article"))]
        case "Article":
            return [one("Exercice", .simple(.integer)), one("Service", serviceOE), one("Type", typeRD),
                    one("CodeArticle", .simple(.maxLength(50))), one("Libelle", .simple(.maxLength(255))),
                    one("Montant", .simple(.checkedByReader))]
        case "Projections": return [many("Projection", .complex("Projection"))]
        case "Projection":
            return [one("Service", serviceOE), one("Type", typeRD), one("GroupeEco", .simple(.string)),
                    one("Libelle", .simple(.string)), one("Exercices", .complex("Exercices"))]
        case "Exercices": return [many("Exercice", .complex("YearAmount"))]
        case "YearAmount": return [one("Montant", .simple(.decimal))]
        default: return []
        }
    }

    /// The children every volet, objective and action has; `Articles` and `Projections` in the export alone.
    private var base: [Particle] {
        var particles = [
            one("Libelle", .simple(.maxLength(255))), optional("DateDebut", .simple(.date)), optional("DateFin", .simple(.date)),
            one("Description", .complex("Text")), one("Statut", .simple(.checkedByReader)),
            optional("Responsable", .complex("Person")), optional("Mandataire", .complex("Person")),
            optional("Departement", .simple(.string)), one("TauxAvancement", .simple(.range(0, 100))),
            one("RemarqueStatut", .complex("Text")), one("ETP", .simple(.range(0, nil))),
            one("Plans", .complex("Plans")), one("Partenaires", .complex("Partenaires")),
        ]
        if shape == .export {
            particles += [one("Articles", .complex("Articles")), one("Projections", .complex("Projections"))]
        }
        return particles
    }

    /// The attributes type `name` requires, with their types.
    private func attributes(_ name: String) -> [(String, Simple)] {
        switch name {
        case "Volet", "ObjectifStrategique", "ObjectifOperationnel", "Action": [("ElementId", .string), ("Exercice", .integer)]
        case "YearAmount": [("Valeur", .integer)]
        default: []
        }
    }

    private func check(_ element: XMLElement, _ kind: Kind, into found: inout [SchemaViolation]) {
        func report(_ message: String, at place: XMLElement) {
            found.append(SchemaViolation(location: place.location, element: place.name, message: message))
        }
        switch kind {
        case .simple(let simple):
            if let child = element.children.first {
                report("Element '\(element.name)': Element content is not allowed, because the type definition is simple.", at: child)
            } else if let problem = Self.problem(element.text, simple) {
                report("Element '\(element.name)': \(problem)", at: element)
            }
        case .complex(let type):
            for (name, simple) in attributes(type) {
                guard let value = element.attributes[name] else {
                    report("Element '\(element.name)': The attribute '\(name)' is required but missing.", at: element)
                    continue
                }
                if let problem = Self.problem(value, simple) {
                    report("Element '\(element.name)', attribute '\(name)': \(problem)", at: element)
                }
            }
            let particles = sequence(type)
            var p = 0, count = 0
            func expected() -> String {
                var names: [String] = []
                var q = p, matched = count
                while q < particles.count {
                    if matched < particles[q].max { names.append(particles[q].name) }
                    if matched < particles[q].min { break }
                    q += 1
                    matched = 0
                }
                if names.isEmpty { return "" }
                return names.count == 1 ? " Expected is ( \(names[0]) )." : " Expected is one of ( \(names.joined(separator: ", ")) )."
            }
            children: for child in element.children {
                while true {
                    if p < particles.count, particles[p].name == child.name, count < particles[p].max {
                        count += 1
                        check(child, particles[p].kind, into: &found)
                        continue children
                    }
                    if p < particles.count, count >= particles[p].min {
                        p += 1
                        count = 0
                        continue
                    }
                    // xmllint reports the first unexpected child and checks no further in this element.
                    report("Element '\(child.name)': This element is not expected.\(expected())", at: child)
                    return
                }
            }
            while p < particles.count {
                if count < particles[p].min {
                    report("Element '\(element.name)': Missing child element(s).\(expected())", at: element)
                    return
                }
                p += 1
                count = 0
            }
        }
    }

    /// What is wrong with `text` as a value of `simple`, in xmllint's words; `nil` when it is valid.
    static func problem(_ text: String, _ simple: Simple) -> String? {
        let collapsed = text.trimmed
        switch simple {
        case .string, .checkedByReader: return nil
        case .integer:
            return isInteger(collapsed) ? nil : "'\(collapsed)' is not a valid value of the atomic type 'xs:integer'."
        case .decimal:
            return isDecimal(collapsed) ? nil : "'\(collapsed)' is not a valid value of the atomic type 'xs:decimal'."
        case .date:
            return isDate(collapsed) ? nil : "'\(collapsed)' is not a valid value of the atomic type 'xs:date'."
        case .maxLength(let limit):
            let length = text.count
            return length <= limit ? nil
                : "[facet 'maxLength'] The value has a length of '\(length)'; this exceeds the allowed maximum length of '\(limit)'."
        case .enumeration(let values):
            return values.contains(text) ? nil
                : "[facet 'enumeration'] The value '\(text)' is not an element of the set {\(values.map { "'\($0)'" }.joined(separator: ", "))}."
        case .range(let low, let high):
            guard isDecimal(collapsed), let value = Double(collapsed) else {
                return "'\(collapsed)' is not a valid value of the atomic type 'xs:decimal'."
            }
            if value < low { return "[facet 'minInclusive'] The value '\(collapsed)' is less than the minimum value allowed ('\(Int(low))')." }
            if let high, value > high {
                return "[facet 'maxInclusive'] The value '\(collapsed)' is greater than the maximum value allowed ('\(Int(high))')."
            }
            return nil
        }
    }

    /// `[+-]digits`.
    static func isInteger(_ s: String) -> Bool {
        var body = Substring(s)
        if body.first == "+" || body.first == "-" { body = body.dropFirst() }
        return !body.isEmpty && body.allSatisfy(\.isASCIIDigit)
    }

    /// `[+-]digits[.digits]`, or `[+-].digits`.
    static func isDecimal(_ s: String) -> Bool {
        var body = Substring(s)
        if body.first == "+" || body.first == "-" { body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first else { return false }
        let fraction = parts.count == 2 ? parts[1] : ""
        return (!whole.isEmpty || !fraction.isEmpty) && whole.allSatisfy(\.isASCIIDigit) && fraction.allSatisfy(\.isASCIIDigit)
    }

    /// `YYYY-MM-DD` with a real month and day, maybe followed by a time zone (`Z`, `+01:00`).
    static func isDate(_ s: String) -> Bool {
        let scalars = Array(s.utf8)
        guard scalars.count >= 10, scalars[4] == UInt8(ascii: "-"), scalars[7] == UInt8(ascii: "-") else { return false }
        let digits = [0, 1, 2, 3, 5, 6, 8, 9]
        guard digits.allSatisfy({ Byte.isASCIIDigit(scalars[$0]) }) else { return false }
        func number(_ range: Range<Int>) -> Int { scalars[range].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) } }
        let year = number(0..<4), month = number(5..<7), day = number(8..<10)
        guard (1...12).contains(month) else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        guard day >= 1, day <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] else { return false }
        let zone = String(decoding: scalars[10...], as: UTF8.self)
        if zone.isEmpty || zone == "Z" { return true }
        let z = Array(zone.utf8)
        return z.count == 6 && (z[0] == UInt8(ascii: "+") || z[0] == UInt8(ascii: "-")) && z[3] == UInt8(ascii: ":")
            && [1, 2, 4, 5].allSatisfy { Byte.isASCIIDigit(z[$0]) }
    }
}
