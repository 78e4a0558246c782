enum OrderValidationPlaceholder {}
