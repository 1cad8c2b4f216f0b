import Foundation

/// The load stage's part beyond the inventory file: what sits beside it in the inventory tree and
/// a compile reads too. The deployer's user overrides (`helm-overrides/`) and the uploaded
/// applications (`applications/`) are read here, once, each problem a diagnostic at its file, so
/// that no later stage touches the file system.
enum InventoryTreeLoader {
    static func load(into inventory: inout Inventory, path: String, collector: inout DiagnosticCollector) {
        inventory.userOverrides = userOverrides(UserOverrideStore(inventoryPath: path), collector: &collector)
        inventory.uploadedApplications = uploadedApplications(ApplicationStore.directory(forInventory: path), collector: &collector)
    }

    /// Every stored values file; one that cannot be read or parsed is an error, never skipped:
    /// a compile without it would deploy something the deployer did not ask for.
    static func userOverrides(_ store: UserOverrideStore, collector: inout DiagnosticCollector) -> [StoredOverrides] {
        store.entries().compactMap { entry -> StoredOverrides? in
            let url = store.url(application: entry.application, chart: entry.chart, namespace: entry.namespace)
            let path = url.path
            do throws(HelmOverrideError) {
                let values = try UserOverrideStore.parse(url)
                return StoredOverrides(application: entry.application, namespace: entry.namespace, chart: entry.chart, values: values,
                                       location: SourceLocation(file: path, line: 1, column: 1))
            } catch {
                switch error {
                case let .invalidValuesFile(_, problem):
                    collector.emit(.helmUserOverrides, "user overrides are not a helm values file: \(problem.message); fix or delete the file",
                                   at: SourceLocation(file: path, line: problem.line, column: problem.column))
                default:
                    collector.emit(.helmUserOverrides, "user overrides \(error); fix or delete the file", at: SourceLocation(file: path, line: 1, column: 1))
                }
                return nil
            }
        }
    }

    /// Every application uploaded beside the inventory, read from the record and manifest the
    /// upload stored. A record or manifest that cannot be read is an error at that file: the
    /// application is never silently replaced by a built-in one of the same name.
    static func uploadedApplications(_ root: URL, collector: inout DiagnosticCollector) -> [UploadedApplication] {
        ApplicationStore.uploadedNames(in: root).compactMap { name in
            let directory = root.appendingPathComponent(name)
            // The name becomes output directories and words of armada-apply.sh: a directory made
            // by hand must follow the grammar an upload checks.
            if let problem = FieldGrammar.dnsLabel("application name").problem(name) {
                collector.emit(.uploadedApplication, "applications/ holds \(problem); remove that directory",
                               at: SourceLocation(file: directory.path, line: 1, column: 1))
                return nil
            }
            let recordPath = directory.appendingPathComponent(ApplicationStore.recordFile).path
            let manifestPath = directory.appendingPathComponent(ApplicationStore.manifestFile).path
            guard let version = recordVersion(recordPath, name: name, collector: &collector),
                  let documents = manifestDocuments(manifestPath, collector: &collector) else { return nil }
            let (application, problems) = ArmadaManifestReader.read(documents, name: name, version: version)
            for problem in problems {
                collector.emit(.uploadedApplication, "uploaded application \(name): \(problem); upload it again (application-remove, then application-upload)",
                               at: SourceLocation(file: manifestPath, line: 1, column: 1))
            }
            return application.map { UploadedApplication(manifest: $0, directory: directory.path) }
        }
    }

    /// `application.yaml`: the name it was uploaded under and its version.
    private static func recordVersion(_ path: String, name: String, collector: inout DiagnosticCollector) -> String? {
        let start = SourceLocation(file: path, line: 1, column: 1)
        let text: String
        switch InputFile.text(path) {
        case let .success(contents): text = contents
        case let .failure(refusal):
            collector.emit(.uploadedApplication, "the record of uploaded application \(name) \(refusal.message)", at: start)
            return nil
        }
        let (node, diagnostics) = YAMLReader.read(text, file: path)
        guard let node else {
            collector.append(contentsOf: diagnostics)
            return nil
        }
        guard case let .mapping(pairs, _) = node else {
            collector.emit(.uploadedApplication, "the record of uploaded application \(name) must be a mapping with name and version", at: node.location)
            return nil
        }
        func scalar(_ key: String) -> SourceScalar? {
            if case let .scalar(value)? = pairs.first(where: { $0.key.value == key })?.value, value.kind != .null { return value }
            return nil
        }
        guard let recorded = scalar("name"), recorded.text == name else {
            collector.emit(.uploadedApplication, "the record names no application \(name) (it was renamed or edited); upload the application again",
                           at: pairs.first { $0.key.value == "name" }?.value.location ?? start)
            return nil
        }
        guard let version = scalar("version") else {
            collector.emit(.uploadedApplication, "the record of uploaded application \(name) gives no version; upload the application again", at: start)
            return nil
        }
        if let problem = FieldGrammar.applicationVersion.problem(version.text) {
            collector.emit(.uploadedApplication, "version \(problem)", at: version.location)
            return nil
        }
        return version.text
    }

    private static func manifestDocuments(_ path: String, collector: inout DiagnosticCollector) -> [YAMLValue]? {
        switch InputFile.text(path) {
        case let .success(text):
            do {
                return try ValuesFile.documents(text)
            } catch {
                collector.emit(.uploadedApplication, "the stored armada manifest is not YAML: \(error.message)",
                               at: SourceLocation(file: path, line: error.line, column: error.column))
                return nil
            }
        case let .failure(refusal):
            collector.emit(.uploadedApplication, "the stored armada manifest \(refusal.message)", at: SourceLocation(file: path, line: 1, column: 1))
            return nil
        }
    }
}

/// One chart's stored user overrides, as the load stage read them.
public struct StoredOverrides: Sendable {
    public let application: String
    public let namespace: String
    public let chart: String
    public let values: [String: YAMLValue]
    public let location: SourceLocation
}
