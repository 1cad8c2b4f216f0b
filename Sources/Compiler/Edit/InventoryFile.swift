import Foundation

/// One inventory file as text and as the reader's node tree. Edits are computed from node
/// positions and touch only the characters they must; everything else stays byte for byte.
struct InventoryFile {
    let path: String
    let contents: String
    let text: SourceText
    let root: SourceNode
    /// Start of every key and node, in file order: a block node ends where the next one starts.
    private let starts: [SourceLocation]

    init(path: String, contents: String) throws(EditRefusal) {
        let (node, diagnostics) = YAMLReader.read(contents, file: path)
        guard let node, !diagnostics.contains(where: { $0.severity == .error }) else { throw EditRefusal(diagnostics) }
        self.path = path
        self.contents = contents
        self.text = SourceText(contents)
        self.root = node
        var starts: [SourceLocation] = []
        Self.collectStarts(node, into: &starts)
        self.starts = starts.sorted()
    }

    private static func collectStarts(_ node: SourceNode, into starts: inout [SourceLocation]) {
        switch node {
        case let .scalar(scalar):
            if scalar.kind != .null { starts.append(scalar.location) }
        case let .sequence(items, location):
            starts.append(location)
            items.forEach { collectStarts($0, into: &starts) }
        case let .mapping(pairs, location):
            starts.append(location)
            for pair in pairs {
                starts.append(pair.key.location)
                collectStarts(pair.value, into: &starts)
            }
        }
    }

    var topLevel: [SourcePair] {
        if case let .mapping(pairs, _) = root { return pairs }
        return []
    }

    func hostNodes() -> [HostNode] {
        guard case let .sequence(items, _)? = topLevel.first(where: { $0.key.value == "hosts" })?.value else { return [] }
        return items.compactMap { item in
            guard case let .mapping(pairs, location) = item else { return nil }
            return HostNode(pairs: pairs, location: location, isFlow: isFlow(at: location))
        }
    }

    func host(named name: String) -> HostNode? {
        hostNodes().first { host in
            if case let .scalar(scalar)? = host.pair("hostname")?.value { return scalar.text == name }
            return false
        }
    }

    func isFlow(at location: SourceLocation) -> Bool {
        let scalar = text.scalars[text.offset(location)]
        return scalar == "{" || scalar == "["
    }

    // MARK: Extents

    func lastStart(of node: SourceNode) -> SourceLocation {
        switch node {
        case let .scalar(scalar): return scalar.location
        case let .sequence(items, location): return items.map(lastStart).max() ?? location
        case let .mapping(pairs, location): return pairs.map { lastStart(of: $0.value) }.max().map { max($0, pairs.last!.key.location) } ?? location
        }
    }

    /// The last line holding a block node's content: up to the next node's line, without the
    /// blank and comment lines in between (those stay with what follows).
    func lastLine(of node: SourceNode, from first: SourceLocation) -> Int {
        let last = max(first, lastStart(of: node))
        var line = text.lineCount
        if let next = starts.first(where: { $0 > last && $0.line > last.line }) { line = next.line - 1 }
        if case let .scalar(scalar) = node, scalar.kind == .null { line = max(first.line, min(line, last.line)) }
        while line > last.line && text.isBlankOrComment(line) { line -= 1 }
        return line
    }

    func lastLine(of pair: SourcePair) -> Int {
        lastLine(of: pair.value, from: pair.key.location)
    }

    /// The characters of a scalar node on its line, quotes included.
    func scalarRange(_ scalar: SourceScalar, inFlow: Bool) throws(EditRefusal) -> Range<Int> {
        let start = text.offset(scalar.location)
        guard let end = text.scalarEnd(from: start, inFlow: inFlow) else {
            throw EditRefusal(.editLayout, "the value at \(scalar.location) runs over several lines; put it on one line to edit it with sysinvc", at: scalar.location)
        }
        return start..<end
    }

    func flowRange(at location: SourceLocation) throws(EditRefusal) -> Range<Int> {
        let start = text.offset(location)
        guard let end = text.flowEnd(from: start) else {
            throw EditRefusal(.editLayout, "cannot find where the collection at \(location) ends", at: location)
        }
        return start..<end
    }

    /// Spaces before a block node's key, taken from the line it starts on.
    func indentation(of location: SourceLocation) -> String {
        String(repeating: " ", count: location.column - 1)
    }

    func edited(_ edits: [TextEdit]) throws(EditRefusal) -> String {
        try text.applying(edits)
    }
}

/// A host's mapping in its file.
struct HostNode {
    let pairs: [SourcePair]
    let location: SourceLocation
    let isFlow: Bool

    func pair(_ key: String) -> SourcePair? {
        pairs.first { $0.key.value == key }
    }

    var name: String {
        if case let .scalar(scalar)? = pair("hostname")?.value { return scalar.text }
        return ""
    }

    var node: SourceNode { .mapping(pairs, location) }
}
