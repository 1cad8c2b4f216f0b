import Foundation
import XCTest
import Compiler

final class UnifiedDiffTests: XCTestCase {
    /// Runs GNU `diff -u` on the two texts and returns its output without the two
    /// timestamped header lines, or nil when diff reports no difference.
    private func systemDiff(_ old: String, _ new: String, context: Int = 3) throws -> String? {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("netdiff-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let oldURL = directory.appendingPathComponent("old"), newURL = directory.appendingPathComponent("new")
        try Data(old.utf8).write(to: oldURL)
        try Data(new.utf8).write(to: newURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/diff")
        process.arguments = ["-U\(context)", oldURL.path, newURL.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertTrue([0, 1].contains(process.terminationStatus), "diff failed")
        let lines = output.split(separator: UInt8(ascii: "\n"), maxSplits: 2, omittingEmptySubsequences: false)
        return lines.count == 3 ? String(decoding: lines[2], as: UTF8.self) : nil
    }

    /// Asserts our hunks equal GNU diff's, and that the file header is right.
    private func assertMatchesSystemDiff(_ old: String, _ new: String, context: Int = 3,
                                         file: StaticString = #filePath, line: UInt = #line) throws {
        let ours = UnifiedDiff.diff(old: old, new: new, oldName: "x.conf", newName: "x.conf", context: context)
        let expected = try systemDiff(old, new, context: context)
        guard let ours else {
            return XCTAssertNil(expected, "we found no difference", file: file, line: line)
        }
        let header = "--- a/x.conf\n+++ b/x.conf\n"
        XCTAssertTrue(ours.hasPrefix(header), ours, file: file, line: line)
        XCTAssertEqual(String(ours.dropFirst(header.count)), expected, file: file, line: line)
    }

    private func numbered(_ range: ClosedRange<Int>) -> [String] { range.map { "line \($0)" } }
    private func text(_ lines: [String]) -> String { lines.map { $0 + "\n" }.joined() }

    func testExactOutputForSimpleChange() {
        let diff = UnifiedDiff.diff(old: "a\nb\nc\n", new: "a\nB\nc\n", oldName: "old.txt", newName: "new.txt")
        XCTAssertEqual(diff, "--- a/old.txt\n+++ b/new.txt\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n")
        XCTAssertEqual(UnifiedDiff.diff(old: "a\n", new: "b\n", oldName: "f", newName: "f"),
                       "--- a/f\n+++ b/f\n@@ -1 +1 @@\n-a\n+b\n")
        XCTAssertEqual(UnifiedDiff.diff(old: "", new: "x\ny\nz\n", oldName: "f", newName: "f"),
                       "--- a/f\n+++ b/f\n@@ -0,0 +1,3 @@\n+x\n+y\n+z\n")
    }

    func testIdenticalTextsGiveNil() throws {
        XCTAssertNil(UnifiedDiff.diff(old: "", new: "", oldName: "f", newName: "f"))
        XCTAssertNil(UnifiedDiff.diff(old: "a\nb", new: "a\nb", oldName: "f", newName: "f"))
        try assertMatchesSystemDiff(text(numbered(1...10)), text(numbered(1...10)))
    }

    func testInsertAtStart() throws {
        let lines = numbered(1...10)
        try assertMatchesSystemDiff(text(lines), text(["new first", "new second"] + lines))
    }

    func testDeleteAtEnd() throws {
        let lines = numbered(1...10)
        try assertMatchesSystemDiff(text(lines), text(Array(lines.dropLast(2))))
    }

    func testChangeInMiddle() throws {
        var lines = numbered(1...20)
        let old = text(lines)
        lines[9] = "changed ten"
        lines.insert("inserted", at: 12)
        try assertMatchesSystemDiff(old, text(lines))
    }

    func testDistantChangesMakeTwoHunks() throws {
        var lines = numbered(1...40)
        let old = text(lines)
        lines[4] = "five"
        lines[30] = "thirty-one"
        try assertMatchesSystemDiff(old, text(lines))
        XCTAssertEqual(UnifiedDiff.diff(old: old, new: text(lines), oldName: "f", newName: "f")?
            .components(separatedBy: "\n@@ ").count, 3)
    }

    func testHunksMergeWithinTwiceTheContext() throws {
        let lines = numbered(1...30)
        for gap in 5...8 {  // unchanged lines between two changes; <= 6 merges at context 3
            var changed = lines
            changed[10] = "first change"
            changed[11 + gap] = "second change"
            try assertMatchesSystemDiff(text(lines), text(changed))
            let hunks = UnifiedDiff.diff(old: text(lines), new: text(changed), oldName: "f", newName: "f")?
                .components(separatedBy: "\n@@ ").count
            XCTAssertEqual(hunks, gap <= 6 ? 2 : 3, "gap \(gap)")
        }
    }

    func testEmptyOldAndEmptyNew() throws {
        let content = text(numbered(1...5))
        try assertMatchesSystemDiff("", content)
        try assertMatchesSystemDiff(content, "")
        try assertMatchesSystemDiff("", "no newline")
        try assertMatchesSystemDiff("no newline", "")
    }

    func testMissingFinalNewline() throws {
        let lines = numbered(1...8)
        let terminated = text(lines), unterminated = lines.joined(separator: "\n")
        try assertMatchesSystemDiff(terminated, unterminated)
        try assertMatchesSystemDiff(unterminated, terminated)
        try assertMatchesSystemDiff(unterminated, unterminated + "\nline 9")
        try assertMatchesSystemDiff(unterminated, unterminated.replacingOccurrences(of: "line 8", with: "eight"))
        try assertMatchesSystemDiff(unterminated, unterminated.replacingOccurrences(of: "line 2", with: "two"))
        try assertMatchesSystemDiff(unterminated, unterminated.replacingOccurrences(of: "line 5", with: "five"))
        try assertMatchesSystemDiff(terminated, unterminated.replacingOccurrences(of: "line 1\n", with: ""))
        XCTAssertEqual(UnifiedDiff.diff(old: "a\nb", new: "a\nb\n", oldName: "f", newName: "f"),
                       "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n")
    }

    func testOtherContextSizes() throws {
        var lines = numbered(1...30)
        let old = text(lines)
        lines[3] = "four"
        lines.remove(at: 9)
        lines.insert("between", at: 20)
        for context in [0, 1, 2, 5, 100] {
            try assertMatchesSystemDiff(old, text(lines), context: context)
        }
        try assertMatchesSystemDiff(old, "", context: 0)
        try assertMatchesSystemDiff("", old, context: 0)
    }

    func testBytesNotCharactersAreCompared() throws {
        // "\r\n" is a single Swift Character; canonically equivalent strings are == in Swift.
        try assertMatchesSystemDiff("a\r\nb\r\nc\r\n", "a\r\nb\nc\r\n")
        try assertMatchesSystemDiff("caf\u{E9}\nbar\n", "cafe\u{301}\nbar\n")
        XCTAssertNotNil(UnifiedDiff.diff(old: "caf\u{E9}", new: "cafe\u{301}", oldName: "f", newName: "f"))
    }

    /// Repetitive lines allow several minimal diffs, and GNU diff's extra passes
    /// (discarding unmatched lines, sliding changes) may pick another one, so
    /// here the check is that ours is valid and minimal, not byte-identical.
    func testRandomTextsGiveMinimalValidDiffs() throws {
        var generator = SplitMix64(seed: 42)
        for _ in 0..<300 {
            let old = randomText(using: &generator), new = randomText(using: &generator)
            let context = Int.random(in: 0...3, using: &generator)
            guard let diff = UnifiedDiff.diff(old: old, new: new, oldName: "f", newName: "f", context: context) else {
                XCTAssertEqual(old, new)
                continue
            }
            XCTAssertEqual(try apply(diff, to: old), new, diff)
            let changed = diff.split(separator: "\n").dropFirst(2).filter { $0.hasPrefix("-") || $0.hasPrefix("+") }
            let oldCount = lineCount(old), newCount = lineCount(new)
            XCTAssertEqual(changed.count, oldCount + newCount - 2 * longestCommonSubsequence(old, new), diff)
        }
    }

    private func randomText(using generator: inout SplitMix64) -> String {
        let count = Int.random(in: 0...25, using: &generator)
        let body = (0..<count).map { _ in ["a", "b", "c", "d", ""].randomElement(using: &generator)! }
        guard !body.isEmpty else { return "" }
        return body.joined(separator: "\n") + (Bool.random(using: &generator) ? "\n" : "")
    }

    /// Lines with their terminator, so a last line without "\n" differs from one with it.
    private func terminatedLines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        var start = text.startIndex
        for index in text.unicodeScalars.indices where text.unicodeScalars[index] == "\n" {
            let end = text.unicodeScalars.index(after: index)
            lines.append(text[start..<end])
            start = end
        }
        if start < text.endIndex { lines.append(text[start...]) }
        return lines
    }

    private func lineCount(_ text: String) -> Int { terminatedLines(text).count }

    private func longestCommonSubsequence(_ old: String, _ new: String) -> Int {
        let a = terminatedLines(old), b = terminatedLines(new)
        var previous = Array(repeating: 0, count: b.count + 1)
        for x in a {
            var current = [0]
            for (j, y) in b.enumerated() {
                current.append(x == y ? previous[j] + 1 : max(previous[j + 1], current[j]))
            }
            previous = current
        }
        return previous[b.count]
    }

    private struct PatchError: Error {}

    /// Applies a unified diff, checking every context and removed line against `old`.
    private func apply(_ diff: String, to old: String) throws -> String {
        let oldLines = terminatedLines(old)
        var result: [Substring] = []
        var position = 0
        let body = Array(diff.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2).dropLast())
        for (index, line) in body.enumerated() {
            let unterminated = index + 1 < body.count && body[index + 1] == "\\ No newline at end of file"
            let content = line.dropFirst() + (unterminated ? "" : "\n")
            switch line.first {
            case "@":
                let range = line.split(separator: " ")[1].dropFirst().split(separator: ",")
                guard let start = Int(range[0]) else { throw PatchError() }
                let linesBefore = range.count > 1 && range[1] == "0" ? start : start - 1
                guard linesBefore >= position else { throw PatchError() }
                result += oldLines[position..<linesBefore]
                position = linesBefore
            case " ", "-":
                guard position < oldLines.count, oldLines[position] == content else { throw PatchError() }
                if line.first == " " { result.append(oldLines[position]) }
                position += 1
            case "+":
                result.append(Substring(content))
            case "\\":
                continue
            default:
                throw PatchError()
            }
        }
        return (result + oldLines[position...]).joined()
    }

    func testLargeFileWithScatteredChangesIsFast() throws {
        var lines = (0..<20_000).map { "config_key_\($0) = value \($0 * 7 % 1000)" }
        let old = text(lines)
        for index in stride(from: 1_000, to: 20_000, by: 2_000) {
            lines[index] = "config_key_\(index) = changed"
        }
        lines.insert("inserted line", at: 15_555)
        lines.remove(at: 7_777)
        let new = text(lines)
        let start = Date()
        let diff = UnifiedDiff.diff(old: old, new: new, oldName: "big", newName: "big")
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertLessThan(elapsed, 3.0, "took \(elapsed)s")
        XCTAssertEqual(diff?.components(separatedBy: "\n@@ ").count, 13)
        try assertMatchesSystemDiff(old, new)
    }

    func testCompletelyDifferentFilesStayMinimal() throws {
        let old = text((0..<2_000).map { "old \($0)" }), new = text((0..<2_000).map { "new \($0)" })
        let diff = try XCTUnwrap(UnifiedDiff.diff(old: old, new: new, oldName: "f", newName: "f"))
        XCTAssertTrue(diff.contains("@@ -1,2000 +1,2000 @@\n"))
        try assertMatchesSystemDiff(old, new)
    }
}

/// Deterministic generator so a failing random case reproduces.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
