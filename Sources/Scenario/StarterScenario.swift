/// The commented starter scenario that `peaksim init` writes: every section of SCENARIO.md
/// with AWS's defaults and a comment per key, ready to pass `peaksim check`.
public enum StarterScenario {
  /// The file's text for a scenario called `name` (a folder-safe name).
  public static func text(name: String) -> String {
    """
    # peaksim scenario: a what-if run of the order pipeline
    #   producer -> SQS queue -> Lambda (event source mapping) -> DynamoDB table, with a DLQ.
    # Check it with `peaksim check \(name).yaml`, run it with `peaksim run \(name).yaml`.
    # Units: durations 250ms 30s 15m 4d (ns us ms s m h d); rates 120/s 9000/m (/s /m /h);
    # sizes 1KB 256KiB (B, KB = 1000 B, KiB = 1024 B, MB, MiB). Any key can be overridden on the
    # command line: --set event_source.batch_size=5. Values below are AWS's defaults unless noted.

    name: \(name)                      # names the report folder: reports/\(name)/
    description: what this scenario asks    # one line for the report
    seed: 1                             # same seed, same results, byte for byte
    duration: 1d                        # simulated horizon (required)
    interval: 1m                        # one row of timeseries.csv per interval
    # start: 2026-11-26T00:00:00Z       # calendar time of t = 0 (RFC 3339); picks date-dependent AWS rules and prices
    architecture: decoupled             # decoupled (queue in front) | synchronous (no queue: errors go back to the customer)

    traffic:
      baseline: 50/s                    # orders per second before the multipliers below (required, or trace)
      # profile:                        # multiplier of baseline, linear between points, flat after the last
      #   - {at: 0h, x: 1}
      #   - {at: 8h, x: 5}
      # diurnal: {amplitude: 0.4, peak: 20h}   # x (1 + amplitude cos(2 pi (t - peak) / 24h))
      # bursts:                         # flash sales: x multiplier during [at, at + for)
      #   - {at: 9h, for: 15m, x: 2}
      # trace: traces/last-year.csv     # instead of baseline x profile: CSV time_s,orders (relative to this file)
      arrivals: poisson                 # poisson | uniform (evenly spaced, for tests)

    orders:
      items: {dist: poisson, mean: 2.5} # items per order (at least 1)
      defects:                          # fraction of all orders with each producer defect (sum at most 1)
        price_as_string: 0.003          # "price": "19.99" instead of a number
        missing_field: 0.001            # a required field left out
        negative_quantity: 0.001
        total_mismatch: 0.001           # total differs from the sum of the items
        malformed_json: 0.0005          # the body is not JSON
        oversized: 0                    # larger than queue.max_message_size: rejected at send
      duplicates: 0.002                 # fraction of orders the producer sends twice
      client_retries: 2                 # synchronous architecture: tries after the first before an order is lost

    queue:                              # SQS standard queue
      visibility_timeout: 30s           # 0s-12h; AWS advises at least 6 x lambda.timeout
      max_receive_count: 10             # receives before a message moves to the DLQ (1-1000; AWS advises >= 5); null = no DLQ
      retention: 4d                     # a message older than this is deleted: a lost order (60s-14d)
      dlq_retention: 14d                # counted from the original send; keep it longer than retention
      max_message_size: 1MiB            # larger bodies are rejected at send (1KiB-1MiB; default 256KiB if start is before Aug 2025)
      in_flight_limit: 120000           # received but not yet deleted messages, at most
      duplicate_delivery: 0             # probability that a receive hands out an extra copy (at-least-once)
      delay: 0s                         # a sent message is not receivable until send + delay (0s-15m)
      receive_wait_time: 0s             # recorded only: the event source mapping long-polls 20 s anyway (0s-20s)

    event_source:                       # Lambda's SQS event source mapping
      batch_size: 10                    # messages per invocation (1-10000; above 10 needs batching_window >= 1s)
      batching_window: 0s               # wait up to this long to fill a batch (0s-300s)
      maximum_concurrency: null         # cap on concurrent batches (2-1000); null = not set
      scaling: aws2023                  # aws2023 (5, +300/min, <= 1250) | aws2019 (5, +60/min, <= 1000) | instant
      report_batch_item_failures: true  # partial batch responses: only failed messages return to the queue
      provisioned_mode: null            # SQS provisioned mode, e.g. {minimum_pollers: 2, maximum_pollers: 200}:
                                        # dedicated event pollers, billed per EPU-hour; not with maximum_concurrency

    lambda:
      memory: 1024MB                    # 128MB-10240MB; CPU grows with memory
      timeout: 3s                       # 1s-900s; must not exceed queue.visibility_timeout
      reserved_concurrency: null        # both floor and ceiling for this function; at most account - 100; null = not set
      account_concurrency: 1000         # the Region's concurrency quota
      other_functions_concurrency: 0    # concurrency the rest of the account uses
      cold_start: {dist: lognormal, median: 300ms, sigma: 0.5}   # INIT of a new execution environment
      idle_expiry: 10m                  # a warm environment unused this long is recycled
      duration:                         # handler time
        per_invocation: {dist: lognormal, median: 15ms, sigma: 0.4}
        per_message: {dist: lognormal, median: 4ms, sigma: 0.3}
        measured_at: null               # memory the durations were measured at; null = lambda.memory
        cpu_bound: 0                    # share of the handler time that scales with CPU (1 vCPU at 1769MB); 0 = none
      architecture: x86_64              # x86_64 | arm64 (prices differ)
      provisioned_concurrency: 0        # pre-initialised environments: no cold start, billed per GB-s for the whole run

    table:                              # DynamoDB orders table
      mode: on_demand                   # on_demand | provisioned
      previous_peak: 2000/s             # on_demand: highest sustained write rate already reached (2x is instant)
      max_write_rate: 40000/s           # on_demand: table quota or configured maximum
      write_capacity: 1000              # provisioned: WCU
      # autoscaling: {min: 1000, max: 20000, target: 0.7}   # provisioned target tracking (target 0.2-0.9); absent = fixed
      item_size: auto                   # auto = from the order body, or a size such as 1KB
      partitions: auto                  # auto = from capacity (1000 WCU each), or a number
      hot_key_share: 0                  # fraction of writes that land on one partition key range
      latency: {dist: lognormal, median: 6ms, sigma: 0.3}   # one PutItem

    retries:                            # SDK retries of throttled writes inside the function
      mode: legacy                      # legacy (boto3 default: 10 attempts for DynamoDB) | standard (3, jitter)
      max_attempts: null                # null = the mode's own

    slo:                                # what the run is judged against; null = not judged
      p99_end_to_end: 5m                # send to persisted write, 99th percentile
      max_oldest_age: 15m               # age of the oldest message in the queue
      valid_orders_in_dlq: 0
      lost_orders: 0

    cost:
      free_tier: false                  # subtract the monthly free tiers from the estimate
      event_poller_unit_hour_usd: null  # USD per event poller unit-hour (provisioned mode); AWS's price was not found

    limits:
      max_backlog: 50000000             # an overloaded run stops here (about 40 bytes a message)

    # variants:                         # for `peaksim compare`: each overrides keys of this scenario
    #   - name: provisioned-3000
    #     set: {table.mode: provisioned, table.write_capacity: 3000}

    """
  }
}
