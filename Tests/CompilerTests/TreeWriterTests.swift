import Compiler
import Foundation
import XCTest

final class TreeWriterTests: XCTestCase {
    func tree(_ files: [String: String], secure: Set<String> = []) -> RenderedTree {
        var output = OutputTree()
        for (path, text) in files { output.add(OutputFile(path: path, content: .text(text), secure: secure.contains(path))) }
        return TreeRenderer.render(output)
    }

    func testStaleFilesGoUserFilesStay() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sysinvc-writer-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try TreeWriter.write(tree(["hieradata/a.yaml": "a\n", "hieradata/b.yaml": "b\n"]), to: directory)
        try "mine\n".write(toFile: directory + "/hieradata/NOTES", atomically: true, encoding: .utf8)
        let report = try TreeWriter.write(tree(["hieradata/a.yaml": "a2\n"]), to: directory)
        XCTAssertEqual(report.written, ["hieradata/a.yaml"])
        XCTAssertEqual(report.removed, ["hieradata/b.yaml"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory + "/hieradata/b.yaml"))
        XCTAssertEqual(try String(contentsOfFile: directory + "/hieradata/NOTES", encoding: .utf8), "mine\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory + "/hieradata").filter { $0.hasSuffix("sysinvc-tmp") }
        XCTAssertEqual(leftovers, [])
    }

    func testSecureFilesAre0600EvenWhenTheyExisted() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sysinvc-mode-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try "old\n".write(toFile: directory + "/secret.yaml", atomically: true, encoding: .utf8)
        _ = try TreeWriter.write(tree(["secret.yaml": "old\n"], secure: ["secret.yaml"]), to: directory)
        let mode = try FileManager.default.attributesOfItem(atPath: directory + "/secret.yaml")[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
    }

    func testUnsafePathIsRefusedBeforeAnythingIsWritten() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sysinvc-unsafe-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        XCTAssertThrowsError(try TreeWriter.write(tree(["a.yaml": "a\n", "../escape.yaml": "x\n"]), to: directory))
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory + "/a.yaml"))
    }
}
