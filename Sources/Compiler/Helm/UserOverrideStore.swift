import Foundation

/// The deployer's overrides, kept beside the inventory so they live in the same git history:
/// `<inventory dir>/helm-overrides/<app>/<namespace>/<chart>.yaml`, one plain helm values file
/// each (sysinv's `helm_overrides.user_overrides` column). Files are replaced atomically; a chart
/// without user overrides has no file.
public struct UserOverrideStore: Sendable {
    public static let directoryName = "helm-overrides"

    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    /// The store of the inventory at `inventoryPath`.
    public init(inventoryPath: String) {
        let directory = URL(fileURLWithPath: inventoryPath).deletingLastPathComponent()
        self.init(root: directory.appendingPathComponent(Self.directoryName))
    }

    /// One stored file, named by where it sits.
    public struct Entry: Sendable, Equatable {
        public let application: String
        public let namespace: String
        public let chart: String
    }

    public func url(application: String, chart: String, namespace: String) -> URL {
        root.appendingPathComponent(application).appendingPathComponent(namespace).appendingPathComponent(chart + ".yaml")
    }

    /// The stored overrides, or nil when there are none.
    public func read(application: String, chart: String, namespace: String) throws(HelmOverrideError) -> [String: YAMLValue]? {
        let url = url(application: application, chart: chart, namespace: namespace)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try Self.parse(url)
    }

    static func parse(_ url: URL) throws(HelmOverrideError) -> [String: YAMLValue] {
        let text: String
        switch InputFile.text(url.path) {
        case let .success(contents): text = contents
        case let .failure(refusal): throw .unreadableFile(path: url.path, reason: refusal.message)
        }
        do {
            return try ValuesFile.parse(text)
        } catch {
            throw .invalidValuesFile(path: url.path, error)
        }
    }

    /// Stores `values`; an empty map removes the file, as sysinv clears the column.
    public func write(_ values: [String: YAMLValue], application: String, chart: String, namespace: String) throws {
        let url = url(application: application, chart: chart, namespace: namespace)
        guard !values.isEmpty else {
            try delete(application: application, chart: chart, namespace: namespace)
            return
        }
        // 0600 from the first moment: user overrides may carry passwords.
        try AtomicFile.replace(url.path, with: Data(YAMLRenderer.render(.map(values)).utf8), mode: 0o600, createDirectories: true)
    }

    /// Removes the chart's user overrides and the directories left empty; false if there were none.
    @discardableResult
    public func delete(application: String, chart: String, namespace: String) throws -> Bool {
        let url = url(application: application, chart: chart, namespace: namespace)
        guard let store = try? WritableDirectory(path: root.path, create: false),
              try store.removeFile("\(application)/\(namespace)/\(chart).yaml") else { return false }
        // rmdir removes a directory only while it is empty, so nothing else can go with it.
        var directory = url.deletingLastPathComponent()
        while directory.path.count >= root.path.count, rmdir(directory.path) == 0 {
            directory = directory.deletingLastPathComponent()
        }
        return true
    }

    /// Every stored file, sorted by application, namespace and chart.
    public func entries() -> [Entry] {
        let manager = FileManager.default
        func children(_ url: URL) -> [String] {
            ((try? manager.contentsOfDirectory(atPath: url.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        }
        var found: [Entry] = []
        for application in children(root) {
            let applicationURL = root.appendingPathComponent(application)
            for namespace in children(applicationURL) {
                for file in children(applicationURL.appendingPathComponent(namespace)) where file.hasSuffix(".yaml") {
                    found.append(Entry(application: application, namespace: namespace, chart: String(file.dropLast(5))))
                }
            }
        }
        return found
    }
}
