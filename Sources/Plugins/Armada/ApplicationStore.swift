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
        let files = [("\(tarball.name)-\(tarball.version).tgz", tarball.archive), ("manifest.yaml", Data(tarball.manifestText.utf8)),
                     ("application.yaml", Data(YAMLRenderer.render(record).utf8))]
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
