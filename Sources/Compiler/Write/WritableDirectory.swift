import CFileSync
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Why a file could not be written, read, locked or removed, with the operating system's reason.
public struct FileWriteError: Error, CustomStringConvertible, Sendable {
    public let action: String
    public let path: String
    public let reason: String

    init(_ action: String, _ path: String, _ reason: String) {
        self.action = action
        self.path = path
        self.reason = reason
    }

    init(_ action: String, _ path: String, errno code: Int32) {
        self.init(action, path, String(cString: strerror(code)))
    }

    public var description: String { "cannot \(action) \(path): \(reason)" }
}

/// A directory sysinvc writes into, opened once. Every path below it is reached with `openat`
/// and `O_NOFOLLOW`, so a symbolic link planted inside can never send a write, a read or a
/// removal elsewhere. A new file is created exclusively under a name no other run uses, already
/// with its final mode (a secret is never readable by others, not even for a moment), and only
/// then renamed over its final name.
public final class WritableDirectory {
    /// The directory as the caller named it; the directory itself may be a link, what is inside
    /// may not.
    public let path: String
    private let descriptor: Int32
    /// Directories below this one already opened, by relative path. Files are staged and read
    /// from several threads at once, so the table is guarded.
    private let subdirectories = Mutex<[String: Int32]>([:])
    private static let temporaryMarker = ".sysinvc-tmp-"
    private static let stagingMarker = ".sysinvc-staging-"
    /// Temporary names are `<pid>-<hex>`: the process once, then a random start counted up, so
    /// that staging a file costs no system call for its name.
    private let process = getpid()
    private let temporarySerial = Atomic<UInt64>(UInt64.random(in: .min ... .max))
    /// Read when the directory is opened, so that a file's mode is set again only if the umask
    /// would take bits from it.
    private let umask = WritableDirectory.currentUmask()

    /// Opens `path`, creating it (and its parents) when `create` is set.
    public init(path: String, create: Bool) throws(FileWriteError) {
        self.path = path
        if create {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                throw FileWriteError("use", path, "it is a file, not a directory; name a directory")
            }
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
            } catch {
                throw FileWriteError("create directory", path, (error as NSError).localizedFailureReason ?? "permission denied or not a directory")
            }
        }
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            throw FileWriteError("open directory", path, code == ENOTDIR ? "it is not a directory" : String(cString: strerror(code)))
        }
        self.descriptor = descriptor
    }

    /// A directory already opened (a staging directory); `path` is how errors name it.
    private init(descriptor: Int32, path: String) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit {
        for descriptor in subdirectories.withLock({ $0.values }) { close(descriptor) }
        close(descriptor)
    }

    func display(_ relative: String) -> String {
        relative.isEmpty ? path : path == "." ? relative : (path as NSString).appendingPathComponent(relative)
    }

    /// The directory holding `relative` and the file's own name, opened without following links.
    private func parent(of relative: String, create: Bool) throws(FileWriteError) -> (descriptor: Int32, name: String)? {
        guard let slash = relative.utf8.lastIndex(of: UInt8(ascii: "/")) else {
            guard !relative.isEmpty else { throw FileWriteError("write", display(relative), "not a file name") }
            return (descriptor, relative)
        }
        let name = String(relative[relative.utf8.index(after: slash)...])
        guard !name.isEmpty else { throw FileWriteError("write", display(relative), "not a file name") }
        let directory = String(relative[..<slash])
        if let known = subdirectories.withLock({ $0[directory] }) { return (known, name) }
        // Opening a directory for the first time is rare (a dozen per tree): one thread at a time.
        return try subdirectories.withLock { table throws(FileWriteError) in
            try openDirectory(directory, in: &table, create: create).map { ($0, name) }
        }
    }

    /// Opens (or creates) `directory` and each directory above it, recording them in `table`.
    private func openDirectory(_ directory: String, in table: inout [String: Int32], create: Bool) throws(FileWriteError) -> Int32? {
        var current = descriptor
        var walked = ""
        for component in directory.split(separator: "/").map(String.init) {
            walked = walked.isEmpty ? component : walked + "/" + component
            if let known = table[walked] {
                current = known
                continue
            }
            var next = openat(current, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0 && errno == ENOENT {
                guard create else { return nil }
                if mkdirat(current, component, 0o755) != 0 && errno != EEXIST {
                    throw FileWriteError("create directory", display(walked), errno: errno)
                }
                next = openat(current, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            }
            guard next >= 0 else {
                let code = errno
                let reason = code == ELOOP || code == ENOTDIR
                    ? "it is a symbolic link or a file; sysinvc follows no link inside \(path): remove it"
                    : String(cString: strerror(code))
                throw FileWriteError("use directory", display(walked), reason)
            }
            table[walked] = next
            current = next
        }
        return current
    }

    /// A file written under a temporary name, waiting for `commit`.
    public struct Staged: Sendable {
        public let relative: String
        let temporary: String
    }

    /// Writes `data` to a new temporary file beside `relative`, with `mode` from the moment it
    /// exists; nothing under the final name changes yet.
    public func stage(_ data: Data, as relative: String, mode: mode_t) throws(FileWriteError) -> Staged {
        guard let (directory, name) = try parent(of: relative, create: true) else {
            throw FileWriteError("write", display(relative), "its directory is missing")
        }
        var temporary = ""
        var file: Int32 = -1
        for _ in 0..<8 where file < 0 {
            let serial = temporarySerial.wrappingAdd(1, ordering: .relaxed).newValue
            temporary = ".\(String(decoding: name.utf8.prefix(100), as: UTF8.self))\(Self.temporaryMarker)\(process)-\(String(serial, radix: 16))"
            file = openat(directory, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
            if file < 0 && errno != EEXIST { break }
        }
        guard file >= 0 else { throw FileWriteError("write", display(relative), errno: errno) }
        if let failure = fill(file, with: data, mode: mode) {
            unlinkat(directory, temporary, 0)
            throw FileWriteError("write", display(relative), errno: failure)
        }
        return Staged(relative: relative, temporary: temporary)
    }

    /// Creates `relative` under its final name, which must be free, with `mode` from the moment
    /// it exists; for a staging directory, whose files no one reads before the directory is
    /// moved into place.
    public func create(_ data: Data, as relative: String, mode: mode_t) throws(FileWriteError) {
        guard let (directory, name) = try parent(of: relative, create: true) else {
            throw FileWriteError("write", display(relative), "its directory is missing")
        }
        let file = openat(directory, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard file >= 0 else { throw FileWriteError("write", display(relative), errno: errno) }
        if let failure = fill(file, with: data, mode: mode) {
            unlinkat(directory, name, 0)
            throw FileWriteError("write", display(relative), errno: failure)
        }
    }

    /// Files at least this large have their write-back started as soon as they are written.
    private static let earlyWritebackBytes = 256 * 1024

    /// Sets a new file's mode where the umask may have taken bits, writes `data` and closes it;
    /// the error number of the first failure.
    private func fill(_ file: Int32, with data: Data, mode: mode_t) -> Int32? {
        var failure: Int32 = 0
        if umaskMayStrip(mode), fchmod(file, mode) != 0 { failure = errno }
        if failure == 0 {
            failure = data.withUnsafeBytes { buffer -> Int32 in
                var offset = 0
                while offset < buffer.count {
                    let count = write(file, buffer.baseAddress! + offset, buffer.count - offset)
                    if count < 0 {
                        if errno == EINTR { continue }
                        return errno
                    }
                    offset += count
                }
                return 0
            }
        }
        // Every file written is flushed by one sync before any is renamed into place. A large
        // file's write-back starts here, so that the device works while the next files are
        // written; for small files, starting each on its own costs more than the sync saves.
        if failure == 0 && data.count >= Self.earlyWritebackBytes { sysinvc_start_writeback(file) }
        if close(file) != 0 && failure == 0 { failure = errno }
        return failure == 0 ? nil : failure
    }

    /// A new, empty, owner-only directory directly inside this one, under a name of sysinvc's
    /// own (`.sysinvc-staging-<pid>-<hex>`) that no other run uses, in which a whole tree is
    /// built before its entries are moved into place (`adopt`). Errors about its files name
    /// them as they will be named in this directory.
    public func makeStagingDirectory() throws(FileWriteError) -> (name: String, directory: WritableDirectory) {
        for _ in 0..<8 {
            let serial = temporarySerial.wrappingAdd(1, ordering: .relaxed).newValue
            let name = "\(Self.stagingMarker)\(process)-\(String(serial, radix: 16))"
            guard mkdirat(descriptor, name, 0o700) == 0 else {
                if errno == EEXIST { continue }
                throw FileWriteError("create directory", display(name), errno: errno)
            }
            let staged = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard staged >= 0 else {
                let code = errno
                unlinkat(descriptor, name, AT_REMOVEDIR)
                throw FileWriteError("open directory", display(name), errno: code)
            }
            return (name, WritableDirectory(descriptor: staged, path: path))
        }
        throw FileWriteError("create directory", display(Self.stagingMarker + "…"), "every name tried is taken")
    }

    /// Moves the entry `name` (a file or a whole directory) of a staging directory made by
    /// `makeStagingDirectory` into this directory under the same name; refused when the name
    /// is taken here.
    public func adopt(_ name: String, from staging: WritableDirectory) throws(FileWriteError) {
        guard sysinvc_rename_noreplace(staging.descriptor, name, descriptor, name) == 0 else {
            let code = errno
            throw FileWriteError("create", display(name), code == EEXIST ? "it exists; sysinvc does not replace it" : String(cString: strerror(code)))
        }
    }

    /// Removes a staging directory and whatever is still in it, never following a link.
    public func removeStagingDirectory(_ name: String) {
        guard Self.isStagingName(name) else { return }
        Self.removeTree(name, in: descriptor, depth: 64)
    }

    /// The process's umask as Linux reports it, or nil where it cannot be read.
    static func currentUmask() -> mode_t? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }) else { return nil }
        return mode_t(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8)
    }

    /// Whether `open` may have created a file with fewer permission bits than `mode`, so that
    /// the mode must be set again; true when the umask is unknown. (A umask only ever removes
    /// bits: a file is never created more open than `mode`.)
    func umaskMayStrip(_ mode: mode_t) -> Bool {
        guard let umask else { return true }
        return umask & mode != 0
    }

    /// Renames a staged file over its final name (a link there is replaced, never followed).
    public func commit(_ staged: Staged) throws(FileWriteError) {
        guard let (directory, name) = try parent(of: staged.relative, create: false) else {
            throw FileWriteError("write", display(staged.relative), "its directory disappeared")
        }
        guard renameat(directory, staged.temporary, directory, name) == 0 else {
            let code = errno
            unlinkat(directory, staged.temporary, 0)
            throw FileWriteError("write", display(staged.relative), errno: code)
        }
    }

    /// Gives a staged file its final name only if that name is free: an existing file is kept.
    public func commitNew(_ staged: Staged) throws(FileWriteError) {
        guard let (directory, name) = try parent(of: staged.relative, create: false) else {
            throw FileWriteError("write", display(staged.relative), "its directory disappeared")
        }
        defer { unlinkat(directory, staged.temporary, 0) }
        guard linkat(directory, staged.temporary, directory, name, 0) == 0 else {
            let code = errno
            throw FileWriteError("create", display(staged.relative), code == EEXIST ? "it exists; sysinvc does not replace it" : String(cString: strerror(code)))
        }
    }

    /// Gives a directory directly inside this one (built under a temporary name) its final
    /// name; refused when that name is taken.
    public func renameDirectory(_ name: String, to final: String) throws(FileWriteError) {
        var status = stat()
        guard fstatat(descriptor, final, &status, AT_SYMLINK_NOFOLLOW) != 0 else {
            throw FileWriteError("create", display(final), "it exists; sysinvc does not replace it")
        }
        guard renameat(descriptor, name, descriptor, final) == 0 else { throw FileWriteError("create", display(final), errno: errno) }
    }

    public func discard(_ staged: Staged) {
        guard let (directory, _) = try? parent(of: staged.relative, create: false) else { return }
        unlinkat(directory, staged.temporary, 0)
    }

    /// The bytes and mode of a regular file; nil when there is none (or it is a link, a
    /// directory or a device, which sysinvc never reads).
    public func contents(of relative: String) -> (data: Data, mode: mode_t)? {
        guard let (directory, name) = try? parent(of: relative, create: false) else { return nil }
        let file = openat(directory, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard file >= 0 else { return nil }
        defer { close(file) }
        var status = stat()
        guard fstat(file, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        var data = Data(count: Int(status.st_size))
        let complete = data.withUnsafeMutableBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = read(file, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { return false }
                offset += count
            }
            return true
        }
        return complete ? (data, status.st_mode & 0o7777) : nil
    }

    /// Removes a regular file; false when there is none. Anything else under that name (a
    /// directory, a link, a device) is left alone and reported.
    public func removeFile(_ relative: String) throws(FileWriteError) -> Bool {
        guard let (directory, name) = try parent(of: relative, create: false) else { return false }
        var status = stat()
        guard fstatat(directory, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return false }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw FileWriteError("remove", display(relative), "it is not a regular file; sysinvc removes only files it wrote")
        }
        guard unlinkat(directory, name, 0) == 0 else { throw FileWriteError("remove", display(relative), errno: errno) }
        return true
    }

    /// Flushes staged files to the disk in one call, so that no final name can ever point at
    /// bytes a power loss would take back.
    public func synchronize() throws(FileWriteError) {
        guard sysinvc_syncfs(descriptor) == 0 else { throw FileWriteError("flush", path, errno: errno) }
    }

    /// Whether the directory holds no entry at all (a first compile into it): then there is no
    /// earlier file to compare with, remove or clean up.
    public func isEmpty() -> Bool {
        // A descriptor of its own: a `dup` would share (and move) the read position of `descriptor`.
        let copy = openat(descriptor, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard copy >= 0, let stream = fdopendir(copy) else {
            if copy >= 0 { close(copy) }
            return false
        }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix(while: { $0 != 0 })) }
            if name != [UInt8(ascii: ".")] && name != [UInt8(ascii: "."), UInt8(ascii: ".")] { return false }
        }
        return true
    }

    /// Removes what a killed run left behind — regular files with sysinvc's temporary marker, in
    /// this directory and below, and staging directories directly in it — never following a
    /// link. Call it while holding the directory's lock, when no other run can be staging.
    public func removeLeftovers(depthLimit: Int = 16) {
        Self.removeLeftovers(in: openat(descriptor, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC), depth: depthLimit, isTop: true)
    }

    /// Removes `name` in `directory`: a directory with everything below it (to `depth` levels),
    /// anything else by unlinking its name (a link is removed, never followed).
    private static func removeTree(_ name: String, in directory: Int32, depth: Int) {
        var status = stat()
        guard fstatat(directory, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return }
        guard (status.st_mode & S_IFMT) == S_IFDIR else {
            unlinkat(directory, name, 0)
            return
        }
        guard depth > 0 else { return }
        let inner = openat(directory, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if inner >= 0, let stream = fdopendir(inner) {
            var names: [String] = []
            while let entry = readdir(stream) {
                let entryName = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
                if entryName != ".", entryName != ".." { names.append(entryName) }
            }
            for entryName in names { removeTree(entryName, in: inner, depth: depth - 1) }
            closedir(stream)
        } else if inner >= 0 {
            close(inner)
        }
        unlinkat(directory, name, AT_REMOVEDIR)
    }

    private static func removeLeftovers(in descriptor: Int32, depth: Int, isTop: Bool = false) {
        guard descriptor >= 0, let stream = fdopendir(descriptor) else {
            if descriptor >= 0 { close(descriptor) }
            return
        }
        defer { closedir(stream) }
        var directories: [String] = []
        var leftovers: [String] = []
        var stagings: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
            guard name != ".", name != ".." else { continue }
            var status = stat()
            guard fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            switch status.st_mode & S_IFMT {
            case S_IFDIR where isTop && isStagingName(name): stagings.append(name)
            case S_IFDIR: directories.append(name)
            case S_IFREG where isTemporaryName(name): leftovers.append(name)
            default: break
            }
        }
        for name in leftovers { unlinkat(descriptor, name, 0) }
        for name in stagings { removeTree(name, in: descriptor, depth: 64) }
        guard depth > 0 else { return }
        for name in directories {
            removeLeftovers(in: openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC), depth: depth - 1)
        }
    }

    /// `.<name>.sysinvc-tmp-<pid>-<hex>`, as `stage` names its files, and nothing else.
    static func isTemporaryName(_ name: String) -> Bool {
        guard name.hasPrefix("."), let marker = name.range(of: temporaryMarker, options: .backwards) else { return false }
        let tail = name[marker.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
        return tail.count == 2 && !tail[0].isEmpty && tail[0].allSatisfy(\.isASCII) && tail[0].allSatisfy(\.isNumber)
            && !tail[1].isEmpty && tail[1].allSatisfy(\.isHexDigit) && tail[1].allSatisfy(\.isASCII)
    }

    /// `.sysinvc-staging-<pid>-<hex>`, as `makeStagingDirectory` names them, and nothing else.
    static func isStagingName(_ name: String) -> Bool {
        guard name.hasPrefix(stagingMarker) else { return false }
        let tail = name.dropFirst(stagingMarker.count).split(separator: "-", omittingEmptySubsequences: false)
        return tail.count == 2 && !tail[0].isEmpty && tail[0].allSatisfy { $0.isASCII && $0.isNumber }
            && !tail[1].isEmpty && tail[1].allSatisfy { $0.isASCII && $0.isHexDigit }
    }

    /// Holds an advisory lock on the directory until `release` or until this value goes away.
    /// A second run waits up to `timeout` seconds, then fails with a message naming the directory.
    public func lock(timeout: Double = 60) throws(FileWriteError) {
        try FileLock.acquire(descriptor, exclusive: true, timeout: timeout, what: path)
    }
}
