import Foundation
@testable import Plugins
import XCTest

/// sysinv's partition JSON and LVM transition filter follow CPython 2.7's hash tables. The
/// pinned orders below were printed by Python 2.7.18 (`list(d)` of sysinv's dict displays,
/// `list(set(…))`); where a Python 2.7 is installed, random key sets are compared with it too.
final class PythonTwoOrderTests: XCTestCase {
    func testSysinvsPartitionRecordsIterateAsPythonTwoDid() {
        XCTAssertEqual(PythonTwoOrder.dict(["device_node", "device_path", "uuid", "type_guid", "start_mib", "size_mib"], updatedWith: [["disk_device_path"]]),
                       ["device_path", "start_mib", "uuid", "device_node", "disk_device_path", "type_guid", "size_mib"])
        XCTAssertEqual(PythonTwoOrder.dict(["req_uuid", "ihost_uuid", "req_guid", "req_size_mib", "part_device_path"], updatedWith: [["disk_device_path"]]),
                       ["ihost_uuid", "disk_device_path", "req_size_mib", "part_device_path", "req_guid", "req_uuid"])
        XCTAssertEqual(PythonTwoOrder.dict(["current_uuid", "ihost_uuid", "start_mib", "new_size_mib", "part_device_path", "req_guid"]),
                       ["start_mib", "current_uuid", "part_device_path", "new_size_mib", "req_guid", "ihost_uuid"])
        XCTAssertEqual(PythonTwoOrder.dict(["current_uuid", "ihost_uuid", "part_device_path"]),
                       ["ihost_uuid", "part_device_path", "current_uuid"])
    }

    func testASetOfDevicePathsIteratesAsPythonTwoDid() {
        let disk = "/dev/disk/by-path/pci-0000:00:1f.2-ata-"
        XCTAssertEqual(PythonTwoOrder.set([disk + "1.0-part4", disk + "2.0", disk + "3.0-part1", disk + "2.0"]),
                       [disk + "3.0-part1", disk + "2.0", disk + "1.0-part4"])
        XCTAssertEqual(PythonTwoOrder.set([]), [])
    }

    func testStringHashesAreCPythonTwos() {
        XCTAssertEqual(PythonTwoOrder.hash(""), 0)
        // hash('a') and hash('uuid') in Python 2.7 on 64 bits.
        XCTAssertEqual(PythonTwoOrder.hash("a"), 12_416_037_344)
        XCTAssertEqual(PythonTwoOrder.hash("uuid"), 6_468_732_353_377_665_573)
    }

    /// Many random dicts (a display, then updates) and sets, each compared with Python 2.7's own
    /// order, when one is installed.
    func testRandomKeySetsAgreeWithAnInstalledPythonTwo() throws {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz_-/:.0123456789")
        func keys(_ most: Int) -> [String] {
            (0..<Int.random(in: 0...most, using: &generator)).map { _ in
                String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            }
        }
        // A display, and the updates after it; the first list is also the set's items.
        let cases: [[[String]]] = (0..<300).map { _ in [keys(40)] + (0..<Int.random(in: 0...3, using: &generator)).map { _ in keys(8) } }
        let script = """
            import json, sys
            def display(keys): return eval('{' + ', '.join('%r: 1' % str(k) for k in keys) + '}')
            for lists in json.load(sys.stdin):
                d = display(lists[0])
                for update in lists[1:]: d.update(display(update))
                print(json.dumps([list(d), list(set(str(k) for k in lists[0]))]))
            """
        guard let output = try PythonTwo.run(script, input: JSONSerialization.data(withJSONObject: cases)) else {
            throw XCTSkip("no Python 2.7 here (tried PYENV_VERSION=2.7.18 python2, python2.7, python2)")
        }
        let lines = output.split(separator: "\n")
        XCTAssertEqual(lines.count, cases.count)
        for (lists, line) in zip(cases, lines) {
            let expected = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [[String]])
            XCTAssertEqual(PythonTwoOrder.dict(lists[0], updatedWith: Array(lists.dropFirst())), expected[0], "dict of \(lists)")
            XCTAssertEqual(PythonTwoOrder.set(lists[0]), expected[1], "set of \(lists[0])")
        }
    }
}

/// Runs a script under Python 2.7 if this machine has one; nil if it has none.
enum PythonTwo {
    static func run(_ script: String, input: Data) throws -> String? {
        // The input goes through a file: a pipe to a command that is missing would break.
        let inputFile = FileManager.default.temporaryDirectory.appendingPathComponent("python-two-\(UUID().uuidString).json")
        try input.write(to: inputFile)
        defer { try? FileManager.default.removeItem(at: inputFile) }
        for command in ["python2.7", "python2"] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [command, "-c", script]
            var environment = ProcessInfo.processInfo.environment
            environment["PYENV_VERSION"] = environment["PYENV_VERSION"] ?? "2.7.18"
            process.environment = environment
            let stdout = Pipe()
            process.standardInput = try FileHandle(forReadingFrom: inputFile)
            process.standardOutput = stdout
            process.standardError = FileHandle.nullDevice
            do { try process.run() } catch { continue }
            let output = stdout.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0, let text = String(data: output, encoding: .utf8),
                  text.hasPrefix("[") else { continue }
            return text
        }
        return nil
    }
}
