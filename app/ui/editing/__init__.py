"""The open document: annotations with undo, autosave, and keeping the sidecar safe."""
