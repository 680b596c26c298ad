import PlanKit
import Foundation
let plans = try PlanReader().read(path: CommandLine.arguments[1])
print(String(decoding: try PlanKitJSON.encode(plans), as: UTF8.self))
