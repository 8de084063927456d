export interface PageRequest {
  offset?: number;
  limit?: number;
}
