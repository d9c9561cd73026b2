"""Self-assessments (progression-facts section 12, exercise-facts section 4):
the home tests, their results, the plain-words calls on them, and the
routine suggestions they lead to.

* :mod:`~practice.assess.protocol` the tests themselves: order, sides,
  versions, caps and bounds, stop rules, set-up words (plain data);
* :mod:`~practice.assess.records` the values kept (results, answers to
  suggestions);
* :mod:`~practice.assess.calls` a test's results over time and what the
  change since the baseline means;
* :mod:`~practice.assess.mappings` section 12's mappings as suggestions, and
  the extra sets and holds accepted ones add to the routine;
* :mod:`~practice.assess.when` when a test may be taken, and when one is due;
* :mod:`~practice.journal.assessor` the :class:`Assessor`, over the Journal.

Only the service touches the store; the rest imports no UI and nothing of
the store, so the rules are tested on their own.
"""
