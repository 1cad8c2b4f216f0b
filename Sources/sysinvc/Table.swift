/// The bordered table StarlingX's `system` CLI prints, for every listing command.
struct Table {
    let headers: [String]
    let rows: [[String]]

    var rendered: String {
        let widths = headers.indices.map { column in ([headers] + rows).map { $0[column].count }.max() ?? 0 }
        let border = "+" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "+") + "+\n"
        let line = { (cells: [String]) in
            "|" + cells.enumerated().map { " " + $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) + " " }.joined(separator: "|") + "|\n"
        }
        return border + line(headers) + border + rows.map(line).joined() + border
    }
}
