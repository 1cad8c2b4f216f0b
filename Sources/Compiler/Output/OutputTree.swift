/// The generate stage's result: every output file by relative path, still as values.
public struct OutputTree: Sendable {
    public private(set) var files: [String: OutputFile] = [:]
    /// Hiera documents with provenance, for `explain`.
    public private(set) var hiera: [HieraFile: HieraDocument] = [:]
    /// The helm stage's overrides of every chart of every applied application.
    public internal(set) var charts: [ChartOverrides] = []
    /// What plugins noticed about their own output; never errors.
    public internal(set) var warnings: [Diagnostic] = []
    /// The plugin that wrote each file other than hiera (hiera files are every plugin's; their
    /// keys carry provenance instead).
    public private(set) var owners: [String: String] = [:]

    public init() {}

    /// Adds a file; a second file at the same path (a host named like a platform file, two
    /// plugins claiming one file) stops generation rather than silently replacing the first.
    public mutating func add(_ file: OutputFile) throws(OutputPathCollision) {
        try add(file, owner: nil)
    }

    /// Adds a file a plugin wrote, which must match a path pattern its description declares.
    mutating func add(_ file: OutputFile, from plugin: PluginDescription) throws {
        guard plugin.mayWrite(path: file.path) else { throw UndeclaredWrite(plugin: plugin.identifier, output: .file(file.path)) }
        try add(file, owner: plugin.identifier)
    }

    private mutating func add(_ file: OutputFile, owner: String?) throws(OutputPathCollision) {
        guard files[file.path] == nil else {
            throw OutputPathCollision(path: file.path, firstWriter: owners[file.path], secondWriter: owner)
        }
        files[file.path] = file
        owners[file.path] = owner
    }

    mutating func setHiera(_ document: HieraDocument, for file: HieraFile, path: String) throws(OutputPathCollision) {
        hiera[file] = document
        try add(OutputFile(path: path, content: .yaml(.map(document.values)), secure: file.isSecure))
    }

    public var paths: [String] { files.keys.sorted() }
}

/// Two outputs at one path. When one plugin (or the hiera files) produced both, names in the
/// inventory did it (two hosts, a host named like a platform file); when two writers did, their
/// declarations overlap, which is a defect in sysinvc.
public struct OutputPathCollision: Error, CustomStringConvertible {
    public let path: String
    /// The plugins that wrote the path, in order; nil stands for the hiera files.
    public let firstWriter: String?
    public let secondWriter: String?

    public init(path: String, firstWriter: String? = nil, secondWriter: String? = nil) {
        self.path = path
        self.firstWriter = firstWriter
        self.secondWriter = secondWriter
    }

    public var isBetweenWriters: Bool { firstWriter != secondWriter }

    public var description: String {
        guard isBetweenWriters else {
            return "two outputs would be written to \(path); rename the host or application whose name produces it"
        }
        let writers = [firstWriter, secondWriter].map { $0.map { "plugin \($0)" } ?? "the hiera files" }
        return "internal error: \(writers[0]) and \(writers[1]) both write \(path); this is a defect in sysinvc's plugin declarations, whose file patterns overlap"
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
