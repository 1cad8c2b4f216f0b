import Foundation

/// Compares a rendered tree with an expected (golden) directory, file by file.
public enum GoldenCheck {
    public struct Result: Sendable {
        /// Unified diffs, one per differing file, in path order.
        public let differences: [String]
        public var matches: Bool { differences.isEmpty }
    }

    public static func compare(_ tree: RenderedTree, with directory: String) -> Result {
        let root = URL(fileURLWithPath: directory)
        let expectedPaths = listFiles(root)
        var differences: [String] = []
        for path in Set(expectedPaths).union(tree.paths).sorted() {
            let expected = FileManager.default.contents(atPath: root.appendingPathComponent(path).path).flatMap { String(data: $0, encoding: .utf8) }
            let actual = tree.files[path]?.text
            if expected == actual { continue }
            let diff = UnifiedDiff.diff(old: expected ?? "", new: actual ?? "",
                                        oldName: path, newName: path)
            if let diff { differences.append(diff) }
        }
        return Result(differences: differences)
    }

    /// Regular files under `root`, relative, sorted; the writer's manifest is not content.
    static func listFiles(_ root: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var paths: [String] = []
        let prefix = root.standardizedFileURL.path + "/"
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = String(url.standardizedFileURL.path.dropFirst(prefix.count))
            if path != TreeWriter.manifestName { paths.append(path) }
        }
        return paths.sorted()
    }
}
