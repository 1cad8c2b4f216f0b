import Foundation

/// Compares a rendered tree with an expected (golden) directory, file by file, byte by byte.
public enum GoldenCheck {
    public struct Result: Sendable {
        /// Unified diffs, one per differing file, in path order.
        public let differences: [String]
        public var matches: Bool { differences.isEmpty }
    }

    public struct MissingGolden: Error, CustomStringConvertible {
        public let directory: String
        public var description: String {
            "\(directory) is not a directory; give --golden the directory of an expected output tree"
        }
    }

    /// With `secrets`, every secret in either tree is masked in the diffs (a file whose only
    /// change is a secret says so without showing it); without, diffs show everything.
    public static func compare(_ tree: RenderedTree, with directory: String, secrets: SecretLines? = nil) throws(MissingGolden) -> Result {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw MissingGolden(directory: directory)
        }
        let root = URL(fileURLWithPath: directory)
        let expectedPaths = listFiles(root)
        var differences: [String] = []
        for path in Set(expectedPaths).union(tree.paths).sorted() {
            let expected = expectedPaths.contains(path) ? FileManager.default.contents(atPath: root.appendingPathComponent(path).path) : nil
            let actual = tree.files[path]?.data
            if expected == actual { continue }
            var old = expected.map { String(decoding: $0, as: UTF8.self) } ?? ""
            var new = actual.map { String(decoding: $0, as: UTF8.self) } ?? ""
            if let secrets {
                old = secrets.mask(other: old, path: path)
                new = secrets.mask(own: new, path: path)
            }
            let onlyIn = expected == nil ? "the compiled tree" : actual == nil ? directory : nil
            differences.append(UnifiedDiff.diff(old: old, new: new, oldName: path, newName: path)
                ?? onlyIn.map { "Only in \($0): \(path) (empty)\n" }
                ?? "--- a/\(path)\n+++ b/\(path)\nsecret values differ (masked; --reveal shows them)\n")
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
