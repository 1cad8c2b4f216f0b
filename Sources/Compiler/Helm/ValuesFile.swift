import Yams

/// A values file that is not valid YAML or not a mapping; `line` and `column` start at 1.
public struct ValuesFileError: Error, Equatable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public let message: String
    /// The diagnostic code an inventory would get for the same problem.
    public let code: DiagnosticCode

    public init(line: Int, column: Int, message: String, code: DiagnosticCode = .yamlSyntax) {
        self.line = line
        self.column = column
        self.message = message
        self.code = code
    }

    public var description: String { "line \(line), column \(column): \(message)" }
}

/// Reads a helm values file (`values.yaml`, `-f` overrides) into values.
///
/// Plain scalars are typed by the YAML 1.1 resolver, as helm's go-yaml does (`yes`/`on` are bools,
/// `0x1F` and `010` are ints); quoted and block scalars are strings; timestamps stay strings, as
/// go-yaml v2 keeps them for untyped targets. Mapping keys keep their text (`1: a` has key "1").
/// A repeated key keeps its last value, as helm does. `<<` merge keys are applied (explicit keys win).
/// A second document (`---`) is an error, where helm would silently read only the first.
///
/// The text is measured by `YAMLPreflight` first (depth, size, aliases), so a hostile values file
/// is refused with its position instead of crashing the reader. Base-60 forms (`1:30`) stay text,
/// as go-yaml reads them.
public enum ValuesFile {
    public static func parse(_ text: String) throws(ValuesFileError) -> [String: YAMLValue] {
        try preflight(text)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw positioned(error, in: text)
        }
        guard let root else { return [:] }
        var converter = Converter()
        switch try converter.value(root) {
        case let .map(values): return values
        case .null: return [:]
        case let other:
            throw converter.fail("a values file must hold a mapping at the top level, not \(other.helmKindName)", at: root, code: .notAMapping)
        }
    }

    /// Every document of a stream (`---` between them), as an armada manifest holds them.
    public static func documents(_ text: String) throws(ValuesFileError) -> [YAMLValue] {
        try preflight(text)
        var documents: [YAMLValue] = []
        var converter = Converter()
        do {
            let parser = try Parser(yaml: text)
            while let root = try parser.nextRoot() {
                documents.append(try converter.value(root))
            }
        } catch let error as ValuesFileError {
            throw error
        } catch {
            throw positioned(error, in: text)
        }
        return documents
    }

    private static func preflight(_ text: String) throws(ValuesFileError) {
        guard text.utf8.count <= YAMLLimits.fileBytes else {
            throw ValuesFileError(line: 1, column: 1, message: "the file holds \(text.utf8.count) bytes, more than the \(YAMLLimits.fileBytes) allowed",
                                   code: .yamlTooLarge)
        }
        guard let finding = YAMLPreflight.check(text).finding else { return }
        let (message, code): (String, DiagnosticCode) = switch finding.problem {
        case .tooDeep: ("mappings and lists nest deeper than \(YAMLLimits.depth) levels; flatten the structure", .yamlTooDeep)
        case .tooManyNodes(throughAliases: true): ("aliases expand the document to more than \(YAMLLimits.nodes) values", .aliasNotAllowed)
        case .tooManyNodes(throughAliases: false): ("the document holds more than \(YAMLLimits.nodes) values", .yamlTooLarge)
        }
        throw ValuesFileError(line: finding.line, column: finding.column, message: message, code: code)
    }

    private static func positioned(_ error: any Error, in text: String) -> ValuesFileError {
        guard let error = error as? YamlError else {
            return ValuesFileError(line: 1, column: 1, message: "cannot read YAML: \(error)")
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let message = context.map { "\($0.text) (line \($0.mark.line), column \($0.mark.column)): \(problem)" } ?? problem
            return ValuesFileError(line: mark.line, column: mark.column, message: "invalid YAML: \(message)")
        case let .reader(problem, offset, _, _):
            let (line, column) = position(ofUTF8Offset: offset ?? 0, in: text)
            return ValuesFileError(line: line, column: column, message: "cannot read the text: \(problem)")
        default:
            return ValuesFileError(line: 1, column: 1, message: "cannot read YAML: \(error)")
        }
    }

    /// libyaml's reader reports a byte offset; columns are counted in Unicode scalars like its marks.
    private static func position(ofUTF8Offset offset: Int, in text: String) -> (Int, Int) {
        var line = 1, column = 1, consumed = 0
        for scalar in text.unicodeScalars {
            consumed += UTF8.width(scalar)
            if consumed > offset { break }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }

    /// Converts a tree that passed the preflight, so its depth and size are bounded.
    private struct Converter {
        func fail(_ message: String, at node: Node, code: DiagnosticCode = .yamlSyntax) -> ValuesFileError {
            ValuesFileError(line: node.mark?.line ?? 1, column: node.mark?.column ?? 1, message: message, code: code)
        }

        mutating func value(_ node: Node) throws(ValuesFileError) -> YAMLValue {
            switch node {
            case let .scalar(scalar):
                // Yams 5 keeps `Tag.name` internal; `description` is the resolved tag's name.
                return self.scalar(scalar, tag: Tag.Name(rawValue: node.tag.description))
            case let .sequence(sequence):
                var items: [YAMLValue] = []
                for item in sequence { items.append(try value(item)) }
                return .list(items)
            case let .mapping(mapping):
                return .map(try map(mapping))
            }
        }

        /// Explicit keys override keys brought in by `<<`; among several merged maps the first wins.
        mutating func map(_ mapping: Node.Mapping) throws(ValuesFileError) -> [String: YAMLValue] {
            var merged: [String: YAMLValue] = [:]
            var explicit: [String: YAMLValue] = [:]
            for (keyNode, valueNode) in mapping {
                if keyNode.tag.description == Tag.Name.merge.rawValue {
                    for source in try mergeSources(valueNode).reversed() {
                        merged.merge(try map(source)) { _, earlier in earlier }
                    }
                    continue
                }
                guard case let .scalar(key) = keyNode else {
                    throw fail("a mapping key must be a scalar, not a list or mapping", at: keyNode)
                }
                explicit[key.string] = try value(valueNode)
            }
            return merged.merging(explicit) { _, explicitValue in explicitValue }
        }

        func mergeSources(_ node: Node) throws(ValuesFileError) -> [Node.Mapping] {
            switch node {
            case let .mapping(mapping):
                return [mapping]
            case let .sequence(sequence):
                var sources: [Node.Mapping] = []
                for item in sequence {
                    guard case let .mapping(mapping) = item else {
                        throw fail("a merge key (<<) needs a mapping or a list of mappings", at: item)
                    }
                    sources.append(mapping)
                }
                return sources
            case .scalar:
                throw fail("a merge key (<<) needs a mapping or a list of mappings", at: node)
            }
        }

        func scalar(_ scalar: Node.Scalar, tag: Tag.Name) -> YAMLValue {
            // Yams' constructors refuse non-plain styles; an explicit tag (`!!int "7"`) decides here.
            let plain = Node.Scalar(scalar.string, scalar.tag, .plain)
            switch tag {
            case .null:
                return .null
            case .bool:
                return Bool.construct(from: plain).map(YAMLValue.bool) ?? .string(scalar.string)
            case .int:
                if let number = PlainNumber.int(plain) { return .int(number) }
                // go-yaml reads an int too large for int64 as a float.
                return PlainNumber.float(plain).map(YAMLValue.float) ?? .string(scalar.string)
            case .float:
                return PlainNumber.float(plain).map(YAMLValue.float) ?? .string(scalar.string)
            default:
                return .string(scalar.string)
            }
        }
    }
}
