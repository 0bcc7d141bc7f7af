"""`/health/` for a load balancer or a monitor, and the task worker's heartbeat it reads."""
