/// The edits host and label commands make to a file, each the smallest the YAML layout allows:
/// block mappings gain or lose whole lines at their own indentation, flow mappings are
/// rewritten between their braces, a scalar is replaced in its quoting style.
extension InventoryFile {
    /// Sets `key` of a host to a scalar, adding the key after the first of `anchors` found.
    func setScalar(_ key: String, to value: String, in host: HostNode, after anchors: [String]) throws(EditRefusal) -> TextEdit {
        guard let pair = host.pair(key) else {
            let entry = "\(key): \(YAMLScalarText.plainOrQuoted(value))"
            return try addPair(block: [entry], flow: entry, to: host, after: anchors)
        }
        guard case let .scalar(scalar) = pair.value, scalar.kind != .null else {
            throw EditRefusal(.editLayout, "\(key) of \(host.name) is not a single value; fix it by hand", at: pair.key.location)
        }
        let range = try scalarRange(scalar, inFlow: host.isFlow)
        return TextEdit(range: range, replacement: YAMLScalarText.replacing(text.string(range).unicodeScalars[...], with: value))
    }

    /// Adds a pair to a host: block lines after the anchor pair (or the last pair), or a flow
    /// entry before the closing brace.
    func addPair(block lines: [String], flow entry: String, to host: HostNode, after anchors: [String]) throws(EditRefusal) -> TextEdit {
        if host.isFlow {
            let range = try flowRange(at: host.location)
            var end = range.upperBound - 1
            while end > range.lowerBound + 1, [" ", "\t", "\n", "\r"].contains(text.scalars[end - 1]) { end -= 1 }
            return .insert((host.pairs.isEmpty ? "" : ", ") + entry, at: end)
        }
        let anchor = host.pairs.last { anchors.contains($0.key.value) } ?? host.pairs.last!
        let indentation = indentation(of: host.location)
        let added = lines.map { text.newline + indentation + $0 }.joined()
        return .insert(added, at: text.insertionAfter(line: lastLine(of: anchor)))
    }

    static func entry(_ label: Label) -> String {
        "\(YAMLScalarText.plainOrQuoted(label.key)): \(YAMLScalarText.plainOrQuoted(label.value))"
    }

    /// Assigns and removes labels of a host. `assign` may replace values of keys the host has.
    func labelEdits(_ host: HostNode, assign: [Label], remove: Set<String>) throws(EditRefusal) -> [TextEdit] {
        guard let labels = host.pair("labels") else {
            let block = ["labels:"] + assign.map { "  " + Self.entry($0) }
            let flow = "labels: {" + assign.map(Self.entry).joined(separator: ", ") + "}"
            return [try addPair(block: block, flow: flow, to: host, after: [])]
        }
        guard case let .mapping(pairs, location) = labels.value else {
            throw EditRefusal(.editLayout, "labels of \(host.name) is not a mapping; write labels: {} or key: value lines under it", at: labels.key.location)
        }
        if isFlow(at: location) {
            return [try flowLabels(pairs, at: location, assign: assign, remove: remove)]
        }
        var edits: [TextEdit] = []
        for label in assign {
            guard let pair = pairs.first(where: { $0.key.value == label.key }) else { continue }
            edits.append(try replaceValue(of: pair, with: label.value))
        }
        let added = assign.filter { label in !pairs.contains { $0.key.value == label.key } }
        if !added.isEmpty {
            let indentation = indentation(of: pairs[0].key.location)
            let lines = added.map { text.newline + indentation + Self.entry($0) }.joined()
            edits.append(.insert(lines, at: text.insertionAfter(line: lastLine(of: pairs.last!))))
        }
        let removed = pairs.filter { remove.contains($0.key.value) }
        for pair in removed {
            edits.append(TextEdit(range: text.wholeLines(pair.key.location.line, lastLine(of: pair)), replacement: ""))
        }
        if removed.count == pairs.count && added.isEmpty, let colon = text.colonEnd(afterKeyAt: text.offset(labels.key.location), inFlow: false) {
            // An empty block mapping would read as null; `{}` keeps it a mapping and keeps any comments below.
            edits.append(.insert(" {}", at: colon))
        }
        return edits
    }

    private func replaceValue(of pair: SourcePair, with value: String) throws(EditRefusal) -> TextEdit {
        guard case let .scalar(scalar) = pair.value else {
            throw EditRefusal(.editLayout, "label \(pair.key.value) has a value that is not text; fix it by hand", at: pair.key.location)
        }
        if scalar.kind == .null, let colon = text.colonEnd(afterKeyAt: text.offset(pair.key.location), inFlow: isFlow(at: pair.key.location)) {
            return .insert(" " + YAMLScalarText.plainOrQuoted(value), at: colon)
        }
        let range = try scalarRange(scalar, inFlow: false)
        return TextEdit(range: range, replacement: YAMLScalarText.replacing(text.string(range).unicodeScalars[...], with: value))
    }

    /// Rewrites a flow mapping of labels between its braces, keeping the text of entries that stay.
    private func flowLabels(_ pairs: [SourcePair], at location: SourceLocation, assign: [Label], remove: Set<String>) throws(EditRefusal) -> TextEdit {
        var entries: [String] = []
        for pair in pairs where !remove.contains(pair.key.value) {
            guard case let .scalar(scalar) = pair.value, scalar.kind != .null else {
                entries.append(Self.entry(assign.first { $0.key == pair.key.value } ?? Label(key: pair.key.value, value: "")))
                continue
            }
            let value = try scalarRange(scalar, inFlow: true)
            let keyText = text.string(text.offset(pair.key.location)..<value.lowerBound)
            if let label = assign.first(where: { $0.key == pair.key.value }) {
                entries.append(keyText + YAMLScalarText.replacing(text.string(value).unicodeScalars[...], with: label.value))
            } else {
                entries.append(keyText + text.string(value))
            }
        }
        entries += assign.filter { label in !pairs.contains { $0.key.value == label.key } }.map(Self.entry)
        return TextEdit(range: try flowRange(at: location), replacement: "{" + entries.joined(separator: ", ") + "}")
    }
}
