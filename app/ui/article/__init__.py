"""The article view and the layers drawn on it: rendering, offsets, highlights, find."""
