import PlanQuery

/// A console meta-command: a line starting with `.`.
package enum MetaCommand: Sendable, Equatable {
    /// `.help [TOPIC]`.
    case help(String?)
    /// `.load FILE…`.
    case load([String])
    /// `.unload [FILE…]`: every plan when no file is named.
    case unload([String])
    /// `.plans`.
    case plans
    /// `.schema [COLLECTION]`.
    case schema(String?)
    /// `.format table|csv|json|markdown|xlsx`.
    case format(OutputFormat)
    /// `.output FILE|stdout`.
    case output(String?)
    /// `.timer on|off`.
    case timer(Bool)
    /// `.history`.
    case history
    /// `.param [NAME=VALUE | -NAME | NAME]…`: set, unset or show the values `$NAME` stands
    /// for; every value set when there is no argument.
    case param([ParameterChange])
    /// `.quit` or `.exit`.
    case quit

    /// Every meta-command's name, for completion and help.
    package static let names = [".help", ".load", ".unload", ".plans", ".schema", ".format", ".output", ".param", ".timer", ".history", ".quit", ".exit"]

    /// One argument of `.param`.
    package enum ParameterChange: Sendable, Equatable {
        /// `NAME=VALUE`: `$NAME` stands for VALUE from now on.
        case set(String, String)
        /// `-NAME`: `$NAME` has no value any more.
        case unset(String)
        /// `NAME`: show the value of `$NAME`.
        case show(String)
    }

    /// Splits a meta-command's arguments on spaces, honouring double and single quotes.
    static func words(_ text: String) -> [String] {
        var words: [String] = [], word = "", quote: Character?, inWord = false
        for c in text {
            if let q = quote {
                if c == q { quote = nil } else { word.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c; inWord = true
            } else if c == " " || c == "\t" {
                if inWord { words.append(word); word = ""; inWord = false }
            } else {
                word.append(c); inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }

    /// Whether `name` is a parameter's name: letters, digits and `_`, starting with a letter or `_`.
    static func isParameterName(_ name: String) -> Bool {
        QueryEnvironment.parameter(name + "=") != nil
    }

    /// Where `word` starts in `text` after its first `skip` characters (the command's name), as a
    /// location of its length; `nil` when it is not there as typed (it was quoted).
    static func location(of word: String, in text: String, after skip: Int) -> QueryLocation? {
        let start = text.index(text.startIndex, offsetBy: min(skip, text.count))
        guard let range = text.range(of: word, range: start..<text.endIndex) else { return nil }
        let offset = text.distance(from: text.startIndex, to: range.lowerBound)
        return QueryLocation(offset: offset, line: 1, column: offset + 1, length: word.count)
    }

    /// Parses a meta-command line.
    ///
    /// - Throws: ``QueryError`` naming the unknown command or the bad argument.
    package static func parse(_ text: String) throws(QueryError) -> MetaCommand {
        let leading = text.prefix { $0 == " " || $0 == "\t" }.count
        let words = Self.words(text)
        guard let name = words.first?.lowercased() else { throw QueryError("Empty meta-command.", at: QueryLocation(offset: leading, line: 1, column: leading + 1)) }
        let arguments = Array(words.dropFirst())
        let nameLocation = QueryLocation(offset: leading, line: 1, column: leading + 1, length: name.count)
        let argumentLocation: QueryLocation = {
            guard let first = arguments.first, let range = text.range(of: first) else { return nameLocation }
            let offset = text.distance(from: text.startIndex, to: range.lowerBound)
            return QueryLocation(offset: offset, line: 1, column: offset + 1, length: first.count)
        }()
        func noArguments() throws(QueryError) {
            if !arguments.isEmpty { throw QueryError("\(name) takes no argument.", at: argumentLocation) }
        }
        switch name {
        case ".help": return .help(arguments.first)
        case ".load":
            guard !arguments.isEmpty else { throw QueryError(".load needs at least one file: .load plan.tsv", at: nameLocation) }
            return .load(arguments)
        case ".unload": return .unload(arguments)
        case ".plans": try noArguments(); return .plans
        case ".schema": return .schema(arguments.first)
        case ".format", ".mode":
            guard arguments.count == 1, let format = OutputFormat(rawValue: arguments[0].lowercased()) else {
                throw QueryError(".format takes one of table, csv, json, markdown, xlsx.", at: argumentLocation)
            }
            return .format(format)
        case ".output":
            guard arguments.count <= 1 else { throw QueryError(".output takes one file name, or stdout.", at: argumentLocation) }
            let target = arguments.first
            return .output(target == nil || target == "stdout" || target == "-" ? nil : target)
        case ".timer":
            guard arguments.count == 1, ["on", "off"].contains(arguments[0].lowercased()) else {
                throw QueryError(".timer takes on or off.", at: argumentLocation)
            }
            return .timer(arguments[0].lowercased() == "on")
        case ".history": try noArguments(); return .history
        case ".param", ".parameter", ".params":
            var changes: [ParameterChange] = []
            for argument in arguments {
                let location = Self.location(of: argument, in: text, after: leading + name.count) ?? argumentLocation
                if argument.hasPrefix("-") {
                    let name = String(argument.dropFirst())
                    guard Self.isParameterName(name) else {
                        throw QueryError("'\(argument)' names no parameter; unset one with .param -NAME, as in .param -year.", at: location)
                    }
                    changes.append(.unset(name))
                } else if let (name, value) = QueryEnvironment.parameter(argument) {
                    changes.append(.set(name, value))
                } else if Self.isParameterName(argument) {
                    changes.append(.show(argument))
                } else {
                    throw QueryError("'\(argument)' is not NAME=VALUE; write .param year=2021 (a name of letters, digits and _, then = and the value; quote a value with spaces: .param plan=\"PCS III\").", at: location)
                }
            }
            return .param(changes)
        case ".quit", ".exit", ".q": return .quit
        default:
            if let close = Suggestions.closest(to: name, in: names) {
                throw QueryError("Unknown meta-command \(name); did you mean \(close)?", at: nameLocation)
            }
            throw QueryError("Unknown meta-command \(name); .help lists them.", at: nameLocation)
        }
    }
}
