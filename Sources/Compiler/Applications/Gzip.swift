import Foundation

/// Decompresses gzip data through the system's `gzip` (part of every Linux base system; no
/// package on this platform inflates), stopping at a size limit so that a small archive cannot
/// expand into all of memory.
enum Gzip {
    enum Failure: Error, Equatable {
        case notGzip
        case tooLarge(limit: Int)
    }

    static func decompress(_ compressed: Data, limit: Int) throws(Failure) -> Data {
        // gzip reads from a file that has no name: nothing is left behind, and no pipe write can
        // fail when gzip stops early on bad input.
        var template = Array((NSTemporaryDirectory() + "/sysinvc-gzip-XXXXXX").utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else { throw .notGzip }
        defer { close(descriptor) }
        unlink(template)
        let written = compressed.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let count = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
        guard written, lseek(descriptor, 0, SEEK_SET) == 0 else { throw .notGzip }
        return try run(input: FileHandle(fileDescriptor: descriptor, closeOnDealloc: false), limit: limit)
    }

    private static func run(input: FileHandle, limit: Int) throws(Failure) -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc"]
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw .notGzip }
        var data = Data()
        var exceeded = false
        // read(2) itself: FileHandle.availableData traps when a signal interrupts the read (EINTR).
        let descriptor = output.fileHandleForReading.fileDescriptor
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            data.append(contentsOf: buffer[0..<count])
            if data.count > limit {
                exceeded = true
                process.terminate()
                break
            }
        }
        process.waitUntilExit()
        if exceeded { throw .tooLarge(limit: limit) }
        guard process.terminationReason == .exit, process.terminationStatus == 0 else { throw .notGzip }
        return data
    }
}
