import ArgumentParser
import Compiler
import Foundation
import Plugins

/// The inventory a host command edits.
struct InventoryOption: ParsableArguments {
    @Option(name: .shortAndLong, help: "The inventory file (hosts in its included files are edited there).")
    var inventory: String = "inventory.yaml"

    func editor() throws -> HostEditor {
        try refusing { try HostEditor(path: inventory, pipeline: .standard()) }
    }

    /// Reads, checks and writes one edit while holding the inventory's lock, so that edits
    /// running at the same time take turns and none is lost.
    func edit(_ makeEdit: (HostEditor) throws -> InventoryEdit) throws {
        let lock = lockInventory(inventory, exclusive: true)
        defer { withExtendedLifetime(lock) {} }
        let editor = try editor()
        try apply { try makeEdit(editor) }
    }
}

/// Runs an edit: prints its warnings, writes it, says what changed. A refusal prints the
/// diagnostics and exits 2 with every file untouched.
func refusing<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let refusal as EditRefusal {
        printDiagnostics(refusal.diagnostics)
        throw ExitCode(Status.invalidInput)
    }
}

func apply(_ makeEdit: () throws -> InventoryEdit) throws {
    try refusing {
        let edit = try makeEdit()
        for warning in edit.warnings where warning.severity == .warning {
            FileHandle.standardError.write(Data((warning.description + "\n").utf8))
        }
        try edit.write()
        print(edit.summary)
    }
}

struct HostLabelAssign: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "host-label-assign",
        abstract: "Assign Kubernetes labels to a locked host.")

    @OptionGroup var options: InventoryOption
    @Argument(help: "The host.") var host: String
    @Argument(help: "Labels as KEY=VALUE, e.g. openstack-compute-node=enabled.") var labels: [String]
    @Flag(help: "Replace the value of a key the host already has.") var overwrite = false

    func run() throws {
        try options.edit { try $0.assignLabels(host, labels, overwrite: overwrite) }
    }
}

struct HostLabelRemove: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "host-label-remove",
        abstract: "Remove labels (by key) from a locked host.")

    @OptionGroup var options: InventoryOption
    @Argument(help: "The host.") var host: String
    @Argument(help: "Label keys to remove.") var keys: [String]

    func run() throws {
        try options.edit { try $0.removeLabels(host, keys) }
    }
}

struct HostLabelList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "host-label-list", abstract: "List a host's labels.")

    enum Format: String, ExpressibleByArgument {
        case table, json, yaml
    }

    @OptionGroup var options: InventoryOption
    @Argument(help: "The host.") var host: String
    @Option(help: "table, json or yaml") var format: Format = .table

    func run() throws {
        let labels = try refusing { try options.editor().labels(of: host) }
        let rows: [YAMLValue] = labels.map { .map(["hostname": .string(host), "label_key": .string($0.key), "label_value": .string($0.value)]) }
        switch format {
        case .table:
            print(Table(headers: ["hostname", "label key", "label value"], rows: labels.map { [host, $0.key, $0.value] }).rendered, terminator: "")
        case .yaml:
            print(YAMLRenderer.render(.list(rows)), terminator: "")
        case .json:
            let objects = labels.map { ["hostname": host, "label_key": $0.key, "label_value": $0.value] }
            let data = try JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            print(objects.isEmpty ? "[]" : String(decoding: data, as: UTF8.self))
        }
    }
}

struct HostUpdate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "host-update",
        abstract: "Change a host's board management: bm_type, bm_ip, bm_username, bm_system_id.",
        discussion: """
            As `system host-update`: bm_type=none deprovisions the board and removes bm_ip, bm_username and bm_system_id; \
            FIELD= removes one field. The BMC password is the secret bm/<host>; set it in the secrets file, never on the command line.
            """)

    @OptionGroup var options: InventoryOption
    @Argument(help: "The host.") var host: String
    @Argument(help: "Fields as KEY=VALUE, e.g. bm_type=ipmi bm_ip=10.10.20.5 bm_username=root.") var fields: [String] = []

    func run() throws {
        try options.edit { try $0.update(host, fields) }
    }
}

struct HostLock: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "host-lock",
        abstract: "Lock a host (administrative: locked), so that its labels can change.")

    @OptionGroup var options: InventoryOption
    @Argument(help: "The host.") var host: String

    func run() throws {
        try options.edit { try $0.lock(host) }
    }
}

struct HostUnlock: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "host-unlock",
        abstract: "Unlock a host; refused while its labels or configuration are invalid.")

    @OptionGroup var options: InventoryOption
    @Argument(help: "The host.") var host: String

    func run() throws {
        try options.edit { try $0.unlock(host) }
    }
}

struct HostAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "host-add",
        abstract: "Add a host, locked: from a YAML file holding one host mapping, or from flags.",
        discussion: "Give --file, or --hostname and --personality. Configure the host (interfaces, CPUs) while it is locked, then unlock it.")

    @OptionGroup var options: InventoryOption
    @Option(help: "A YAML file holding one host mapping; its comments are kept.") var file: String?
    @Option(help: "The new host's name.") var hostname: String?
    @Option(help: "controller, worker or storage") var personality: String?
    @Option(help: "Comma-separated subfunctions, e.g. worker,lowlatency.") var subfunctions: String?
    @Option(name: .customLong("mgmt-mac"), help: "MAC of the port the host boots from on the management network.") var mgmtMAC: String?
    @Option(name: [.customShort("T"), .customLong("bm-type")], help: "Board management: none, ipmi, redfish or dynamic (as system host-add -T).")
    var bmType: String?
    @Option(name: [.customShort("I"), .customLong("bm-ip")], help: "The BMC's address (as system host-add -I).") var bmIP: String?
    @Option(name: [.customShort("U"), .customLong("bm-username")], help: "The BMC user (as system host-add -U); its password is the secret bm/<host>.")
    var bmUsername: String?

    var boardFields: [(String, String)] {
        [("bm_type", bmType), ("bm_ip", bmIP), ("bm_username", bmUsername)].compactMap { field in field.1.map { (field.0, $0) } }
    }

    func validate() throws {
        if file != nil && (hostname != nil || personality != nil || subfunctions != nil || mgmtMAC != nil || !boardFields.isEmpty) {
            throw ValidationError("give either --file or the host's flags, not both")
        }
        if file == nil && (hostname == nil || personality == nil) {
            throw ValidationError("give --file FRAGMENT.yaml, or --hostname and --personality")
        }
    }

    func run() throws {
        if let file {
            guard case let .success(text) = InputFile.text(file) else {
                fail("cannot read \(file): give a regular, readable UTF-8 YAML file holding one host mapping")
            }
            try options.edit { try $0.add(fragment: text, from: file) }
        } else {
            let functions = subfunctions.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
            try options.edit {
                try $0.add(hostname: hostname!, personality: personality!, subfunctions: functions, mgmtMAC: mgmtMAC, board: boardFields)
            }
        }
    }
}

struct HostDelete: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "host-delete",
        abstract: "Delete a locked host; its files leave the next compiled tree.")

    @OptionGroup var options: InventoryOption
    @Argument(help: "The host.") var host: String

    func run() throws {
        try options.edit { try $0.delete(host) }
    }
}

struct HostExport: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "host-export",
        abstract: "Write the inventory's hosts as a node list TripleO and Ironic import (instackenv.json).",
        discussion: """
            One node per host: its BMC as the driver (none: manual-management; dynamic: redfish when bm_system_id is given, \
            else ipmi), its management MAC as the PXE port. On standard output the BMC passwords are masked unless --reveal; \
            with --output they are written, in a file of mode 0600.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case instackenv }

    @Option(name: .shortAndLong, help: "The inventory file.") var inventory: String = "inventory.yaml"
    @Option(help: "The node list's format.") var format: Format = .instackenv
    @Option(name: .shortAndLong, help: "Write the node list, passwords included, to this file (mode 0600) instead of standard output.")
    var output: String?
    @Flag(help: "Show the BMC passwords on standard output.") var reveal = false
    @OptionGroup var flags: CompileFlags

    func run() throws {
        let result = try runPipeline(flags.pipeline, inventory: inventory)
        let secrets = result.secrets!
        let showsPasswords = reveal || output != nil
        let export = NodesExport.nodes(result.inventory!) { host in
            showsPasswords ? secrets.bmcPassword(host.name, of: result.inventory!.inventory) : SecretMask.mask
        }
        printDiagnostics(export.diagnostics)
        guard let document = export.document else { throw ExitCode(Status.invalidInput) }
        let text = JSONRenderer.render(document)
        guard let output else {
            print(text, terminator: "")
            return
        }
        do {
            try AtomicFile.replace(output, with: Data(text.utf8), mode: 0o600)
        } catch {
            fail("\(error)")
        }
        print("\(output): \(result.inventory!.hosts.count) nodes (mode 0600: it holds the BMC passwords)")
    }
}

struct HostImport: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "host-import",
        abstract: "Add the nodes of an instackenv.json / nodes.json as locked hosts.",
        discussion: """
            Either shape: {"nodes": [...]} or a bare list. TripleO's own rules apply first, every problem is reported with \
            the node's index and name, and nothing is written on any error. A node's name becomes the host's, its pm_* fields \
            its board management, its first port its management MAC; what a host cannot hold is a warning (NODE004). \
            A node's pm_password goes to the inventory's secrets file (secrets.overrides) as bm/<host>, mode 0600.
            """)

    @OptionGroup var options: InventoryOption
    @Argument(help: "The node file.") var file: String

    func run() throws {
        let text: String
        switch InputFile.text(file) {
        case let .success(contents): text = contents
        case let .failure(refusal): fail("\(file) \(refusal.message)")
        }
        try options.edit { try $0.importNodes(text, from: file) }
    }
}
