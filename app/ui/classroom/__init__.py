"""The teacher's class window: its models, heat map, dialogs and sentences."""
