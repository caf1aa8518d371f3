"""What runs the rules: model loading, the process pool, the parse cache, snapshots and
atomic writes. Importing it makes every region index of this process come from its
snapshot (see `snapshot.load_gazetteer`)."""

from pipeline.rules import gazetteer as _gazetteer
from pipeline.runtime.snapshot import load_gazetteer as _load_gazetteer

_gazetteer.set_loader(_load_gazetteer)
