import PipelineModel

/// `delivery.csv`: the delivery pipeline per report interval (issue 15), RFC 4180 through
/// ``CSVWriter``. `time_s` is the interval's end; `queued` and `running` are the peaks of the
/// build queue and of the builds running during it; the other columns count what happened in it
/// (`lost`: build attempts a Jenkins crash ended).
public enum DeliveryCSV {
  public static let columns = [
    "time_s", "commits", "queued", "running", "lost", "rejected", "timed_out", "succeeded", "failed",
  ]

  public static func render(_ result: RunResult) -> String? {
    guard let delivery = result.delivery else { return nil }
    let interval = result.configuration.interval.seconds
    let end = result.configuration.duration.seconds
    let time = ReportTime(startEpochSeconds: result.configuration.startEpochSeconds)
    let calendar = time.startEpochSeconds != nil
    var header = columns
    if calendar { header.insert("time_utc", at: 1) }
    var csv = CSVWriter(header: header)
    for (index, row) in delivery.rows.enumerated() {
      let t = min(Double(index + 1) * interval, end)
      var fields: [CSVWriter.Field] = [.number(t)]
      if calendar { fields.append(.text(time.iso(t) ?? "")) }
      fields += [row.commits, row.queued, row.running, row.lost, row.rejected, row.timedOut, row.succeeded, row.failed]
        .map { .integer($0) }
      csv.append(fields)
    }
    return csv.render()
  }
}
