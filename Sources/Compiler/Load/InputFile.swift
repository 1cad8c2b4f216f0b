import Foundation

/// Reads a file the user named (an inventory, an include, a values file, an application tarball),
/// refusing anything that is not a regular file of bounded size.
///
/// The file is opened without blocking and checked with `fstat` on the open descriptor, so a
/// FIFO, a device such as `/dev/zero` or a directory is refused at once (it never hangs or fills
/// memory), and a file swapped between the check and the read cannot slip through.
public enum InputFile {
    public enum Refusal: Error, Equatable, Sendable {
        case unreadable(reason: String)
        case notARegularFile(kind: String)
        case tooLarge(bytes: Int, limit: Int)
        case notUTF8

        /// What went wrong and what to do, to follow "PATH: ".
        public var message: String {
            switch self {
            case let .unreadable(reason): return "cannot be read (\(reason)); check the path and permissions"
            case let .notARegularFile(kind): return "is \(kind), not a regular file; name a regular file"
            case let .tooLarge(bytes, limit): return "holds \(bytes) bytes, more than the \(limit) allowed"
            case .notUTF8: return "is not UTF-8 text; save it as UTF-8"
            }
        }
    }

    /// The file as UTF-8 text.
    public static func text(_ path: String, limit: Int = YAMLLimits.fileBytes) -> Result<String, Refusal> {
        bytes(path, limit: limit).flatMap { data in
            String(data: data, encoding: .utf8).map { .success($0) } ?? .failure(.notUTF8)
        }
    }

    public static func bytes(_ path: String, limit: Int) -> Result<Data, Refusal> {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.unreadable(reason: String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.unreadable(reason: String(cString: strerror(errno)))) }
        guard status.st_mode & S_IFMT == S_IFREG else { return .failure(.notARegularFile(kind: kind(status.st_mode))) }
        guard status.st_size <= limit else { return .failure(.tooLarge(bytes: Int(status.st_size), limit: limit)) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { readBytes(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return .failure(.unreadable(reason: String(cString: strerror(errno)))) }
            if count == 0 { break }
            data.append(contentsOf: buffer[0..<count])
            // The file grew after fstat: the limit still holds.
            guard data.count <= limit else { return .failure(.tooLarge(bytes: data.count, limit: limit)) }
        }
        return .success(data)
    }

    private static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: return "a directory"
        case S_IFIFO: return "a FIFO"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        default: return "a special file"
        }
    }
}

/// `read(2)`, which `InputFile` cannot call by its bare name.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
