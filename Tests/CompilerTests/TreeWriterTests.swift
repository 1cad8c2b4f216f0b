import Compiler
import Foundation
import XCTest

final class TreeWriterTests: XCTestCase {
    func tree(_ files: [String: String], secure: Set<String> = []) -> RenderedTree {
        var output = OutputTree()
        for (path, text) in files { try! output.add(OutputFile(path: path, content: .text(text), secure: secure.contains(path))) }
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

    func temporaryDirectory(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("sysinvc-\(name)-\(UUID().uuidString)").path
    }

    func testALinkedDirectoryInsideTheOutputIsRefusedAndNothingLandsOutside() throws {
        let directory = temporaryDirectory("link"), outside = temporaryDirectory("outside")
        defer { [directory, outside].forEach { try? FileManager.default.removeItem(atPath: $0) } }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: directory + "/hieradata", withDestinationPath: outside)
        XCTAssertThrowsError(try TreeWriter.write(tree(["hieradata/system.yaml": "a: 1\n"]), to: directory)) { error in
            XCTAssertTrue("\(error)".contains("symbolic link"), "\(error)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outside), [])
    }

    func testAManifestLineNeverRemovesADirectoryOrAFileBehindALink() throws {
        let directory = temporaryDirectory("manifest"), outside = temporaryDirectory("victim")
        defer { [directory, outside].forEach { try? FileManager.default.removeItem(atPath: $0) } }
        _ = try TreeWriter.write(tree(["a.yaml": "a\n"]), to: directory)
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try "keep\n".write(toFile: outside + "/victim", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: directory + "/through", withDestinationPath: outside)
        try FileManager.default.createDirectory(atPath: directory + "/notes", withIntermediateDirectories: true)
        try "mine\n".write(toFile: directory + "/notes/n", atomically: false, encoding: .utf8)
        let manifest = directory + "/" + TreeWriter.manifestName
        try "a.yaml\nthrough/victim\nnotes\n".write(toFile: manifest, atomically: false, encoding: .utf8)

        let report = try TreeWriter.write(tree(["a.yaml": "a\n"]), to: directory)
        XCTAssertEqual(report.removed, [])
        XCTAssertEqual(report.kept.count, 2, "\(report.kept)")
        XCTAssertEqual(try String(contentsOfFile: outside + "/victim", encoding: .utf8), "keep\n")
        XCTAssertEqual(try String(contentsOfFile: directory + "/notes/n", encoding: .utf8), "mine\n")
        XCTAssertEqual(try String(contentsOfFile: manifest, encoding: .utf8), "a.yaml\n")
    }

    func testAUserFileNamedLikeATemporaryFileIsNotClobbered() throws {
        let directory = temporaryDirectory("tmpname")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory + "/hieradata", withIntermediateDirectories: true)
        try "mine\n".write(toFile: directory + "/hieradata/.system.yaml.sysinvc-tmp", atomically: false, encoding: .utf8)
        _ = try TreeWriter.write(tree(["hieradata/system.yaml": "a: 1\n"]), to: directory)
        XCTAssertEqual(try String(contentsOfFile: directory + "/hieradata/.system.yaml.sysinvc-tmp", encoding: .utf8), "mine\n")
    }

    func testLeftoversOfAKilledRunAreRemovedByTheNext() throws {
        let directory = temporaryDirectory("leftover")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory + "/hieradata", withIntermediateDirectories: true)
        let leftover = directory + "/hieradata/.secure_system.yaml.sysinvc-tmp-4242-9f3a"
        try "password: x\n".write(toFile: leftover, atomically: false, encoding: .utf8)
        _ = try TreeWriter.write(tree(["hieradata/system.yaml": "a: 1\n"]), to: directory)
        XCTAssertFalse(FileManager.default.fileExists(atPath: leftover))
    }

    func testAnIOErrorBeforeTheFirstRenameLeavesThePreviousTree() throws {
        let directory = temporaryDirectory("ioerror")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try TreeWriter.write(tree(["a/one.yaml": "1\n", "b.yaml": "b\n"]), to: directory)
        // A file where the new tree needs a directory: staging z/two.yaml fails after a/one.yaml
        // and b.yaml were staged.
        try "in the way\n".write(toFile: directory + "/z", atomically: false, encoding: .utf8)
        XCTAssertThrowsError(try TreeWriter.write(tree(["a/one.yaml": "1 new\n", "b.yaml": "b new\n", "z/two.yaml": "2\n"]), to: directory))
        XCTAssertEqual(try String(contentsOfFile: directory + "/a/one.yaml", encoding: .utf8), "1\n")
        XCTAssertEqual(try String(contentsOfFile: directory + "/b.yaml", encoding: .utf8), "b\n")
        let everything = try FileManager.default.subpathsOfDirectory(atPath: directory).sorted()
        XCTAssertEqual(everything, [TreeWriter.manifestName, "a", "a/one.yaml", "b.yaml", "z"])
    }

    func testAFileAsTheOutputDirectoryIsAClearError() throws {
        let file = temporaryDirectory("file")
        defer { try? FileManager.default.removeItem(atPath: file) }
        try "x".write(toFile: file, atomically: false, encoding: .utf8)
        XCTAssertThrowsError(try TreeWriter.write(tree(["a.yaml": "a\n"]), to: file)) { error in
            XCTAssertEqual("\(error)", "cannot use \(file): it is a file, not a directory; name a directory")
        }
    }

    func testStagedSecretsAreOwnerOnlyBeforeTheyHaveTheirName() throws {
        let directory = temporaryDirectory("stage")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let output = try WritableDirectory(path: directory, create: true)
        umask(0)
        defer { umask(0o022) }
        let staged = try output.stage(Data("password: x\n".utf8), as: "hieradata/secure_system.yaml", mode: 0o600)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory + "/hieradata")
        XCTAssertEqual(names.count, 1)
        let mode = try FileManager.default.attributesOfItem(atPath: directory + "/hieradata/" + names[0])[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
        try output.commit(staged)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory + "/hieradata"), ["secure_system.yaml"])
    }

    /// A restrictive umask takes no bit from the modes sysinvc promises: 0644 for plain files,
    /// 0600 for secrets, on a first compile and on one over an existing tree.
    func testModesHoldUnderARestrictiveUmask() throws {
        let directory = temporaryDirectory("umask")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let previous = umask(0o077)
        defer { umask(previous) }
        func modes() throws -> [Int] {
            try ["hieradata/static.yaml", "hieradata/secure_static.yaml"].map {
                try XCTUnwrap(FileManager.default.attributesOfItem(atPath: directory + "/" + $0)[.posixPermissions] as? Int)
            }
        }
        _ = try TreeWriter.write(tree(["hieradata/static.yaml": "a: 1\n", "hieradata/secure_static.yaml": "b: 2\n"],
                                      secure: ["hieradata/secure_static.yaml"]), to: directory)
        XCTAssertEqual(try modes(), [0o644, 0o600])
        let report = try TreeWriter.write(tree(["hieradata/static.yaml": "a: 2\n", "hieradata/secure_static.yaml": "b: 3\n"],
                                               secure: ["hieradata/secure_static.yaml"]), to: directory)
        XCTAssertEqual(report.written.count, 2)
        XCTAssertEqual(try modes(), [0o644, 0o600])
    }

    /// A first compile into an empty directory that already exists (made by the user) writes
    /// everything; the next compile of the same tree finds every file unchanged.
    func testAnEmptyExistingDirectoryIsAFirstCompile() throws {
        let directory = temporaryDirectory("empty")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let files = ["a.yaml": "a\n", "sub/b.yaml": "b\n"]
        XCTAssertEqual(try TreeWriter.write(tree(files), to: directory).written, ["a.yaml", "sub/b.yaml"])
        let again = try TreeWriter.write(tree(files), to: directory)
        XCTAssertEqual(again.written, [])
        XCTAssertEqual(again.unchanged, ["a.yaml", "sub/b.yaml"])
    }

    /// A first compile builds the tree in a staging directory and moves it into place: nothing of
    /// the staging directory stays, files and directories have their modes, the manifest lists
    /// every file.
    func testAFirstCompileLeavesOnlyTheTreeAndItsManifest() throws {
        let directory = temporaryDirectory("fresh")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let files = ["a.yaml": "a\n", "hieradata/secure_system.yaml": "password: x\n", "helm/app/ns/chart.yaml": "c: 1\n"]
        let report = try TreeWriter.write(tree(files, secure: ["hieradata/secure_system.yaml"]), to: directory)
        XCTAssertEqual(report.written, files.keys.sorted())
        let everything = try FileManager.default.subpathsOfDirectory(atPath: directory).sorted()
        XCTAssertEqual(everything, [TreeWriter.manifestName, "a.yaml", "helm", "helm/app", "helm/app/ns", "helm/app/ns/chart.yaml",
                                    "hieradata", "hieradata/secure_system.yaml"])
        func mode(_ path: String) throws -> Int? {
            try FileManager.default.attributesOfItem(atPath: directory + "/" + path)[.posixPermissions] as? Int
        }
        XCTAssertEqual(try mode("hieradata/secure_system.yaml"), 0o600)
        XCTAssertEqual(try mode("a.yaml"), 0o644)
        XCTAssertEqual(try mode("hieradata"), 0o755)
        XCTAssertEqual(try String(contentsOfFile: directory + "/" + TreeWriter.manifestName, encoding: .utf8),
                       files.keys.sorted().joined(separator: "\n") + "\n")
    }

    /// A first compile that fails (a path the tree needs twice, as a file and as a directory)
    /// leaves the directory as empty as it found it.
    func testAFailedFirstCompileLeavesTheDirectoryEmpty() throws {
        let directory = temporaryDirectory("fresh-fail")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        XCTAssertThrowsError(try TreeWriter.write(tree(["x": "file\n", "x/y.yaml": "y\n"]), to: directory))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory), [])
    }

    /// A run stopped while moving its staged tree into place leaves a staging directory (with a
    /// link planted in it) and part of the tree; the next compile removes the staging directory
    /// without following the link and completes the tree.
    func testAStagingDirectoryOfAStoppedRunIsRemovedByTheNext() throws {
        let directory = temporaryDirectory("staging-left"), outside = temporaryDirectory("staging-victim")
        defer { [directory, outside].forEach { try? FileManager.default.removeItem(atPath: $0) } }
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try "keep\n".write(toFile: outside + "/precious", atomically: false, encoding: .utf8)
        let files = ["a/one.yaml": "1\n", "b/two.yaml": "2\n"]
        try FileManager.default.createDirectory(atPath: directory + "/a", withIntermediateDirectories: true)
        try "1\n".write(toFile: directory + "/a/one.yaml", atomically: false, encoding: .utf8)
        try (files.keys.sorted().joined(separator: "\n") + "\n").write(toFile: directory + "/" + TreeWriter.manifestName, atomically: false, encoding: .utf8)
        let staging = directory + "/.sysinvc-staging-4242-9f3a"
        try FileManager.default.createDirectory(atPath: staging + "/b", withIntermediateDirectories: true)
        try "2\n".write(toFile: staging + "/b/two.yaml", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: staging + "/b/link", withDestinationPath: outside)
        let report = try TreeWriter.write(tree(files), to: directory)
        XCTAssertEqual(report.written, ["b/two.yaml"])
        XCTAssertEqual(report.unchanged, ["a/one.yaml"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: staging))
        XCTAssertEqual(try String(contentsOfFile: outside + "/precious", encoding: .utf8), "keep\n")
        XCTAssertEqual(try String(contentsOfFile: directory + "/b/two.yaml", encoding: .utf8), "2\n")
    }

    /// Only sysinvc's own staging names are removed: a user's directory that merely looks alike stays.
    func testADirectoryNamedAlmostLikeAStagingDirectoryStays() throws {
        let directory = temporaryDirectory("staging-like")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try TreeWriter.write(tree(["a.yaml": "a\n"]), to: directory)
        for name in [".sysinvc-staging-mine", ".sysinvc-staging-12-zz", ".sysinvc-staging-"] {
            try FileManager.default.createDirectory(atPath: directory + "/" + name, withIntermediateDirectories: true)
        }
        _ = try TreeWriter.write(tree(["a.yaml": "a2\n"]), to: directory)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix(".sysinvc-staging") }.sorted()
        XCTAssertEqual(names, [".sysinvc-staging-", ".sysinvc-staging-12-zz", ".sysinvc-staging-mine"])
    }

    func testTwoFilesAtOnePathStopGeneration() {
        var output = OutputTree()
        XCTAssertNoThrow(try output.add(OutputFile(path: "hieradata/static.yaml", content: .text("a"))))
        XCTAssertThrowsError(try output.add(OutputFile(path: "hieradata/static.yaml", content: .text("b"))))
    }
}
