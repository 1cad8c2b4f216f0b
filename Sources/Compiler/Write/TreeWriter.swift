import Foundation

/// The write stage. Each file goes to a temporary sibling and is renamed into place, so a reader
/// never sees half a file; unchanged files are not touched (bytes and mtime stay); files an
/// earlier compile wrote that the tree no longer has (a deleted host's hiera) are removed. Files
/// sysinvc did not write are never removed.
public enum TreeWriter {
    /// Lists what sysinvc wrote into a directory, so that the next compile knows what it owns.
    public static let manifestName = ".sysinvc-files"

    public struct Report: Sendable, Equatable {
        public var written: [String] = []
        public var unchanged: [String] = []
        public var removed: [String] = []
    }

    public struct WriteError: Error, CustomStringConvertible {
        public let description: String
    }

    public static func write(_ tree: RenderedTree, to directory: String) throws -> Report {
        let manager = FileManager.default
        for path in tree.paths where !isSafe(path) {
            throw WriteError(description: "refusing to write \(path): output paths must stay inside \(directory)")
        }
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let root = URL(fileURLWithPath: directory)
        var report = Report()
        for path in tree.paths {
            let file = tree.files[path]!
            let url = root.appendingPathComponent(path)
            let mode: Int = file.secure ? 0o600 : 0o644
            if let existing = manager.contents(atPath: url.path), existing == file.data,
               let attributes = try? manager.attributesOfItem(atPath: url.path),
               (attributes[.posixPermissions] as? Int) == mode {
                report.unchanged.append(path)
                continue
            }
            try replace(url, with: file.data, mode: mode)
            report.written.append(path)
        }
        let owned = Set(tree.paths)
        for stale in previousManifest(root).subtracting(owned).sorted() where isSafe(stale) {
            let url = root.appendingPathComponent(stale)
            if manager.fileExists(atPath: url.path) {
                try manager.removeItem(at: url)
                report.removed.append(stale)
            }
        }
        let manifest = tree.paths.joined(separator: "\n") + "\n"
        let manifestURL = root.appendingPathComponent(manifestName)
        if manager.contents(atPath: manifestURL.path) != Data(manifest.utf8) {
            try replace(manifestURL, with: Data(manifest.utf8), mode: 0o644)
        }
        return report
    }

    /// Relative, no `..`, no empty components: a host name can never write outside the tree.
    public static func isSafe(_ path: String) -> Bool {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        return !path.hasPrefix("/") && !components.isEmpty
            && components.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    private static func previousManifest(_ root: URL) -> Set<String> {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(manifestName).path),
              let text = String(data: data, encoding: .utf8) else { return [] }
        return Set(text.split(separator: "\n").map(String.init))
    }

    private static func replace(_ url: URL, with data: Data, mode: Int) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).sysinvc-tmp")
        // Created with its final mode, so a secret is never readable by others, not even briefly.
        guard manager.createFile(atPath: temporary.path, contents: data, attributes: [.posixPermissions: mode]) else {
            throw WriteError(description: "cannot write \(temporary.path)")
        }
        try manager.setAttributes([.posixPermissions: mode], ofItemAtPath: temporary.path)
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? manager.removeItem(at: temporary)
            throw WriteError(description: "cannot move \(temporary.path) into place: \(reason)")
        }
    }
}
