import CYaml

/// Checks YAML text against `YAMLLimits` on libyaml's event stream, before Yams composes a tree.
///
/// libyaml's parser is a state machine with explicit stacks; Yams composes (and later frees) its
/// nodes recursively and crashes on deep input. Walking the events costs one more parse but no
/// recursion, and it measures the tree as a consumer sees it: an alias counts as a copy of its
/// anchor's nodes at the alias's depth, so neither alias chains nor billion laughs get through.
/// A syntax error ends the walk quietly: Yams reports it, with its position, when it composes.
public enum YAMLPreflight {
    public struct Finding: Equatable, Sendable {
        public enum Problem: Equatable, Sendable {
            /// Collections nest deeper than `YAMLLimits.depth`.
            case tooDeep
            /// More than `YAMLLimits.nodes` nodes; `throughAliases` when aliases were expanded.
            case tooManyNodes(throughAliases: Bool)
        }

        public let problem: Problem
        /// 1-based, like Yams' marks.
        public let line: Int
        public let column: Int
    }

    /// An explicit tag on a node (`!!int 5`, `!!binary …`, `!custom`), as written.
    public struct ExplicitTag: Equatable, Sendable {
        public let tag: String
        public let line: Int
        public let column: Int
    }

    public struct Report: Sendable {
        public var finding: Finding?
        public var explicitTags: [ExplicitTag] = []
    }

    public static func check(_ text: String) -> Report {
        var text = text
        return text.withUTF8 { bytes in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return Report() }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var walk = Walk()
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT || !walk.take(event) { break }
            }
            return walk.report
        }
    }

    /// The open collections and the measured size of every anchored node.
    struct Walk {
        struct Open {
            let anchor: String?
            var childHeight = 0
            var nodes = 1
        }

        var report = Report()
        var open: [Open] = []
        var anchors: [String: (height: Int, nodes: Int)] = [:]
        var nodes = 0
        var aliased = false

        /// False once the walk must stop: a limit is exceeded or an alias names no anchor.
        mutating func take(_ event: yaml_event_t) -> Bool {
            let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
            switch event.type {
            case YAML_SCALAR_EVENT:
                noteTag(event.data.scalar.tag, line: line, column: column)
                return add(height: 0, nodes: 1, anchor: string(event.data.scalar.anchor), line: line, column: column)
            case YAML_ALIAS_EVENT:
                guard let name = string(event.data.alias.anchor), let anchored = anchors[name] else { return false }
                aliased = true
                return add(height: anchored.height, nodes: anchored.nodes, anchor: nil, line: line, column: column)
            case YAML_SEQUENCE_START_EVENT:
                noteTag(event.data.sequence_start.implicit == 0 ? event.data.sequence_start.tag : nil, line: line, column: column)
                return start(anchor: string(event.data.sequence_start.anchor), line: line, column: column)
            case YAML_MAPPING_START_EVENT:
                noteTag(event.data.mapping_start.implicit == 0 ? event.data.mapping_start.tag : nil, line: line, column: column)
                return start(anchor: string(event.data.mapping_start.anchor), line: line, column: column)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let closed = open.popLast() else { return false }
                return add(height: closed.childHeight + 1, nodes: closed.nodes, anchor: closed.anchor, line: line, column: column, counted: true)
            default:
                return true
            }
        }

        mutating func start(anchor: String?, line: Int, column: Int) -> Bool {
            guard open.count < YAMLLimits.depth else { return stop(.tooDeep, line: line, column: column) }
            nodes += 1
            guard nodes <= YAMLLimits.nodes else { return stop(.tooManyNodes(throughAliases: aliased), line: line, column: column) }
            open.append(Open(anchor: anchor))
            return true
        }

        /// Adds a finished node (a scalar, an alias's copy, or a collection just closed) to its parent.
        mutating func add(height: Int, nodes added: Int, anchor: String?, line: Int, column: Int, counted: Bool = false) -> Bool {
            guard open.count + height <= YAMLLimits.depth else { return stop(.tooDeep, line: line, column: column) }
            if !counted {
                nodes += added
                guard nodes <= YAMLLimits.nodes else { return stop(.tooManyNodes(throughAliases: aliased), line: line, column: column) }
            }
            if let anchor { anchors[anchor] = (height, added) }
            if !open.isEmpty {
                open[open.count - 1].childHeight = max(open[open.count - 1].childHeight, height)
                open[open.count - 1].nodes += added
            }
            return true
        }

        mutating func stop(_ problem: Finding.Problem, line: Int, column: Int) -> Bool {
            report.finding = Finding(problem: problem, line: line, column: column)
            return false
        }

        mutating func noteTag(_ tag: UnsafeMutablePointer<yaml_char_t>?, line: Int, column: Int) {
            guard let tag = string(tag) else { return }
            let shorthand = tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
            report.explicitTags.append(ExplicitTag(tag: shorthand, line: line, column: column))
        }

        func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: $0) }
        }
    }
}
