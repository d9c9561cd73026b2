"""A person's own routine on top of the catalog: their kit, their doses and
days, the order within each phase, and exercises of their own. Imports no UI."""
