import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Advisory locks (flock) that serialise the runs of sysinvc touching the same files: compiles
/// into one output directory, and edits of one inventory (its hosts, stored overrides and
/// uploaded applications). Readers of an inventory share its lock; a writer holds it alone from
/// before it reads the file until after it has renamed the new one into place, so no edit is
/// lost and no compile reads half of one.
public final class FileLock {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Locks the inventory file at `path`; nil when there is no such file (the loader reports
    /// that). An edit replaces the file by renaming, so a run that waited on the old file looks
    /// again at the new one.
    public static func inventory(_ path: String, exclusive: Bool, timeout: Double = 60) throws(FileWriteError) -> FileLock? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
            guard descriptor >= 0 else {
                if errno == ENOENT { return nil }
                throw FileWriteError("lock", path, errno: errno)
            }
            let lock = FileLock(descriptor: descriptor)
            try acquire(descriptor, exclusive: exclusive, timeout: max(0, deadline.timeIntervalSinceNow), what: path)
            var held = stat(), named = stat()
            guard fstat(descriptor, &held) == 0 else { throw FileWriteError("lock", path, errno: errno) }
            if stat(path, &named) == 0, held.st_dev == named.st_dev, held.st_ino == named.st_ino { return lock }
        }
    }

    /// Takes the lock on an open descriptor, waiting up to `timeout` seconds for another run.
    static func acquire(_ descriptor: Int32, exclusive: Bool, timeout: Double, what: String) throws(FileWriteError) {
        let operation = (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB
        let deadline = Date().addingTimeInterval(timeout)
        var announced = false
        while flock(descriptor, operation) != 0 {
            let code = errno
            guard code == EWOULDBLOCK || code == EINTR else { throw FileWriteError("lock", what, errno: code) }
            guard Date() < deadline else {
                throw FileWriteError("lock", what, "another sysinvc run has held it for \(Int(timeout)) s; wait for it to finish, then run the command again")
            }
            if !announced {
                announced = true
                FileHandle.standardError.write(Data("waiting for another sysinvc run to finish with \(what)\n".utf8))
            }
            usleep(20_000)
        }
    }
}

extension FileLock {
    /// Locks an inventory for an edit, then removes what killed edits left behind: temporary
    /// files beside the inventory and in its override store. Nil when there is no such file.
    public static func inventoryForEdit(_ path: String, timeout: Double = 60) throws(FileWriteError) -> FileLock? {
        guard let lock = try inventory(path, exclusive: true, timeout: timeout) else { return nil }
        let directory = (path as NSString).deletingLastPathComponent
        (try? WritableDirectory(path: directory.isEmpty ? "." : directory, create: false))?.removeLeftovers(depthLimit: 0)
        (try? WritableDirectory(path: UserOverrideStore(inventoryPath: path).root.path, create: false))?.removeLeftovers()
        return lock
    }
}
