import Foundation
import PlanKitCommands

exit(PlanKitCLI.execute(Array(CommandLine.arguments.dropFirst())))
