import Foundation
import Yams

/// Reads YAML text into `SourceNode`s, turning every libyaml error into a positioned diagnostic.
public enum YAMLReader {
    /// Inventories never need anchors; an alias chain can expand exponentially (billion laughs),
    /// so the walk stops after this many nodes.
    static let nodeBudget = 1_000_000
    static let depthLimit = 64

    public static func read(_ text: String, file: String) -> (node: SourceNode?, diagnostics: [Diagnostic]) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            return (nil, [diagnostic(for: error, file: file)])
        } catch {
            return (nil, [Diagnostic(.yamlSyntax, "cannot read YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))])
        }
        guard let root else {
            return (.mapping([], SourceLocation(file: file, line: 1, column: 1)), [])
        }
        var converter = Converter(file: file)
        let node = converter.convert(root, depth: 0)
        return (node, converter.diagnostics)
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

    private struct Converter {
        let file: String
        var diagnostics: [Diagnostic] = []
        var visited = 0
        var exhausted = false

        init(file: String) {
            self.file = file
        }

        func location(_ mark: Mark?) -> SourceLocation {
            SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
        }

        mutating func convert(_ node: Node, depth: Int) -> SourceNode {
            visited += 1
            let here = location(node.mark)
            if visited > YAMLReader.nodeBudget || depth > YAMLReader.depthLimit {
                if !exhausted {
                    exhausted = true
                    diagnostics.append(Diagnostic(.aliasNotAllowed,
                        "the document is too large or too deeply nested (aliases expanding?); inventories need no anchors or aliases: write the values out",
                        at: here))
                }
                return .scalar(SourceScalar(text: "", kind: .null, location: here))
            }
            switch node {
            case let .scalar(scalar):
                return .scalar(SourceScalar(text: scalar.string, kind: kind(of: node, style: scalar.style), location: here))
            case let .sequence(sequence):
                return .sequence(sequence.map { convert($0, depth: depth + 1) }, here)
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
                    pairs.append(SourcePair(key: Located(key, at: keyLocation), value: convert(valueNode, depth: depth + 1)))
                }
                return .mapping(pairs, here)
            }
        }

        func kind(of node: Node, style: Node.Scalar.Style) -> SourceScalar.Kind {
            if style != .plain && style != .any { return .string }
            if node.null != nil { return .null }
            if node.bool != nil { return .bool }
            if node.int != nil { return .int }
            if node.float != nil { return .float }
            return .string
        }
    }
}
