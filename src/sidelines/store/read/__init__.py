"""The read path of the store, one module per resource: meetings, statements, documents,
actors, topics (and occasions) and search, with the WHERE conditions of the filters
(:mod:`~sidelines.store.read.conditions`), the shapes of their records
(:mod:`~sidelines.store.read.shapes`) and their types (:mod:`~sidelines.store.read.results`).
"""
