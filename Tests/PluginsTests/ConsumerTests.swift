import Compiler
import Foundation
import Plugins
import XCTest

/// What consumers read: every emitted YAML document, loaded by PyYAML (a YAML 1.1 reader, as
/// puppet's is), must give exactly the values sysinvc meant — strings stay strings, booleans stay
/// booleans; and every example validates against the JSON Schema `sysinvc schema` prints.
final class ConsumerTests: XCTestCase {
    func testEveryEmittedDocumentReadsBackWithItsIntendedTypes() throws {
        for name in Examples.names {
            let result = try Examples.compile(name)
            let tree = try XCTUnwrap(result.tree)
            let rendered = try XCTUnwrap(result.rendered)
            var texts: [String: String] = [:]
            var expected: [String: Any] = [:]
            for (path, file) in tree.files {
                switch file.content {
                case let .yaml(value):
                    texts[path] = rendered.files[path]!.text
                    expected[path] = [Self.json(value)]
                case let .yamlDocuments(documents):
                    texts[path] = rendered.files[path]!.text
                    expected[path] = documents.map(Self.json)
                case .text:
                    continue
                }
            }
            let loaded = try Self.python("""
                import sys, json, yaml
                texts = json.load(sys.stdin)
                print(json.dumps({path: list(yaml.safe_load_all(text)) for path, text in texts.items()}))
                """, input: try JSONSerialization.data(withJSONObject: texts))
            let actual = try XCTUnwrap(try JSONSerialization.jsonObject(with: loaded) as? [String: Any])
            XCTAssertEqual(Set(actual.keys), Set(expected.keys), name)
            for (path, documents) in expected {
                XCTAssertEqual(actual[path] as? NSArray, documents as? NSArray, "\(name)/\(path) reads back differently")
            }
        }
    }

    func testExamplesValidateAgainstThePrintedJSONSchema() throws {
        let paths = Examples.names.map(Examples.inventoryPath)
        let request: [String: Any] = ["schema": InventorySchema.jsonSchema(), "inventories": paths]
        let output = try Self.python("""
            import sys, json, yaml, jsonschema
            request = json.load(sys.stdin)
            schema = json.loads(request["schema"])
            jsonschema.Draft202012Validator.check_schema(schema)
            validator = jsonschema.Draft202012Validator(schema)
            problems = []
            for path in request["inventories"]:
                with open(path) as f:
                    document = yaml.safe_load(f)
                problems += [path + ": " + e.message for e in validator.iter_errors(document)]
            broken = {"system": {"name": "x", "type": "standard", "mode": "duplx"}, "hostz": []}
            print(json.dumps({"problems": problems, "broken": len(list(validator.iter_errors(broken)))}))
            """, input: try JSONSerialization.data(withJSONObject: request))
        let answer = try XCTUnwrap(try JSONSerialization.jsonObject(with: output) as? [String: Any])
        XCTAssertEqual(answer["problems"] as? [String], [])
        XCTAssertEqual(answer["broken"] as? Int, 2, "an unknown section and a bad mode are schema errors")
    }

    /// The JSON a YAML reader should produce for a value.
    static func json(_ value: YAMLValue) -> Any {
        switch value {
        case let .string(text): return text
        case let .int(number): return number
        case let .float(number): return number
        case let .bool(flag): return flag
        case .null: return NSNull()
        case let .list(items): return items.map(json)
        case let .map(entries): return entries.mapValues(json)
        }
    }

    static func python(_ script: String, input: Data) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw PythonFailed(message: errors) }
        return output
    }
}

struct PythonFailed: Error, CustomStringConvertible {
    let message: String
    var description: String {
        "python3 failed (scripts/test installs PyYAML and jsonschema when they are missing):\n\(message)"
    }
}
