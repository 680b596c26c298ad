/// Who steers an action: the politician, the services and the agents in charge.
///
/// Each is a cell of names; a cell may hold several, split on line breaks and ` / `.
public struct Pilots: Sendable, Hashable, Codable {
    /// The member of the Collège in charge (`Politique en charge`).
    public var political: Cell<[String]>
    /// The services in charge (`Service en charge`).
    public var services: Cell<[String]>
    /// The agents in charge (`Agent en charge`).
    public var agents: Cell<[String]>

    /// Creates the pilots of an action.
    public init(political: Cell<[String]>, services: Cell<[String]>, agents: Cell<[String]>) {
        self.political = political
        self.services = services
        self.agents = agents
    }
}
