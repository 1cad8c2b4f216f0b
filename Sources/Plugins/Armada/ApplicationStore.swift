import Compiler
import Foundation

/// Uploaded applications, kept in the inventory tree beside the inventory file:
/// `applications/<name>/` holds the tarball as uploaded, its manifest, and `application.yaml`
/// (name, version, charts). An uploaded application replaces the built-in one of the same name.
public enum ApplicationStore {
    public struct Registered: Equatable, Sendable {
        public let name: String
        public let version: String
        public let charts: [String: String]
    }

    public struct Refused: Error, CustomStringConvertible {
        public let description: String
    }

    public static func directory(forInventory inventory: String) -> URL {
        URL(fileURLWithPath: inventory).deletingLastPathComponent().appendingPathComponent("applications")
    }

    /// Registers a checked tarball. The application's directory is built beside its final place
    /// and renamed into it, so a failed upload leaves nothing behind.
    public static func register(_ tarball: ApplicationTarball, inventory: String) throws {
        guard HostnameRules.problem(tarball.name) == nil else {
            throw Refused(description: "application name \(tarball.name) cannot name a directory; use lowercase letters, digits and '-'")
        }
        let root = directory(forInventory: inventory)
        let target = root.appendingPathComponent(tarball.name)
        let manager = FileManager.default
        guard !manager.fileExists(atPath: target.path) else {
            throw Refused(description: "application \(tarball.name) is already uploaded; remove it first with sysinvc application-remove \(tarball.name)")
        }
        let staging = root.appendingPathComponent(".\(tarball.name).uploading")
        try? manager.removeItem(at: staging)
        try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            try tarball.archive.write(to: staging.appendingPathComponent("\(tarball.name)-\(tarball.version).tgz"))
            try Data(tarball.manifestText.utf8).write(to: staging.appendingPathComponent("manifest.yaml"))
            let record: YAMLValue = ["name": .string(tarball.name), "version": .string(tarball.version),
                                     "charts": .map(tarball.charts.mapValues(YAMLValue.string))]
            try Data(YAMLRenderer.render(record).utf8).write(to: staging.appendingPathComponent("application.yaml"))
            try manager.moveItem(at: staging, to: target)
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
    }

    public static func registered(inventory: String) -> [Registered] {
        let root = directory(forInventory: inventory)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().compactMap { name in
            let file = root.appendingPathComponent(name).appendingPathComponent("application.yaml")
            guard case let .success(text) = InputFile.text(file.path), let record = try? ValuesFile.parse(text),
                  case let .string(version)? = record["version"] else { return nil }
            var charts: [String: String] = [:]
            if case let .map(recorded)? = record["charts"] {
                charts = recorded.compactMapValues { ArmadaManifestReader.string($0) }
            }
            return Registered(name: name, version: version, charts: charts)
        }
    }

    /// A registered application, read from its stored manifest.
    public static func application(_ record: Registered, inventory: String) -> ArmadaApplication? {
        let name = record.name
        let manifest = directory(forInventory: inventory).appendingPathComponent(name).appendingPathComponent("manifest.yaml")
        guard case let .success(text) = InputFile.text(manifest.path), let documents = try? ValuesFile.documents(text) else { return nil }
        return ArmadaManifestReader.read(documents, name: name, version: record.version).application
    }

    public static func remove(_ name: String, inventory: String) throws {
        guard registered(inventory: inventory).contains(where: { $0.name == name }) else {
            throw Refused(description: "no uploaded application \(name); uploaded: \(registered(inventory: inventory).map(\.name).joined(separator: ", "))")
        }
        try FileManager.default.removeItem(at: directory(forInventory: inventory).appendingPathComponent(name))
    }
}
