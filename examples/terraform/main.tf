# The seed system of peaksim: the decoupled order pipeline
#   order-simulator -> SQS standard queue -> order-processor (via the event source mapping) -> DynamoDB
# with a dead-letter queue after 10 receives. Written for peaksim's examples; `plan.json` is
# `terraform show -json` of a plan against the deployed stack (so ARNs are known).

locals {
  name = "orders"
}

# --- Queue and dead-letter queue -----------------------------------------------------------

resource "aws_sqs_queue" "orders_dlq" {
  name                      = "${local.name}-dlq"
  message_retention_seconds = 1209600 # 14 days: longer than the source queue, as AWS advises
}

resource "aws_sqs_queue" "orders" {
  name                       = local.name
  visibility_timeout_seconds = 6 * var.processor_timeout # AWS: at least 6 x the function timeout
  message_retention_seconds  = 345600                    # 4 days
  max_message_size           = 262144
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.orders_dlq.arn
    maxReceiveCount     = var.max_receive_count
  })
}

# --- Functions --------------------------------------------------------------------------------

data "aws_iam_policy_document" "lambda_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "order_lambda" {
  name               = "${local.name}-lambda"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
}

resource "aws_iam_role_policy_attachment" "order_lambda_sqs" {
  role       = aws_iam_role.order_lambda.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole"
}

# Sends synthetic orders to the queue (the producer in load tests).
resource "aws_lambda_function" "order_simulator" {
  function_name = "order-simulator"
  role          = aws_iam_role.order_lambda.arn
  runtime       = "python3.12"
  handler       = "simulator.handler"
  filename      = "build/order-simulator.zip"
  memory_size   = 256
  timeout       = 60
  environment {
    variables = { QUEUE_URL = aws_sqs_queue.orders.url }
  }
}

# Validates each order and writes it to the table; partial batch responses for bad orders.
resource "aws_lambda_function" "order_processor" {
  function_name                  = "order-processor"
  role                           = aws_iam_role.order_lambda.arn
  runtime                        = "python3.12"
  handler                        = "processor.handler"
  filename                       = "build/order-processor.zip"
  memory_size                    = 1024
  timeout                        = var.processor_timeout
  reserved_concurrent_executions = var.processor_reserved_concurrency
  architectures                  = ["arm64"]
  publish                        = true
  environment {
    variables = { TABLE_NAME = aws_dynamodb_table.orders.name }
  }
}

# CodeDeploy shifts this alias between versions (blue/green); the mapping invokes the alias.
resource "aws_lambda_alias" "order_processor_live" {
  name             = "live"
  function_name    = aws_lambda_function.order_processor.function_name
  function_version = aws_lambda_function.order_processor.version
  lifecycle {
    ignore_changes = [function_version, routing_config] # CodeDeploy owns them
  }
}

resource "aws_lambda_event_source_mapping" "orders" {
  event_source_arn                   = aws_sqs_queue.orders.arn
  function_name                      = aws_lambda_alias.order_processor_live.arn
  batch_size                         = 10
  maximum_batching_window_in_seconds = 0
  function_response_types            = ["ReportBatchItemFailures"]
  scaling_config {
    maximum_concurrency = var.processor_reserved_concurrency # within the reserved concurrency
  }
}

# --- Table ------------------------------------------------------------------------------------

resource "aws_dynamodb_table" "orders" {
  name         = local.name
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "order_id"
  attribute {
    name = "order_id"
    type = "S"
  }
  on_demand_throughput {
    max_write_request_units = 40000
  }
  point_in_time_recovery {
    enabled = true
  }
}
