"""The sidebar: tag bar, annotation list and cards, and "Needs attention"."""
