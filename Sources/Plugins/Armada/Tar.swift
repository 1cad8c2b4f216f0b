import Foundation

/// gzip'd tar archives through the system's `tar`, which every Linux host has; no package on
/// this platform reads tar.
enum Tar {
    struct Failed: Error, CustomStringConvertible {
        let description: String
    }

    static func list(_ archive: String) throws -> [String] {
        try run(["-tzf", archive]).split(separator: "\n").map(String.init)
    }

    static func extract(_ archive: String, into directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        _ = try run(["-xzf", archive, "-C", directory.path, "--no-same-owner", "--no-same-permissions"])
    }

    static func read(_ entry: String, from archive: String) throws -> String {
        try run(["-xzOf", archive, entry])
    }

    static func create(_ archive: String, from directory: URL, entries: [String]) throws {
        _ = try run(["-czf", archive, "-C", directory.path] + entries)
    }

    private static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tar"] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failed(description: message.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return String(decoding: data, as: UTF8.self)
    }
}
