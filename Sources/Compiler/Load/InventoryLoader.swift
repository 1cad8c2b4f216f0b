import Foundation

/// The load stage: reads the inventory file and its includes, checks them against the schema and
/// builds the typed `Inventory`, with what beside it a compile reads (`InventoryTreeLoader`). Every problem found is returned. An inventory comes back whenever
/// the YAML could be read, even with schema errors (values that failed are left out), so that
/// validation can report its problems in the same run.
public enum InventoryLoader {
    /// `replacing` gives the text of files as an edit would leave them, so that an edit can be
    /// validated, includes and all, before anything is written.
    public static func load(path: String, replacing edited: [String: String] = [:]) -> (inventory: Inventory?, diagnostics: [Diagnostic]) {
        var collector = DiagnosticCollector()
        var files: [String] = []
        guard let root = readMerged(path: path, including: [], edited: edited, files: &files, collector: &collector) else {
            return (nil, collector.sorted)
        }
        var (inventory, _) = finish(root, files: files, collector: &collector)
        if inventory != nil { InventoryTreeLoader.load(into: &inventory!, path: path, collector: &collector) }
        return (inventory, collector.sorted)
    }

    /// Loads inventory text that is not on disk (tests, editors); includes are resolved against the
    /// current directory.
    public static func load(text: String, file: String) -> (inventory: Inventory?, diagnostics: [Diagnostic]) {
        var collector = DiagnosticCollector()
        var files = [file]
        let (node, diagnostics) = YAMLReader.read(text, file: file)
        collector.append(contentsOf: diagnostics)
        guard let node, let root = resolveIncludes(node, file: file, including: [file], edited: [:], files: &files, collector: &collector) else {
            return (nil, collector.sorted)
        }
        return finish(root, files: files, collector: &collector)
    }

    private static func finish(_ root: SourceNode, files: [String], collector: inout DiagnosticCollector) -> (Inventory?, [Diagnostic]) {
        if case let .mapping(pairs, location) = root, pairs.isEmpty {
            // Every section would be reported missing; one message says what is wrong.
            if !collector.hasErrors {
                collector.emit(.emptyDocument, "\(location.file) holds no inventory (it is empty or only comments); write its system, networks and hosts sections",
                               at: location)
            }
            return (nil, collector.sorted)
        }
        // The schema check and the decoder each read the whole tree and nothing of each other's.
        let (schemaDiagnostics, (inventory, decodeDiagnostics)) = Parallel.both({
            var checker = SchemaChecker()
            checker.check(root, against: InventorySchema.root, path: "")
            return checker.diagnostics
        }, {
            var decoder = InventoryDecoder(files: files)
            let inventory = decoder.decode(root)
            return (inventory, decoder.diagnostics)
        })
        collector.append(contentsOf: schemaDiagnostics)
        collector.append(contentsOf: decodeDiagnostics)
        return (inventory, collector.sorted)
    }

    /// `includedAt` is the include line naming the file, where a file that cannot be read is reported.
    private static func readMerged(path: String, including chain: [String], includedAt: SourceLocation? = nil, edited: [String: String],
                                   files: inout [String], collector: inout DiagnosticCollector) -> SourceNode? {
        files.append(path)
        let text: String
        let read = edited[path].map { Result<String, InputFile.Refusal>.success($0) } ?? InputFile.text(path)
        switch read {
        case let .success(contents):
            text = contents
        case let .failure(refusal):
            let code: DiagnosticCode = switch refusal {
            case .unreadable, .notARegularFile: .unreadableFile
            case .tooLarge: .yamlTooLarge
            case .notUTF8: .yamlSyntax
            }
            collector.emit(code, "inventory file \(path) \(refusal.message)", at: includedAt ?? SourceLocation(file: path, line: 1, column: 1))
            return nil
        }
        let (node, diagnostics) = YAMLReader.read(text, file: path)
        collector.append(contentsOf: diagnostics)
        guard let node else { return nil }
        return resolveIncludes(node, file: path, including: chain + [path], edited: edited, files: &files, collector: &collector)
    }

    private static func resolveIncludes(_ node: SourceNode, file: String, including chain: [String], edited: [String: String], files: inout [String],
                                        collector: inout DiagnosticCollector) -> SourceNode? {
        guard case let .mapping(pairs, location) = node else {
            // Only the kind is named: the file may be any file an include named, its text not for printing.
            collector.emit(.notAMapping, "an inventory file must be a mapping of sections (system, networks, hosts, …), not \(node.kindName)",
                           at: node.location)
            return nil
        }
        var merged = pairs.filter { $0.key.value != "include" }
        guard let include = pairs.first(where: { $0.key.value == "include" }) else { return node }
        guard case let .sequence(items, _) = include.value else {
            collector.emit(.wrongType, "include must be a list of file paths", at: include.value.location)
            return .mapping(merged, location)
        }
        let directory = (file as NSString).deletingLastPathComponent
        for item in items {
            guard case let .scalar(scalar) = item, scalar.kind == .string || scalar.kind == .int else {
                collector.emit(.wrongType, "include must list file paths, not \(item.kindDescription)", at: item.location)
                continue
            }
            let path = directory.isEmpty || scalar.text.hasPrefix("/") ? scalar.text : (directory as NSString).appendingPathComponent(scalar.text)
            if chain.contains(path) {
                collector.emit(.includeCycle, "\(scalar.text) includes itself (through \(chain.joined(separator: " -> "))); remove one include", at: scalar.location)
                continue
            }
            guard case let .mapping(included, _)? = readMerged(path: path, including: chain, includedAt: scalar.location, edited: edited,
                                                                   files: &files, collector: &collector) else { continue }
            merged = merge(merged, included, collector: &collector)
        }
        return .mapping(merged, location)
    }

    /// Sections of included files join the including file's: lists are concatenated, mappings
    /// merged key by key; the same scalar given twice is a conflict, never a silent override.
    private static func merge(_ base: [SourcePair], _ addition: [SourcePair], collector: inout DiagnosticCollector) -> [SourcePair] {
        var result = base
        for pair in addition {
            guard let index = result.firstIndex(where: { $0.key.value == pair.key.value }) else {
                result.append(pair)
                continue
            }
            let existing = result[index]
            switch (existing.value, pair.value) {
            case let (.sequence(a, location), .sequence(b, _)):
                result[index] = SourcePair(key: existing.key, value: .sequence(a + b, location))
            case let (.mapping(a, location), .mapping(b, _)):
                result[index] = SourcePair(key: existing.key, value: .mapping(merge(a, b, collector: &collector), location))
            default:
                collector.emit(.includeConflict,
                    "\"\(pair.key.value)\" is also given at \(existing.key.location); an included file may add to a section but not replace a value",
                    at: pair.key.location)
            }
        }
        return result
    }
}
