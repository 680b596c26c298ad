import Foundation
import PlanKit
@testable import PlanShell

enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ name: String) -> String { root.appendingPathComponent("Tests/Fixtures/\(name)").path }
}

/// A session over the seed plan whose output is captured.
final class CapturedSession {
    var out = ""
    var err = ""
    lazy var session: Session = {
        let session = Session(sink: Session.Sink(out: { [unowned self] in self.out += $0 }, err: { [unowned self] in self.err += $0 + "\n" }))
        return session
    }()

    init(load: Bool = true) {
        if load { session.load([Fixtures.path("pst-citoyennete.tsv")]) }
    }

    /// Runs a script text, returning its exit status.
    func script(_ text: String, bail: Bool = false) -> Int32 {
        ScriptRunner(session: session, bail: bail).run(source: "s.pkq", text: text)
    }
}
