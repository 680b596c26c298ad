import PlanKit
