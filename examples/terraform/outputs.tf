output "queue_url" {
  description = "Where producers send orders."
  value       = aws_sqs_queue.orders.url
}

output "dead_letter_queue_url" {
  value = aws_sqs_queue.orders_dlq.url
}

output "processor_alias_arn" {
  description = "The alias CodeDeploy shifts and the event source mapping invokes."
  value       = aws_lambda_alias.order_processor_live.arn
}

output "table_name" {
  value = aws_dynamodb_table.orders.name
}

output "pipeline_name" {
  value = aws_codepipeline.order_processor.name
}
