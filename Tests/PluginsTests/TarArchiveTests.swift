import Foundation
@testable import Compiler
import XCTest

/// The in-memory tar reader against archives the system tar writes in each header format.
final class TarArchiveTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sysinvc-tar-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("content"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func archive(format: String, members: [String] = ["."]) throws -> Data {
        let path = directory.appendingPathComponent("archive-\(format).tar").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tar", "--format=\(format)", "-cf", path, "-C", directory.appendingPathComponent("content").path] + members
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    func testLongNamesReadInEveryHeaderFormat() throws {
        // ustar splits this name into its prefix and name fields; gnu writes a long-name entry.
        let long = [String(repeating: "a", count: 60), String(repeating: "b", count: 60), String(repeating: "f", count: 60) + ".yaml"]
            .joined(separator: "/")
        let file = directory.appendingPathComponent("content").appendingPathComponent(long)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "a: 1\n".write(to: file, atomically: true, encoding: .utf8)
        for format in ["gnu", "pax", "ustar"] {
            let archive = try TarArchive(try archive(format: format))
            XCTAssertEqual(archive.files[long].map { String(decoding: $0, as: UTF8.self) }, "a: 1\n", format)
        }
    }

    func testPaxPathsAreRead() throws {
        // A file name over ustar's 100 characters needs a pax header.
        let name = String(repeating: "d", count: 150) + "/" + String(repeating: "p", count: 150) + ".yaml"
        let file = directory.appendingPathComponent("content").appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "b: 2\n".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertEqual(try TarArchive(try archive(format: "pax")).files[name].map { String(decoding: $0, as: UTF8.self) }, "b: 2\n")
    }

    func testTruncatedAndForeignBytesAreRefused() throws {
        try String(repeating: "x", count: 2_000).write(to: directory.appendingPathComponent("content/big"), atomically: true, encoding: .utf8)
        let whole = try archive(format: "gnu")
        XCTAssertThrowsError(try TarArchive(whole.prefix(1_024))) { error in
            XCTAssertEqual((error as? TarArchive.Refused)?.problems.first?.hasPrefix("is truncated"), true, "\(error)")
        }
        XCTAssertThrowsError(try TarArchive(Data(repeating: 0x41, count: 1_024))) { error in
            XCTAssertEqual((error as? TarArchive.Refused)?.problems.first?.hasPrefix("is not a tar archive"), true, "\(error)")
        }
    }

    func testMoreEntriesThanTheLimitAreRefused() throws {
        let content = directory.appendingPathComponent("content")
        for index in 0...TarArchive.entryLimit {
            XCTAssertTrue(FileManager.default.createFile(atPath: content.appendingPathComponent("f\(index)").path, contents: nil))
        }
        XCTAssertThrowsError(try TarArchive(try archive(format: "gnu"))) { error in
            XCTAssertEqual((error as? TarArchive.Refused)?.problems, ["holds more than \(TarArchive.entryLimit) entries"])
        }
    }
}

/// Found by fuzzing: a signal arriving while gzip's output was read made `FileHandle.availableData`
/// trap on EINTR. Signals now only retry the read.
final class GzipTests: XCTestCase {
    func testSignalsWhileInflatingAreRetried() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sysinvc-gzip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let compressed = directory.appendingPathComponent("zeros.gz").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "head -c \(32 << 20) /dev/zero | gzip -1 > '\(compressed)'"]
        try process.run()
        process.waitUntilExit()
        let data = try Data(contentsOf: URL(fileURLWithPath: compressed))

        // A handler without SA_RESTART, so that every alarm interrupts the blocking read.
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in }
        sigemptyset(&action.sa_mask)
        var previous = sigaction()
        sigaction(SIGALRM, &action, &previous)
        var every100Microseconds = itimerval(it_interval: timeval(tv_sec: 0, tv_usec: 100), it_value: timeval(tv_sec: 0, tv_usec: 100))
        setitimer(__itimer_which_t(ITIMER_REAL.rawValue), &every100Microseconds, nil)
        defer {
            var off = itimerval()
            setitimer(__itimer_which_t(ITIMER_REAL.rawValue), &off, nil)
            sigaction(SIGALRM, &previous, nil)
        }
        XCTAssertEqual(try Gzip.decompress(data, limit: 64 << 20).count, 32 << 20)
    }
}
