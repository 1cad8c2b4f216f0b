import Foundation

/// Uploaded applications, kept in the inventory tree beside the inventory file:
/// `applications/<name>/` holds the tarball as uploaded, its manifest, and `application.yaml`
/// (name, version, charts). An uploaded application replaces the built-in one of the same name
/// (`ApplicationCatalog`); the load stage reads what is stored here.
public enum ApplicationStore {
    public struct Refused: Error, CustomStringConvertible {
        public let description: String
    }

    public static func directory(forInventory inventory: String) -> URL {
        URL(fileURLWithPath: inventory).deletingLastPathComponent().appendingPathComponent("applications")
    }

    /// Registers a checked tarball. The application's directory is built under a name of its
    /// own beside its final place, its files written as every file is (`WritableDirectory`), and
    /// renamed into place only when complete, so a failed or killed upload registers nothing.
    public static func register(_ tarball: ApplicationTarball, inventory: String) throws {
        guard HostnameRules.problem(tarball.name) == nil else {
            throw Refused(description: "application name \(tarball.name) cannot name a directory; use lowercase letters, digits and '-'")
        }
        let root = directory(forInventory: inventory)
        guard !FileManager.default.fileExists(atPath: root.appendingPathComponent(tarball.name).path) else {
            throw Refused(description: "application \(tarball.name) is already uploaded; remove it first with sysinvc application-remove \(tarball.name)")
        }
        let store = try WritableDirectory(path: root.path, create: true)
        let staging = ".\(tarball.name).uploading-\(getpid())-\(String(UInt64.random(in: .min ... .max), radix: 16))"
        let record: YAMLValue = ["name": .string(tarball.name), "version": .string(tarball.version),
                                 "charts": .map(tarball.charts.mapValues(YAMLValue.string))]
        let files = [("\(tarball.name)-\(tarball.version).tgz", tarball.archive), (manifestFile, Data(tarball.manifestText.utf8)),
                     (recordFile, Data(YAMLRenderer.render(record).utf8))]
        do {
            for (name, data) in files {
                try store.commit(try store.stage(data, as: "\(staging)/\(name)", mode: 0o644))
            }
            try store.synchronize()
            try store.renameDirectory(staging, to: tarball.name)
        } catch {
            try? FileManager.default.removeItem(at: root.appendingPathComponent(staging))
            throw error
        }
    }

    /// The record of what was uploaded (name, version, charts) and the armada manifest.
    static let recordFile = "application.yaml"
    static let manifestFile = "manifest.yaml"

    /// The applications uploaded beside the inventory, by name; the load stage reads them.
    public static func uploaded(inventory: String) -> [String] {
        uploadedNames(in: directory(forInventory: inventory))
    }

    static func uploadedNames(in root: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Whether the inventory lists the application as applied. Read from the inventory as loaded,
    /// whatever else is wrong with it, so that an applied application is never removed from
    /// under an inventory that is being repaired.
    public static func isApplied(_ name: String, inventory: String) -> Bool {
        applied(inventory: inventory).contains(name)
    }

    /// The names of every application the inventory applies, read once.
    public static func applied(inventory: String) -> Set<String> {
        Set(InventoryLoader.load(path: inventory).inventory?.applications.filter(\.applied).map(\.name.value) ?? [])
    }

    public static func remove(_ name: String, inventory: String) throws {
        let names = uploaded(inventory: inventory)
        guard names.contains(name) else {
            throw Refused(description: "no uploaded application \(name); uploaded: \(names.joined(separator: ", "))")
        }
        try FileManager.default.removeItem(at: directory(forInventory: inventory).appendingPathComponent(name))
    }
}
