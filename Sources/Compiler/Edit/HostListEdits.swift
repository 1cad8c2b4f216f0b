import Foundation

/// Edits of the `hosts` list: removing one host's item, appending a new one.
extension InventoryFile {
    var hostsPair: SourcePair? { topLevel.first { $0.key.value == "hosts" } }

    /// Removes the host's item: its lines in a block list, its entry and one comma in a flow list.
    func deleteHost(_ host: HostNode) throws(EditRefusal) -> [TextEdit] {
        guard let hosts = hostsPair, case let .sequence(items, listLocation) = hosts.value else { return [] }
        if isFlow(at: listLocation) {
            let item = try flowRange(at: host.location)
            var end = item.upperBound
            while end < text.scalars.count, text.scalars[end] == " " { end += 1 }
            if end < text.scalars.count, text.scalars[end] == "," {
                end += 1
                while end < text.scalars.count, text.scalars[end] == " " { end += 1 }
                return [TextEdit(range: item.lowerBound..<end, replacement: "")]
            }
            var start = item.lowerBound
            while start > 0, [" ", "\n", "\r", "\t"].contains(text.scalars[start - 1]) { start -= 1 }
            if start > 0, text.scalars[start - 1] == "," { start -= 1 } else { start = item.lowerBound }
            return [TextEdit(range: start..<item.upperBound, replacement: "")]
        }
        var line = host.location.line
        var before = String(String.UnicodeScalarView(text.text(ofLine: line).prefix(host.location.column - 1)))
        if before.trimmingCharacters(in: .whitespaces).isEmpty && line > 1 {
            // `- # comment` with the mapping on the next line
            line -= 1
            before = String(String.UnicodeScalarView(text.text(ofLine: line))).components(separatedBy: " #")[0]
        }
        guard before.trimmingCharacters(in: .whitespaces) == "-" else {
            throw EditRefusal(.editLayout, "\(host.name) does not start its own line in hosts; put each host on its own - item to delete it with sysinvc", at: host.location)
        }
        var edits = [TextEdit(range: text.wholeLines(line, lastLine(of: host.node, from: host.location)), replacement: "")]
        if items.count == 1, let colon = text.colonEnd(afterKeyAt: text.offset(hosts.key.location), inFlow: false) {
            edits.append(.insert(" []", at: colon))
        }
        return edits
    }

    /// Appends a host, given as the lines of one YAML mapping (comments kept), to the block list
    /// of hosts, starting the list if there is none.
    func appendHost(_ lines: [String]) throws(EditRefusal) -> TextEdit {
        try appendHosts([lines])
    }

    /// Appends hosts, each given as the lines of one YAML mapping, in their order.
    func appendHosts(_ hostLines: [[String]]) throws(EditRefusal) -> TextEdit {
        let items = { (indentation: String) in hostLines.map { self.item($0, indentation: indentation) }.joined(separator: self.text.newline) }
        guard let hosts = hostsPair else {
            let prefix = text.scalars.last == "\n" || text.scalars.isEmpty ? "" : text.newline
            return .insert(prefix + "hosts:" + text.newline + items("  ") + text.newline, at: text.scalars.count)
        }
        switch hosts.value {
        case let .sequence(entries, location) where !isFlow(at: location):
            let first = entries[0].location
            let dash = text.text(ofLine: first.line).prefix(first.column - 1).lastIndex(of: "-")
            let column = dash.map { text.text(ofLine: first.line).distance(from: text.text(ofLine: first.line).startIndex, to: $0) } ?? 0
            let added = text.newline + items(String(repeating: " ", count: column))
            return .insert(added, at: text.insertionAfter(line: lastLine(of: hosts)))
        case let .sequence(entries, location) where entries.isEmpty:
            return TextEdit(range: try flowRange(at: location), replacement: text.newline + items("  "))
        case let .scalar(scalar) where scalar.kind == .null:
            guard let colon = text.colonEnd(afterKeyAt: text.offset(hosts.key.location), inFlow: false) else { fallthrough }
            return .insert(text.newline + items("  "), at: colon)
        default:
            throw EditRefusal(.editLayout, "hosts is written as a flow list [...]; write it as a block list (one - item per host) to add hosts with sysinvc",
                              at: hosts.key.location)
        }
    }

    private func item(_ lines: [String], indentation: String) -> String {
        lines.enumerated().map { index, line in
            if index == 0 { return indentation + "- " + line }
            return line.isEmpty ? "" : indentation + "  " + line
        }.joined(separator: text.newline)
    }
}
