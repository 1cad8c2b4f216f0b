/// How long one stage of a run took, on the monotonic clock.
public struct StageTiming: Sendable, Equatable {
    public let stage: String
    public let duration: Duration

    public init(stage: String, duration: Duration) {
        self.stage = stage
        self.duration = duration
    }

    /// `render     12.3 ms`, as `compile --timings` prints it.
    public var description: String {
        let milliseconds = duration / .milliseconds(1)
        let padded = stage.count < 9 ? stage + String(repeating: " ", count: 9 - stage.count) : stage
        return "\(padded) \((milliseconds * 10).rounded() / 10) ms"
    }
}

/// Times the stages of one run.
public struct StageClock: Sendable {
    public private(set) var timings: [StageTiming] = []
    private let clock = ContinuousClock()

    public init() {}

    public mutating func time<Value>(_ stage: String, _ work: () throws -> Value) rethrows -> Value {
        let start = clock.now
        defer { timings.append(StageTiming(stage: stage, duration: clock.now - start)) }
        return try work()
    }
}
