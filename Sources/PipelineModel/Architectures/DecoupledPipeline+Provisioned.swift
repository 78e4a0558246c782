/// SQS provisioned mode's bookkeeping in the pipeline (aws-behaviour.md §2 "Provisioned mode
/// for SQS ESM"): the body sizes the event pollers' read throughput is charged in.
extension DecoupledPipeline {
  /// Notes the body size of a sent message and of its producer duplicate, if any.
  mutating func noteMessageSizes(first: UInt32, bytes: Int32) {
    esm.noteMessageSize(slot: first, bytes: bytes)
    let twin = queue.messages[first].twin
    if twin != .max { esm.noteMessageSize(slot: twin, bytes: bytes) }
  }
}
