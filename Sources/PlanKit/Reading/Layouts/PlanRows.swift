/// Reads a table's rows into a plan in the layout its header rows name: a ``TableLayout``
/// (iA.PST's Export, the French template, a layout file's) when a row before the table is the
/// header of one, else the communes' PST layout (``PlanBuilder``).
///
/// Rows before a header are the preamble, whatever the layout. When no layout fits, the error
/// names the layouts PlanKit knows and, for the nearest, the labels found and missing.
struct PlanRows {
    /// The communes' PST layout, which reads every row until a table layout's header is found.
    var pst: PlanBuilder
    /// The table layout's builder, from its header row on.
    var table: TableBuilder?
    var recognition: LayoutRecognition
    /// Whether a layout file gave the layout.
    let layoutFile: Bool

    init(file: String, fields: PlanFields, layout: TableLayout?) {
        pst = PlanBuilder(file: file, fields: fields)
        recognition = LayoutRecognition(layout: layout)
        layoutFile = layout != nil
    }

    /// The plan read so far.
    var plan: Plan {
        get { table?.plan ?? pst.plan }
        _modify {
            // The table's builder is moved out while its plan is changed, so nothing copies it.
            if var moved = table {
                table = nil
                yield &moved.plan
                table = moved
            } else {
                yield &pst.plan
            }
        }
    }

    /// Whether the row read last was in the legend.
    var inLegend: Bool { table?.inLegend ?? pst.inLegend }

    /// The line of the last action read.
    var lastActionLine: Int? {
        if let table {
            return table.objectives.last?.operationalObjectives.last?.actions.map(\.location.line).max()
        }
        return pst.objectives.last?.operationalObjectives.last?.actions.last?.location.line
    }

    mutating func consume(_ row: DelimitedTable.Row) throws(PlanReadError) {
        if table != nil {
            table?.consume(row)
            return
        }
        if !pst.headerFound, pst.objectives.isEmpty, (0..<row.count).contains(where: { !row.isBlank($0) }),
           let (layout, match) = recognition.recognise(row) {
            table = TableBuilder(layout: layout, match: match, header: row, origin: pst.origin, fields: pst.fields, plan: pst.plan)
            return
        }
        do { try pst.consume(row) } catch { throw recognition.refusal(error, file: layoutFile) }
    }

    mutating func finish() throws(PlanReadError) -> Plan {
        if table != nil {
            guard var table else { return pst.plan }
            return try table.finish()
        }
        do { return try pst.finish() } catch { throw recognition.refusal(error, file: layoutFile) }
    }
}
