/// The generate stage's result: every output file by relative path, still as values.
public struct OutputTree: Sendable {
    public private(set) var files: [String: OutputFile] = [:]
    /// Hiera documents with provenance, for `explain`.
    public private(set) var hiera: [HieraFile: HieraDocument] = [:]
    /// The helm stage's overrides of every chart of every applied application.
    public internal(set) var charts: [ChartOverrides] = []
    /// What plugins noticed about their own output; never errors.
    public internal(set) var warnings: [Diagnostic] = []

    public init() {}

    /// Adds a file; a second file at the same path (a host named like a platform file, two
    /// plugins claiming one file) stops generation rather than silently replacing the first.
    public mutating func add(_ file: OutputFile) throws(OutputPathCollision) {
        guard files[file.path] == nil else { throw OutputPathCollision(path: file.path) }
        files[file.path] = file
    }

    mutating func setHiera(_ document: HieraDocument, for file: HieraFile, path: String) throws(OutputPathCollision) {
        hiera[file] = document
        try add(OutputFile(path: path, content: .yaml(.map(document.values)), secure: file.isSecure))
    }

    public var paths: [String] { files.keys.sorted() }
}

public struct OutputPathCollision: Error, CustomStringConvertible {
    public let path: String
    public var description: String {
        "two outputs would be written to \(path); rename the host or application whose name produces it"
    }
}

public struct OutputFile: Sendable {
    public enum Content: Sendable {
        case yaml(YAMLValue)
        case yamlDocuments([YAMLValue])
        case text(String)
    }

    /// Relative to the output directory, '/'-separated.
    public let path: String
    public let content: Content
    /// Holds secrets: mode 0600.
    public let secure: Bool

    public init(path: String, content: Content, secure: Bool = false) {
        self.path = path
        self.content = content
        self.secure = secure
    }
}

public struct CompileOptions: Sendable {
    /// How host hiera files are named: sysinv 2019 used the management address.
    public enum HostFileNaming: String, Sendable, CaseIterable {
        case hostname
        case mgmtIP = "mgmt-ip"
    }

    public var hostFileNaming: HostFileNaming
    /// A directory of charts (`<dir>/<chart>/values.yaml`) to check overrides against.
    public var chartsDirectory: String?

    public init(hostFileNaming: HostFileNaming = .hostname, chartsDirectory: String? = nil) {
        self.hostFileNaming = hostFileNaming
        self.chartsDirectory = chartsDirectory
    }
}
