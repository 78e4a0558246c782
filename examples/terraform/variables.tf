variable "region" {
  description = "AWS Region of the order pipeline."
  type        = string
  default     = "us-east-1"
}

variable "processor_timeout" {
  description = "Order-processor function timeout, seconds (the queue's visibility timeout is 6x this, AWS's advice)."
  type        = number
  default     = 15
}

variable "processor_reserved_concurrency" {
  description = "Reserved concurrency of the order processor; the event source mapping's maximum concurrency matches it."
  type        = number
  default     = 100
}

variable "max_receive_count" {
  description = "Receives before a message moves to the dead-letter queue."
  type        = number
  default     = 10
}

variable "build_failure_email" {
  description = "Address that receives an e-mail when a build fails (the subscription must be confirmed)."
  type        = string
  default     = "orders-team@example.com"
}
