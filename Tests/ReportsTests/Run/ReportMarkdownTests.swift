import PipelineModel
import Reports
import Scenario
import Testing

/// `report.md` reads in the order a reviewer needs: the verdict first.
@Suite struct ReportMarkdownTests {
  @Test func theVerdictComesFirst() throws {
    let text = ReportMarkdown.render(RunSamples.report(RunSamples.decoupled))
    let headings = text.split(separator: "\n").filter { $0.hasPrefix("## ") }
    let first = try #require(headings.first)
    #expect(first.hasPrefix("## Verdict: "))
    #expect(text.hasPrefix("# sample\n"))
    #expect(headings.map { String($0.prefix(12)) }.contains("## Headline"))
  }

  @Test func verdictTableHasOneRowPerSLO() {
    let result = RunSamples.decoupled
    let text = ReportMarkdown.render(RunSamples.report(result))
    let missed = result.slo.filter { !$0.met }.count
    #expect(text.contains(missed == 0 ? "## Verdict: ✅ all 4 SLOs met" : "## Verdict: ❌ \(missed) of 4 SLOs missed"))
    for name in ["p99_end_to_end", "max_oldest_age", "valid_orders_in_dlq", "lost_orders"] {
      #expect(text.contains("(`\(name)`)"))
    }
  }

  @Test func sectionsAChartsAndSettingsArePresent() {
    let text = ReportMarkdown.render(RunSamples.report(RunSamples.decoupled))
    for section in [
      "## What saturated first, and when", "## Sizing hints", "## AWS's recommendations", "## Charts",
      "## Dead-letter queue", "## Latency", "## Cost",
    ] {
      #expect(text.contains(section + "\n"), "missing \(section)")
    }
    for chart in ReportCharts.fileNames { #expect(text.contains("](charts/\(chart))")) }
    #expect(text.contains("`queue.max_receive_count`: 2 is below the 5 AWS recommends with Lambda (sample.yaml:12:3)"))
    #expect(text.contains("<details>\n<summary>Effective settings: 3 keys, 1 from the file, 1 from the command line"))
    #expect(text.contains("seed = 3"))
    #expect(text.contains("**Thu 26 Nov 2026 00:00 → Thu 26 Nov 2026 00:03 UTC**"))
    #expect(!text.contains("nan"))
  }

  @Test func theSettingsTableNamesEachValuesSourceIncludingTerraform() {
    var report = RunSamples.report(RunSamples.decoupled)
    report.effectiveSettings.append(
      EffectiveSetting(
        keyPath: "lambda.timeout", value: "3m",
        origin: .terraform(address: "aws_lambda_function.processor", attribute: "timeout")))
    let text = ReportMarkdown.render(report)
    #expect(text.contains("Effective settings: 4 keys, 1 from the file, 1 from Terraform, 1 from the command line"))
    let lines = text.split(separator: "\n")
    #expect(
      lines.contains {
        $0.hasPrefix("lambda.timeout = 3m ") && $0.hasSuffix("# terraform:aws_lambda_function.processor.timeout")
      })
    #expect(lines.contains { $0.hasPrefix("seed = 3 ") && $0.hasSuffix("# --set") })
    #expect(lines.contains { $0.hasPrefix("queue.retention = 4d ") && $0.hasSuffix("# default") })
  }

  @Test func theDLQIsSplitIntoInvalidAndValidOrders() {
    let result = RunSamples.decoupled
    let text = ReportMarkdown.render(RunSamples.report(result))
    #expect(text.contains("invalid order (validation core)"))
    #expect(text.contains("**\(NumberFormat.grouped(result.dlqValid)) valid orders never persisted**"))
  }

  @Test func synchronousRunsExplainTheMissingQueue() {
    let text = ReportMarkdown.render(RunSamples.report(RunSamples.synchronous))
    #expect(text.contains("The synchronous architecture has no queue and no DLQ"))
    #expect(text.contains("errors returned to customers"))
    #expect(!text.contains("queue wait"))
  }
}
