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

    /// Writes the edited text atomically (temporary sibling, then rename), keeping the file's mode.
    /// Refuses when the file changed since it was read, so a concurrent edit is never lost.
    public func write() throws {
        let manager = FileManager.default
        guard let current = manager.contents(atPath: file), current == Data(original.utf8) else {
            throw EditRefusal(.editInvalid, "\(file) changed while the edit was prepared; run the command again")
        }
        let mode = (try? manager.attributesOfItem(atPath: file)[.posixPermissions] as? Int) ?? 0o644
        let url = URL(fileURLWithPath: file)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).sysinvc-\(UUID().uuidString)")
        guard manager.createFile(atPath: temporary.path, contents: Data(edited.utf8), attributes: [.posixPermissions: mode]) else {
            throw EditRefusal(.editInvalid, "cannot write beside \(file); check the directory's permissions")
        }
        guard rename(temporary.path, file) == 0 else {
            try? manager.removeItem(at: temporary)
            throw EditRefusal(.editInvalid, "cannot replace \(file) (errno \(errno)); check the directory's permissions")
        }
    }
}
