import Foundation
import PackagePlugin

/// Compiles the upstream data a config plugin ships unchanged into the `Plugins` module, so the
/// `sysinvc` binary needs no resource bundle beside it: `Kubernetes/Calico/calico-<version>-upstream.yaml`
/// becomes `enum CalicoUpstream { fileName, text }`.
///
/// The data folder is excluded from the target's sources; the file is found by its suffix so
/// that moving to another Calico release is replacing that one file.
@main
struct EmbedUpstreamData: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = target.directory.appending(subpath: "Kubernetes/Calico")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.string).filter { $0.hasSuffix("-upstream.yaml") }
        guard names.count == 1, let name = names.first else {
            throw UpstreamDataError("\(folder.string) must hold exactly one calico-<version>-upstream.yaml; it holds \(names.sorted())")
        }
        let input = folder.appending(subpath: name)
        let output = context.pluginWorkDirectory.appending(subpath: "CalicoUpstream.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(name)",
                executable: try context.tool(named: "EmbedText").path,
                arguments: [input.string, output.string, "CalicoUpstream"],
                inputFiles: [input],
                outputFiles: [output]
            ),
        ]
    }
}

struct UpstreamDataError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
