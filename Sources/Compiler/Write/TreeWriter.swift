import Foundation

/// The write stage, holding the output directory's lock. Every changed file is first written
/// under a temporary name (see `WritableDirectory`); only when all of them are written and
/// flushed are they renamed into place, so an I/O error (a full disk, a read-only directory)
/// leaves the previous tree as it was, and a reader never sees half a file. Unchanged files are
/// not touched (bytes and mtime stay); files an earlier compile wrote that the tree no longer has
/// (a deleted host's hiera) are removed. Nothing sysinvc did not write is ever removed, and no
/// link inside the directory is ever followed.
public enum TreeWriter {
    /// Lists what sysinvc wrote into a directory, so that the next compile knows what it owns.
    public static let manifestName = ".sysinvc-files"

    public struct Report: Sendable, Equatable {
        public var written: [String] = []
        public var unchanged: [String] = []
        public var removed: [String] = []
        /// Files the previous compile wrote that could not be removed, and why.
        public var kept: [String] = []
    }

    public static func write(_ tree: RenderedTree, to directory: String) throws(FileWriteError) -> Report {
        let paths = tree.paths
        for path in paths where !isSafe(path) {
            throw FileWriteError("write", path, "output paths must stay inside \(directory)")
        }
        let output = try WritableDirectory(path: directory, create: true)
        try output.lock()
        // A first compile into a directory finds nothing to clean up, compare or remove.
        if output.isEmpty() { return try writeFresh(tree, paths: paths, into: output) }
        output.removeLeftovers()
        let previous = previousManifest(output)
        var report = Report()
        var staged: [WritableDirectory.Staged] = []
        // Comparing with what is there and staging what changed is independent per file: all
        // cores do it, each in directories of its own where it can.
        let outcomes = Parallel.map(paths, groupedBy: parentDirectory(of:)) { path -> Result<WritableDirectory.Staged?, FileWriteError> in
            let file = tree.files[path]!
            let mode: mode_t = file.secure ? 0o600 : 0o644
            if let existing = output.contents(of: path), existing.mode == mode, existing.data == file.data {
                return .success(nil)
            }
            return Result { () throws(FileWriteError) in try output.stage(file.data, as: path, mode: mode) }
        }
        for (path, outcome) in zip(paths, outcomes) {
            switch outcome {
            case .success(nil): report.unchanged.append(path)
            case let .success(file?):
                staged.append(file)
                report.written.append(path)
            case let .failure(error):
                for case let .success(file?) in outcomes { output.discard(file) }
                throw error
            }
        }
        do {
            if !staged.isEmpty {
                try output.synchronize()
                // Until the last rename, the manifest owns old and new files alike, so a run
                // killed half way leaves nothing the next compile would not clean up.
                try writeManifest(previous.isEmpty ? paths : previous.union(paths).sorted(), into: output)
            }
        } catch {
            staged.forEach(output.discard)
            throw error
        }
        // Renames in different directories do not wait for each other in the kernel: all cores
        // do them, a directory at a time. A rename that fails leaves that file as it was (its
        // staged copy is removed) and the first failure, in path order, is reported; every file
        // is old or new.
        let failures = Parallel.map(staged, groupedBy: { parentDirectory(of: $0.relative) }) { file -> FileWriteError? in
            do throws(FileWriteError) {
                try output.commit(file)
                return nil
            } catch {
                return error
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        for stale in previous.subtracting(paths).sorted() where isSafe(stale) {
            do {
                if try output.removeFile(stale) { report.removed.append(stale) }
            } catch {
                report.kept.append(error.description)
            }
        }
        try writeManifest(paths, into: output)
        return report
    }

    /// A first compile into an empty directory, which has nothing to compare with, keep or
    /// remove: every file is created under its final name in an owner-only staging directory
    /// (`WritableDirectory.makeStagingDirectory`), all are flushed with one sync, the manifest is
    /// written, and then the staging directory's top-level entries are moved into place, a
    /// rename per directory rather than per file. A run stopped before the manifest leaves only
    /// the staging directory, which the next compile removes; one stopped while moving leaves the
    /// manifest naming every file, some directories in place and the rest staged: the next
    /// compile removes the staging directory and writes what is missing. No file is ever seen
    /// half written under its final path.
    private static func writeFresh(_ tree: RenderedTree, paths: [String], into output: WritableDirectory) throws(FileWriteError) -> Report {
        let staging = try output.makeStagingDirectory()
        defer { output.removeStagingDirectory(staging.name) }
        // Files of different directories are created on different cores.
        let failures = Parallel.map(paths, groupedBy: parentDirectory(of:)) { path -> FileWriteError? in
            let file = tree.files[path]!
            do throws(FileWriteError) {
                try staging.directory.create(file.data, as: path, mode: file.secure ? 0o600 : 0o644)
                return nil
            } catch {
                return error
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        try staging.directory.synchronize()
        try writeManifest(paths, into: output)
        var moved: Set<Substring> = []
        for path in paths {
            let top = path.prefix { $0 != "/" }
            guard moved.insert(top).inserted else { continue }
            try output.adopt(String(top), from: staging.directory)
        }
        return Report(written: paths)
    }

    /// Relative, no `..`, no empty components: a host name can never write outside the tree.
    public static func isSafe(_ path: String) -> Bool {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        return !path.hasPrefix("/") && !components.isEmpty
            && components.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    /// The directory part of a relative path ("" at the top).
    private static func parentDirectory(of path: String) -> Substring {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return path[..<slash]
    }

    private static func previousManifest(_ output: WritableDirectory) -> Set<String> {
        guard let data = output.contents(of: manifestName)?.data,
              let text = String(data: data, encoding: .utf8) else { return [] }
        return Set(text.split(separator: "\n").map(String.init).filter { $0 != manifestName })
    }

    private static func writeManifest(_ paths: [String], into output: WritableDirectory) throws(FileWriteError) {
        let manifest = Data((paths.joined(separator: "\n") + "\n").utf8)
        guard output.contents(of: manifestName)?.data != manifest else { return }
        try output.commit(try output.stage(manifest, as: manifestName, mode: 0o644))
    }
}
