import PipelineModel

/// The deployments of a run on its charts (SCENARIO.md "Additions"): `deployments.svg`, the
/// new version's alias weight against its invocations and the function's errors, and markers
/// for each deployment's start, rollback and completion on the backlog and DLQ charts. Runs
/// without deployments get neither.
extension ReportCharts {
  static let deploymentsFileName = "deployments.svg"
  static let deploymentsAltText =
    "CodeDeploy deployments: the new version's alias weight, its invocations and the function's errors"

  static func deployments(_ d: ChartData) -> SVGLineChart {
    var chart = d.chart(
      title: "Deployments: the new version's share and the function's errors",
      primary: ChartValueAxis(unit: "per second", title: "invocations"),
      secondary: ChartValueAxis(unit: "%", title: "new version's alias weight", maximum: 100))
    chart.summary =
      "The alias weight of the version being deployed (mean of each interval), the invocations it ran and the function errors, per second; ticks mark each deployment's start, rollback and completion."
    chart.series = [
      d.series("new version invocations", d.perSecond(.newVersionInvocations), color: .blue, filled: true),
      d.series("function errors", d.perSecond(.functionErrors), color: .vermillion),
      d.series(
        "new version's weight", d.rows.map { $0[.newVersionShare] * 100 }, color: .bluishGreen, step: true,
        axis: .secondary),
    ]
    chart.markers = deploymentMarkers(d.result)
    return chart
  }

  /// Ticks at each deployment's start, rollback (or stop) and success.
  static func deploymentMarkers(_ r: RunResult) -> [ChartMarkers] {
    var starts: [Double] = []
    var rollbacks: [Double] = []
    var successes: [Double] = []
    for record in r.deployments {
      for step in record.timeline {
        switch step.kind {
        case .started: starts.append(step.seconds)
        case .rolledBack, .stopped: rollbacks.append(step.seconds)
        case .succeeded: successes.append(step.seconds)
        default: break
        }
      }
    }
    var markers: [ChartMarkers] = []
    if !starts.isEmpty { markers.append(ChartMarkers(name: "deployment starts", times: starts, color: .blue)) }
    if !rollbacks.isEmpty { markers.append(ChartMarkers(name: "rollbacks", times: rollbacks, color: .vermillion)) }
    if !successes.isEmpty {
      markers.append(ChartMarkers(name: "deployments succeeded", times: successes, color: .bluishGreen))
    }
    return markers
  }
}
