import Foundation
import Compiler
import XCTest

final class YAMLRendererTests: XCTestCase {
    // MARK: - Layout

    func testNestedMapsAndListsInMaps() {
        let value: YAMLValue = ["a": [1, ["c": 3, "b": 2]], "d": ["e": ["f": "g"], "h": [["i": [1]]]]]
        XCTAssertEqual(YAMLRenderer.render(value), """
            a:
            - 1
            - b: 2
              c: 3
            d:
              e:
                f: g
              h:
              - i:
                - 1

            """)
    }

    func testListsOfListsAndTopLevelList() {
        let value: YAMLValue = [[1, [2, 3]], [], [:], ["k": [[]]], "x"]
        XCTAssertEqual(YAMLRenderer.render(value), """
            - - 1
              - - 2
                - 3
            - []
            - {}
            - k:
              - []
            - x

            """)
    }

    func testEmptyContainers() {
        XCTAssertEqual(YAMLRenderer.render(["hosts": [:], "items": [], "list": [[:], []]]), """
            hosts: {}
            items: []
            list:
            - {}
            - []

            """)
        XCTAssertEqual(YAMLRenderer.render([:]), "{}\n")
        XCTAssertEqual(YAMLRenderer.render([]), "[]\n")
    }

    func testKeysSortByUnicodeScalar() {
        let value: YAMLValue = ["b": 1, "a": 2, "B": 3, "é": 4, "z": 5, "_": 6, "a0": 7, "a b": 8]
        XCTAssertEqual(YAMLRenderer.render(value), "B: 3\n_: 6\na: 2\na b: 8\na0: 7\nb: 1\nz: 5\n\"\\xE9\": 4\n")
    }

    /// Keys that share their first eight or sixteen bytes, or are prefixes of each other (NUL
    /// included), sort by all their bytes, as Python sorts them.
    func testKeysSharingLongPrefixesSortByEveryByte() {
        let keys = ["platform::params::hostname", "platform::params::controller_upgrade", "platform::params", "platform::param",
                    "platform::params::", "platform::kubernetes::params::enabled", "platform::paramsA", "platform::params\u{0}",
                    "platform::params\u{0}x", "openstack::keystone::params::region", "platformé", "platform", "platforma", "",
                    "a\u{0}", "a", "a\u{0}\u{0}"]
        let value = YAMLValue.map(Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, .int($0)) }))
        let sorted = keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        let rendered = YAMLRenderer.render(value)
        // Each key's value is its index: the values in the order rendered give the keys' order.
        let order = rendered.split(separator: "\n").compactMap { line in line.split(separator: " ").last.flatMap { Int($0) } }
        XCTAssertEqual(order.map { keys[$0] }, sorted)
    }

    /// PyYAML writes "? key" for a key that is empty, multi-line, or too long for a simple key.
    func testExplicitKeys() {
        let long = String(repeating: "k", count: 123), simple = String(repeating: "j", count: 122)
        let value: YAMLValue = ["": 1, long: ["x": 1, "z": [1]], "m\nl": [1, [2]], simple: [:]]
        XCTAssertEqual(YAMLRenderer.render(value), """
            ? ''
            : 1
            \(simple): {}
            ? \(long)
            : x: 1
              z:
              - 1
            ? "m\\nl"
            : - 1
              - - 2

            """)
    }

    func testScalars() {
        let value: YAMLValue = ["int": 42, "zero": 0, "negative": -7, "max": .int(.max), "min": .int(.min),
                                "yes": true, "no": false, "none": nil, "minus": -1.5]
        XCTAssertEqual(YAMLRenderer.render(value), """
            int: 42
            max: 9223372036854775807
            min: -9223372036854775808
            minus: -1.5
            negative: -7
            'no': false
            none: null
            'yes': true
            zero: 0

            """)
    }

    func testFloats() {
        let cases: [(Double, String)] = [
            (0.2, "0.2"), (1.0, "1.0"), (40.0, "40.0"), (1e20, "1.0e+20"), (1e-05, "1.0e-05"), (1.5e-07, "1.5e-07"),
            (123456789012345680.0, "1.2345678901234568e+17"), (0.1 + 0.2, "0.30000000000000004"), (1e16, "1.0e+16"),
            (1e15, "1000000000000000.0"), (9999999999999998.0, "9999999999999998.0"), (0.0001, "0.0001"),
            (0.00012, "0.00012"), (-2.5, "-2.5"), (0.0, "0.0"), (-0.0, "-0.0"), (.leastNonzeroMagnitude, "5.0e-324"),
            (.greatestFiniteMagnitude, "1.7976931348623157e+308"), (1e100, "1.0e+100"), (123.456, "123.456"),
            (.infinity, ".inf"), (-.infinity, "-.inf"), (.nan, ".nan"),
        ]
        for (value, expected) in cases {
            XCTAssertEqual(YAMLRenderer.formatFloat(value), expected)
            XCTAssertEqual(YAMLRenderer.render(["f": .float(value)]), "f: \(expected)\n")
        }
    }

    func testTopLevelScalarsAndDocuments() {
        XCTAssertEqual(YAMLRenderer.render("abc"), "abc\n...\n")
        XCTAssertEqual(YAMLRenderer.render(1), "1\n...\n")
        XCTAssertEqual(YAMLRenderer.render(nil), "null\n...\n")
        XCTAssertEqual(YAMLRenderer.render("yes"), "'yes'\n")
        XCTAssertEqual(YAMLRenderer.renderDocuments([["a": 1], [1], [:], "x"]),
                       "---\na: 1\n---\n- 1\n--- {}\n--- x\n...\n")
        XCTAssertEqual(YAMLRenderer.renderDocuments(["x", ["a": 1]]), "--- x\n---\na: 1\n")
        XCTAssertEqual(YAMLRenderer.renderDocuments([]), "")
    }

    // MARK: - Strings

    func testTrickyStrings() {
        for (string, expected) in trickyStrings {
            let explicit = string.isEmpty || string.contains("\n")
            let asKey = explicit ? "? \(expected)\n: 1\n" : "\(expected): 1\n"
            XCTAssertEqual(YAMLRenderer.render(["k": .string(string)]), "k: \(expected)\n", string.debugDescription)
            XCTAssertEqual(YAMLRenderer.render(.map([string: 1])), asKey, "key \(string.debugDescription)")
            XCTAssertEqual(YAMLRenderer.needsQuotes(string), expected != string, string.debugDescription)
        }
    }

    func testDeterminism() {
        let keys = (0..<300).map { "key\($0 * 7919 % 300)-\($0 % 3 == 0 ? "é" : "x")" }
        let entries = keys.map { ($0, ["v": .string($0), "n": [1, 2]] as YAMLValue) }
        let forward = YAMLValue.map(Dictionary(uniqueKeysWithValues: entries))
        let backward = YAMLValue.map(Dictionary(uniqueKeysWithValues: entries.reversed()))
        XCTAssertEqual(YAMLRenderer.render(forward), YAMLRenderer.render(forward))
        XCTAssertEqual(YAMLRenderer.render(forward), YAMLRenderer.render(backward))
    }

    // MARK: - Against PyYAML

    /// Every string, as a value and as a key, with the other scalar types around it, reads back as written.
    func testPyYAMLReadsBackEverything() throws {
        let strings = trickyStrings.map(\.0)
        let value: YAMLValue = [
            "values": .list(strings.map(YAMLValue.string)),
            "keys": .map(Dictionary(uniqueKeysWithValues: strings.enumerated().map { ($1, .int($0)) })),
            "numbers": [0, -5, .int(.max), .int(.min), 0.2, 1.0, 40.0, 1e20, 1e-05, -0.5, 123456789012345680.0,
                        .float(0.1 + 0.2), .float(.infinity), .float(-.infinity), .float(.greatestFiniteMagnitude),
                        .float(.leastNonzeroMagnitude)],
            "flags": [true, false, nil],
            "nested": [[1, [2, [3]]], ["a": ["b": [:]]], [], [:]],
            "": ["m\nl": ["x"]],
        ]
        let yaml = YAMLRenderer.render(value)
        let output = try python(readBackScript, input: Data(yaml.utf8))
        let loads = try XCTUnwrap(JSONSerialization.jsonObject(with: output) as? [Any])
        XCTAssertFalse(loads.isEmpty)
        for load in loads {
            XCTAssertEqual(try untagged(load), value, "PyYAML read back something else from:\n\(yaml)")
        }
    }

    /// Byte for byte what `yaml.dump(data, default_flow_style=False)` writes, except for the listed deviations.
    func testMatchesPyYAMLDump() throws {
        let agreeing = trickyStrings.map(\.0).filter { !notLikePyYAML.contains($0) }
        let composite: YAMLValue = [
            "values": .list(agreeing.map(YAMLValue.string)),
            "keys": .map(Dictionary(uniqueKeysWithValues: agreeing.enumerated().map { ($1, .int($0)) })),
            "numbers": [0, -5, .int(.max), 0.2, 1.0, 40.0, 1e20, 1e-05, 123456789012345680.0, .float(0.1 + 0.2), -0.0,
                        .float(.infinity), .float(-.infinity), .float(.nan), 1e16, 1e15, 0.0001],
            "flags": [true, false, nil],
            "nested": [[1, [2, [3, []]]], ["a": ["b": [:], "c": [["d": 1]]]], [], [:]],
            "explicit": ["": ["x": 1], String(repeating: "k", count: 130): [1, [2]]],
        ]
        let documents: [YAMLValue] = [composite, "abc", "yes", 1, 1.5, nil, true, [], [:], [1], ["a": "b"]]
        var perString: [YAMLValue] = []
        for (string, _) in trickyStrings { perString += [["k": .string(string)], .map([string: 1])] }

        let input = ["stream": documents.map(tagged), "single": perString.map(tagged)]
        let output = try python(dumpScript, input: JSONSerialization.data(withJSONObject: input))
        let dumps = try XCTUnwrap(JSONSerialization.jsonObject(with: output) as? [String: Any])
        let each = try XCTUnwrap(dumps["each"] as? [String])
        guard each.count == documents.count + perString.count else {
            return XCTFail("python wrote \(each.count) dumps")
        }
        for (document, dump) in zip(documents, each) {
            XCTAssertEqual(YAMLRenderer.render(document), dump)
        }
        for (index, (string, _)) in trickyStrings.enumerated() {
            let asValue = YAMLRenderer.render(perString[2 * index])
            let asKey = YAMLRenderer.render(perString[2 * index + 1])
            let pyValue = each[documents.count + 2 * index], pyKey = each[documents.count + 2 * index + 1]
            if notLikePyYAML.contains(string) {
                XCTAssertNotEqual(asValue, pyValue, "\(string.debugDescription) is listed as a deviation, yet matches")
            } else {
                XCTAssertEqual(asValue, pyValue, "value \(string.debugDescription)")
                XCTAssertEqual(asKey, pyKey, "key \(string.debugDescription)")
            }
        }
        let all = try XCTUnwrap(dumps["all"] as? String)
        XCTAssertEqual(YAMLRenderer.renderDocuments(documents), all)
    }
}

// MARK: - Data

/// A string and how it is written as a scalar.
private let trickyStrings: [(String, String)] = [
    ("yes", "'yes'"), ("No", "'No'"), ("on", "'on'"), ("OFF", "'OFF'"), ("y", "'y'"), ("Y", "'Y'"), ("n", "'n'"),
    ("N", "'N'"), ("~", "'~'"), ("null", "'null'"), ("Null", "'Null'"), ("nULL", "'nULL'"), ("true", "'true'"),
    ("TRUE", "'TRUE'"), ("tRUE", "'tRUE'"), ("False", "'False'"), ("010", "'010'"), ("0o17", "'0o17'"),
    ("0x1F", "'0x1F'"), ("0X1F", "'0X1F'"), ("0b101", "'0b101'"), ("1_000", "'1_000'"), ("1,000", "'1,000'"),
    ("1e3", "'1e3'"), ("1.5e3", "'1.5e3'"), ("1.5e+3", "'1.5e+3'"), ("1_e3", "'1_e3'"), ("08", "'08'"),
    ("1.5", "'1.5'"), (".5", "'.5'"), ("-.5", "'-.5'"), ("1.", "'1.'"), ("19.01", "'19.01'"), ("1440", "'1440'"),
    ("+1", "'+1'"), ("-1", "'-1'"), ("0", "'0'"), ("1:20", "'1:20'"), ("0:20", "'0:20'"), ("1:20.5", "'1:20.5'"),
    (".inf", "'.inf'"), ("-.Inf", "'-.Inf'"), (".NaN", "'.NaN'"), (".iNf", "'.iNf'"),
    ("2001-12-14", "'2001-12-14'"), ("2001-1-5", "'2001-1-5'"),
    ("2001-12-14t21:59:43.10-05:00", "'2001-12-14t21:59:43.10-05:00'"),
    ("2001-12-14 21:59:43.10 -5", "'2001-12-14 21:59:43.10 -5'"), ("<<", "'<<'"), ("=", "'='"),
    ("", "''"), (" a", "' a'"), ("a ", "'a '"), ("a: b", "'a: b'"), ("x:", "'x:'"), ("a #b", "'a #b'"),
    ("#x", "'#x'"), ("-", "'-'"), ("- x", "'- x'"), ("?", "'?'"), ("? x", "'? x'"), ("@x", "'@x'"), ("%x", "'%x'"),
    ("`x", "'`x'"), ("!x", "'!x'"), ("*x", "'*x'"), ("&x", "'&x'"), ("{x", "'{x'"), ("[x", "'[x'"), ("]x", "']x'"),
    ("|x", "'|x'"), (">x", "'>x'"), (",x", "',x'"), ("::1", "'::1'"), (":x", "':x'"), ("---", "'---'"),
    ("...", "'...'"), ("'q'", "'''q'''"), ("\"q\"", "'\"q\"'"), ("tab\there", "\"tab\\there\""),
    ("multi\nline", "\"multi\\nline\""), ("café", "\"caf\\xE9\""), ("\u{7F}", "\"\\x7F\""),
    ("😀", "\"\\U0001F600\""), ("nbsp\u{A0}", "\"nbsp\\_\""), ("bell\u{07}\"\\", "\"bell\\a\\\"\\\\\""),
    ("Ti0*", "Ti0*"), ("fd00::1", "fd00::1"), ("-x", "-x"), ("--foo", "--foo"), ("?x", "?x"), ("a#b", "a#b"),
    ("a:b", "a:b"), ("+", "+"), (".", "."), ("0x", "0x"), ("e3", "e3"), ("back\\slash", "back\\slash"),
    ("a'b", "a'b"), ("a\"b", "a\"b"), ("50%", "50%"), ("yes please", "yes please"), ("2001-12-14x", "2001-12-14x"),
    ("192.168.204.2", "192.168.204.2"), ("http://[fd00::2]:5000/v3", "http://[fd00::2]:5000/v3"),
    ("/opt/platform/config/19.01/", "/opt/platform/config/19.01/"), ("node0:0,1", "node0:0,1"),
    ("platform::params::hostname", "platform::params::hostname"), ("1.2.3", "1.2.3"), ("10Gi", "10Gi"),
]

/// Strings PyYAML writes otherwise: plain ones that Psych, Go yaml or YAML 1.2 read as non-strings, and
/// multi-line ones, which PyYAML single-quotes across lines.
private let notLikePyYAML: Set<String> = [
    "y", "Y", "n", "N", "nULL", "tRUE", "0o17", "0X1F", "1,000", "1e3", "1.5e3", "1_e3", "08", "-.5", "0:20",
    ".iNf", "2001-1-5", "::1", ":x", "multi\nline",
]

// MARK: - Python

private struct PythonError: Error, CustomStringConvertible {
    let description: String
}

/// Runs `script` with python3 and PyYAML; a missing python3 or PyYAML fails the test with how to install it.
private func python(_ script: String, input: Data) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script]
    let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
    (process.standardInput, process.standardOutput, process.standardError) = (stdin, stdout, stderr)
    try process.run()
    stdin.fileHandleForWriting.write(input)
    try stdin.fileHandleForWriting.close()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    let errors = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    if process.terminationStatus == 127 || errors.contains("No module named 'yaml'") {
        throw PythonError(description: "these tests need python3 with PyYAML: pip install pyyaml (\(errors))")
    }
    guard process.terminationStatus == 0 else { throw PythonError(description: "python3 failed: \(errors)") }
    return output
}

/// Values travel as JSON arrays of strings, ["int", "1"], so that no number or bool changes type on the way.
private let pythonTags = """
    import sys, json, yaml
    def tag(v):
        if isinstance(v, bool): return ['bool', 'true' if v else 'false']
        if isinstance(v, int): return ['int', str(v)]
        if isinstance(v, float): return ['float', repr(v)]
        if isinstance(v, str): return ['str', v]
        if v is None: return ['null']
        if isinstance(v, list): return ['list', [tag(x) for x in v]]
        if isinstance(v, dict):
            for k in v:
                if not isinstance(k, str): sys.exit('key read as %s: %r' % (type(k).__name__, k))
            return ['map', {k: tag(x) for k, x in v.items()}]
        sys.exit('value read as %s: %r' % (type(v).__name__, v))
    def untag(n):
        t = n[0]
        if t == 'str': return n[1]
        if t == 'int': return int(n[1])
        if t == 'float': return float(n[1])
        if t == 'bool': return n[1] == 'true'
        if t == 'null': return None
        if t == 'list': return [untag(x) for x in n[1]]
        return {k: untag(x) for k, x in n[1].items()}

    """

/// safe_load's reader, and libyaml's when PyYAML has it.
private let readBackScript = pythonTags + """
    text = sys.stdin.read()
    loaders = [yaml.SafeLoader] + ([yaml.CSafeLoader] if yaml.__with_libyaml__ else [])
    print(json.dumps([tag(yaml.load(text, Loader=loader)) for loader in loaders]))
    """

private let dumpScript = pythonTags + """
    data = json.load(sys.stdin)
    stream = [untag(n) for n in data['stream']]
    single = [untag(n) for n in data['single']]
    print(json.dumps({'each': [yaml.dump(d, default_flow_style=False) for d in stream + single],
                      'all': yaml.dump_all(stream, default_flow_style=False, explicit_start=True)}))
    """

private func tagged(_ value: YAMLValue) -> Any {
    switch value {
    case .string(let string): ["str", string]
    case .int(let int): ["int", String(int)]
    case .float(let double): ["float", "\(double)"]
    case .bool(let bool): ["bool", bool ? "true" : "false"]
    case .null: ["null"]
    case .list(let items): ["list", items.map(tagged)]
    case .map(let entries): ["map", entries.mapValues(tagged)]
    }
}

private func untagged(_ node: Any) throws -> YAMLValue {
    let node = node as? [Any] ?? []
    let payload = node.count > 1 ? node[1] : nil, text = payload as? String
    switch node.first as? String {
    case "str": if let text { return .string(text) }
    case "int": if let int = text.flatMap({ Int($0) }) { return .int(int) }
    case "float": if let double = text.flatMap({ Double($0) }) { return .float(double) }
    case "bool": if let text { return .bool(text == "true") }
    case "null": return .null
    case "list": if let items = payload as? [Any] { return .list(try items.map(untagged)) }
    case "map": if let entries = payload as? [String: Any] { return .map(try entries.mapValues(untagged)) }
    default: break
    }
    throw PythonError(description: "unexpected node from python: \(node)")
}

extension YAMLRendererTests {
    /// A long list held by several files, at different depths, as a chart's per-host overrides
    /// are in its helm file, its Armada override document and the manifest: the tree renders it
    /// once and indents copies, and every file has the bytes it has when rendered on its own.
    func testListsSharedBetweenFilesRenderAsTheyDoAlone() throws {
        let hosts: [YAMLValue] = (0..<200).map { index in
            ["name": .string("worker-\(index)"),
             "conf": ["plugins": ["ovs": ["local_ip": .string("10.30.0.\(index % 250)"), "bridges": ["br-phy0", "br-int"]]],
                      "odd key": .string(index.isMultiple(of: 2) ? "plain" : "it's: quoted\nacross a line break")]]
        }
        // Nested long lists, and the same list in places the cache must not take: as an item of
        // another list (its first line follows "- "), and as an explicit key's value.
        let nested: YAMLValue = .list((0..<40).map { .list(Array(hosts[0..<($0 % 3 == 0 ? 50 : 2)])) })
        let longKey = String(repeating: "k", count: 130)
        var tree = OutputTree()
        try tree.add(OutputFile(path: "helm/neutron.yaml", content: .yaml(["conf": ["overrides": ["agent": ["hosts": .list(hosts)]]]])))
        try tree.add(OutputFile(path: "armada/neutron.yaml", content: .yaml(
            ["data": ["values": ["conf": ["overrides": ["agent": ["hosts": .list(hosts)]]]], "nested": nested]])))
        try tree.add(OutputFile(path: "armada/manifest.yaml", content: .yamlDocuments(
            [["schema": "armada/Chart/v1", "data": ["values": ["hosts": .list(hosts)]]], .list(hosts), [.list(hosts)],
             .map([longKey: .list(hosts)]), nested])))
        try tree.add(OutputFile(path: "top.yaml", content: .yaml(.list(hosts))))
        let rendered = TreeRenderer.render(tree)
        for (path, file) in tree.files {
            let alone = switch file.content {
            case let .yaml(value): YAMLRenderer.render(value)
            case let .yamlDocuments(documents): YAMLRenderer.renderDocuments(documents)
            case let .text(text): text
            }
            // Compared without printing both: the files are long.
            XCTAssertTrue(rendered.files[path]?.text == alone, "\(path) differs from its rendering alone")
        }
        XCTAssertTrue(try XCTUnwrap(rendered.files["armada/neutron.yaml"]).text.contains("\n          - conf:\n"))
    }
}
