/** One problem in a request: the field (dotted path) and why it was refused. */
export interface ErrorDetail {
  field: string;
  message: string;
}

/** The body of every error response. */
export interface ErrorResponse {
  statusCode: number;
  error: string;
  message: string;
  details?: ErrorDetail[];
}
