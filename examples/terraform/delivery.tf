# The delivery pipeline of the order processor: CodeCommit -> CodeBuild -> CodeDeploy (blue/green
# traffic shifting on the alias), orchestrated by CodePipeline, with an e-mail on failed builds.
# peaksim reads these resources but does not model them yet (it says so in a warning).

resource "aws_codecommit_repository" "orders" {
  repository_name = "order-processor"
  description     = "Order processor Lambda source"
}

resource "aws_s3_bucket" "artifacts" {
  bucket = "orders-pipeline-artifacts-123456789012"
}

resource "aws_iam_role" "delivery" {
  name = "orders-delivery"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = ["codebuild.amazonaws.com", "codedeploy.amazonaws.com", "codepipeline.amazonaws.com"] }
    }]
  })
}

resource "aws_codebuild_project" "order_processor" {
  name                   = "order-processor"
  service_role           = aws_iam_role.delivery.arn
  build_timeout          = 60  # minutes (AWS default)
  queued_timeout         = 480 # minutes (AWS default, 8 h)
  concurrent_build_limit = 2
  artifacts {
    type = "CODEPIPELINE"
  }
  environment {
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = "aws/codebuild/amazonlinux2-aarch64-standard:3.0"
    type         = "ARM_CONTAINER"
  }
  source {
    type = "CODEPIPELINE"
  }
}

resource "aws_codedeploy_app" "order_processor" {
  name             = "order-processor"
  compute_platform = "Lambda"
}

resource "aws_codedeploy_deployment_group" "order_processor" {
  app_name               = aws_codedeploy_app.order_processor.name
  deployment_group_name  = "order-processor-live"
  service_role_arn       = aws_iam_role.delivery.arn
  deployment_config_name = "CodeDeployDefault.LambdaCanary10Percent5Minutes"
  deployment_style {
    deployment_option = "WITH_TRAFFIC_CONTROL"
    deployment_type   = "BLUE_GREEN"
  }
  auto_rollback_configuration {
    enabled = true
    events  = ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"]
  }
  alarm_configuration {
    enabled = true
    alarms  = [aws_cloudwatch_metric_alarm.processor_errors.alarm_name]
  }
}

resource "aws_cloudwatch_metric_alarm" "processor_errors" {
  alarm_name          = "order-processor-errors"
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  dimensions          = { FunctionName = "order-processor", Resource = "order-processor:live" }
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 1
  threshold           = 10
  comparison_operator = "GreaterThanOrEqualToThreshold"
}

resource "aws_codepipeline" "order_processor" {
  name     = "order-processor"
  role_arn = aws_iam_role.delivery.arn
  artifact_store {
    location = aws_s3_bucket.artifacts.bucket
    type     = "S3"
  }
  stage {
    name = "Source"
    action {
      name             = "Source"
      category         = "Source"
      owner            = "AWS"
      provider         = "CodeCommit"
      version          = "1"
      output_artifacts = ["source"]
      configuration    = { RepositoryName = aws_codecommit_repository.orders.repository_name, BranchName = "main" }
    }
  }
  stage {
    name = "Build"
    action {
      name             = "Build"
      category         = "Build"
      owner            = "AWS"
      provider         = "CodeBuild"
      version          = "1"
      input_artifacts  = ["source"]
      output_artifacts = ["build"]
      configuration    = { ProjectName = aws_codebuild_project.order_processor.name }
    }
  }
  stage {
    name = "Deploy"
    action {
      name            = "Deploy"
      category        = "Deploy"
      owner           = "AWS"
      provider        = "CodeDeploy"
      version         = "1"
      input_artifacts = ["build"]
      configuration = {
        ApplicationName     = aws_codedeploy_app.order_processor.name
        DeploymentGroupName = aws_codedeploy_deployment_group.order_processor.deployment_group_name
      }
    }
  }
}

# --- E-mail on failed builds ---------------------------------------------------------------

resource "aws_sns_topic" "build_failures" {
  name = "order-processor-build-failures"
}

resource "aws_sns_topic_subscription" "build_failures_email" {
  topic_arn = aws_sns_topic.build_failures.arn
  protocol  = "email"
  endpoint  = var.build_failure_email
}

resource "aws_cloudwatch_event_rule" "build_failed" {
  name = "order-processor-build-failed"
  event_pattern = jsonencode({
    source        = ["aws.codebuild"]
    "detail-type" = ["CodeBuild Build State Change"]
    detail = {
      "build-status" = ["FAILED"]
      "project-name" = [aws_codebuild_project.order_processor.name]
    }
  })
}

resource "aws_cloudwatch_event_target" "build_failed_email" {
  rule = aws_cloudwatch_event_rule.build_failed.name
  arn  = aws_sns_topic.build_failures.arn
}
