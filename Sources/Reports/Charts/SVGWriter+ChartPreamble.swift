extension SVGWriter {
  /// Starts a chart with what every chart opens with, in this order: the `<svg>` root marked as
  /// one image whose name and description screen readers take from `<title>` and `<desc>`, the
  /// chart's own `<defs>` (gradients, patterns, clip paths), a white background and the bold
  /// title line, cut to the chart's width.
  init(
    chartWidth width: Int, height: Int, title: String, description: String,
    definitions: (inout SVGWriter) -> Void
  ) {
    self.init(
      width: width, height: height,
      extraAttributes: [
        ("role", "img"), ("aria-labelledby", "chart-title chart-desc"),
        ("font-family", ChartStyle.fontFamily),
      ])
    element("title", [("id", "chart-title")], content: title)
    element("desc", [("id", "chart-desc")], content: description)
    open("defs")
    definitions(&self)
    close("defs")
    element("rect", [("width", "100%"), ("height", "100%"), ("fill", "#FFFFFF")])
    let n = SVGNumber.format
    let pad = ChartStyle.padding
    element(
      "text",
      [
        ("x", n(pad)), ("y", n(ChartStyle.titleBaseline)), ("font-size", n(ChartStyle.titleSize)),
        ("font-weight", "bold"), ("fill", ChartStyle.textColor),
      ], content: TextMetrics.truncated(title, toWidth: Double(width) - 2 * pad, fontSize: ChartStyle.titleSize))
  }
}
