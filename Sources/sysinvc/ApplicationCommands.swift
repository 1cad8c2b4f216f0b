import ArgumentParser
import Compiler
import Foundation
import Plugins

struct ApplicationUpload: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "application-upload",
        abstract: "Check an application tarball and register it in the inventory tree.",
        discussion: "The tarball holds metadata.yaml (app_name, app_version), charts/<chart>-<version>.tgz and one armada manifest under manifests/. A broken tarball is refused with every problem listed, and nothing is registered."
    )

    @Argument(help: "The application tarball (.tgz).") var tarball: String
    @Option(name: .shortAndLong, help: "The inventory file; applications are kept beside it.") var inventory: String = "inventory.yaml"

    func run() throws {
        let lock = lockInventory(inventory, exclusive: true)
        defer { withExtendedLifetime(lock) {} }
        do {
            let application = try ApplicationTarball.read(tarball)
            try ApplicationStore.register(application, inventory: inventory)
            print("\(application.name) \(application.version) uploaded: \(application.charts.count) charts, \(application.application.groups.count) chart groups")
            if !ApplicationStore.isApplied(application.name, inventory: inventory) {
                print("apply it by listing {name: \(application.name), applied: true} under applications in \(inventory)")
            }
        } catch let refused as ApplicationTarball.Refused {
            FileHandle.standardError.write(Data("\(refused)\n".utf8))
            throw ExitCode(Status.invalidInput)
        } catch let refused as ApplicationStore.Refused {
            FileHandle.standardError.write(Data("\(refused)\n".utf8))
            throw ExitCode(Status.invalidInput)
        } catch let failure as FileWriteError {
            fail("\(failure); nothing was registered")
        }
    }
}

struct ApplicationList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "application-list", abstract: "List applications: built-in and uploaded, and whether the inventory applies them.")

    @Option(name: .shortAndLong, help: "The inventory file.") var inventory: String = "inventory.yaml"
    @Option(help: "table or json") var format: OutputFormat = .table

    func run() throws {
        let (catalog, diagnostics) = Pipeline.standard().catalog(inventory: inventory)
        printDiagnostics(diagnostics)
        let applied = ApplicationStore.applied(inventory: inventory)
        let rows = catalog.applications.sorted { $0.name < $1.name }.map { application in
            ["application": application.name, "version": application.version,
             "source": application.origin == .builtIn ? "built-in" : "uploaded",
             "status": applied.contains(application.name) ? "applied" : "uploaded"]
        }
        switch format {
        case .json:
            let data = try JSONSerialization.data(withJSONObject: rows, options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        case .table:
            print(Table(headers: ["application", "version", "source", "status"], rows: rows.map { row in
                ["application", "version", "source", "status"].map { row[$0] ?? "" }
            }).rendered, terminator: "")
        }
    }
}

struct ApplicationRemove: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "application-remove", abstract: "Remove an uploaded application from the inventory tree.")

    @Argument(help: "The application name.") var name: String
    @Option(name: .shortAndLong, help: "The inventory file.") var inventory: String = "inventory.yaml"

    func run() throws {
        let lock = lockInventory(inventory, exclusive: true)
        defer { withExtendedLifetime(lock) {} }
        if ApplicationStore.isApplied(name, inventory: inventory) {
            FileHandle.standardError.write(Data("\(name) is applied in \(inventory); set applied: false there first\n".utf8))
            throw ExitCode(Status.invalidInput)
        }
        do {
            try ApplicationStore.remove(name, inventory: inventory)
        } catch let refused as ApplicationStore.Refused {
            FileHandle.standardError.write(Data("\(refused)\n".utf8))
            throw ExitCode(Status.invalidInput)
        }
        print("\(name) removed")
    }
}
