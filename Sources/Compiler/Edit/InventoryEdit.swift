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
        do {
            try AtomicFile.replace(target, with: Data(edited.utf8), mode: mode)
        } catch {
            throw EditRefusal(.editInvalid, "\(error); nothing was changed")
        }
    }
}
