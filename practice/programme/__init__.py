"""The programme: levels held per person, the rules for moving between them,
the pain model (bands, the next-morning rule, flare mode, the trend call),
red-flag screening and the short education points.

Everything here is plain rules over plain values (no store, no UI): the
Journal gathers the inputs and saves what the person confirms.
"""
