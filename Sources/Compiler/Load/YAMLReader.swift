import CYaml

/// Reads YAML text into `SourceNode`s, turning every libyaml error into a positioned diagnostic.
///
/// One pass over libyaml's event stream does everything: `YAMLPreflight`'s walk measures each
/// event against `YAMLLimits` before the node is built, so no input, however deep or however
/// aliased, can crash the reader or expand in memory (an alias shares its anchor's node), and
/// the nodes are built with their positions straight from the events, with no intermediate tree.
/// Inventories take no explicit tags (`!!int`, `!!binary`, `!custom`): sysinvc would silently
/// ignore them, so each one is reported; quoting makes a value text, and plain numbers,
/// booleans and null need no tag.
public enum YAMLReader {
    public static func read(_ text: String, file: String) -> (node: SourceNode?, diagnostics: [Diagnostic]) {
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard text.utf8.count <= YAMLLimits.fileBytes else {
            return (nil, [Diagnostic(.yamlTooLarge, "the file holds \(text.utf8.count) bytes, more than the \(YAMLLimits.fileBytes) allowed; split it with include", at: start)])
        }
        var text = text
        return text.withUTF8 { bytes in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                return (nil, [Diagnostic(.yamlSyntax, "cannot read YAML: out of memory", at: start)])
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var builder = Builder(file: file)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    return (nil, [diagnostic(for: parser, file: file)])
                }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { break }
                guard builder.walk.take(event) else {
                    if let finding = builder.walk.report.finding { return (nil, [diagnostic(for: finding, file: file)]) }
                    // The walk stops without a finding only at an alias that names no anchor.
                    return (nil, [syntaxError("found undefined alias", at: builder.location(event.start_mark))])
                }
                if let problem = builder.take(event) { return (nil, [problem]) }
            }
            let tags = builder.walk.report.explicitTags.map { tag in
                Diagnostic(.explicitTag, "the tag \(tag.tag) is not read in an inventory; remove it (quote the value to make it text)",
                           at: SourceLocation(file: file, line: tag.line, column: tag.column))
            }
            return (builder.root ?? .mapping([], start), tags + builder.diagnostics)
        }
    }

    static func syntaxError(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.yamlSyntax, "YAML syntax error: \(message); fix the YAML at this position", at: location)
    }

    /// libyaml's error, positioned as its problem mark says (1-based).
    static func diagnostic(for parser: yaml_parser_t, file: String) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        guard parser.error == YAML_SCANNER_ERROR || parser.error == YAML_PARSER_ERROR else {
            let start = SourceLocation(file: file, line: 1, column: 1)
            if parser.error == YAML_READER_ERROR {
                return Diagnostic(.yamlSyntax, "cannot decode the file: \(problem); save it as UTF-8", at: start)
            }
            return Diagnostic(.yamlSyntax, "cannot read YAML: \(problem)", at: start)
        }
        var message = problem
        if let context = parser.context {
            message = "\(String(cString: context)) (line \(parser.context_mark.line + 1), column \(parser.context_mark.column + 1)): \(problem)"
        }
        return syntaxError(message, at: SourceLocation(file: file, line: parser.problem_mark.line + 1, column: parser.problem_mark.column + 1))
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

    /// Builds nodes from events the walk has already measured.
    struct Builder {
        let file: String
        var walk = YAMLPreflight.Walk()
        var diagnostics: [Diagnostic] = []
        private(set) var root: SourceNode?
        private var open: [Collection] = []
        private var anchors: [String: SourceNode] = [:]
        private var documents = 0

        /// A sequence or mapping whose end event has not come yet.
        struct Collection {
            let location: SourceLocation
            let anchor: String?
            let isMapping: Bool
            var items: [SourceNode] = []
            var pairs: [SourcePair] = []
            /// A mapping's key waiting for its value.
            var key: Located<String>?
            /// Whether the next node is a value (after a key) rather than a key.
            var expectingValue = false
            /// Whether that value is kept: a key that is a list or mapping is reported and its
            /// pair dropped.
            var keepsValue = false
            /// A mapping's keys by text, built once it has more than `linearKeys` of them:
            /// most mappings are small, and comparing a handful of keys costs less than hashing.
            var keyIndex: [String: SourceLocation]?

            static let linearKeys = 12

            /// Where `key` was first given in this mapping, if it was; records it otherwise.
            mutating func firstLocation(of key: String, at location: SourceLocation) -> SourceLocation? {
                if keyIndex == nil {
                    // Every earlier key is in `pairs`: a key's pair is added when its value
                    // arrives, which is before the next key.
                    if let earlier = pairs.first(where: { $0.key.value == key }) { return earlier.key.location }
                    guard pairs.count >= Self.linearKeys else { return nil }
                    keyIndex = Dictionary(pairs.map { ($0.key.value, $0.key.location) }, uniquingKeysWith: { first, _ in first })
                }
                if let first = keyIndex![key] { return first }
                keyIndex![key] = location
                return nil
            }
        }

        init(file: String) {
            self.file = file
        }

        static let implicitTypeStarts: [Bool] = {
            var table = [Bool](repeating: false, count: 256)
            for byte in "~nNyYtTfFoO+-.0123456789".utf8 { table[Int(byte)] = true }
            return table
        }()

        func location(_ mark: yaml_mark_t) -> SourceLocation {
            SourceLocation(file: file, line: mark.line + 1, column: mark.column + 1)
        }

        /// Takes one event; a diagnostic when the stream holds more than one document.
        mutating func take(_ event: yaml_event_t) -> Diagnostic? {
            switch event.type {
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                guard documents == 1 else {
                    return syntaxError("expected a single document in the stream (line 1, column 1): but found another document",
                                       at: location(event.start_mark))
                }
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                let node = SourceNode.scalar(SourceScalar(text: text, kind: kind(text, style: scalar.style), location: location(event.start_mark)))
                if let anchor = Self.string(scalar.anchor) { anchors[anchor] = node }
                add(node)
            case YAML_ALIAS_EVENT:
                // The walk has checked that the anchor exists.
                if let name = Self.string(event.data.alias.anchor), let node = anchors[name] { add(node) }
            case YAML_SEQUENCE_START_EVENT:
                open.append(Collection(location: location(event.start_mark), anchor: Self.string(event.data.sequence_start.anchor), isMapping: false))
            case YAML_MAPPING_START_EVENT:
                open.append(Collection(location: location(event.start_mark), anchor: Self.string(event.data.mapping_start.anchor), isMapping: true))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let closed = open.popLast() else { break }
                let node: SourceNode = closed.isMapping ? .mapping(closed.pairs, closed.location) : .sequence(closed.items, closed.location)
                if let anchor = closed.anchor { anchors[anchor] = node }
                add(node)
            default:
                break
            }
            return nil
        }

        /// Adds a finished node to the collection being built, or makes it the root.
        private mutating func add(_ node: SourceNode) {
            guard !open.isEmpty else {
                root = node
                return
            }
            let last = open.count - 1
            guard open[last].isMapping else {
                open[last].items.append(node)
                return
            }
            if open[last].expectingValue {
                if open[last].keepsValue, let key = open[last].key {
                    open[last].pairs.append(SourcePair(key: key, value: node))
                }
                open[last].key = nil
                open[last].expectingValue = false
                open[last].keepsValue = false
                return
            }
            open[last].expectingValue = true
            guard case let .scalar(scalar) = node else {
                diagnostics.append(Diagnostic(.wrongType, "a mapping key must be plain text, not a list or mapping", at: node.location))
                return
            }
            let key = scalar.text
            if let first = open[last].firstLocation(of: key, at: scalar.location) {
                diagnostics.append(Diagnostic(.duplicateKey,
                    "duplicate key \"\(key)\" (first given at line \(first.line), column \(first.column)); keep one of them",
                    at: scalar.location))
            }
            open[last].key = Located(key, at: scalar.location)
            open[last].keepsValue = true
        }

        func kind(_ text: String, style: yaml_scalar_style_t) -> SourceScalar.Kind {
            if style != YAML_PLAIN_SCALAR_STYLE && style != YAML_ANY_SCALAR_STYLE { return .string }
            // Every null, bool and number starts with one of these bytes (as YAML 1.1 resolves
            // them); most scalars are names, which end here without trying any resolver.
            guard let first = text.utf8.first, Self.implicitTypeStarts[Int(first)] else { return text.isEmpty ? .null : .string }
            // A word of six or more bytes starting with a letter is no null and no bool, and no
            // number unless it starts `nan` (Swift reads `nan(…)`); names (`openstack-compute-node`)
            // end here.
            if text.utf8.count > 5, first.isASCIILetter, first | 0x20 != UInt8(ascii: "n") {
                return .string
            }
            // No number holds two dots: an IPv4 address, the commonest scalar here, is text.
            if let dot = text.utf8.firstIndex(of: .dot), text.utf8[text.utf8.index(after: dot)...].contains(.dot) {
                return .string
            }
            if PlainNumber.isNull(text) { return .null }
            if PlainNumber.isBool(text) { return .bool }
            if PlainNumber.int(text) != nil { return .int }
            if PlainNumber.float(text) != nil { return .float }
            return .string
        }

        static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: $0) }
        }
    }
}
