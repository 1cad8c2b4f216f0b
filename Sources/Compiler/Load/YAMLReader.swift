import Foundation
import Yams

/// Reads YAML text into `SourceNode`s, turning every libyaml error into a positioned diagnostic.
///
/// `YAMLPreflight` measures the document before Yams composes it, so no input, however deep or
/// however aliased, can crash the reader. Inventories take no explicit tags (`!!int`, `!!binary`,
/// `!custom`): sysinvc would silently ignore them, so each one is reported; quoting makes a value
/// text, and plain numbers, booleans and null need no tag.
public enum YAMLReader {
    public static func read(_ text: String, file: String) -> (node: SourceNode?, diagnostics: [Diagnostic]) {
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard text.utf8.count <= YAMLLimits.fileBytes else {
            return (nil, [Diagnostic(.yamlTooLarge, "the file holds \(text.utf8.count) bytes, more than the \(YAMLLimits.fileBytes) allowed; split it with include", at: start)])
        }
        let preflight = YAMLPreflight.check(text)
        if let finding = preflight.finding {
            return (nil, [diagnostic(for: finding, file: file)])
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            return (nil, [diagnostic(for: error, file: file)])
        } catch {
            return (nil, [Diagnostic(.yamlSyntax, "cannot read YAML: \(error)", at: start)])
        }
        let tags = preflight.explicitTags.map { tag in
            Diagnostic(.explicitTag, "the tag \(tag.tag) is not read in an inventory; remove it (quote the value to make it text)",
                       at: SourceLocation(file: file, line: tag.line, column: tag.column))
        }
        guard let root else { return (.mapping([], start), tags) }
        var converter = Converter(file: file)
        let node = converter.convert(root)
        return (node, tags + converter.diagnostics)
    }

    static func diagnostic(for finding: YAMLPreflight.Finding, file: String) -> Diagnostic {
        let location = SourceLocation(file: file, line: finding.line, column: finding.column)
        switch finding.problem {
        case .tooDeep:
            return Diagnostic(.yamlTooDeep, "mappings and lists nest deeper than \(YAMLLimits.depth) levels here; flatten the structure", at: location)
        case .tooManyNodes(throughAliases: true):
            return Diagnostic(.aliasNotAllowed,
                "aliases expand the document to more than \(YAMLLimits.nodes) values; inventories need no anchors or aliases: write the values out",
                at: location)
        case .tooManyNodes(throughAliases: false):
            return Diagnostic(.yamlTooLarge, "the document holds more than \(YAMLLimits.nodes) values; split it with include", at: location)
        }
    }

    static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            var message = problem
            if let context { message = "\(context.text) (line \(context.mark.line), column \(context.mark.column)): \(problem)" }
            return Diagnostic(.yamlSyntax, "YAML syntax error: \(message); fix the YAML at this position",
                              at: SourceLocation(file: file, line: mark.line, column: mark.column))
        case let .reader(problem, _, _, _):
            return Diagnostic(.yamlSyntax, "cannot decode the file: \(problem); save it as UTF-8",
                              at: SourceLocation(file: file, line: 1, column: 1))
        default:
            return Diagnostic(.yamlSyntax, "cannot read YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    /// Converts a tree that passed the preflight, so its depth and size are bounded.
    private struct Converter {
        let file: String
        var diagnostics: [Diagnostic] = []

        init(file: String) {
            self.file = file
        }

        static let implicitTypeStarts = Set("~nNyYtTfFoO+-.0123456789".utf8)

        func location(_ mark: Mark?) -> SourceLocation {
            SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
        }

        mutating func convert(_ node: Node) -> SourceNode {
            let here = location(node.mark)
            switch node {
            case let .scalar(scalar):
                return .scalar(SourceScalar(text: scalar.string, kind: kind(of: node, scalar), location: here))
            case let .sequence(sequence):
                return .sequence(sequence.map { convert($0) }, here)
            case let .mapping(mapping):
                var pairs: [SourcePair] = []
                var firstSeen: [String: SourceLocation] = [:]
                for (keyNode, valueNode) in mapping {
                    let keyLocation = location(keyNode.mark)
                    guard case let .scalar(keyScalar) = keyNode else {
                        diagnostics.append(Diagnostic(.wrongType, "a mapping key must be plain text, not a list or mapping", at: keyLocation))
                        continue
                    }
                    let key = keyScalar.string
                    if let first = firstSeen[key] {
                        diagnostics.append(Diagnostic(.duplicateKey,
                            "duplicate key \"\(key)\" (first given at line \(first.line), column \(first.column)); keep one of them",
                            at: keyLocation))
                    } else {
                        firstSeen[key] = keyLocation
                    }
                    pairs.append(SourcePair(key: Located(key, at: keyLocation), value: convert(valueNode)))
                }
                return .mapping(pairs, here)
            }
        }

        func kind(of node: Node, _ scalar: Node.Scalar) -> SourceScalar.Kind {
            if scalar.style != .plain && scalar.style != .any { return .string }
            // Every null, bool and number starts with one of these bytes (as YAML 1.1 resolves
            // them); most scalars are names, which end here without trying any resolver.
            if let first = scalar.string.utf8.first, !Self.implicitTypeStarts.contains(first) { return .string }
            if node.null != nil { return .null }
            if node.bool != nil { return .bool }
            if PlainNumber.int(scalar) != nil { return .int }
            if PlainNumber.float(scalar) != nil { return .float }
            return .string
        }
    }
}
