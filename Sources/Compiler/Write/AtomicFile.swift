import Foundation

/// Single files outside an output tree — the inventory an edit changes, stored overrides, a key,
/// a `--file` — written the one way sysinvc writes anything: see `WritableDirectory`.
public enum AtomicFile {
    /// Replaces (or creates) the file at `path` with `data`, with `mode` from the first moment.
    public static func replace(_ path: String, with data: Data, mode: mode_t, createDirectories: Bool = false) throws(FileWriteError) {
        let (directory, name) = try open(parentOf: path, create: createDirectories)
        let staged = try directory.stage(data, as: name, mode: mode)
        try directory.commit(staged)
    }

    /// Creates the file at `path` with `data` and `mode`; an existing file is never replaced.
    public static func create(_ path: String, with data: Data, mode: mode_t) throws(FileWriteError) {
        let (directory, name) = try open(parentOf: path, create: false)
        let staged = try directory.stage(data, as: name, mode: mode)
        try directory.commitNew(staged)
    }

    private static func open(parentOf path: String, create: Bool) throws(FileWriteError) -> (WritableDirectory, String) {
        let name = (path as NSString).lastPathComponent
        guard !name.isEmpty, name != ".", name != "..", !path.hasSuffix("/") else {
            throw FileWriteError("write", path, "not a file name")
        }
        let parent = (path as NSString).deletingLastPathComponent
        return (try WritableDirectory(path: parent.isEmpty ? "." : parent, create: create), name)
    }
}
