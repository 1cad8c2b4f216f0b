import Compiler
import FuzzDriver
import Foundation

// A node list (instackenv.json / nodes.json) as host-import reads it: TripleO's rules and the
// hosts it would add.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, count in
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    _ = NodesImport.read(text, file: "nodes.json")
    return 0
})
