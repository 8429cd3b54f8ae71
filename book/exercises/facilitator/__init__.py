"""The facilitator's views: the projector (projection) and a group's answers charted (group)."""
