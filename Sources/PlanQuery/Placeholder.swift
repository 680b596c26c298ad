/// PlanQuery.
