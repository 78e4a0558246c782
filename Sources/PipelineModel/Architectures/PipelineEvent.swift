import SimulationKernel

/// The events of the pipeline models: one case per component, each with its own small enum of
/// events (indices and generations into the component's storage), so the event queue holds
/// plain values (no closures, no existentials, no allocation per event). An architecture routes
/// each popped event to its component.
enum PipelineEvent: Sendable {
  /// The producer's next order arrives (the scheduler's stream event).
  case arrival
  case queue(QueueEvent)
  case eventSource(EventSourceEvent)
  case function(FunctionEvent)
  case client(ClientEvent)
  case deployment(DeploymentEvent)
  /// End of a report interval.
  case reportTick
}

/// Which of two simultaneous pipeline events fires first (the kernel's order is
/// `(time, priority, sequence)`): an order arriving at an instant is sent before anything else
/// happens then, a message whose visibility timeout ends then is visible before pollers and
/// invocations act, and everything else fires in the order it was scheduled.
extension EventPriority {
  static var arrival: EventPriority { EventPriority(0) }
  static var messageReturn: EventPriority { EventPriority(1) }
}
