import Compiler
import Foundation
import XCTest

/// Whatever a value holds, the shell reads `ShellWord.quote(value)` back as exactly that value.
final class ShellWordTests: XCTestCase {
    func testPlainWordsKeepTheirLook() {
        XCTAssertEqual(ShellWord.quote("RegionOne"), "RegionOne")
        XCTAssertEqual(ShellWord.quote("http://192.168.204.2:5000/v3"), "http://192.168.204.2:5000/v3")
        XCTAssertEqual(ShellWord.quote(""), "''")
        XCTAssertEqual(ShellWord.quote("a b"), "'a b'")
        XCTAssertEqual(ShellWord.quote("it's"), #"'it'\''s'"#)
    }

    /// Random strings over the characters the shell treats specially (and some it does not, and
    /// non-ASCII text), every one printed back by /bin/sh in one run.
    func testTheShellReadsEveryQuotedWordBackUnchanged() throws {
        let alphabet = Array(#" '"\$`!*?[]{}()<>|&;#~=%+,:./-_@^"#) + ["\n", "\t", "\r", "\u{7}", "\u{1b}", "é", "€", "😀", "a", "Z", "0"]
        var generator = SplitMix64(seed: 0x5157_1C0D)
        var words = ["", "'", "''", "\\", "$(touch /tmp/sysinvc-shellword-canary)", "`id`", "a\nb", "-n", "--", "~root", "*"]
        for _ in 0..<2000 {
            let length = Int.random(in: 1...24, using: &generator)
            words.append(String((0..<length).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        let script = words.map { "printf '%s\\0' \(ShellWord.quote($0))" }.joined(separator: "\n") + "\n"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        let printed = data.split(separator: 0, omittingEmptySubsequences: false).dropLast().map { String(decoding: $0, as: UTF8.self) }
        XCTAssertEqual(printed.count, words.count)
        for (word, back) in zip(words, printed) where word != back {
            XCTFail("\(word.debugDescription) came back as \(back.debugDescription) from \(ShellWord.quote(word))")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/sysinvc-shellword-canary"))
    }
}
