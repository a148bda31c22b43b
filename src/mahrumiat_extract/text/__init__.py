"""Text layer: normalization with an offset map, matching keys, numbers, dates."""
