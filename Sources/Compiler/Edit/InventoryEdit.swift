import Foundation

/// A checked change to one inventory file, ready to be written.
public struct InventoryEdit: Sendable {
    public let file: String
    public let original: String
    public let edited: String
    /// What changed, in a line for the user.
    public let summary: String
    /// Warnings of the edited inventory (a label synonym, a locked host still being configured).
    public let warnings: [Diagnostic]
    /// Secrets the edit adds to the inventory's secrets file (BMC passwords of imported hosts),
    /// written after the inventory, owner-only.
    public var secrets: SecretsFileEdit? = nil

    /// Writes the edited text atomically, keeping the file's mode. Refuses when the file changed
    /// since it was read; callers hold the inventory's lock (`FileLock.inventory`) from before
    /// they read it, so a concurrent edit waits instead of being lost.
    public func write() throws(EditRefusal) {
        guard case let .success(current) = InputFile.bytes(file, limit: YAMLLimits.fileBytes), current == Data(original.utf8) else {
            throw EditRefusal(.editInvalid, "\(file) changed while the edit was prepared; run the command again")
        }
        var status = stat()
        let mode = stat(file, &status) == 0 ? status.st_mode & 0o777 : 0o644
        // An inventory reached through a link is edited where it lives; the link stays a link.
        let target = URL(fileURLWithPath: file).resolvingSymlinksInPath().path
        if let secrets {
            guard case let .success(current) = InputFile.bytes(secrets.path, limit: YAMLLimits.fileBytes), current == Data(secrets.original.utf8) else {
                throw EditRefusal(.editInvalid, "\(secrets.path) changed while the edit was prepared; run the command again")
            }
        }
        do {
            try AtomicFile.replace(target, with: Data(edited.utf8), mode: mode)
        } catch {
            throw EditRefusal(.editInvalid, "\(error); nothing was changed")
        }
        guard let secrets else { return }
        do {
            // A secrets file is owner-only, whatever mode it had.
            try AtomicFile.replace(URL(fileURLWithPath: secrets.path).resolvingSymlinksInPath().path, with: Data(secrets.edited.utf8), mode: 0o600)
        } catch {
            throw EditRefusal(.editInvalid, "\(file) was changed, but \(secrets.path) could not be: \(error); set the secrets it names by hand")
        }
    }
}

/// New entries of a secrets file: its text as read and as it is to be written.
public struct SecretsFileEdit: Sendable {
    public let path: String
    public let original: String
    public let edited: String
}
